import LedeContent

/// What changed from one revision of a source document to the next, paragraph by paragraph.
struct RevisionChanges: Sendable {
    /// What a paragraph of the later revision is, against the earlier one.
    enum Status: Sendable, Hashable {
        /// The same text as the earlier paragraph with this number (perhaps another number).
        case unchanged(from: Int)
        /// Reworded from the earlier paragraph with this number.
        case reworded(from: Int)
        /// The earlier paragraphs with these numbers merged into it.
        case merged(from: [Int])
        /// A part of the earlier paragraph with this number.
        case split(from: Int)
        /// No earlier paragraph has its text.
        case added

        /// The earlier paragraphs it comes from, in order; none for a new one.
        var origins: [Int] {
            switch self {
            case .unchanged(let from), .reworded(let from), .split(let from): [from]
            case .merged(let from): from
            case .added: []
            }
        }

        /// Whether its text differs from the earlier revision's.
        var isChange: Bool { if case .unchanged = self { false } else { true } }
    }

    /// The earlier revision.
    let old: SourceRevision
    /// The later revision.
    let new: SourceRevision
    /// The status of each later paragraph, by index.
    let statuses: [Status]
    /// What became of each earlier paragraph, by index.
    let fates: [ParagraphFate]

    init(from old: SourceRevision, to new: SourceRevision) {
        self.old = old
        self.new = new
        let matcher = ParagraphMatcher(old: old.paragraphs, new: new.paragraphs)
        let fates = old.paragraphs.map { matcher.fate(of: $0.number) }
        self.fates = fates
        var statuses = [Status](repeating: .added, count: new.paragraphs.count)
        var merged: [Int: [Int]] = [:]
        for (index, fate) in fates.enumerated() {
            let number = index + 1
            switch fate {
            case .kept(let target):
                if case .added = statuses[target - 1] { statuses[target - 1] = .unchanged(from: number) }
            case .reworded(let target): statuses[target - 1] = .reworded(from: number)
            case .merged(let target): merged[target, default: []].append(number)
            case .split(let targets): for target in targets { statuses[target - 1] = .split(from: number) }
            case .removed: break
            }
        }
        for (target, numbers) in merged { statuses[target - 1] = .merged(from: numbers) }
        self.statuses = statuses
    }

    /// The earlier paragraphs that no later paragraph holds.
    var removed: [SourceDocument.Paragraph] {
        zip(old.paragraphs, fates).compactMap { paragraph, fate in fate == .removed ? paragraph : nil }
    }

    /// How many later paragraphs are new, reworded, merged and split, and how many earlier
    /// ones were removed.
    var counts: (added: Int, reworded: Int, merged: Int, split: Int, removed: Int) {
        var counts = (added: 0, reworded: 0, merged: 0, split: 0, removed: removed.count)
        var splitSources: Set<Int> = []
        for status in statuses {
            switch status {
            case .added: counts.added += 1
            case .reworded: counts.reworded += 1
            case .merged: counts.merged += 1
            case .split(let from): splitSources.insert(from)
            case .unchanged: break
            }
        }
        counts.split = splitSources.count
        return counts
    }

    /// How many later paragraphs are new and how many changed (reworded, merged or part of a
    /// split), and how many earlier ones were removed: what the updates page counts.
    var totals: (added: Int, changed: Int, removed: Int) {
        let added = statuses.filter { $0 == .added }.count
        return (added, statuses.filter(\.isChange).count - added, removed.count)
    }

    /// Whether any paragraph kept its text under another number.
    var renumbered: Bool {
        statuses.enumerated().contains { index, status in
            if case .unchanged(let from) = status { from != index + 1 } else { false }
        }
    }
}
