import Foundation
import LedeCore
import LedeFuzzSupport
import LedeTemplates

/// Writes one input as a folder of templates, loads it with ``TemplateLibrary`` and renders
/// every template with a small context.
///
/// The input is one or more files: the text up to the first line starting with `@@ ` is
/// `page.mustache`, and each `@@ NAME` line starts the file `NAME.mustache` (`@@ base`,
/// `@@ partials/head`). Names are cut to letters, digits, `-`, `_` and `/`, so that a file
/// stays inside the folder; at most ``maximumFiles`` files are written.
final class TemplateFuzzer: Sendable {
    static let maximumFiles = 8
    let scratch: FuzzScratch

    /// What every template is rendered with: a little of each kind of value.
    static let context: TemplateValue = .object([
        "site": .object(["title": "Site", "language": "en", "base_url": "https://example.org/"]),
        "page": .object([
            "title": "A <page> & \"title\"", "url": "/a/", "draft": false, "order": 3, "dek": .null,
            "content": .string("<p>Body</p>"),
            "items": .list([
                .object(["title": "One", "url": "/one/", "tags": .list(["a", "b"])]),
                .object(["title": "Two", "url": "/two/", "tags": .list([])]),
            ]),
        ]),
        "content": "<p>Body</p>",
        "empty": .list([]),
        "flag": true,
    ])

    /// Lazily, once per process.
    static let shared = TemplateFuzzer()

    private init() {
        do {
            scratch = try FuzzScratch("templates")
        } catch {
            BundledSite.setupFailed("\(error)")
        }
    }

    /// Runs one input; errors are the expected outcome, only crashes and hangs are findings.
    func test(_ bytes: UnsafeBufferPointer<UInt8>) {
        let files = Self.split(Array(bytes))
        scratch.remove("Templates")
        do {
            for (name, contents) in files { try scratch.write(contents, to: "Templates/\(name).mustache") }
        } catch {
            BundledSite.setupFailed("\(error)")
        }
        guard
            let library = try? TemplateLibrary.load(
                from: scratch.url.appendingPathComponent("Templates"), displayRoot: "Templates")
        else { return }
        for name in library.names { _ = try? library.render(name, context: Self.context) }
    }

    /// The files of an input, by template name, in input order.
    static func split(_ bytes: [UInt8]) -> [(name: String, contents: ArraySlice<UInt8>)] {
        let marker = Array("@@ ".utf8)
        var files: [(name: String, contents: ArraySlice<UInt8>)] = []
        var name = "page"
        var start = 0
        var lineStart = 0
        func finish(at end: Int) {
            guard files.count < maximumFiles, !files.contains(where: { $0.name == name }) else { return }
            files.append((name, bytes[start..<end]))
        }
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if bytes[lineStart..<lineEnd].starts(with: marker) {
                finish(at: lineStart)
                name = cleanName(bytes[(lineStart + marker.count)..<lineEnd], number: files.count)
                start = min(lineEnd + 1, bytes.count)
            }
            lineStart = lineEnd + 1
        }
        finish(at: bytes.count)
        return files
    }

    /// A safe template name: `[A-Za-z0-9_-]` components joined by `/`, or `t` and a number.
    static func cleanName(_ bytes: ArraySlice<UInt8>, number: Int) -> String {
        let allowed = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".utf8))
        let components = bytes.split(separator: UInt8(ascii: "/")).prefix(3).map { component in
            String(decoding: component.filter(allowed.contains).prefix(40), as: UTF8.self)
        }
        guard !components.isEmpty, components.allSatisfy({ !$0.isEmpty }) else { return "t\(number)" }
        return components.joined(separator: "/")
    }
}
