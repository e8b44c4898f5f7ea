import Foundation
import LedeCore

/// The template contexts of the explainer's own pages as the last build made them, kept in the
/// build cache's folder beside ``BuildCache`` (file `contexts`), so that a template edit renders
/// the own pages made with that template again from their contexts, without making the own
/// pages again (their Markdown, the claim checks of every article that cites, their contexts).
///
/// A page's context depends on what the own pages' key hashes (``OwnPages/key``), not on the
/// templates: the file records the key it was made under, and is used only while the build
/// cache's record of the own pages has that key and every own page is in it. It is written
/// when the own pages are made (a build that carries them leaves it as it is); a file that is
/// missing, damaged or of another key only makes a template edit make the own pages again.
struct OwnContexts: Sendable {
    /// ``OwnPages/key`` of the build that made them.
    var key: UInt64
    /// By output path, the page's template and context.
    var pages: [String: (template: String, context: ContextValue)]

    static let fileName = "contexts"
    private static let magic = Array("lede own contexts\n".utf8)
    /// Raised whenever what is recorded, or how, changes.
    private static let formatVersion: UInt64 = 1

    /// The contexts beside `output` when they were made under `key`, else `nil`.
    static func load(beside output: URL, key: UInt64) -> OwnContexts? {
        guard let bytes = BuildCache.file(named: fileName, beside: output),
            var reader = ByteReader(sealed: bytes, magic: magic), reader.number() == formatVersion,
            reader.number() == key, let count = reader.count()
        else { return nil }
        var pages: [String: (template: String, context: ContextValue)] = [:]
        for _ in 0..<count {
            guard let path = reader.text(), let template = reader.text(), let context = reader.context(depth: 0)
            else { return nil }
            pages[path] = (template, context)
        }
        guard reader.position == reader.end else { return nil }
        return OwnContexts(key: key, pages: pages)
    }

    /// Writes them beside `output`; returns the problem, if any (the next template edit then
    /// makes the own pages again).
    func save(beside output: URL) -> String? {
        var writer = ByteWriter()
        writer.bytes += Self.magic
        writer.number(Self.formatVersion)
        writer.number(key)
        writer.number(UInt64(pages.count))
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            writer.text(path)
            writer.text(page.template)
            writer.context(page.context)
        }
        return BuildCache.write(writer.sealed(), named: Self.fileName, beside: output)
    }
}

extension ByteWriter {
    /// A template context: its case, then its contents (an object's members by sorted name).
    mutating func context(_ value: ContextValue) {
        switch value {
        case .string(let text):
            number(1)
            self.text(text)
        case .bool(let flag): number(flag ? 2 : 3)
        case .int(let value):
            number(4)
            number(UInt64(bitPattern: Int64(value)))
        case .list(let items):
            number(5)
            number(UInt64(items.count))
            for item in items { context(item) }
        case .object(let members):
            number(6)
            number(UInt64(members.count))
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                self.text(name)
                context(member)
            }
        case .null: number(7)
        }
    }
}

extension ByteReader {
    /// What ``ByteWriter/context(_:)`` wrote; `nil` on anything else, or nested deeper than any
    /// context Lede makes.
    mutating func context(depth: Int) -> ContextValue? {
        guard depth < 64, let tag = number() else { return nil }
        switch tag {
        case 1: return text().map(ContextValue.string)
        case 2: return .bool(true)
        case 3: return .bool(false)
        case 4: return signed().map(ContextValue.int)
        case 5:
            guard let count = count() else { return nil }
            var items: [ContextValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = context(depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .list(items)
        case 6:
            guard let count = count() else { return nil }
            var members: [String: ContextValue] = [:]
            members.reserveCapacity(count)
            for _ in 0..<count {
                guard let name = text(), let member = context(depth: depth + 1) else { return nil }
                members[name] = member
            }
            return .object(members)
        case 7: return .null
        default: return nil
        }
    }
}
