import Foundation

/// One XBRL fact, before it is written: what it reports, when, along which dimensions.
public struct Fact: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        /// An amount printed in `scale` (the value written is the amount times 10^scale).
        case amount(Amount, scale: Scale)
        case text(String)
        case boolean(Bool)
        case date(CalendarDate)
        /// Reported as nothing (a dash, `XXX`, an unanswered question): `xsi:nil`.
        case none
    }

    public var concept: String
    public var context: FactContext
    public var value: Value
    /// The printed form where the value alone does not say it (`$ 38`, `-`, `XXX`), kept as an
    /// XBRL footnote so the statement can be printed again exactly.
    public var printedForm: String?

    public init(concept: String, context: FactContext, value: Value, printedForm: String? = nil) {
        self.concept = concept
        self.context = context
        self.value = value
        self.printedForm = printedForm
    }

    /// Concept and context: two facts with the same key report the same thing.
    public var key: FactKey { FactKey(concept: concept, context: context) }
}

public struct FactKey: Hashable, Sendable {
    public var concept: String
    public var context: FactContext
}

/// A period with dimension members: everything an XBRL context says besides the entity.
public struct FactContext: Hashable, Sendable, Comparable {
    public var period: Period
    /// Explicit dimensions: axis → member, both local names in the taxonomy namespace.
    public var explicit: DimensionMembers
    /// Typed dimensions: axis → value.
    public var typed: DimensionMembers

    public init(period: Period, explicit: DimensionMembers = [:], typed: DimensionMembers = [:]) {
        self.period = period
        self.explicit = explicit
        self.typed = typed
    }

    /// What orders contexts of one period: `axis=member;...|axis=value;...`, axes in order and
    /// typed values' numbers zero-padded, as UTF-8 bytes.
    package var sortKeyBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        var first = true
        for (key, value) in explicit {
            if !first { out.append(0x3B) }
            first = false
            out.append(contentsOf: key.utf8)
            out.append(0x3D)
            out.append(contentsOf: value.utf8)
        }
        out.append(0x7C)
        first = true
        for (key, value) in typed {
            if !first { out.append(0x3B) }
            first = false
            out.append(contentsOf: key.utf8)
            out.append(0x3D)
            TypedValueOrder.pad(value, into: &out)
        }
        return out
    }

    /// Document order, the order the instance writer numbers contexts in: by period, then by
    /// sort key.
    public static func < (a: FactContext, b: FactContext) -> Bool {
        if a.period != b.period { return a.period < b.period }
        return keyPrecedes(a.sortKeyBytes, b.sortKeyBytes)
    }

    /// Whether sort key `a` comes before `b`: byte by byte, a prefix first.
    @inlinable
    @_spi(Stages) public static func keyPrecedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                let common = min(x.count, y.count)
                let compared = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return compared != 0 ? compared < 0 : x.count < y.count
            }
        }
    }
}

/// A context's dimension members, axis → member (or typed value), kept in the order of their
/// axes' names: a context is hashed, compared and written without sorting or hashing each
/// member apart, as a dictionary would. Lookups are a binary search. A context read from an
/// instance may have any number of members: build it from a dictionary (`init(_:)`), one
/// sort, rather than member by member.
public struct DimensionMembers: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    public typealias Element = (key: String, value: String)
    private var members: [Element]

    public init() {
        members = []
    }

    public init(_ members: [String: String]) {
        self.members = members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// The index of the first member whose axis is not before `key`.
    private func position(of key: String) -> Int {
        var low = 0, high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    public subscript(key: String) -> String? {
        get {
            let i = position(of: key)
            return i < members.count && members[i].key == key ? members[i].value : nil
        }
        set {
            let i = position(of: key)
            let found = i < members.count && members[i].key == key
            switch (found, newValue) {
            case (true, let value?): members[i].value = value
            case (true, nil): members.remove(at: i)
            case (false, let value?): members.insert((key, value), at: i)
            case (false, nil): break
            }
        }
    }

    /// These members with `key` set to `value`, unless they have `key` already.
    public func adding(_ key: String, _ value: String) -> DimensionMembers {
        guard self[key] == nil else { return self }
        var copy = self
        copy[key] = value
        return copy
    }

    /// The members as a dictionary.
    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) })
    }

    public func makeIterator() -> IndexingIterator<[Element]> {
        members.makeIterator()
    }

    /// The members in the order of their axes (no copy of them is made).
    package var sorted: [Element] { members }

    public static func == (a: DimensionMembers, b: DimensionMembers) -> Bool {
        a.members.withUnsafeBufferPointer { x in
            b.members.withUnsafeBufferPointer { y in
                guard x.count == y.count else { return false }
                // The same storage (a context copied, not built again): equal without a look.
                if x.baseAddress == y.baseAddress { return true }
                for (p, q) in zip(x, y) where p.key != q.key || p.value != q.value { return false }
                return true
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }

    public var description: String {
        "[" + members.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}

/// Orders typed values so that `2` comes before `10` and `1:2.1` before `1:10`.
enum TypedValueOrder {
    static func pad(_ value: String, into out: inout [UInt8]) {
        Text.withBytes(value) { pad($0, into: &out) }
    }

    /// Copies `bytes`, each run of digits shorter than 8 zero-padded on the left to 8.
    private static func pad(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        var copied = 0
        while i < bytes.count {
            guard bytes[i] >= 0x30, bytes[i] <= 0x39 else {
                i += 1
                continue
            }
            var end = i
            while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
            if end - i < 8 { out.append(contentsOf: repeatElement(0x30, count: 8 - (end - i))) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
            i = end
            copied = end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
}
