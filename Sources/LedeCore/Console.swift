#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where Lede's messages go: progress to standard output, problems to standard error.
///
/// Both are written unbuffered, so that progress and problems interleave in order and a
/// long-running `serve` or `--watch` shows each line at once even when piped to a file.
public enum Console {
    /// Prints a line to standard output.
    public static func info(_ text: String) {
        write(text, to: 1)
    }

    /// Prints lines to standard error.
    public static func error(_ text: String) {
        write(text, to: 2)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                #else
                    let written = Darwin.write(descriptor, base + offset, buffer.count - offset)
                #endif
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
