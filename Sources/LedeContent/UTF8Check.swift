import Foundation

/// Finds where a file stops being UTF-8, for an error an author can act on.
enum UTF8Check {
    /// - Returns: The 1-based line and column (in characters) of the first invalid byte, and the byte.
    static func firstInvalidByte(in data: Data) -> (line: Int, column: Int, byte: UInt8) {
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
}
