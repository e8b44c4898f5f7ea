public import Foundation

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

extension ContentHash {
    /// A stable 64-bit hash of bytes that reads eight at a time: several times faster than
    /// ``of(buffer:)`` on large files, for telling whether an output file changed (never for
    /// names that end up in the site, which keep FNV-1a).
    public static func fast(buffer: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ (UInt64(buffer.count) &* multiplier)
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ mix(word)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ mix(tail)) &* multiplier
        return mix(hash)
    }

    /// ``fast(buffer:)`` of some bytes.
    public static func fast(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { fast(buffer: $0) }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value = value &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
