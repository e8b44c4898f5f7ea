import Foundation
import LedeCore

/// Runs a fuzz target's input function over files, outside libFuzzer.
///
/// A fuzz executable built by a plain `swift build` has this as its `main`: it replays crash
/// files and corpora (`lede-fuzz-markdown crash-1234 Tests/Fixtures/Fuzz/markdown`) so a
/// finding can be reproduced under a debugger, and so the targets keep compiling and running
/// in every normal build. `make fuzz` builds with `-DLEDE_FUZZING`, which removes that `main`
/// and lets libFuzzer provide its own.
public enum FuzzReplay {
    /// Replays every file named in `arguments` (folders: every file inside, sorted).
    /// - Parameters:
    ///   - arguments: The command line without the program name.
    ///   - testOneInput: The target's `LLVMFuzzerTestOneInput`.
    /// - Returns: The exit status: 0 when every input ran, 2 for a file that cannot be read.
    public static func run(
        _ arguments: [String], testOneInput: (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32 {
        guard !arguments.isEmpty else {
            Console.error("usage: replay FILE-OR-FOLDER… (runs each input once; build with make fuzz to fuzz)")
            return 2
        }
        var count = 0
        for argument in arguments {
            for path in files(at: argument) {
                guard let bytes = FileBytes.contents(ofFile: path) else {
                    Console.error("\(path): error: cannot read the file")
                    return 2
                }
                _ = bytes.withUnsafeBufferPointer { testOneInput($0.baseAddress, $0.count) }
                count += 1
            }
        }
        Console.info("ran \(count) input\(count == 1 ? "" : "s")")
        return 0
    }

    /// The file itself, or the regular files directly inside a folder, sorted.
    private static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return [path] }
        return names.sorted().map { "\(path)/\($0)" }.filter { FileBytes.contents(ofFile: $0) != nil }
    }
}
