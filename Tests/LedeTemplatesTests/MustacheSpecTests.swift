import Foundation
import LedeCore
import LedeTemplates
import Testing

/// One test of the Mustache spec's JSON files (`Tests/Fixtures/Specs/mustache/`).
private struct SpecCase: Decodable {
    var name: String
    var data: SpecValue
    var template: String
    var partials: [String: String]?
    var expected: String
}

private struct SpecFile: Decodable {
    var tests: [SpecCase]
}

/// A JSON value of a spec case's `data`, turned into a ``TemplateValue``.
private struct SpecValue: Decodable {
    var value: TemplateValue

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var fields: [String: TemplateValue] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(SpecValue.self, forKey: key).value }
            value = .object(fields)
        } else if var array = try? decoder.unkeyedContainer() {
            var elements: [TemplateValue] = []
            while !array.isAtEnd { elements.append(try array.decode(SpecValue.self).value) }
            value = .list(elements)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let flag = try? single.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? single.decode(Int.self) {
                value = .int(number)
            } else if let number = try? single.decode(Double.self) {
                // Contexts have no floating-point numbers: a page's numbers are counts. The
                // spec's decimals are handed over as the text Swift prints for them.
                value = .string(String(number))
            } else {
                value = .string(try single.decode(String.self))
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// The Mustache spec (mustache/spec, MIT) run through ``TemplateLibrary``: every case renders
/// its `expected` text, except the cases listed in ``MustacheSpecTests/differences``, where
/// Lede is stricter by design and the test asserts the error instead.
@Suite struct MustacheSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/Specs/mustache").standardizedFileURL

    /// Spec cases whose result differs, by `file/name`, with Lede's result. All but the last
    /// two follow from Lede's strict rules (README, "Templates"); those two are swift-mustache's.
    static let differences: [String: String] = [
        // `{{x}}` of a missing key is an error, not empty text.
        "interpolation/Basic Context Miss Interpolation":
            "Templates/test.mustache:1:4: error: missing key 'cannot' in context",
        "interpolation/Triple Mustache Context Miss Interpolation":
            "Templates/test.mustache:1:4: error: missing key 'cannot' in context",
        "interpolation/Ampersand Context Miss Interpolation":
            "Templates/test.mustache:1:4: error: missing key 'cannot' in context",
        // A dotted name whose earlier part is missing is an error, in sections too: only the
        // last part of a section's name may be absent.
        "interpolation/Dotted Names - Broken Chains":
            "Templates/test.mustache:1:2: error: missing key 'a.b.c' in context",
        "interpolation/Dotted Names - Broken Chain Resolution":
            "Templates/test.mustache:1:2: error: missing key 'a.b.c.name' in context",
        "sections/Dotted Names - Broken Chains": "Templates/test.mustache:1:2: error: missing key 'a.b.c' in context",
        "inverted/Dotted Names - Broken Chains": "Templates/test.mustache:1:2: error: missing key 'a.b.c' in context",
        // `b` is found in the section's frame, so `b.c` does not fall back to the root's `b`:
        // the spec renders nothing, Lede reports the missing key.
        "interpolation/Dotted Names - Context Precedence":
            "Templates/test.mustache:1:7: error: missing key 'b.c' in context",
        "interpolation/Dotted Names are never single keys":
            "Templates/test.mustache:1:1: error: missing key 'a.b' in context",
        // An unknown partial is an error at load.
        "partials/Failed Lookup":
            "Templates/test.mustache:1:2: error: unknown partial 'text' (did you mean 'test'? templates: test)",
        // Recursive partials and layouts are refused at load, even where a section would stop them.
        "partials/Recursion": "Templates/node.mustache:1:23: error: partial cycle node → node",
        "~inheritance/Recursion": "Templates/parent.mustache:1:41: error: layout cycle parent → parent2 → parent",
        // The root context is always an object (a page's context), never a list; a root list
        // is rendered as one value, whose keys are then missing.
        "sections/Implicit Iterator - Root-level": "Templates/test.mustache:1:9: error: missing key 'value' in context",
        // swift-mustache 2.1.1 does not re-indent a block to its tag's indentation (its own
        // spec test skips these two cases).
        "~inheritance/Intrinsic indentation": "Hi,\none\ntwo\n",
        "~inheritance/Nested block reindentation": "one\nthree\n",
    ]

    @Test(arguments: ["interpolation", "sections", "inverted", "partials", "~inheritance"])
    func specFile(_ file: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(file + ".json"))
        let cases = try JSONDecoder().decode(SpecFile.self, from: data).tests
        #expect(!cases.isEmpty)
        for spec in cases {
            let key = "\(file)/\(spec.name)"
            let result = Self.run(spec)
            if let different = Self.differences[key] {
                #expect(result == different, "\(key): differs by design, but not as documented")
                #expect(result != spec.expected, "\(key) now renders as the spec expects: remove it from the list")
            } else {
                #expect(result == spec.expected, "\(key)")
            }
        }
    }

    @Test func everyListedDifferenceNamesASpecCase() throws {
        var names: Set<String> = []
        for file in ["interpolation", "sections", "inverted", "partials", "~inheritance"] {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(file + ".json"))
            for spec in try JSONDecoder().decode(SpecFile.self, from: data).tests {
                names.insert("\(file)/\(spec.name)")
            }
        }
        #expect(Set(Self.differences.keys).subtracting(names).isEmpty)
    }

    /// The rendered text, or the full error text when loading or rendering fails.
    private static func run(_ spec: SpecCase) -> String {
        var files = ["test.mustache": spec.template]
        for (name, text) in spec.partials ?? [:] { files[name + ".mustache"] = text }
        do {
            return try library(files).render("test", context: spec.data.value)
        } catch let error as DiagnosticError {
            return error.description
        } catch {
            return "unexpected error: \(error)"
        }
    }
}
