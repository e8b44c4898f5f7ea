/// Measures of text read as UTF-8 bytes straight from cmark's strings, with ASCII fast paths:
/// they run over every text node of every page, where building a `String` and breaking it into
/// characters would dominate the build.
enum UTF8Text {
    /// The number of words: runs of non-space characters holding a letter or a digit, so a
    /// dash or a bullet standing alone is not a word.
    static func wordCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        // A word is counted at its end, when it holds a letter or digit.
        var count = 0
        var wordHasLetter = false
        var offset = 0
        while offset < text.count {
            let byte = text[offset]
            let isSpace: Bool
            let isLetter: Bool
            if byte < 0x80 {
                isSpace = byte == 0x20 || byte &- 0x09 < 5
                isLetter = isLetterOrDigit(byte)
                offset &+= 1
            } else {
                let (scalar, width) = scalar(in: text, at: offset)
                isSpace = scalar.properties.isWhitespace
                isLetter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                offset &+= width
            }
            if isSpace {
                if wordHasLetter { count &+= 1 }
                wordHasLetter = false
            } else if isLetter {
                wordHasLetter = true
            }
        }
        if wordHasLetter { count &+= 1 }
        return count
    }

    /// The number of characters, as `String.count` gives it: in ASCII every byte is one,
    /// except that a CR LF pair is one.
    static func characterCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var pairs = 0
        var previous: UInt8 = 0
        for byte in text {
            if byte >= 0x80 { return String(decoding: text, as: UTF8.self).count }
            if byte == 0x0A && previous == 0x0D { pairs += 1 }
            previous = byte
        }
        return text.count - pairs
    }

    /// The scalar that starts at `offset` of `text` and its length in bytes; U+FFFD and one
    /// byte for a byte that starts no valid sequence.
    @inline(__always)
    static func scalar(in text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = text[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var iterator = text[offset...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return ("\u{FFFD}", 1) }
        return (scalar, UTF8.width(scalar))
    }

    /// Whether an ASCII byte is a letter or a digit.
    @inline(__always)
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        byte &- 48 < 10 || (byte | 0x20) &- 97 < 26
    }
}
