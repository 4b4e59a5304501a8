@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
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
package struct JSONReportWriter: Sendable {
    package let taxonomy: TaxonomyModel

    package init(taxonomy: TaxonomyModel) {
        self.taxonomy = taxonomy
    }

    package static let documentType = "https://xbrl.org/2021/xbrl-json"
    static let xbrlNamespace = "https://xbrl.org/2021"
    /// The prefix of the entity scheme (``InstanceWriter/entityScheme``).
    static let entityPrefix = "naic"
    static let footnoteArcrole = "http://www.xbrl.org/2003/arcrole/fact-footnote"
    static let standardLinkRole = "http://www.xbrl.org/2003/role/link"

    /// The report's bytes, and the texts that held characters XML cannot hold (written with
    /// U+FFFD in their place, as in the XML instance, so that both say the same).
    package func written(_ mapping: FactMapping.Result) -> (bytes: [UInt8], unwritable: [String]) {
        written(facts: mapping.facts, entity: mapping.entity, numbers: FactNumbers(mapping))
    }

    package func written(facts: [Fact], entity: String) -> (bytes: [UInt8], unwritable: [String]) {
        written(facts: facts, entity: entity, numbers: nil)
    }

    /// `numbers`, the mapping's numbering of the facts' contexts and concepts, spares hashing
    /// each fact's context and concept again; numbers that do not match the facts are worked
    /// out again.
    package func written(facts: [Fact], entity: String, numbers given: FactNumbers?) -> (bytes: [UInt8], unwritable: [String]) {
        let numbers = FactNumbers.of(facts, given: given)
        var out = JSONBytes(capacity: 200 * facts.count + 4096)
        let concepts = conceptParts(numbers, unwritable: &out.unwritable)
        let contexts = contextParts(numbers, entity: entity, unwritable: &out.unwritable)
        // Footnotes (printed forms): one note per distinct text, numbered in order of first use.
        var noteNumbers: [String: Int] = [:]
        var notes: [String] = []
        for fact in facts {
            if let printed = fact.printedForm, noteNumbers[printed] == nil {
                notes.append(printed)
                noteNumbers[printed] = notes.count
            }
        }
        writeDocumentInfo(footnotes: !notes.isEmpty, usesUSD: concepts.usesUSD, into: &out)
        out.raw(",\n  \"facts\": {")
        Self.writeFacts(facts, numbers, concepts, contexts, noteNumbers, into: &out)
        Self.writeNotes(notes, first: facts.isEmpty, into: &out)
        out.raw(facts.isEmpty && notes.isEmpty ? "}\n}\n" : "\n  }\n}\n")
        return (out.bytes, out.unwritable)
    }

    /// What each concept says, per concept number: its name (as the fact's `dimensions` begin),
    /// whether it is in dollars, whether it is an integer; empty for a concept no fact reports.
    private struct ConceptParts {
        var bytes: [[UInt8]] = []
        var usd: [Bool] = []
        var integer: [Bool] = []
        var usesUSD = false
    }

    private func conceptParts(_ numbers: FactNumbers, unwritable: inout [String]) -> ConceptParts {
        var parts = ConceptParts()
        var conceptUsed = [Bool](repeating: false, count: numbers.concepts.count)
        for n in numbers.factConcepts { conceptUsed[n] = true }
        parts.bytes.reserveCapacity(numbers.concepts.count)
        parts.usd.reserveCapacity(numbers.concepts.count)
        parts.integer.reserveCapacity(numbers.concepts.count)
        for (n, concept) in numbers.concepts.enumerated() {
            guard conceptUsed[n] else {
                parts.bytes.append([])
                parts.usd.append(false)
                parts.integer.append(false)
                continue
            }
            let type = taxonomy.concept(concept)?.type
            let usd = type == .monetary
            parts.usd.append(usd)
            parts.integer.append(type == .integer || type == .count)
            if usd { parts.usesUSD = true }
            var c = JSONBytes(capacity: 48 + concept.utf8.count)
            c.raw(", \"dimensions\": {\"concept\": ")
            c.string(taxonomy.prefix, concept)
            parts.bytes.append(c.bytes)
            unwritable += c.unwritable
        }
        return parts
    }

    /// What each context says after the concept, per context number: `head`, entity and period
    /// (`unit` comes between), and `tail`, its dimensions; empty for a context no fact is in.
    private func contextParts(_ numbers: FactNumbers, entity: String, unwritable: inout [String]) -> (head: [[UInt8]], tail: [[UInt8]]) {
        let prefix = taxonomy.prefix
        var entityPart = JSONBytes()
        entityPart.raw(", \"entity\": ")
        entityPart.string(Self.entityPrefix + ":" + entity)
        let entityBytes = entityPart.bytes
        var contextUsed = [Bool](repeating: false, count: numbers.contexts.count)
        for n in numbers.factContexts { contextUsed[n] = true }
        var head: [[UInt8]] = []
        var tail: [[UInt8]] = []
        head.reserveCapacity(numbers.contexts.count)
        tail.reserveCapacity(numbers.contexts.count)
        for (number, context) in numbers.contexts.enumerated() {
            guard contextUsed[number] else {
                head.append([])
                tail.append([])
                continue
            }
            var h = JSONBytes(capacity: entityBytes.count + 80)
            h.raw(entityBytes)
            h.raw(", \"period\": \"")
            Self.period(context.period, into: &h)
            h.raw("\"")
            head.append(h.bytes)
            // Dimensions in the order of their axes' names, explicit and typed together (each
            // list is in that order already).
            let explicit = context.explicit.sorted, typed = context.typed.sorted
            var e = 0, k = 0
            var t = JSONBytes(capacity: 64 * (explicit.count + typed.count) + 8)
            while e < explicit.count || k < typed.count {
                t.raw(", ")
                if k == typed.count || (e < explicit.count && explicit[e].key < typed[k].key) {
                    t.string(prefix, explicit[e].key)
                    t.raw(": ")
                    t.string(prefix, explicit[e].value)
                    e += 1
                } else {
                    t.string(prefix, typed[k].key)
                    t.raw(": ")
                    t.string(typed[k].value)
                    k += 1
                }
            }
            tail.append(t.bytes)
            unwritable += h.unwritable + t.unwritable
        }
        return (head, tail)
    }

    /// The report's `documentInfo`: its type, canonical values, the footnote link group and
    /// type when there are notes, and the namespaces.
    private func writeDocumentInfo(footnotes: Bool, usesUSD: Bool, into out: inout JSONBytes) {
        out.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
        out.string(Self.documentType)
        out.raw(",\n    \"features\": {\"xbrl:canonicalValues\": true},\n")
        if footnotes {
            out.raw("    \"linkGroups\": {\"_\": ")
            out.string(Self.standardLinkRole)
            out.raw("},\n    \"linkTypes\": {\"footnote\": ")
            out.string(Self.footnoteArcrole)
            out.raw("},\n")
        }
        var namespaces: [(String, String)] = [(Self.entityPrefix, InstanceWriter.entityScheme), (taxonomy.prefix, taxonomy.namespace),
                                              ("xbrl", Self.xbrlNamespace), ("xbrli", XBRLNamespace.xbrli)]
        if usesUSD { namespaces.append(("iso4217", XBRLNamespace.iso4217)) }
        out.namespaces(namespaces, taxonomy: taxonomy.entryPointURL)
    }

    /// The facts, `f1`, `f2`…, each linked to its printed form's note.
    private static func writeFacts(_ facts: [Fact], _ numbers: FactNumbers, _ concepts: ConceptParts,
                                   _ contexts: (head: [[UInt8]], tail: [[UInt8]]), _ noteNumbers: [String: Int],
                                   into out: inout JSONBytes) {
        for i in facts.indices {
            out.raw(i == 0 ? "\n    \"f" : ",\n    \"f")
            out.integer(i + 1)
            out.raw("\": {\"value\": ")
            // Read in place: copying each fact would retain and release its strings.
            switch facts[i].value {
            case .amount(let amount, let scale):
                out.raw("\"")
                out.canonicalNumber(InstanceWriter.scaled(amount, scale), integer: concepts.integer[numbers.factConcepts[i]])
                out.raw("\", \"decimals\": ")
                out.integer(amount.fractionDigits - scale.exponent)
            case .text(let text):
                out.string(text)
            case .boolean(let b):
                out.raw(b ? "\"true\"" : "\"false\"")
            case .date(let d):
                out.quotedDate(d)
            case .none:
                out.raw("null")
            }
            let c = numbers.factConcepts[i]
            out.raw(concepts.bytes[c])
            let n = numbers.factContexts[i]
            out.raw(contexts.head[n])
            if concepts.usd[c] { out.raw(", \"unit\": \"iso4217:USD\"") }
            out.raw(contexts.tail[n])
            out.raw("}")
            if let printed = facts[i].printedForm, let note = noteNumbers[printed] {
                out.raw(", \"links\": {\"footnote\": {\"_\": [\"n")
                out.integer(note)
                out.raw("\"]}}")
            }
            out.raw("}")
        }
    }

    /// The notes, `n1`, `n2`…: the printed forms, after the facts (`first`: no fact came before).
    private static func writeNotes(_ notes: [String], first: Bool, into out: inout JSONBytes) {
        for (n, note) in notes.enumerated() {
            out.raw(first && n == 0 ? "\n    \"n" : ",\n    \"n")
            out.integer(n + 1)
            out.raw("\": {\"value\": ")
            out.string(note)
            out.raw(", \"dimensions\": {\"concept\": \"xbrl:note\", \"language\": \"en\", \"noteId\": \"n")
            out.integer(n + 1)
            out.raw("\"}}")
        }
    }

    /// An OIM period: date-times at midnight, an instant (and a duration's end) at the end of
    /// its day, that is, the next day's start.
    static func period(_ period: Period, into out: inout JSONBytes) {
        switch period {
        case .instant(let d):
            out.date(d.adding(days: 1))
            out.raw("T00:00:00")
        case .duration(let s, let e):
            out.date(s)
            out.raw("T00:00:00/")
            out.date(e.adding(days: 1))
            out.raw("T00:00:00")
        }
    }

    /// The canonical form of an xs:decimal: no leading zeros, no trailing zeros after the point,
    /// and a digit at least on each side of it (`150751734.0`, `4933708.07`, `-0.5`).
    static func canonicalDecimal(_ amount: Amount, into out: inout JSONBytes) {
        out.canonicalDecimal(amount)
    }

    /// The canonical decimal form of an amount, as a string.
    static func canonicalDecimal(_ amount: Amount) -> String {
        var out = JSONBytes()
        canonicalDecimal(amount, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// Each distinct context and concept of a list of facts once, and each fact's numbers in those
/// lists: what ``FactMapping`` numbered as it made the facts, for the writers of every form.
package struct FactNumbers: Sendable {
    var contexts: [FactContext]
    var factContexts: [Int]
    var concepts: [String]
    var factConcepts: [Int]

    init(contexts: [FactContext], factContexts: [Int], concepts: [String], factConcepts: [Int]) {
        self.contexts = contexts
        self.factContexts = factContexts
        self.concepts = concepts
        self.factConcepts = factConcepts
    }

    package init(_ mapping: FactMapping.Result) {
        self.init(contexts: mapping.contexts, factContexts: mapping.factContexts, concepts: mapping.concepts, factConcepts: mapping.factConcepts)
    }

    /// `given`: the numbers the mapping made for exactly these facts (``Conversion`` forgets them
    /// when its facts change), taken where they fit them (a number for each fact, each in
    /// range); otherwise each context and concept is numbered in order of first use.
    static func of(_ facts: [Fact], given: FactNumbers?) -> FactNumbers {
        if let given, fits(given.factContexts, given.contexts.count, facts.count), fits(given.factConcepts, given.concepts.count, facts.count) {
            return given
        }
        var numbers = FactNumbers(contexts: [], factContexts: [], concepts: [], factConcepts: [])
        (numbers.contexts, numbers.factContexts) = numbered(facts, { $0.context })
        (numbers.concepts, numbers.factConcepts) = numbered(facts, { $0.concept })
        return numbers
    }

    private static func fits(_ numbers: [Int], _ items: Int, _ facts: Int) -> Bool {
        numbers.count == facts && numbers.allSatisfy { $0 >= 0 && $0 < items }
    }

    private static func numbered<Item: Hashable>(_ facts: [Fact], _ item: (Fact) -> Item) -> ([Item], [Int]) {
        var known: [Item: Int] = [:]
        var distinct: [Item] = []
        var previous: (item: Item, number: Int)?
        let numbering = facts.map { fact -> Int in
            let value = item(fact)
            // Facts of one context (and one concept) mostly follow each other: compared, not hashed.
            if let previous, previous.item == value { return previous.number }
            let number: Int
            if let found = known[value] {
                number = found
            } else {
                number = distinct.count
                known[value] = number
                distinct.append(value)
            }
            previous = (value, number)
            return number
        }
        return (distinct, numbering)
    }
}
