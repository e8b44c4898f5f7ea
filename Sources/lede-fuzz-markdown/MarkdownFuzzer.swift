import LedeContent
import LedeCore
import LedeExplainer
import LedeFuzzSupport
import LedeMarkdown

/// Renders one input as the Markdown of a page of the bundled site, through the explainer:
/// citations (`[¶2](seed:p2)`) and glossary links resolved, terms linked at their first use,
/// backlinks and page contexts built.
///
/// The site is loaded once, without its other events and updates; each input replaces the body
/// of one plain page and one timeline event, and the explainer renders again only those pages
/// (its cache keeps the others).
final class MarkdownFuzzer: @unchecked Sendable {
    // Unchecked: libFuzzer calls the entry point from one thread only.

    /// The source paths of the pages whose body is replaced.
    static let fuzzedPages = ["Content/about.md", "Content/timeline/080-flight-departs.md"]

    let site: Site
    let indices: [Int]
    let renderer = MarkdownRenderer()
    var cache = ExplainerCache()

    /// Lazily, once per process.
    static let shared = MarkdownFuzzer()

    private init() {
        var loaded: Site
        do {
            loaded = try ContentLoader(root: BundledSite.root).load()
        } catch {
            BundledSite.setupFailed("the bundled site does not load: \(error)")
        }
        // Events and updates other than the fuzzed one only cost time: every build makes their
        // contexts, and they add nothing the fuzzed pages can reach.
        loaded.pages.removeAll { page in
            (page.kind == .event || page.kind == .update) && !Self.fuzzedPages.contains(page.sourcePath)
        }
        site = loaded
        indices = Self.fuzzedPages.compactMap { path in loaded.pages.firstIndex { $0.sourcePath == path } }
        guard indices.count == Self.fuzzedPages.count else {
            BundledSite.setupFailed("the bundled site has no \(Self.fuzzedPages.joined(separator: " or "))")
        }
    }

    /// Runs one input; errors are the expected outcome, only crashes and hangs are findings.
    func test(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Content files are checked for UTF-8 before they reach Markdown.
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        var changed = site
        for index in indices { changed.pages[index].body = text }
        guard let explainer = try? Explainer(site: changed, renderer: renderer) else { return }
        _ = try? explainer.build(cache: &cache)
        // A front-matter item (an event's summary, a term's short text) is rendered inline.
        _ = try? renderer.renderInline(text, file: SourceLocation(path: "Content/fuzz.md", line: 2, column: 8))
    }
}
