import Foundation
import LedeCore
import Testing

@Suite struct FileSystemTests {
    @Test func statusTellsVersionsOfAFileApart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.md").path
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        let first = try #require(FileSystem.status(at: path, followingLinks: true))
        #expect(first.kind == .file)
        #expect(first.size == 3)
        // Within a second of now: the platform's seconds and nanoseconds were read as such.
        let now = Int(Date().timeIntervalSince1970 * 1_000_000_000)
        #expect(abs(first.modified - now) < 5_000_000_000)
        #expect(first.changed >= first.modified)

        // A save by rename: a new inode.
        let temporary = folder.appendingPathComponent(".a.md.tmp").path
        try Data("two!".utf8).write(to: URL(fileURLWithPath: temporary))
        #expect(rename(temporary, path) == 0)
        let second = try #require(FileSystem.status(at: path, followingLinks: true))
        #expect(second.inode != first.inode)
        #expect(second.size == 4)

        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link").path, withDestinationPath: path)
        #expect(
            FileSystem.status(at: folder.appendingPathComponent("link").path, followingLinks: false)?.kind
                == .symbolicLink)
        #expect(FileSystem.status(at: folder.appendingPathComponent("link").path, followingLinks: true) == second)
        #expect(FileSystem.status(at: folder.path, followingLinks: true)?.kind == .folder)
        #expect(FileSystem.status(at: folder.appendingPathComponent("none").path, followingLinks: true) == nil)
        #expect(FileSystem.kind(at: folder.appendingPathComponent("none").path, followingLinks: true) == .missing)
    }
}
