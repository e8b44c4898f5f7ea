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
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
