#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files with `open`/`read` into one buffer.
enum FileBytes {
    /// The bytes of the regular file at `path`, or `nil` when anything goes wrong or the file
    /// grows while it is read (the caller then reads it through Foundation).
    static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var failed = false
        // One byte more than the size, to notice a file that grew.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            while initialized < buffer.count {
                let result = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failed = true }
                if result <= 0 { return }
                initialized += result
            }
        }
        return failed || bytes.count > size ? nil : bytes
    }
}
