import LedeCore

@testable import LedeContent
@testable import LedeExplainer

/// Where test links pretend to be written.
let linkLocation = LedeCore.SourceLocation(path: "Content/guides/setup.md", line: 7, column: 12)

/// A source document with `count` one-line paragraphs.
func document(_ name: String, paragraphs count: Int) -> SourceDocument {
    let text = (1...count).map { "Paragraph \($0)." }.joined(separator: "\n")
    return SourceDocument(
        name: name, path: "seeds/\(name).txt", title: name, description: nil,
        paragraphs: SourceDocument.paragraphs(of: text))
}

/// A resolver over the given seeds, a few terms and pages, and a base path.
func resolver(seeds: [SourceDocument], basePath: String = "/") -> LinkResolver {
    LinkResolver(
        documents: Dictionary(uniqueKeysWithValues: seeds.map { ($0.name, $0) }), termIDs: ["asylum", "refugee"],
        pageURLs: [
            "Content/index.md": "/", "Content/about.md": "/about/", "Content/guides/setup.md": "/guides/setup/",
            "Content/guides/advanced/index.md": "/guides/advanced/", "Content/timeline/flight.md": "/timeline/#flight",
        ], basePath: basePath)
}

/// The message of a thrown ``DiagnosticError``, or `nil` when `body` does not throw one.
func diagnostics(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as DiagnosticError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}
