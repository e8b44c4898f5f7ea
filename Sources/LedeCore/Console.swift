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
        // `write(2)` rather than `fputs(_, stderr)`: Swift 6 rejects the global `stderr`
        // (shared mutable state), and standard error is meant to be unbuffered anyway.
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            bytes = bytes.dropFirst(written)
        }
    }
}
