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
        // `write(2)` rather than `fputs(_, stderr)`: Glibc's `stderr` is a mutable global
        // that Swift 6 refuses to read from concurrent code.
        let bytes = Array(line.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(2, $0.baseAddress! + written, $0.count - written) }
            guard result > 0 else { return }
            written += result
        }
    }
}
