public import Foundation
public import LedeCore
internal import Mustache

/// The templates of a site, loaded and checked once, rendered many times.
///
/// Templates are swift-mustache templates: `{{x}}` (escaped), `{{{x}}}`, sections, inverted
/// sections, partials `{{> partials/head}}` and layouts
/// `{{<base}}{{$content}}…{{/content}}{{/base}}`. Two things are stricter than swift-mustache,
/// which renders them silently as empty: a name that resolves to nothing, and a partial or
/// layout that does not exist.
///
/// ## How templates render
///
/// swift-mustache checks each template's syntax at load (its errors are the ones reported);
/// ``TemplateParser`` then reads the text again as swift-mustache's parser does and compiles
/// it into ``TemplateNode``s, and ``TemplateRenderer`` renders those directly over
/// ``TemplateValue``s: one dictionary lookup per name component, no dynamic casts, HTML
/// escaped per byte into one buffer. The Mustache spec's interpolation, sections, inverted,
/// partials and inheritance suites run through this type (`MustacheSpecTests`).
///
/// ## How missing keys are found
///
/// At load, every component of a looked-up name gets a ``TagReference``, which records the
/// whole name and the tag's `path:line:col`. The first component of `a.b.c` is looked up
/// through the context stack, innermost frame first, stopping at the first frame that has
/// it; so the root frame, the bottom of the stack, is asked only when every inner frame
/// missed, and a miss there is a key found in no frame. Later components (and names with a
/// leading dot) are looked up on one value only, so a miss there is final wherever it
/// happens. No frame ever reports a miss that could still resolve elsewhere: no false
/// positives.
///
/// ## Sections test presence
///
/// `{{x}}` of a missing key is an error, but a section `{{#x}}…{{/x}}` or an inverted
/// section `{{^x}}…{{/x}}` asks whether `x` is there: a missing key is false, as Handlebars'
/// strict mode allows `{{#if x}}`. In a dotted name only the last component may be missing
/// (`{{#page.extra.subtitle}}` on a page without a subtitle is false); an earlier one must
/// resolve (`{{#page.extar.subtitle}}` is still `missing key 'page.extar.subtitle'`), again
/// as in Handlebars' strict mode, so a typo in the path is never silently false.
///
/// Limits: lookups inside ``TemplateValue/null`` are not errors (it is an absent optional);
/// template functions (`{{uppercased(x)}}`) and dynamic partials (`{{>*x}}`) are refused at
/// load, as they cannot be checked.
///
/// ## Recursion and depth
///
/// Recursive partials and layouts are refused at load: a partial that includes itself, two
/// that include each other, layouts that extend each other, or a block filled with a layout
/// that expands that block again. Rendering is recursive and would never stop
/// (a section around the include does not make it acceptable), so each cycle is an error at
/// its first tag: `Templates/a.mustache:3:1: error: partial cycle a → b → a`. Templates nest
/// at most 100 levels deep, counting sections, blocks and layout tags, and the partials and
/// layouts a render passes through (see ``TemplateGraph``), so no template can overflow the
/// stack.
public struct TemplateLibrary: Sendable {
    private let templates: [String: [TemplateNode]]
    private let references: [TagReference]
    private let templateNames: Set<String>
    /// ``fingerprint(of:)`` of every template, by name.
    private let fingerprints: [String: UInt64]

