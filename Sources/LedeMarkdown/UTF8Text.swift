/// Measures of text read as UTF-8 bytes straight from cmark's strings, with ASCII fast paths:
/// they run over every text node of every page, where building a `String` and breaking it into
/// characters would dominate the build.
enum UTF8Text {
    /// The number of words: runs of non-space characters holding a letter or a digit, so a
    /// dash or a bullet standing alone is not a word.
    static func wordCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        var wordHasLetter = false
        var offset = 0
        while offset < text.count {
            let byte = text[offset]
            let isSpace: Bool
            let isLetter: Bool
            if byte < 0x80 {
                isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
                isLetter = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                offset += 1
            } else {
                let (scalar, width) = TermMatcher.scalar(in: text, at: offset)
                isSpace = scalar.properties.isWhitespace
                isLetter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                offset += width
            }
            if isSpace {
                if inWord && wordHasLetter { count += 1 }
                inWord = false
                wordHasLetter = false
            } else {
                inWord = true
                wordHasLetter = wordHasLetter || isLetter
            }
        }
        if inWord && wordHasLetter { count += 1 }
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
}
