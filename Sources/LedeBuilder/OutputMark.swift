import Foundation
import LedeCore

/// The file Lede keeps inside every folder it writes a site into: it marks the folder as
/// Lede's, and lists the files Lede wrote there.
///
/// The list is what lets a later build remove files it no longer produces without walking the
/// folder. Paths are separated by NUL bytes, which no file name can hold, so no name can forge
/// an entry; and every path read back is checked with ``isSafeRelativePath(_:)`` before it is
/// acted on, so a damaged or hand-edited list can never reach outside the folder.
public enum OutputMark {
    /// The mark's file name inside an output folder.
    public static let fileName = ".lede-output"
    /// The first line of the mark; a file without it is not a list Lede can trust.
    private static let header = "lede output folder, format 1: the files Lede wrote here, NUL-separated\n"

    /// Whether `folder` holds a mark, readable or not: the folder is then Lede's.
    static func isMarked(_ folder: String) -> Bool {
        FileSystem.kind(at: folder + "/" + fileName, followingLinks: false) == .file
    }

    /// The files a marked folder lists, or `nil` when the mark is missing or damaged.
    static func files(in folder: String) -> [String]? {
        guard FileSystem.kind(at: folder + "/" + fileName, followingLinks: false) == .file,
            let bytes = FileBytes.contents(ofFile: folder + "/" + fileName)
        else { return nil }
        let headerBytes = Array(header.utf8)
        guard bytes.starts(with: headerBytes) else { return nil }
        var paths: [String] = []
        for piece in bytes[headerBytes.count...].split(separator: 0, omittingEmptySubsequences: true) {
            guard let path = String(validating: piece, as: UTF8.self), isSafeRelativePath(path) else { return nil }
            paths.append(path)
        }
        return paths
    }

    /// Writes the mark listing `paths` (in sorted order, so that equal sites have equal marks)
    /// into `folder`, atomically (a temporary file renamed). Anything that writes into an
    /// output folder besides the builder (the preview's placeholder page) marks what it wrote.
    /// - Throws: ``DiagnosticError`` when the mark cannot be written.
    public static func write(_ paths: some Sequence<String>, in folder: String) throws {
        var bytes = Array(header.utf8)
        for path in Set(paths).sorted() {
            bytes.append(contentsOf: path.utf8)
            bytes.append(0)
        }
        let temporary = folder + "/" + fileName + ".new"
        if let failure = FileBytes.write(Data(bytes), toPath: temporary) {
            throw DiagnosticError(Diagnostic(at: nil, "cannot write \(temporary): \(failure)"))
        }
        do {
            try FolderSwap.rename(temporary, to: folder + "/" + fileName)
        } catch {
            throw DiagnosticError(Diagnostic(at: nil, "cannot write \(folder)/\(fileName): \(error.message)"))
        }
    }

    /// Whether `path` names something strictly inside a folder: relative, no empty, `.` or
    /// `..` component, no NUL. Every path from a list is checked with this before use.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." { return false }
        }
        return path != fileName
    }
}