    /// Loads every `*.mustache` under `directory`, recursively.
    ///
    /// Template names are paths relative to `directory` without the extension,
    /// '/'-separated: `base`, `page`, `partials/head`. Loading is synchronous: files are read,
    /// checked with `MustacheTemplate(string:)` and compiled one by one, so that names and
    /// error paths are ours.
    /// - Parameters:
    ///   - directory: The templates folder.
    ///   - displayRoot: The prefix of paths in errors (`Templates`), so that errors read
    ///     `Templates/partials/head.mustache:3:5: error: …`.
    /// - Returns: The checked templates.
    /// - Throws: ``DiagnosticError`` with every template syntax error, every reference to
    ///   an unknown partial or parent layout (`{{> nope}}`, `{{<nope}}`), every byte that is
    ///   not UTF-8, every partial or layout cycle, and nesting deeper than 100 levels, each at
    ///   its `path:line:col`.
    public static func load(from directory: URL, displayRoot: String) throws -> TemplateLibrary {
        var bag = DiagnosticBag()
        let files = try templateFiles(in: directory, displayRoot: displayRoot)
        var templates: [String: [TemplateNode]] = [:]
        var references: [TagReference] = []
        var includes: [(name: String, isParent: Bool, location: SourceLocation)] = []
        var graph = TemplateGraph()
        // Each template's text, hashed, and the partials and layouts it names.
        var textHashes: [String: UInt64] = [:]
        var direct: [String: Set<String>] = [:]
        for (name, relativePath) in files {
            let path = displayRoot.isEmpty ? relativePath : displayRoot + "/" + relativePath
            let text: String
            do {
                text = try read(directory.appendingPathComponent(relativePath), path: path)
            } catch let error as DiagnosticError {
                error.diagnostics.forEach { bag.add($0) }
                continue
            } catch {
                bag.add(Diagnostic(at: SourceLocation(path: path), "cannot read template", causes: ["\(error)"]))
                continue
            }
            guard let scanner = check(text, path: path, into: &bag) else { continue }
            graph.add(template: name, path: path, scanner: scanner)
            textHashes[name] = ContentHash.fast(Data(text.utf8))
            for tag in scanner.tags {
                let location = SourceLocation(path: path, line: tag.line, column: tag.column)
                switch tag.kind {
                case .partial: includes.append((tag.name, false, location))
                case .parent: includes.append((tag.name, true, location))
                default: continue
                }
                direct[name, default: []].insert(tag.name)
            }
            do {
                (templates[name], references) = try TemplateParser.parse(scanner, path: path, references: references)
            } catch {
                bag.add(
                    Diagnostic(
                        at: SourceLocation(path: path),
                        "template could not be prepared for rendering", causes: ["\(error)"]))
            }
        }
        let known = Set(files.map(\.name))
        for include in includes where !known.contains(include.name) {
            let what = include.isParent ? "parent layout" : "partial"
            // (Names of four letters or more: among short names, any one is a near miss.)
            let meant =
                include.name.count < 4
                ? "" : NearMiss.hint(for: include.name, among: known)
            bag.add(
                Diagnostic(
                    at: include.location, "unknown \(what) '\(include.name)' (\(meant)\(Self.describe(known)))"))
        }
        graph.problems().forEach { bag.add($0) }
        try bag.throwIfErrors()
        return TemplateLibrary(
            templates: templates, references: references, templateNames: known,
            fingerprints: fingerprints(textHashes: textHashes, direct: direct))
    }

    /// Each template's ``fingerprint(of:)``: its text and the texts of every template it
    /// reaches through partial and layout tags, transitively. (A block's override comes from a
    /// template on the render's path, so from one of these: no other template can change what
    /// it renders.)
    private static func fingerprints(textHashes: [String: UInt64], direct: [String: Set<String>]) -> [String: UInt64] {
        var fingerprints: [String: UInt64] = [:]
        for name in textHashes.keys {
            var reached: Set<String> = [name]
            var waiting = [name]
            while let next = waiting.popLast() {
                for included in direct[next] ?? [] where reached.insert(included).inserted {
                    waiting.append(included)
                }
            }
            fingerprints[name] = StableHasher.hash { hasher in
                for template in reached.sorted() {
                    hasher.combine(template)
                    hasher.combine(textHashes[template] ?? 0)
                }
            }
        }
        return fingerprints
    }

    /// A stable hash (the same in every run) of the template `name` and of every partial and
    /// layout it renders, transitively: what a page rendered with it is made from, of the
    /// templates. `nil` for an unknown name.
    public func fingerprint(of name: String) -> UInt64? {
        fingerprints[name]
    }

    /// ``fingerprint(of:)`` of every template, by name.
    public var allFingerprints: [String: UInt64] { fingerprints }

    /// Whether a template has this name.
    /// - Parameter name: A template name such as `page` or `partials/head`.
    public func contains(_ name: String) -> Bool {
        templateNames.contains(name)
    }

    /// Every template name, sorted.
    public var names: [String] {
        templateNames.sorted()
    }

    /// Renders one template with a context.
    ///
    /// Safe to call from many tasks at once: each call keeps its own state.
    /// - Parameters:
    ///   - name: The template name (`page`).
    ///   - context: The values the template reads, usually an ``TemplateValue/object(_:)``.
    /// - Returns: The rendered text.
    /// - Throws: ``DiagnosticError`` for an unknown template name
    ///   (`unknown template 'x' (templates: a, b, c)`), and for every name that resolves to
    ///   nothing in the context, at the `path:line:col` of its tag
    ///   (`missing key 'page.dek' in context`). ``TemplateValue/null`` values, keys present
    ///   with false or empty values, and the last component of a section's name are not
    ///   errors.
    public func render(_ name: String, context: TemplateValue) throws -> String {
        guard let template = templates[name] else {
            throw DiagnosticError(Diagnostic(at: nil, "unknown template '\(name)' (\(Self.describe(templateNames)))"))
        }
        var renderer = TemplateRenderer(templates: templates, references: references, context: context)
        renderer.render(template, scope: TemplateRenderer.Scope())
        let diagnostics = renderer.diagnostics
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return renderer.output
    }

