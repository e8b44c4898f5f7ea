public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes whole files with plain `open`/`read`/`write` calls: the cheapest way to
/// read and write the ten thousand files of a large site.
public enum FileBytes {
    /// The bytes of the regular file at `path`, or `nil` when anything goes wrong or the file
    /// grows while it is read (the caller then reads it through Foundation).
    public static func contents(ofFile path: String) -> [UInt8]? {
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

    /// Writes `data` (`Data` or a byte array, without copying it) to `path`, creating or
    /// truncating the file.
    /// - Returns: `nil` on success, else the system's error message.
    public static func write(_ data: some ContiguousBytes, toPath path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> String? in
            guard var base = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, base, remaining)
                #else
                    let written = Darwin.write(descriptor, base, remaining)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                remaining -= written
                base += written
            }
            return nil
        }
    }
}
