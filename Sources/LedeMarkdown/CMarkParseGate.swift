internal import CCmarkGFM
internal import CCmarkSpecialCharacters
import Foundation
import Synchronization

/// Decides, once, whether cmark-gfm may parse on every core, and runs each parse accordingly:
/// under one process-wide lock until the first parse has proven it safe to lift, at once after.
///
/// Debian's libcmark-gfm keeps a process-global table of the characters its inline parser stops
/// at; `cmark_parser_finish` adds the extensions' characters when it starts and removes them
/// when it ends, so one parse finishing strips the characters another is using (strikethrough
/// and autolinks silently lost). CCmarkSpecialCharacters defines that add-and-remove function
/// in our own executable and pins the characters instead: when the library calls our definition,
/// the table never changes after the first parse and parses may overlap. Whether it does depends
/// on how the library was linked, so the first parse checks it and the gate stays locked when it
/// did not (another build of cmark-gfm, a static library, symbols bound at link time).
///
/// Keeping the characters set by emptying the extensions' own lists of them
/// (`cmark_syntax_extension_set_special_inline_chars`) does not work: the inline parser finds
/// the extension that closes a delimiter run through those lists, and `a ~~b~~ c` then never
/// finishes parsing.
///
/// > Warning: Every Lede parser attaches the same extensions (``CMarkDocument/extensionNames``):
/// > the pinned characters are theirs. A parser with other extensions would need their union.
final class CMarkParseGate: @unchecked Sendable {
    // Safety: `decision` and `lockedParses` are read and written only between `lock.lock()`
    // and `lock.unlock()`; `lifted` is atomic. `specialCharacters` is immutable.

    /// How the gate reaches the special-character table; tests inject a table whose proof fails.
    struct SpecialCharacters: Sendable {
        /// Pins the extensions' characters in the table for good; false when it cannot.
        var pin: @Sendable () -> Bool
        /// How many times the library called our definition of its add-and-remove function.
        var libraryCalls: @Sendable () -> UInt

        /// The real table: pinned with a parser that has every extension Lede attaches.
        static let cmark = SpecialCharacters(
            pin: {
                guard let parser = try? CMarkDocument.makeParser(flags: CMARK_OPT_DEFAULT) else { return false }
                defer { cmark_parser_free(parser) }
                return lede_cmark_pin_special_characters(parser)
            },
            libraryCalls: { lede_cmark_special_character_calls() })
    }

    /// What the first parse found.
    enum Decision: Equatable {
        /// No parse has run yet.
        case undecided
        /// The library calls our definition and the table is pinned: parses run at once.
        case parallel
        /// The library manages the table itself: parses run one at a time, as they must.
        case locked
        /// The library calls our definition, but its own could not be found to pin the table
        /// with: the extensions' characters are missing and no parse can be trusted.
        case unusable
    }

    /// The gate every Lede parse goes through.
    static let shared = CMarkParseGate(specialCharacters: .cmark)

    private let specialCharacters: SpecialCharacters
    /// A plain pthread lock (NSLock): it guards C state, and ThreadSanitizer sees it.
    private let lock = NSLock()
    private var decision = Decision.undecided
    private var lockedParses = 0
    /// Set once `decision` is `.parallel`; read without the lock.
    private let lifted = Atomic(false)

    init(specialCharacters: SpecialCharacters) {
        self.specialCharacters = specialCharacters
    }

    /// Whether parses now run without the lock.
    var parsesRunInParallel: Bool { lifted.load(ordering: .acquiring) }

    /// How many parses ran under the lock so far.
    var lockedParseCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return lockedParses
    }

    /// The gate is ``Decision/unusable``.
    struct Unusable: Error {}

    /// Runs one parse (`cmark_parser_feed` and `cmark_parser_finish`), under the lock until the
    /// first parse proved that parses may overlap.
    /// - Parameter parse: The parse; the first one also serves as the proof.
    /// - Returns: What `parse` returns.
    /// - Throws: ``Unusable`` when the parse cannot be trusted.
    func run<Result>(_ parse: () -> Result) throws(Unusable) -> Result {
        if lifted.load(ordering: .acquiring) { return parse() }
        lock.lock()
        defer { lock.unlock() }
        lockedParses += 1
        switch decision {
        case .parallel, .locked:
            return parse()
        case .unusable:
            throw Unusable()
        case .undecided:
            // The one place that decides. The first parse runs under the lock with the table
            // pinned; the library must call our definition exactly twice for it (adding, then
            // removing the characters), which proves that every add and remove of the table goes
            // through us and is now ignored. Anything else keeps the lock for good.
            let pinned = specialCharacters.pin()
            let before = specialCharacters.libraryCalls()
            let result = parse()
            let calls = specialCharacters.libraryCalls() - before
            switch (pinned, calls) {
            case (true, 2): decision = .parallel
            case (false, 1...): decision = .unusable
            default: decision = .locked
            }
            if decision == .parallel { lifted.store(true, ordering: .releasing) }
            if decision == .unusable { throw Unusable() }
            return result
        }
    }
}