    /// The text of one template file.
    /// - Throws: ``DiagnosticError`` at the first byte that is not UTF-8, or Foundation's
    ///   error when the file cannot be read.
    private static func read(_ url: URL, path: String) throws -> String {
        // One read with plain system calls; anything unusual takes Foundation's path, for its
        // error messages.
        let bytes = try FileBytes.contents(ofFile: url.path) ?? [UInt8](Data(contentsOf: url))
        return try UTF8Check.text(of: bytes, path: path)
    }

    private static func describe(_ names: Set<String>) -> String {
        names.isEmpty ? "there are no templates" : "templates: " + names.sorted().joined(separator: ", ")
    }

    /// The `.mustache` files under `directory`: template name and path relative to it.
    private static func templateFiles(
        in directory: URL, displayRoot: String
    ) throws -> [(name: String, relativePath: String)] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(
                Diagnostic(
                    at: SourceLocation(path: displayRoot),
                    "missing templates folder: create \(displayRoot)/ with the site's templates (at least page.mustache)"
                ))
        }
        guard let paths = try? manager.subpathsOfDirectory(atPath: directory.path) else {
            throw DiagnosticError(
                Diagnostic(at: SourceLocation(path: displayRoot), "cannot read the templates folder"))
        }
        return paths.sorted().compactMap { relativePath in
            guard relativePath.hasSuffix(".mustache") else { return nil }
            var isDirectory: ObjCBool = false
            let full = directory.appendingPathComponent(relativePath).path
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return nil
            }
            return (String(relativePath.dropLast(".mustache".count)), relativePath)
        }
    }

    /// Parses `text` with swift-mustache and scans its tags; adds every problem to `bag`.
    /// - Returns: The scanner, or `nil` when the template has errors.
    private static func check(_ text: String, path: String, into bag: inout DiagnosticBag) -> TemplateScanner? {
        let scanner = TemplateScanner(text)
        let scanned = scanner.problems.map {
            Diagnostic(at: SourceLocation(path: path, line: $0.line, column: $0.column), $0.message)
        }
        // swift-mustache's parser recurses once per level and would overflow the stack.
        guard !scanner.isTooDeep else {
            scanned.forEach { bag.add($0) }
            return nil
        }
        do {
            _ = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            // Our scanner points at the opening tag of an unclosed section; swift-mustache at
            // the end of the file. Prefer ours when it found something.
            if scanned.isEmpty {
                let location = SourceLocation(
                    path: path, line: error.context.lineNumber, column: error.context.columnNumber)
                let atEnd = (error.context.lineNumber, error.context.columnNumber) >= endPosition(of: text)
                bag.add(Diagnostic(at: location, describe(error.error, atEnd: atEnd)))
            }
            scanned.forEach { bag.add($0) }
            return nil
        } catch {
            bag.add(Diagnostic(at: SourceLocation(path: path), "invalid template", causes: ["\(error)"]))
            return nil
        }
        scanned.forEach { bag.add($0) }
        return scanned.isEmpty ? scanner : nil
    }

    /// The line and column (from 1) just past the last character of `text`.
    private static func endPosition(of text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Words for a swift-mustache parser error; `atEnd` when it stopped at the end of the text.
    private static func describe(_ error: any Error, atEnd: Bool) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            // swift-mustache's reader throws an untyped error when a tag runs past the end of the
            // text: where it stopped says so, not the error's words.
            return atEnd ? "unexpected end of template" : "invalid template: \(error)"
        }
        switch error {
        case .sectionCloseNameIncorrect: return "closing tag does not match the open section"
        case .unfinishedName: return "unfinished tag"
        case .expectedSectionEnd: return "unclosed section"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a block cannot have a function"
        case .illegalTokenInsideInheritSection:
            return "only blocks ({{$name}}…{{/name}}) may appear inside a parent layout tag"
        case .textInsideInheritSection: return "text inside a parent layout tag"
        case .invalidConfigVariableSyntax: return "invalid pragma"
        case .unrecognisedConfigVariable: return "unknown pragma"
        @unknown default: return "invalid template: \(error)"
        }
    }
}
