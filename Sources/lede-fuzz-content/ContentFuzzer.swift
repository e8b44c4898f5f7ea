import Foundation
import LedeContent
import LedeCore
import LedeExplainer
import LedeFuzzSupport
import LedeMarkdown

/// Feeds one input to everything that reads front matter and YAML data files.
///
/// The input is parsed as a YAML data file and as a site config directly, then written as a
/// page of each kind that reads its own front matter (a plain page, a timeline event, a
/// glossary term, an update) and as a data file into a small explainer site copied from the
/// bundled one, which is loaded, checked and built by the explainer, as `lede build` would.
final class ContentFuzzer: Sendable {
    /// The files each input is written to, relative to the site.
    static let inputPaths = [
        "Content/fuzz.md", "Content/timeline/fuzz.md", "Content/glossary/fuzz.md", "Content/updates/fuzz.md",
        "Content/_fuzz.yaml",
    ]

    /// The files copied from the bundled site, so that events, terms and updates have their
    /// list pages, and citations their sources.
    static let copiedPaths = [
        "Content/_site.yaml", "Content/_sources.yaml", "Content/timeline/index.md", "Content/glossary/index.md",
        "Content/updates/index.md", "seeds",
    ]

    let site: FuzzScratch

    /// Lazily, once per process: libFuzzer calls the entry point only after `main` started.
    static let shared = ContentFuzzer()

    private init() {
        do {
            site = try FuzzScratch("content")
            for path in Self.copiedPaths {
                try FileManager.default.createDirectory(
                    atPath: PathText.parent(of: "\(site.path)/\(path)"), withIntermediateDirectories: true)
                try site.copy(BundledSite.root.appendingPathComponent(path), to: path)
            }
            // A harness whose site never loads would report every input as fine.
            let loaded = try ContentLoader(root: site.url).load()
            _ = try Explainer(site: loaded, renderer: MarkdownRenderer()).build()
        } catch {
            BundledSite.setupFailed("\(error)")
        }
    }

    /// Runs one input; errors are the expected outcome, only crashes and hangs are findings.
    func test(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let text = String(validating: bytes, as: UTF8.self) {
            let location = SourceLocation(path: "Content/_fuzz.yaml", line: 1, column: 1)
            if let node = try? DataReader.parse(text, at: location) {
                _ = try? SiteConfig(from: node)
            }
        }
        do {
            for path in Self.inputPaths { try site.write(bytes, to: path) }
        } catch {
            BundledSite.setupFailed("\(error)")
        }
        guard let loaded = try? ContentLoader(root: site.url, includeDrafts: true).load(),
            let explainer = try? Explainer(site: loaded, renderer: MarkdownRenderer())
        else { return }
        _ = try? explainer.build()
    }
}
