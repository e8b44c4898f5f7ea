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

    /// Why ``makeParser(flags:)`` failed.
    struct SetupError: Error {
        /// What went wrong, for a diagnostic.
        let message: String
    }

    /// A new parser with every extension in ``extensionNames`` attached; the caller frees it
    /// with `cmark_parser_free`.
    /// - Parameter flags: cmark options.
    /// - Throws: ``SetupError`` when cmark cannot create the parser or lacks an extension.
    static func makeParser(flags: Int32) throws(SetupError) -> OpaquePointer {
        _ = registration
        guard let parser = cmark_parser_new(flags) else {
            throw SetupError(message: "cmark-gfm could not create a parser")
        }
        for name in extensionNames {
            guard let extensionHandle = cmark_find_syntax_extension(name) else {
                cmark_parser_free(parser)
                throw SetupError(message: "cmark-gfm has no '\(name)' extension")
            }
            cmark_parser_attach_syntax_extension(parser, extensionHandle)
        }
        return parser
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
        let flags = flags(for: options)
        let parser: OpaquePointer
        do {
            parser = try makeParser(flags: flags)
        } catch {
            throw DiagnosticError(Diagnostic(at: file, error.message))
        }
        defer { cmark_parser_free(parser) }
        var text = source
        let parsed: OpaquePointer?
        do {
            // Under the parse lock until the gate has proven that parses may overlap.
            parsed = try CMarkParseGate.shared.run {
                text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
                }
                return cmark_parser_finish(parser)
            }
        } catch {
            throw DiagnosticError(
                Diagnostic(
                    at: file,
                    "cmark-gfm calls Lede's cmark_manage_extensions_special_characters, but its own could not be found"
                ))
        }
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
