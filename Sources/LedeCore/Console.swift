#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where Lede's messages go: progress to standard output, problems to standard error.
public enum Console {
    /// Prints a line to standard output.
    public static func info(_ line: String) {
        print(line)
    }

    /// Prints lines to standard error, unbuffered, so they interleave correctly with progress.
    public static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        // `stderr` is a C global that Swift 6.3 rejects as shared mutable state; write(2) to
        // the descriptor is unbuffered too.
        var bytes = line
        bytes.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }
}
