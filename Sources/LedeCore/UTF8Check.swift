public import Foundation

/// Finds where a file stops being UTF-8, for an error an author can act on.
///
/// Content files and templates share it, so both say the same thing about the same mistake:
/// `Content/about.md:4:4: error: file is not valid UTF-8 (byte 0xE9)`.
public enum UTF8Check {
    /// Finds the first byte of `data` that does not begin a valid UTF-8 sequence, or begins
    /// one that is cut short, overlong or a surrogate.
    /// - Parameter data: The bytes of a file.
    /// - Returns: The 1-based line and column (in characters) of the first invalid byte, and
    ///   the byte; the position after the end and byte 0 when every byte is valid.
    public static func firstInvalidByte(in data: Data) -> (line: Int, column: Int, byte: UInt8) {
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, byte)
            }
            guard index + length <= bytes.count else { return (line, column, byte) }
            for next in bytes[(index + 1)..<(index + length)] where next & 0xC0 != 0x80 {
                return (line, column, byte)
            }
            guard String(bytes: bytes[index..<(index + length)], encoding: .utf8) != nil else {
                return (line, column, byte)
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column, 0)
    }

    /// Decodes the bytes of a file as UTF-8 text, dropping a leading byte order mark the way
    /// Foundation's `String(data:encoding:)` does.
    /// - Parameters:
    ///   - bytes: The whole file.
    ///   - path: The file's path for the error, relative to the site root.
    /// - Returns: The text.
    /// - Throws: ``DiagnosticError`` at the line and column of the first invalid byte:
    ///   `Templates/page.mustache:2:5: error: file is not valid UTF-8 (byte 0xE9)`.
    public static func text(of bytes: [UInt8], path: String) throws -> String {
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if let text = String(validating: bytes[(hasMark ? 3 : 0)...], as: UTF8.self) { return text }
        let (line, column, byte) = firstInvalidByte(in: Data(bytes))
        throw DiagnosticError(
            Diagnostic(
                at: SourceLocation(path: path, line: line, column: column),
                "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))"))
    }
}
