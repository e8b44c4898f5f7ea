import Foundation
import LedeCore
import Testing

@testable import LedePreview

/// Each test saves a file the way some editor does and expects exactly one `onChange` call,
/// with the real file's path only. The debounce is longer than the default so that a loaded
/// machine pausing between two steps of a save does not split the burst.
@Suite("File watcher")
struct FileWatcherTests {
    static let debounce: Duration = .milliseconds(200)
    /// Long enough after the first call for a wrong second call to arrive.
    static let settle: Duration = .milliseconds(800)

    /// Starts a watcher on `folder` (and `extra` paths), runs `change`, and returns the calls.
    static func calls(
        watching paths: [String], polling: Bool = false, expecting count: Int = 1,
        _ change: () throws -> Void
    ) async throws -> [[String]] {
        let log = ChangeLog()
        let watcher = FileWatcher(
            paths: paths.map { URL(fileURLWithPath: $0) }, debounce: debounce, usePolling: polling,
            pollInterval: .milliseconds(50), onChange: log.record)
        try watcher.start()
        defer { watcher.stop() }
        try change()
        return await log.wait(for: count, settle: settle)
    }

    static func writeInPlace(_ path: String, _ text: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    static func rename(_ from: String, _ to: String) throws {
        try #require(Foundation.rename(from, to) == 0, "rename \(from) → \(to): \(errno)")
    }

    @Test("write in place", arguments: [false, true])
    func inPlace(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("Content/a.md", "one")
        let calls = try await Self.calls(watching: [folder.path], polling: polling) {
            try Self.writeInPlace(file, "two")
        }
        #expect(calls == [[file]])
    }

    @Test("write a temporary file, rename it over the real one", arguments: [false, true])
    func temporaryThenRename(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("Content/a.md", "one")
        let calls = try await Self.calls(watching: [folder.path], polling: polling) {
            let temporary = try folder.write("Content/.a.md.tmp-1234", "two")
            try Self.rename(temporary, file)
        }
        #expect(calls == [[file]])
    }

    @Test("delete, then create", arguments: [false, true])
    func deleteThenCreate(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("Content/a.md", "one")
        let calls = try await Self.calls(watching: [folder.path], polling: polling) {
            try FileManager.default.removeItem(atPath: file)
            try folder.write("Content/a.md", "two")
        }
        #expect(calls == [[file]])
    }

    @Test("vim: probe file, swap file, rename to a backup, write, delete the backup", arguments: [false, true])
    func vimBackupDance(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("Content/a.md", "one")
        let calls = try await Self.calls(watching: [folder.path], polling: polling) {
            let probe = try folder.write("Content/4913", "")
            try FileManager.default.removeItem(atPath: probe)
            try folder.write("Content/.a.md.swp", "swap")
            try Self.rename(file, file + "~")
            try folder.write("Content/a.md", "two")
            try FileManager.default.removeItem(atPath: file + "~")
        }
        #expect(calls == [[file]])
    }

    @Test("editor swap and lock files alone are not changes", arguments: [false, true])
    func editorFilesAlone(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("Content/a.md", "one")
        let calls = try await Self.calls(watching: [folder.path], polling: polling, expecting: 0) {
            try folder.write("Content/.a.md.swp", "swap")
            try folder.write("Content/.a.md.swx", "swap")
            try folder.write("Content/#a.md#", "autosave")
            try folder.write("Content/a.md~", "backup")
            try FileManager.default.createSymbolicLink(
                atPath: folder.file("Content/.#a.md"), withDestinationPath: "user@host.123")
        }
        #expect(calls.isEmpty)
    }

    @Test("a folder created after start is watched", arguments: [false, true])
    func newSubfolder(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let log = ChangeLog()
        let watcher = FileWatcher(
            paths: [folder.url], debounce: Self.debounce, usePolling: polling, pollInterval: .milliseconds(50),
            onChange: log.record)
        try watcher.start()
        defer { watcher.stop() }
        try FileManager.default.createDirectory(atPath: folder.file("Content/new"), withIntermediateDirectories: true)
        // An empty folder changes nothing; give the watcher time to add its watch.
        try await Task.sleep(for: .milliseconds(500))
        let file = try folder.write("Content/new/b.md", "b")
        let calls = await log.wait(settle: Self.settle)
        #expect(calls == [[file]])
    }

    @Test("files written into a new folder before its watch exists are still reported", arguments: [false, true])
    func newFolderWithFiles(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let calls = try await Self.calls(watching: [folder.path], polling: polling) {
            try folder.write("Content/x/y/z/deep.md", "deep")
        }
        #expect(calls == [[folder.file("Content/x/y/z/deep.md")]])
    }

    @Test("a single file is watched through its folder; its neighbours are not reported", arguments: [false, true])
    func singleFile(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = try folder.write("lede.toml", "title = 1")
        let calls = try await Self.calls(watching: [config], polling: polling) {
            try folder.write("other.txt", "ignored")
            let temporary = try folder.write("lede.toml.tmp", "title = 2")
            try Self.rename(temporary, config)
        }
        #expect(calls == [[config]])
    }

    @Test("a deleted file is reported", arguments: [false, true])
    func deletion(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("Content/a.md", "one")
        let calls = try await Self.calls(watching: [folder.path], polling: polling) {
            try FileManager.default.removeItem(atPath: file)
        }
        #expect(calls == [[file]])
    }

    @Test("a watched folder deleted and created again is still watched", arguments: [false, true])
    func recreatedRoot(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = folder.file("Content")
        let file = try folder.write("Content/a.md", "one")
        let log = ChangeLog()
        let watcher = FileWatcher(
            paths: [URL(fileURLWithPath: content)], debounce: Self.debounce, usePolling: polling,
            pollInterval: .milliseconds(50), onChange: log.record)
        try watcher.start()
        defer { watcher.stop() }
        try FileManager.default.removeItem(atPath: content)
        let removed = await log.wait(settle: Self.settle)
        #expect(removed.count == 1)
        #expect(removed.first?.contains(file) == true)
        try folder.write("Content/a.md", "two")
        let calls = await log.wait(for: 2, settle: Self.settle)
        #expect(calls.dropFirst() == [[file]])
        try Self.writeInPlace(file, "three")
        let again = await log.wait(for: 3, settle: Self.settle)
        #expect(again.dropFirst(2) == [[file]])
    }

    @Test("a path in a missing folder cannot be watched; a missing file in a folder can", arguments: [false, true])
    func missingParent(polling: Bool) throws {
        let watcher = FileWatcher(paths: [URL(fileURLWithPath: "/nonexistent-lede/a/b")], usePolling: polling) { _ in }
        let error = #expect(throws: PreviewError.self) { try watcher.start() }
        #expect(error?.description == "cannot watch '/nonexistent-lede/a': No such file or directory")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let later = FileWatcher(paths: [URL(fileURLWithPath: folder.file("later.md"))], usePolling: polling) { _ in }
        try later.start()
        later.stop()
    }

    @Test("stop from inside onChange does not deadlock, and nothing is reported after stop", arguments: [false, true])
    func stopFromCallback(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("a.md", "one")
        let log = ChangeLog()
        let holder = WatcherHolder()
        let watcher = FileWatcher(
            paths: [folder.url], debounce: Self.debounce, usePolling: polling, pollInterval: .milliseconds(50)
        ) { paths in
            log.record(paths)
            holder.watcher?.stop()
        }
        holder.watcher = watcher
        try watcher.start()
        try Self.writeInPlace(file, "two")
        _ = await log.wait(settle: .milliseconds(100))
        try Self.writeInPlace(file, "three")
        let calls = await log.wait(for: 2, timeout: .seconds(1), settle: Self.settle)
        #expect(calls == [[file]])
    }
}

/// Lets `onChange` reach its own watcher.
final class WatcherHolder: Sendable {
    private let box = Locked<FileWatcher?>(nil)
    var watcher: FileWatcher? {
        get { box.withLock { $0 } }
        set { box.withLock { $0 = newValue } }
    }
}
