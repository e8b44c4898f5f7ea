internal import CCmarkGFM
import Foundation
import LedeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parsed cmark-gfm tree with the parser that knows its extensions; exists only inside
/// ``withParsed(_:options:at:_:)``, which frees both.
struct CMarkDocument {
    /// The GFM extensions every document is parsed with. Footnotes are an option, not one of
    /// these.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions exactly once: the C guard is not atomic, and
    /// `cmark_find_syntax_extension` finds nothing before it ran.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// The one process-wide parse lock.
    ///
    /// > Warning: Debian's cmark-gfm keeps a process-global table of special characters that
    /// > extensions switch on and off while parsing, so `cmark_parser_feed` and
    /// > `cmark_parser_finish` must never run in parallel. Walking and rendering finished
    /// > trees may.
    ///
    /// Keeping the characters set by emptying the extensions' own lists of them
    /// (`cmark_syntax_extension_set_special_inline_chars`) does not work: the inline parser
    /// finds the extension that closes a delimiter run through those lists, and `a ~~b~~ c`
    /// then never finishes parsing.
    private static let parseLock = NSLock()

    /// The document node.
    let root: CMarkNode
    /// The parser's extensions, needed by the renderer (tables do not render without them).
    private let extensions: UnsafeMutablePointer<cmark_llist>?
    /// cmark options for parsing and rendering.
    private let flags: Int32

    /// cmark options for `options`.
    static func flags(for options: MarkdownOptions) -> Int32 {
        var flags = CMARK_OPT_DEFAULT
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        if options.footnotes { flags |= CMARK_OPT_FOOTNOTES }
        return flags
    }

    /// Parses `source` and runs `body` with the tree; the tree and parser are freed when
    /// `body` returns, so `body` copies out everything it needs.
    /// - Parameters:
    ///   - source: Markdown.
    ///   - options: Parsing and rendering options.
    ///   - file: Where `source` starts, for the error when cmark cannot be set up.
    ///   - body: Works on the tree.
    /// - Throws: `DiagnosticError` when cmark cannot be set up; whatever `body` throws.
    static func withParsed<Result>(
        _ source: String, options: MarkdownOptions, at file: SourceLocation,
        _ body: (CMarkDocument) throws -> Result
    ) throws -> Result {
        _ = registration
        let flags = flags(for: options)
        guard let parser = cmark_parser_new(flags) else {
            throw DiagnosticError(Diagnostic(at: file, "cmark-gfm could not create a parser"))
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let extensionHandle = cmark_find_syntax_extension(name) else {
                throw DiagnosticError(Diagnostic(at: file, "cmark-gfm has no '\(name)' extension"))
            }
            cmark_parser_attach_syntax_extension(parser, extensionHandle)
        }
        var parsed: OpaquePointer?
        var text = source
        // A plain pthread lock (NSLock): it guards C state only, and ThreadSanitizer sees it.
        parseLock.lock()
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        parsed = cmark_parser_finish(parser)
        parseLock.unlock()
        guard let root = parsed else {
            throw DiagnosticError(Diagnostic(at: file, "cmark-gfm could not parse the Markdown"))
        }
        defer { cmark_node_free(root) }
        let document = CMarkDocument(
            root: CMarkNode(pointer: root), extensions: cmark_parser_get_syntax_extensions(parser), flags: flags)
        return try body(document)
    }

    /// Joins adjacent text nodes, which cmark leaves split at special characters, so a
    /// phrase such as a glossary term is found in one node.
    func consolidateText() {
        cmark_consolidate_text_nodes(root.pointer)
    }

    /// Renders the tree as HTML.
    /// - Parameter file: Where the document starts, for the error when rendering fails.
    func renderHTML(at file: SourceLocation) throws -> String {
        guard let rendered = cmark_render_html(root.pointer, flags, extensions) else {
            throw DiagnosticError(Diagnostic(at: file, "cmark-gfm could not render the Markdown"))
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
