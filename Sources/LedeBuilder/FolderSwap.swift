import LedeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file-system calls the output writer needs beyond Foundation and ``FileSystem``: an
/// atomic exchange of two folders, rename, unlink, rmdir. The platform differences of writing
/// output live here.
enum FolderSwap {
    /// Swaps two existing folders in one step: a reader sees one or the other, never neither.
    /// - Throws: The system's error message when the swap is not possible.
    static func exchange(_ first: String, _ second: String) throws(SwapError) {
        #if canImport(Glibc)
            // renameat2 is in glibc since 2.28 but hidden from Swift behind _GNU_SOURCE.
            typealias Renameat2 =
                @convention(c) (
                    Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
                ) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
                throw SwapError(message: "this system has no renameat2")
            }
            let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
            let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>
            guard renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0 else {
                throw SwapError(message: String(cString: strerror(errno)))
            }
        #elseif canImport(Darwin)
            guard renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 else {
                throw SwapError(message: String(cString: strerror(errno)))
            }
        #endif
    }

    /// Renames `source` to `target`, which must not exist or be an empty folder.
    static func rename(_ source: String, to target: String) throws(SwapError) {
        #if canImport(Glibc)
            let result = Glibc.rename(source, target)
        #elseif canImport(Darwin)
            let result = Darwin.rename(source, target)
        #endif
        guard result == 0 else { throw SwapError(message: String(cString: strerror(errno))) }
    }

    /// Removes one file or symbolic link (never what a link points to).
    @discardableResult
    static func unlinkFile(_ path: String) -> Bool { unlink(path) == 0 }

    /// Removes a folder if it is empty.
    @discardableResult
    static func removeEmptyFolder(_ path: String) -> Bool { rmdir(path) == 0 }

    /// A failed system call, with the system's words.
    struct SwapError: Error {
        let message: String
    }
}
