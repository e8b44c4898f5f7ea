/// Finds the known name an unknown one was probably meant to be: a key, a label or an id
/// with a typo in it (`key_point` for `key_points`, `certanty` for `certainty`).
///
/// Every "did you mean …?" of Lede goes through here, so that they all agree on what counts
/// as a typo.
public enum NearMiss {
    /// The candidate closest to `name`, when it is close enough to be a typo of it.
    ///
    /// Close enough means at most one edit for every three characters of `name` (at least
    /// one), counting an insertion, a deletion, a substitution or the swap of two neighbours
    /// as one edit. Ties go to the candidate that sorts first, so the answer does not depend
    /// on the order of a set.
    /// - Parameters:
    ///   - name: The unknown name as written.
    ///   - candidates: The names that are known; `name` itself among them is never suggested.
    /// - Returns: The nearest candidate, or `nil` when none is close enough.
    ///   - unlessTied: Whether two candidates equally near mean no suggestion: among names that
    ///     differ by a number (`story-0700.md` among `story-0000.md` … `story-2999.md`), the
    ///     first of many one edit away is no better a guess than the others.
    public static func suggestion(
        for name: String, among candidates: some Sequence<String>, unlessTied: Bool = false
    ) -> String? {
        let limit = max(1, name.count / 3)
        var best: (name: String, distance: Int)?
        // How many candidates are as near as the best.
        var asNear = 0
        for candidate in candidates where candidate != name {
            let distance = distance(name, candidate)
            guard distance <= limit else { continue }
            if let known = best, known.distance == distance {
                asNear += 1
                if candidate < known.name { best = (candidate, distance) }
            } else if best.map({ distance < $0.distance }) ?? true {
                best = (candidate, distance)
                asNear = 1
            }
        }
        return unlessTied && asNear > 1 ? nil : best?.name
    }

    /// "did you mean 'x'? " for the candidate ``suggestion(for:among:unlessTied:)`` finds, or
    /// nothing: the start of the parenthesis that lists the known names after an unknown one.
    public static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: name, among: candidates).map { "did you mean '\($0)'? " } ?? ""
    }

    /// The edit distance between two names (optimal string alignment: insertions, deletions,
    /// substitutions and swaps of neighbouring characters, each costing one).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
