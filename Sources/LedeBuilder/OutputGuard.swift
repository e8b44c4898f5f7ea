import Foundation
import LedeCore

/// Decides, before anything is written, whether a folder may serve as a build's output.
///
/// Lede replaces its output folder as a whole, so an output in the wrong place would take an
/// author's files with it. These are refused, whatever `--force` says: the site folder, a
/// folder that contains it (its parent, the home folder, `/`), a folder inside `Content/`,
/// `Templates/`, `seeds/` or `Public/`, a file, and a symbolic link. An existing folder that
/// holds files and no ``OutputMark`` is refused unless `force` is set: Lede only replaces
/// folders it made.
enum OutputGuard {
    /// The site folders an output must never be in.
    static let sourceFolders = ["Content", "Templates", "seeds", "Public"]

    /// Checks `output` against the site at `siteRoot`.
    /// - Parameters:
    ///   - output: The absolute output path.
    ///   - siteRoot: The absolute site folder.
    ///   - force: Whether an existing folder Lede did not make may be replaced.
    ///   - home: The user's home folder, never an output or inside one.
    /// - Throws: ``DiagnosticError`` saying why the output is refused.
    static func check(output: String, siteRoot: String, force: Bool, home: String? = homeFolder) throws {
        func refuse(_ why: String) -> DiagnosticError {
            DiagnosticError(Diagnostic(at: nil, "refusing to write the site to \(output): \(why)"))
        }
        let name = PathText.lastComponent(of: output)
        if name.hasSuffix(".lede-spare") { throw refuse("names ending in .lede-spare are Lede's spare folders") }
        let kind = FileSystem.kind(at: output, followingLinks: false)
        if kind == .symbolicLink {
            throw refuse("it is a symbolic link; give the folder it points to, or a new folder")
        }
        if kind == .file || kind == .other { throw refuse("it is a file, not a folder") }
        let resolved = realLocation(of: output)
        let site = FileSystem.realPath(siteRoot) ?? siteRoot
        if resolved == "/" { throw refuse("it is the root of the file system") }
        if resolved == site {
            throw refuse("it is the site folder itself (the output replaces the folder it is written to)")
        }
        if site.hasPrefix(resolved + "/") {
            throw refuse("it contains the site folder \(site) (the output replaces the folder it is written to)")
        }
        for folder in sourceFolders {
            let source = site + "/" + folder
            if resolved == source || resolved.hasPrefix(source + "/") {
                throw refuse("it is inside the site's \(folder)/ folder, which holds the site's sources")
            }
        }
        if let home, let realHome = FileSystem.realPath(home),
            resolved == realHome || realHome.hasPrefix(resolved + "/")
        {
            throw refuse(resolved == realHome ? "it is the home folder" : "it contains the home folder \(realHome)")
        }
        guard kind == .folder, !force, !isLedes(output) else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output))?.sorted() ?? []
        guard !entries.isEmpty else { return }
        let shown = entries.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        throw refuse(
            "it holds files Lede did not write (\(shown)\(entries.count > 3 ? ", …" : "")); Lede replaces "
                + "everything in its output folder, so it writes only to a new or empty folder or one it made; "
                + "choose another folder, or pass --force to let Lede replace this folder's contents")
    }

    /// Whether Lede made the folder: it holds the mark, or an older Lede's file list sits
    /// beside it.
    static func isLedes(_ folder: String) -> Bool {
        if OutputMark.isMarked(folder) { return true }
        let legacyList = PathText.parent(of: folder) + "/." + PathText.lastComponent(of: folder) + ".lede-files"
        return FileSystem.kind(at: legacyList, followingLinks: false) == .file
    }

    /// The output's real location: its nearest existing ancestor with every link resolved,
    /// followed by the components that do not exist yet.
    static func realLocation(of path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty {
            if let real = FileSystem.realPath(existing) {
                let joined = ([real == "/" ? "" : real] + rest.reversed()).joined(separator: "/")
                return joined.isEmpty ? "/" : joined
            }
            rest.append(PathText.lastComponent(of: existing))
            existing = PathText.parent(of: existing)
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

    /// `$HOME`, when set.
    static var homeFolder: String? {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
