import Foundation

/// A hash of values that is the same in every run of Lede, for keys kept on disk between runs
/// (the build cache). Swift's `Hasher` is seeded per process and cannot be stored.
///
/// Values are fed by their structure: strings and numbers by their bytes, arrays in order,
/// dictionaries and sets in an order of their own (each element hashed alone, the element
/// hashes sorted), structures and enumerations through their stored properties and cases
/// (`Mirror`). Two values that compare equal through synthesized `Equatable` feed the same.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A hasher with nothing fed.
    public init() {}

    /// Feeds a string's UTF-8 bytes and its length.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            combine(UInt64(bytes.count))
            combine(ContentHash.fast(buffer: UnsafeRawBufferPointer(bytes)))
        }
    }

    /// Feeds a number.
    public mutating func combine(_ number: UInt64) {
        var number = number
        for _ in 0..<8 {
            state ^= number & 0xFF
            state = state &* 0x0000_0100_0000_01b3
            number >>= 8
        }
    }

    /// Feeds a number.
    public mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    /// Feeds any value by its structure (see the type's comment).
    public mutating func combine(any value: Any) {
        switch value {
        case let text as String: combine(1); combine(text)
        case let number as Int: combine(2); combine(number)
        case let flag as Bool: combine(3); combine(flag ? 1 : 0)
        case let number as Double: combine(4); combine(number.bitPattern)
        case let date as Date: combine(5); combine(date.timeIntervalSinceReferenceDate.bitPattern)
        case let number as UInt64: combine(6); combine(number)
        case let strings as [String: String]: combine(7); combineKeyed(strings) { $0.combine($1) }
        case let numbers as [String: Int]: combine(8); combineKeyed(numbers) { $0.combine($1) }
        case let value as any StableHashable:
            combine(14)
            combine(String(reflecting: type(of: value)))
            value.combine(into: &self)
        default: combineByStructure(value)
        }
    }

    private mutating func combineByStructure(_ value: Any) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            combine(9)
            combineUnordered(mirror.children.map { child in Self.hash { $0.combine(any: child.value) } })
        case .optional?:
            if let wrapped = mirror.children.first {
                combine(10)
                combine(any: wrapped.value)
            } else {
                combine(11)
            }
        case .enum?:
            combine(12)
            // A case without a payload has no child: its name is its description.
            if let payload = mirror.children.first {
                combine(payload.label ?? "")
                combine(any: payload.value)
            } else {
                combine(String(describing: value))
            }
        default:
            combine(13)
            combine(String(reflecting: mirror.subjectType))
            combine(Int(mirror.children.count))
            for child in mirror.children {
                combine(child.label ?? "")
                combine(any: child.value)
            }
        }
    }

    /// A dictionary with text keys, without going through `Mirror` (large maps of page URLs).
    private mutating func combineKeyed<Value>(
        _ dictionary: [String: Value], _ feed: (inout StableHasher, Value) -> Void
    ) {
        combineUnordered(
            dictionary.map { key, value in
                Self.hash { hasher in
                    hasher.combine(key)
                    feed(&hasher, value)
                }
            })
    }

    private mutating func combineUnordered(_ hashes: [UInt64]) {
        combine(hashes.count)
        for hash in hashes.sorted() { combine(hash) }
    }

    /// The hash of what was fed.
    public func finalize() -> UInt64 { state }

    /// The hash of what `feed` feeds a new hasher.
    public static func hash(_ feed: (inout StableHasher) -> Void) -> UInt64 {
        var hasher = StableHasher()
        feed(&hasher)
        return hasher.finalize()
    }
}

/// A value that feeds a ``StableHasher`` itself, faster than by reflection (a front-matter tree
/// of a few dozen pages took tens of milliseconds to reflect on). It must feed every stored
/// property, as reflection would: each conforming type has a test that counts its properties.
public protocol StableHashable {
    /// Feeds every stored property to `hasher`.
    func combine(into hasher: inout StableHasher)
}

extension SourceLocation: StableHashable {
    /// Feeds the path, line and column.
    public func combine(into hasher: inout StableHasher) {
        hasher.combine(path)
        hasher.combine(line)
        hasher.combine(column)
    }
}

extension ContextValue: StableHashable {
    /// A hash with its bits spread (SplitMix64's finalizer), so that sums of several do not
    /// cancel out.
    static func mixed(_ hash: UInt64) -> UInt64 {
        var value = hash
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }

    /// Feeds the value's case and contents; an object's members in any order.
    public func combine(into hasher: inout StableHasher) {
        switch self {
        case .string(let text):
            hasher.combine(1)
            hasher.combine(text)
        case .bool(let flag):
            hasher.combine(2)
            hasher.combine(flag ? 1 : 0)
        case .int(let number):
            hasher.combine(3)
            hasher.combine(number)
        case .list(let items):
            hasher.combine(4)
            hasher.combine(items.count)
            for item in items { item.combine(into: &hasher) }
        case .object(let members):
            hasher.combine(5)
            hasher.combine(members.count)
            // In any order, without sorting the names (a build hashes every page's context):
            // each member is hashed alone, mixed, and the hashes summed.
            var sum: UInt64 = 0
            for (name, member) in members {
                var alone = StableHasher()
                alone.combine(name)
                member.combine(into: &alone)
                sum = sum &+ Self.mixed(alone.finalize())
            }
            hasher.combine(sum)
        case .null:
            hasher.combine(6)
        }
    }
}
