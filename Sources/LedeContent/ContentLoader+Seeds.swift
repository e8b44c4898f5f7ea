import Foundation
import LedeCore

extension ContentLoader {
    /// Reads every seed: `seeds/<name>.txt` (the current text), `seeds/<name>.yaml` (title,
    /// description, the current text's date and the notes on revisions), the earlier versions
    /// in `seeds/<name>.revisions/<date>.txt`, and the lock `seeds/<name>.lock`.
    func loadDocuments(bag: inout DiagnosticBag) -> [SourceDocument] {
        let files = listFiles(in: "seeds", bag: &bag)
        // Metadata left behind (the scaffold's seeds/example.yaml) would be ignored without a word.
        for path in files where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            let text = PathText.deletingExtension(of: path) + ".txt"
            guard path.split(separator: "/").count == 2, !files.contains(text) else { continue }
            bag.add(
                Diagnostic(
                    .warning, at: SourceLocation(path: path),
                    "no \(text) beside this file: it describes no source document and is ignored (add the text or delete the file)"
                ))
        }
        var documents: [SourceDocument] = []
        var revisionFiles: [String: [String]] = [:]
        for path in files {
            let parts = path.split(separator: "/")
            guard parts.count == 3, parts[1].hasSuffix(".revisions") else { continue }
            revisionFiles[String(parts[1].dropLast(".revisions".count)), default: []].append(path)
        }
        for path in files where path.hasSuffix(".txt") {
            let name = PathText.deletingExtension(of: PathText.lastComponent(of: path))
            guard path.split(separator: "/").count == 2 else { continue }
            if let problem = Slug.problem(in: name) {
                bag.add(
                    Diagnostic(
                        at: SourceLocation(path: path), "seed file name '\(name)' cannot be part of a URL: \(problem)"))
                continue
            }
            guard let text = bag.collect(at: SourceLocation(path: path), { try readText(path) }) else { continue }
            var document = SourceDocument(
                name: name, path: path, title: name, description: nil, paragraphs: SourceDocument.paragraphs(of: text))
            if document.paragraphs.isEmpty {
                bag.add(Diagnostic(at: SourceLocation(path: path), "the source document has no paragraphs"))
            }
            document.earlier = loadRevisions(revisionFiles.removeValue(forKey: name) ?? [], bag: &bag)
            readMetadata(into: &document, bag: &bag)
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(document.lockPath).path) {
                let lockPath = document.lockPath
                document.lock = bag.collect(at: SourceLocation(path: lockPath)) {
                    try CitationLock(parsing: try readText(lockPath), path: lockPath)
                }
            }
            documents.append(document)
        }
        for (name, paths) in revisionFiles.sorted(by: { $0.key < $1.key }) {
            bag.add(
                Diagnostic(
                    at: SourceLocation(path: paths[0]),
                    "\(SourceDocument.revisionsFolder(of: name))/ holds earlier versions of seeds/\(name).txt, which does not exist: the current text must be there"
                ))
        }
        return documents
    }

    /// The earlier versions of a seed, oldest first: every file of its `.revisions` folder,
    /// named by its date.
    private func loadRevisions(_ paths: [String], bag: inout DiagnosticBag) -> [SourceRevision] {
        var revisions: [SourceRevision] = []
        for path in paths {
            let fileName = PathText.lastComponent(of: path)
            guard let (id, date) = SourceRevision.date(fromFileName: fileName) else {
                bag.add(
                    Diagnostic(
                        at: SourceLocation(path: path),
                        "an earlier version of a seed is named by its date: 2026-11-28.txt, or 2026-11-28-1430.txt with the time (UTC) when there are two on one day"
                    ))
                continue
            }
            guard let text = bag.collect(at: SourceLocation(path: path), { try readText(path) }) else { continue }
            let paragraphs = SourceDocument.paragraphs(of: text)
            if paragraphs.isEmpty {
                bag.add(Diagnostic(at: SourceLocation(path: path), "the earlier version has no paragraphs"))
                continue
            }
            revisions.append(SourceRevision(id: id, date: date, path: path, paragraphs: paragraphs, note: nil))
        }
        return revisions.sorted { ($0.date ?? .distantPast, $0.id) < ($1.date ?? .distantPast, $1.id) }
    }

    /// Reads `seeds/<name>.yaml`: the title, description, the current text's date and the
    /// notes on revisions; checks that the current text is dated after the earlier versions.
    private func readMetadata(into document: inout SourceDocument, bag: inout DiagnosticBag) {
        let name = document.name
        var metadataNode: DataNode?
        var metadataPath: String?
        for path in ["seeds/\(name).yaml", "seeds/\(name).yml"]
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            metadataPath = path
            metadataNode = bag.collect(at: SourceLocation(path: path)) {
                try DataReader.parse(try readText(path), at: SourceLocation(path: path, line: 1, column: 1))
            }
        }
        if let node = metadataNode {
            if let title = node["title"] {
                document.title = bag.collect(at: title.location) { try title.requireText("'title'") } ?? name
            }
            document.description = node["description"]?.text
            if let dateNode = node["date"], !dateNode.isNull {
                document.date = bag.collect(at: dateNode.location) { try DateParser.writtenDate(dateNode, key: "date") }
            }
            if let notes = node["notes"], !notes.isNull {
                readNotes(notes, into: &document, bag: &bag)
            }
        }
        guard let newest = document.earlier.last else { return }
        guard let date = document.date else {
            bag.add(
                Diagnostic(
                    at: metadataNode?.location ?? SourceLocation(path: document.path),
                    "\(name) has earlier versions in \(document.revisionsFolder)/: give the date of the current text in \(metadataPath ?? "seeds/\(name).yaml") (date: 2026-11-30)"
                ))
            return
        }
        if let newestDate = newest.date, date.date <= newestDate {
            bag.add(
                Diagnostic(
                    at: date.location,
                    "the current text is dated \(date.text), not after its earlier version \(newest.path): give the date it was published"
                ))
        }
    }

    /// `notes:` maps a revision's date, as written, to the author's note on it.
    private func readNotes(_ notes: DataNode, into document: inout SourceDocument, bag: inout DiagnosticBag) {
        guard case .map = notes.value else {
            bag.add(
                Diagnostic(
                    at: notes.location,
                    "'notes' maps the date of a revision to a note on it (2026-11-30: \"The outlet added …\"), found \(notes.kindName)"
                ))
            return
        }
        let ids = document.revisions.map(\.id)
        for (key, value) in notes.members {
            guard !value.isNull else { continue }
            if key == document.date?.text {
                document.note = value
            } else if let index = document.earlier.firstIndex(where: { $0.id == key }) {
                document.earlier[index].note = value
            } else {
                bag.add(
                    Diagnostic(
                        at: value.location,
                        "no revision of \(document.name) is dated '\(key)' (revisions: \(ids.joined(separator: ", ")))")
                )
            }
        }
    }
}
