import Foundation

#if LEDE_FUZZING
    import CLibFuzzer
#endif

/// The `main` of every fuzz executable.
public enum FuzzMain {
    /// Fuzzes with libFuzzer when built by `make fuzz` (`-sanitize=fuzzer -DLEDE_FUZZING`),
    /// else replays the files named on the command line (see ``FuzzReplay``).
    /// - Parameter testOneInput: The target's entry point, which is also exported as
    ///   `LLVMFuzzerTestOneInput`.
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        #if LEDE_FUZZING
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
        #else
            exit(FuzzReplay.run(Array(CommandLine.arguments.dropFirst()), testOneInput: testOneInput))
        #endif
    }
}
