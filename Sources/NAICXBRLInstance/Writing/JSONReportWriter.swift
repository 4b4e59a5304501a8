import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Writes facts as an xBRL-JSON 1.0 report (the JSON form of the Open Information Model 1.0):
/// the same facts, dimensions, units, periods and footnotes as the XML instance
/// ``InstanceWriter`` writes from the same mapping.
///
/// - `documentInfo` declares the document type `https://xbrl.org/2021/xbrl-json`, the
///   namespace prefixes used, the footnote link type and group, the edition's entry point as
///   the report's taxonomy, and the `xbrl:canonicalValues` feature: every value is canonical
///   (a decimal has one digit at least on each side of its point, `150751734.0`, `4933708.07`;
///   dates `YYYY-MM-DD`; booleans `true`/`false`).
/// - Each fact is one line, keyed `f1`, `f2`… in the XML instance's order (the same number as the
///   XML fact's position). Its `dimensions` hold `concept`, `entity` (`naic:CODE`, the NAIC
///   company code), `period` (`2011-07-01T00:00:00` for the instant 2011-06-30,
///   `2011-01-01T00:00:00/2011-07-01T00:00:00` for the first half of 2011), `unit`
///   (`iso4217:USD`; a pure number has none, as OIM requires), then the taxonomy's dimensions.
///   `decimals` is a JSON integer; a nil fact's `value` is `null`.
/// - A printed form (`$ 38`, `-`, `XXX`) is a footnote: a fact of concept `xbrl:note` keyed
///   `n1`, `n2`…, linked from the facts it annotates by `links.footnote._`. (OIM has no
///   footnote roles, so the printed-form role of the XML instance is not written; ``JSONReportReader``
///   recognizes a printed form by its reading as the fact's value.)
///
/// The bytes depend only on the facts: the same statement gives the same report.
public struct JSONReportWriter: Sendable {
    public let taxonomy: TaxonomyModel

    public init(taxonomy: TaxonomyModel) {
        self.taxonomy = taxonomy
    }

    public static let documentType = "https://xbrl.org/2021/xbrl-json"
    static let xbrlNamespace = "https://xbrl.org/2021"
    /// The prefix of the entity scheme (``InstanceWriter/entityScheme``).
    static let entityPrefix = "naic"
    static let footnoteArcrole = "http://www.xbrl.org/2003/arcrole/fact-footnote"
    static let standardLinkRole = "http://www.xbrl.org/2003/role/link"

    /// The report's bytes, and the texts that held characters XML cannot hold (written with
    /// U+FFFD in their place, as in the XML instance, so that both say the same).
    public func written(_ mapping: FactMapping.Result) -> (bytes: [UInt8], unwritable: [String]) {
        written(facts: mapping.facts, entity: mapping.entity, contexts: mapping.contexts, factContexts: mapping.factContexts)
    }

    public func written(facts: [Fact], entity: String) -> (bytes: [UInt8], unwritable: [String]) {
        written(facts: facts, entity: entity, contexts: [], factContexts: [])
    }

