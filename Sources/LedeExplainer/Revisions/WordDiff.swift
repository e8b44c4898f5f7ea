import Foundation
import LedeCore

/// A word-level difference between two texts: runs of words kept, removed and added.
///
/// Words are compared without case and without the punctuation around them, so that a moved
/// comma does not count as a changed word, and shown as written.
struct WordDiff: Sendable, Hashable {
    /// One run of words.
    enum Run: Sendable, Hashable {
        case same([String])
        case removed([String])
        case added([String])
    }

    /// The runs in reading order; a change is a removal followed by an addition.
    var runs: [Run]

    /// A difference made of these runs.
    init(runs: [Run]) { self.runs = runs }

    /// The difference from `old` to `new`.
    init(from old: String, to new: String) {
        let before = Self.words(of: old)
        let after = Self.words(of: new)
        let pairs = Self.commonWords(before.map(Self.key), after.map(Self.key))
        var runs: [Run] = []
        func append(_ run: Run) {
            switch (runs.last, run) {
            case (.same(let a)?, .same(let b)): runs[runs.count - 1] = .same(a + b)
            case (.removed(let a)?, .removed(let b)): runs[runs.count - 1] = .removed(a + b)
            case (.added(let a)?, .added(let b)): runs[runs.count - 1] = .added(a + b)
            default: runs.append(run)
            }
        }
        var oldIndex = 0
        var newIndex = 0
        for (oldMatch, newMatch) in pairs + [(before.count, after.count)] {
            if oldIndex < oldMatch { append(.removed(Array(before[oldIndex..<oldMatch]))) }
            if newIndex < newMatch { append(.added(Array(after[newIndex..<newMatch]))) }
            if oldMatch < before.count {
                // Kept by its key; when its punctuation changed, shown as a change.
                if before[oldMatch] == after[newMatch] {
                    append(.same([after[newMatch]]))
                } else {
                    append(.removed([before[oldMatch]]))
                    append(.added([after[newMatch]]))
                }
            }
            oldIndex = oldMatch + 1
            newIndex = newMatch + 1
        }
        self.runs = runs
    }

    /// Whether the texts have the same words.
    var isEmpty: Bool { runs.allSatisfy { if case .same = $0 { true } else { false } } }

    /// The changes in one line, in the form of `git diff --word-diff`, with `context` words
    /// around each and long runs cut: `… were [-expected-]{+due+} to reach …`.
    func summary(context: Int = 3, longest: Int = 12, maximumChanges: Int = 3) -> String {
        func cut(_ words: [String]) -> String {
            words.count > longest
                ? (words.prefix(longest / 2) + ["…"] + words.suffix(longest / 2)).joined(separator: " ")
                : words.joined(separator: " ")
        }
        // One item per kept word, one per change (a removal and the addition after it).
        var items: [(text: String, isChange: Bool)] = []
        var index = 0
        while index < runs.count {
            switch runs[index] {
            case .same(let words): items += words.map { ($0, false) }
            case .removed(let words):
                var text = "[-\(cut(words))-]"
                if index + 1 < runs.count, case .added(let added) = runs[index + 1] {
                    text += "{+\(cut(added))+}"
                    index += 1
                }
                items.append((text, true))
            case .added(let words): items.append(("{+\(cut(words))+}", true))
            }
            index += 1
        }
        let changes = items.indices.filter { items[$0].isChange }
        let shown = changes.prefix(maximumChanges)
        var keep = Set<Int>()
        for change in shown {
            for neighbour in max(0, change - context)...min(items.count - 1, change + context) {
                keep.insert(neighbour)
            }
        }
        var parts: [String] = []
        var previous = -1
        for index in items.indices where keep.contains(index) {
            if index != previous + 1 { parts.append("…") }
            if !items[index].isChange || shown.contains(index) { parts.append(items[index].text) }
            previous = index
        }
        if previous < items.count - 1 { parts.append("…") }
        return parts.joined(separator: " ")
    }

    /// The difference as HTML: removed words in `<del>`, added words in `<ins>`, each wrapped
    /// in visually hidden "[deleted: … ]"/"[inserted: … ]" (the words of `deleted` and
    /// `inserted`) for screen readers, which do not announce the elements themselves.
    /// - Parameters:
    ///   - deleted: The label read before removed words ("deleted:").
    ///   - inserted: The label read before added words ("inserted:").
    func html(deleted: String, inserted: String) -> String {
        func marked(_ element: String, _ label: String, _ words: [String]) -> String {
            "<\(element)><span class=\"visually-hidden\">[\(label.htmlEscaped) </span>"
                + words.joined(separator: " ").htmlEscaped + "<span class=\"visually-hidden\">]</span></\(element)>"
        }
        return runs.map { run in
            switch run {
            case .same(let words): words.joined(separator: " ").htmlEscaped
            case .removed(let words): marked("del", deleted, words)
            case .added(let words): marked("ins", inserted, words)
            }
        }.joined(separator: " ")
    }

    /// The difference cut into one part per later paragraph, for an earlier text compared with
    /// several later paragraphs read one after the other (the parts of a split paragraph):
    /// each part holds the words of its paragraph, and the removed words that come before the
    /// next paragraph's.
    /// - Parameter wordCounts: The number of words of each later paragraph, in order.
    func parts(wordCounts: [Int]) -> [WordDiff] {
        var parts = wordCounts.map { _ in WordDiff(runs: []) }
        guard !parts.isEmpty else { return [] }
        var part = 0
        var left = wordCounts[0]
        func take(_ words: [String], _ make: ([String]) -> Run) {
            var rest = words[...]
            while !rest.isEmpty {
                while left == 0 && part + 1 < parts.count {
                    part += 1
                    left = wordCounts[part]
                }
                let count = part + 1 < parts.count ? min(left, rest.count) : rest.count
                parts[part].runs.append(make(Array(rest.prefix(count))))
                rest = rest.dropFirst(count)
                left -= count
            }
        }
        for run in runs {
            switch run {
            case .same(let words): take(words) { .same($0) }
            case .added(let words): take(words) { .added($0) }
            case .removed(let words): parts[part].runs.append(.removed(words))
            }
        }
        return parts
    }

    // MARK: - Words

    /// The words of a text, as written.
    static func words(of text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// A word as compared: lower case, without the punctuation around it.
    static func key(_ word: String) -> String {
        let trimmed = word.drop(while: { !$0.isLetter && !$0.isNumber })
        let end = trimmed.lastIndex(where: { $0.isLetter || $0.isNumber }).map { trimmed.index(after: $0) }
        return String(trimmed[..<(end ?? trimmed.startIndex)]).lowercased().replacingOccurrences(of: "’", with: "'")
    }

    /// The keys of a text's words, as compared.
    static func keys(of text: String) -> [String] { words(of: text).map(key) }

    /// The index pairs of a longest common subsequence of two word lists, in order.
    static func commonWords(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        let width = b.count + 1
        var lengths = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    a[i] == b[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    /// The length of a longest common subsequence of two word lists.
    static func commonLength(_ a: [String], _ b: [String]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 0..<a.count {
            for j in 0..<b.count {
                current[j + 1] = a[i] == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
