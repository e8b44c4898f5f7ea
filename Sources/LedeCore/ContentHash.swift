/// A stable 64-bit FNV-1a hash of bytes: the same on every run and machine, unlike `Hasher`
/// (seeded per process) or Foundation's `Data.hashValue` (which may look at a prefix only).
public enum ContentHash {
    /// The hash of `bytes`.
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash of contiguous bytes, without going through a generic iterator.
    public static func of(buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in buffer {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 lowercase hex digits.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let text = String(of(bytes), radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