    func written(facts: [Fact], entity: String, contexts givenContexts: [FactContext], factContexts givenNumbers: [Int]) -> (bytes: [UInt8], unwritable: [String]) {
        var out = JSONBytes()
        out.bytes.reserveCapacity(260 * facts.count + 4096)
        let prefix = taxonomy.prefix
        let xmlWriter = InstanceWriter(taxonomy: taxonomy)

        // Contexts numbered once: the mapping's numbers when they match the facts.
        var contexts = givenContexts
        var factContexts = givenNumbers
        var matches = factContexts.count == facts.count
        if matches {
            for i in facts.indices where factContexts[i] < 0 || factContexts[i] >= contexts.count || contexts[factContexts[i]] != facts[i].context {
                matches = false
                break
            }
        }
        if !matches {
            var numbers: [FactContext: Int] = [:]
            contexts = []
            var previous: (context: FactContext, number: Int)?
            factContexts = facts.map { fact in
                // Facts of one context mostly follow each other: compared, not hashed.
                if let previous, previous.context == fact.context { return previous.number }
                let number: Int
                if let known = numbers[fact.context] {
                    number = known
                } else {
                    number = contexts.count
                    numbers[fact.context] = number
                    contexts.append(fact.context)
                }
                previous = (fact.context, number)
                return number
            }
        }

        var usesUSD = false
        var conceptUnits: [String: Bool] = [:]
        for fact in facts where conceptUnits[fact.concept] == nil {
            let usd = xmlWriter.unit(of: fact.concept) == "USD"
            conceptUnits[fact.concept] = usd
            if usd { usesUSD = true }
        }

        // What each context says after the concept: entity and period (`unit` comes between),
        // then its dimensions.
        var entityPart = JSONBytes()
        entityPart.raw(", \"entity\": ")
        entityPart.string(Self.entityPrefix + ":" + entity)
        var head: [[UInt8]] = []
        var tail: [[UInt8]] = []
        head.reserveCapacity(contexts.count)
        tail.reserveCapacity(contexts.count)
        for context in contexts {
            var h = JSONBytes()
            h.raw(entityPart.bytes)
            h.raw(", \"period\": \"")
            Self.period(context.period, into: &h)
            h.raw("\"")
            head.append(h.bytes)
            // Dimensions in the order of their axes' names, explicit and typed together.
            var members: [(axis: String, value: String, typed: Bool)] = []
            for (axis, member) in context.explicit { members.append((axis, member, false)) }
            for (axis, value) in context.typed { members.append((axis, value, true)) }
            members.sort { $0.axis < $1.axis }
            var t = JSONBytes()
            for member in members {
                t.raw(", ")
                t.string(prefix + ":" + member.axis)
                t.raw(": ")
                t.string(member.typed ? member.value : prefix + ":" + member.value)
            }
            tail.append(t.bytes)
            out.unwritable += h.unwritable + t.unwritable
        }

        // Footnotes (printed forms): one note per distinct text, numbered in order of first use.
        var noteNumbers: [String: Int] = [:]
        var notes: [String] = []
        for fact in facts {
            if let printed = fact.printedForm, noteNumbers[printed] == nil {
                notes.append(printed)
                noteNumbers[printed] = notes.count
            }
        }

        out.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
        out.string(Self.documentType)
        out.raw(",\n    \"features\": {\"xbrl:canonicalValues\": true},\n")
        if !notes.isEmpty {
            out.raw("    \"linkGroups\": {\"_\": ")
            out.string(Self.standardLinkRole)
            out.raw("},\n    \"linkTypes\": {\"footnote\": ")
            out.string(Self.footnoteArcrole)
            out.raw("},\n")
        }
        out.raw("    \"namespaces\": {")
        var namespaces: [(String, String)] = [(Self.entityPrefix, InstanceWriter.entityScheme), (prefix, taxonomy.namespace),
                                              ("xbrl", Self.xbrlNamespace), ("xbrli", XBRLNamespace.xbrli)]
        if usesUSD { namespaces.append(("iso4217", XBRLNamespace.iso4217)) }
        namespaces.sort { $0.0 < $1.0 }
        for (n, (p, uri)) in namespaces.enumerated() {
            out.raw(n == 0 ? "\n      " : ",\n      ")
            out.string(p)
            out.raw(": ")
            out.string(uri)
        }
        out.raw("\n    },\n    \"taxonomy\": [")
        out.string(taxonomy.entryPointURL)
        out.raw("]\n  },\n  \"facts\": {")

        var conceptBytes: [String: [UInt8]] = [:]
        var first = true
        for i in facts.indices {
            let fact = facts[i]
            out.raw(first ? "\n    \"f" : ",\n    \"f")
            first = false
            out.integer(i + 1)
            out.raw("\": {\"value\": ")
            var decimals: Int?
            switch fact.value {
            case .amount(let amount, let scale):
                out.raw("\"")
                Self.canonicalDecimal(xmlWriter.scaled(amount, scale), into: &out)
                out.raw("\"")
                decimals = amount.fractionDigits - scale.exponent
            case .text(let text):
                out.string(text)
            case .boolean(let b):
                out.raw(b ? "\"true\"" : "\"false\"")
            case .date(let d):
                out.raw("\"")
                out.raw(d.description)
                out.raw("\"")
            case .none:
                out.raw("null")
            }
            if let decimals {
                out.raw(", \"decimals\": ")
                out.integer(decimals)
            }
            out.raw(", \"dimensions\": {\"concept\": ")
            if let known = conceptBytes[fact.concept] {
                out.raw(known)
            } else {
                var c = JSONBytes()
                c.string(prefix + ":" + fact.concept)
                conceptBytes[fact.concept] = c.bytes
                out.raw(c.bytes)
                out.unwritable += c.unwritable
            }
            let n = factContexts[i]
            out.raw(head[n])
            if conceptUnits[fact.concept] == true { out.raw(", \"unit\": \"iso4217:USD\"") }
            out.raw(tail[n])
            out.raw("}")
            if let printed = fact.printedForm, let note = noteNumbers[printed] {
                out.raw(", \"links\": {\"footnote\": {\"_\": [\"n")
                out.integer(note)
                out.raw("\"]}}")
            }
            out.raw("}")
        }
        for (n, note) in notes.enumerated() {
            out.raw(first ? "\n    \"n" : ",\n    \"n")
            first = false
            out.integer(n + 1)
            out.raw("\": {\"value\": ")
            out.string(note)
            out.raw(", \"dimensions\": {\"concept\": \"xbrl:note\", \"language\": \"en\", \"noteId\": \"n")
            out.integer(n + 1)
            out.raw("\"}}")
        }
        out.raw(first ? "}\n}\n" : "\n  }\n}\n")
        return (out.bytes, out.unwritable)
    }

