import LedeContent

/// Every revision of a source document, what changed from each to the next, and the stable
/// anchor of every paragraph of every revision.
///
/// A paragraph's stable anchor is `t-` and the first 8 hexadecimal digits of the fingerprint of
/// its text in the revision where it first appeared (`t-be97e8b8`). A paragraph kept as it was
/// or reworded keeps the anchor of the paragraph it comes from, whatever its number; a new
/// paragraph, a part of a split paragraph and a merged paragraph get the anchor of their own
/// text. When two paragraphs of one revision would have the same anchor (the same text twice),
/// the later ones get `-2`, `-3`, … in order.
struct SourceHistory: Sendable {
    /// Every revision, oldest first, the current text last.
    let revisions: [SourceRevision]
    /// What changed from each revision to the next: `changes[i]` goes from `revisions[i]` to
    /// `revisions[i + 1]`.
    let changes: [RevisionChanges]
    /// The stable anchor of each paragraph, by revision and paragraph index.
    let anchors: [[String]]

    init(_ document: SourceDocument) {
        let revisions = document.revisions
        self.revisions = revisions
        var changes: [RevisionChanges] = []
        for index in revisions.indices.dropFirst() {
            changes.append(RevisionChanges(from: revisions[index - 1], to: revisions[index]))
        }
        self.changes = changes
        var anchors: [[String]] = []
        for (index, revision) in revisions.enumerated() {
            var used: [String: Int] = [:]
            let previous = index > 0 ? anchors[index - 1] : []
            anchors.append(
                revision.paragraphs.enumerated().map { position, paragraph in
                    var anchor = Self.anchor(of: paragraph)
                    if index > 0 {
                        switch changes[index - 1].statuses[position] {
                        case .unchanged(let from), .reworded(let from): anchor = previous[from - 1]
                        case .merged, .split, .added: break
                        }
                    }
                    let count = used[anchor, default: 0] + 1
                    used[anchor] = count
                    return count == 1 ? anchor : "\(anchor)-\(count)"
                })
        }
        self.anchors = anchors
    }

    /// The anchor a paragraph's own text gives it.
    static func anchor(of paragraph: SourceDocument.Paragraph) -> String {
        "t-" + paragraph.fingerprint.prefix(8)
    }

    /// The anchor of a paragraph of a revision on the revisions page (`v2026-11-29-p5`).
    static func revisionAnchor(_ revision: String, paragraph: Int) -> String {
        "v\(revision)-p\(paragraph)"
    }

    /// The anchor of a revision's section on the revisions page (`v2026-11-29`).
    static func revisionAnchor(_ revision: String) -> String { "v\(revision)" }

    /// The numbers in the current text of the paragraphs that hold the text of paragraph
    /// `number` of revision `index`, through every later revision (none when it was removed).
    func currentNumbers(ofParagraph number: Int, inRevision index: Int) -> [Int] {
        var numbers = [number]
        for change in changes.dropFirst(index) {
            numbers = numbers.flatMap { number -> [Int] in
                guard change.fates.indices.contains(number - 1) else { return [] }
                switch change.fates[number - 1] {
                case .kept(let target), .reworded(let target), .merged(let target): return [target]
                case .split(let targets): return targets
                case .removed: return []
                }
            }
        }
        return Array(Set(numbers)).sorted()
    }
}
