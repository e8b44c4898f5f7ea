import Foundation
import LedeCore

#if canImport(Glibc)
    import Glibc
#endif

/// One build at a time per output folder, across processes: two `lede build`s (or a build and
/// `lede build --watch`) of one site would each swap their spare folder in, and leave an output
/// made of pages of both (new-user trial). A build holds an exclusive `flock` on the folder the
/// output is in (where its spare and cache are too) from before it reads the build cache until
/// its output and cache are written; a second build says that it waits, and starts when the
/// first is done, from its result. No file is made for it, and the lock is released when the
/// process ends, however it ends (`kill -9` included): nothing is ever left behind. (Builds into
/// two outputs of one folder wait for each other too.)
final class OutputLock {
    private let descriptor: Int32

    /// The folder whose lock a build of `output` takes.
    static func folder(of output: URL) -> String {
        PathText.parent(of: output.standardizedFileURL.path)
    }

    /// Takes the lock of `output`, waiting while another build holds it.
    /// - Parameter waiting: Called once, when another build holds the lock.
    /// - Throws: ``DiagnosticError`` when the output's folder cannot be made or opened.
    init(beside output: URL, waiting: () -> Void) throws {
        let folder = Self.folder(of: output)
        if FileSystem.kind(at: folder, followingLinks: true) == .missing {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DiagnosticError(
                Diagnostic(at: nil, "cannot open \(folder) to build into it: \(String(cString: strerror(errno)))"))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let problem = String(cString: strerror(errno))
                    close(descriptor)
                    throw DiagnosticError(
                        Diagnostic(at: nil, "cannot wait for the other build into \(folder): \(problem)"))
                }
            }
        }
        self.descriptor = descriptor
    }

    /// Tells the author that a build of `output` waits for another.
    static func sayWaiting(for output: URL) {
        // The output is named (builds into other outputs of its folder wait for it too, rarely).
        Console.error("lede: waiting for another lede build into \(output.standardizedFileURL.path) to finish")
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