    /// An OIM period: date-times at midnight, an instant (and a duration's end) at the end of
    /// its day, that is, the next day's start.
    static func period(_ period: Period, into out: inout JSONBytes) {
        switch period {
        case .instant(let d):
            out.raw(d.adding(days: 1).description)
            out.raw("T00:00:00")
        case .duration(let s, let e):
            out.raw(s.description)
            out.raw("T00:00:00/")
            out.raw(e.adding(days: 1).description)
            out.raw("T00:00:00")
        }
    }

    /// The canonical form of an xs:decimal: no leading zeros, no trailing zeros after the point,
    /// and a digit at least on each side of it (`150751734.0`, `4933708.07`, `-0.5`).
    static func canonicalDecimal(_ amount: Amount, into out: inout JSONBytes) {
        var a = amount
        while a.fractionDigits > 0, a.units % 10 == 0 { a = Amount(units: a.units / 10, fractionDigits: a.fractionDigits - 1) }
        out.raw(a.description)
        if a.fractionDigits == 0 { out.raw(".0") }
    }

    /// The canonical decimal form of an amount, as a string.
    static func canonicalDecimal(_ amount: Amount) -> String {
        var out = JSONBytes()
        canonicalDecimal(amount, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// A JSON document built as UTF-8 bytes: strings escaped as JSON requires, and characters XML
/// 1.0 cannot hold (control characters other than tab, line feed and carriage return; U+FFFE
/// and U+FFFF) written as U+FFFD, as the XML instance writes them, so the two say the same.
struct JSONBytes {
    var bytes: [UInt8] = []
    var unwritable: [String] = []

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `text` as a JSON string, quotes included.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        var replaced = false
        Text.withBytes(text) { source in
            let plain = !source.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xEF }
            if plain {
                bytes.append(contentsOf: source)
                return
            }
            var i = 0
            while i < source.count {
                let byte = source[i]
                i += 1
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x09: raw("\\t")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0xEF where i + 1 < source.count && source[i] == 0xBF && (source[i + 1] == 0xBE || source[i + 1] == 0xBF):
                    raw("\u{FFFD}")
                    replaced = true
                    i += 2
                case ..<0x20:
                    raw("\u{FFFD}")
                    replaced = true
                default:
                    bytes.append(byte)
                }
            }
        }
        bytes.append(0x22)
        if replaced, unwritable.count < 100 { unwritable.append(text) }
    }
}
