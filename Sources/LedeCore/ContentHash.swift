/// A stable 64-bit FNV-1a hash of bytes: the same on every run and machine, unlike `Hasher`
/// (seeded per process) or Foundation's `Data.hashValue` (which may look at a prefix only).
/// It names fingerprinted assets and tells a rebuild which output files changed.
public enum ContentHash {
    /// The hash of contiguous bytes.
    public static func of(buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in buffer {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
