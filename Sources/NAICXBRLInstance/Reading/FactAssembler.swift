import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Turns an OIM fact given as its dimensions (as xBRL-CSV resolves a cell) into a
/// ``RawInstance`` fact and context: concept, entity, period, unit and taxonomy dimensions
/// resolved through the report's namespace prefixes and checked against the taxonomy.
struct FactAssembler {
    let model: TaxonomyModel
    let namespaces: [String: String]
    /// Periods and names are few and repeated in every row: each is worked out once.
    private var periods: [String: Period] = [:]
    private var names: [String: (namespace: String, local: String)] = [:]
    /// Where a fact's context key is built, kept for the next fact.
    private var keyBuffer: [UInt8] = []
    /// Each distinct context's id (`c1`, `c2`…) by its key.
    private var contextIDs: [String: String] = [:]
    /// The last concept resolved, for the next fact of its row.
    private var lastConcept: (text: String, resolved: ResolvedConcept)?
    private var lastUnit: (text: String, usd: Bool)?

    private struct ResolvedConcept {
        var concept: (namespace: String, local: String)
        var type: Concept.DataType?
    }

    /// What each context id starts with (`c`, then its number).
    var idPrefix = "c"

    init(model: TaxonomyModel, namespaces: [String: String]) {
        self.model = model
        self.namespaces = namespaces
    }

    func resolve(_ sqname: String) -> (namespace: String, local: String)? {
        guard let colon = sqname.utf8.firstIndex(of: UInt8(ascii: ":")), let uri = namespaces[String(sqname[..<colon])] else { return nil }
        return (uri, String(sqname[sqname.index(after: colon)...]))
    }

    private mutating func cachedResolve(_ sqname: String) -> (namespace: String, local: String)? {
        if let known = names[sqname] { return known }
        guard let found = resolve(sqname) else { return nil }
        if names.count < 100_000 { names[sqname] = found }
        return found
    }

    private mutating func period(_ text: String) -> Period? {
        if let known = periods[text] { return known }
        let period: Period?
        if let slash = text.firstIndex(of: "/") {
            period = ReaderPeriods.period(instant: nil, start: String(text[..<slash]), end: String(text[text.index(after: slash)...]))
        } else if text.contains("T") {
            period = ReaderPeriods.period(instant: text, start: nil, end: nil)
        } else {
            period = nil
        }
        if let period, periods.count < 10_000 { periods[text] = period }
        return period
    }

    /// Adds the fact, or says what is wrong with it: `concept` and `unit` as the fact's
    /// dimensions give them, `context` the id ``context(_:line:into:)`` gave for its others.
    mutating func add(id: String, line: Int, concept conceptName: String, unit unitText: String?, context contextID: String,
                      value rawValue: String?, decimals rawDecimals: String?,
                      csv: Bool, printed: String?, keepsID: Bool = false, into raw: inout RawInstance) -> String? {
        if raw.units.isEmpty {
            raw.units["USD"] = ["{\(XBRLNamespace.iso4217)}USD"]
            raw.units["pure"] = ["{\(XBRLNamespace.xbrli)}pure"]
        }
        let resolvedConcept: ResolvedConcept
        if let last = lastConcept, last.text == conceptName {
            resolvedConcept = last.resolved
        } else {
            // Not kept in the cache of names: a concept's facts follow each other (a row).
            guard let concept = resolve(conceptName) else { return "the concept \(conceptName.prefix(80)) has no declared prefix" }
            if concept.namespace == JSONReportWriter.xbrlNamespace { return "\(conceptName.prefix(40)) facts are not read from xBRL-CSV" }
            // The taxonomy's own namespace string, so that the importer compares it at a glance.
            let own = concept.namespace == model.namespace
            resolvedConcept = ResolvedConcept(concept: (own ? model.namespace : concept.namespace, concept.local),
                                              type: own ? model.concept(concept.local)?.type : nil)
            lastConcept = (conceptName, resolvedConcept)
        }
        let concept = resolvedConcept.concept
        let type = resolvedConcept.type
        let numeric = type?.isNumeric ?? false
        var unitRef: String?
        if let unitText {
            if type == .monetary, isUSD(unitText) {
                unitRef = "USD"
            } else if unitText == "xbrli:pure" {
                return "a pure unit is written by leaving unit out (OIM)"
            } else {
                return "the unit \(unitText.prefix(60)) is not one its concept \(conceptName.prefix(80)) takes"
            }
        } else if type == .monetary {
            return "the monetary fact has no unit (iso4217:USD)"
        } else if numeric {
            unitRef = "pure"
        }
        var value = rawValue
        var decimals = numeric ? rawDecimals : nil
        if csv, numeric, let text = value, let d = Self.lastD(text) {
            // xBRL-CSV's decimals suffix: 4933708.07d2.
            let suffix = text.utf8[text.utf8.index(after: d)...]
            guard let number = Int(Substring(suffix)), d > text.startIndex else { return "the value \"\(text.prefix(40))\" has a decimals suffix that is not an integer" }
            decimals = String(number)
            value = String(text[..<d])
        }
        if value != nil, numeric, decimals == nil { return "the numeric fact has no decimals" }
        raw.facts.append(RawInstance.RawFact(namespace: concept.namespace, concept: concept.local, contextRef: contextID, unitRef: unitRef,
                                             decimals: value == nil ? nil : decimals, isNil: value == nil, id: printed == nil && !keepsID ? nil : id,
                                             value: value ?? "", line: line))
        if let printed { raw.printedForms[id] = printed }
        return nil
    }

    /// Where the last `d` of a value is: an amount is short, and has none but its decimals suffix.
    private static func lastD(_ text: String) -> String.Index? {
        var text = text
        return text.withUTF8 { utf8 -> Int? in
            var i = utf8.count
            while i > 0 {
                i -= 1
                if utf8[i] == UInt8(ascii: "d") { return i }
            }
            return nil
        }.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// Whether a unit's text names iso4217:USD through the report's prefixes (the last answer is
    /// kept: a table's units are one text).
    private mutating func isUSD(_ text: String) -> Bool {
        if let last = lastUnit, last.text == text { return last.usd }
        let usd = cachedResolve(text).map { $0.namespace == XBRLNamespace.iso4217 && $0.local == "USD" } ?? false
        lastUnit = (text, usd)
        return usd
    }

    struct Problem: Error {
        var message: String
    }

    /// The id of the context the dimensions other than concept and unit give (registered in
    /// `raw` the first time), or what is wrong with them.
    mutating func context(_ dimensions: [(String, String)], line: Int, into raw: inout RawInstance) -> Result<String, Problem> {
        func dimension(_ key: String) -> String? {
            for (name, value) in dimensions where name == key { return value }
            return nil
        }
        guard let entityName = dimension("entity"), let entity = cachedResolve(entityName) else {
            return .failure(Problem(message: "the fact has no entity of a declared scheme prefix (such as naic:70416)"))
        }
        guard let periodText = dimension("period") else { return .failure(Problem(message: "the fact has no period")) }
        guard let period = period(periodText) else {
            return .failure(Problem(message: "the period \"\(periodText.prefix(60))\" is not a date-time or an interval of two (the ISO form; the short forms are not read)"))
        }
        // The context's key: entity, period, then each taxonomy dimension in the column's order.
        // The same context written in another order gets another key, and the importer, which
        // compares contexts by content, makes them one.
        // Built as bytes, one string made of them at the end.
        var keyBytes = keyBuffer
        keyBytes.removeAll(keepingCapacity: true)
        keyBytes.append(contentsOf: entity.namespace.utf8)
        keyBytes.append(1)
        keyBytes.append(contentsOf: entity.local.utf8)
        keyBytes.append(1)
        keyBytes.append(contentsOf: periodText.utf8)
        keyBuffer = []
        defer { keyBuffer = keyBytes }
        var members: [(axis: String, value: String, typed: Bool)] = []
        for (name, text) in dimensions {
            switch name {
            case "concept", "entity", "period", "unit": continue
            case "language", "noteId": return .failure(Problem(message: "the fact is not a footnote and takes no \(name)"))
            default: break
            }
            guard let axis = cachedResolve(name), axis.namespace == model.namespace, let axisConcept = model.concept(axis.local) else {
                return .failure(Problem(message: "the dimension \(name.prefix(80)) is not a dimension of the taxonomy"))
            }
            switch axisConcept.kind {
            case .explicitDimension:
                guard let member = cachedResolve(text), member.namespace == model.namespace else {
                    return .failure(Problem(message: "the member \(text.prefix(80)) of dimension \(name.prefix(80)) must be a member of the taxonomy, as prefix:Name"))
                }
                members.append((axis.local, member.local, false))
                keyBytes.append(1)
                keyBytes.append(contentsOf: axis.local.utf8)
                keyBytes.append(UInt8(ascii: "="))
                keyBytes.append(contentsOf: member.local.utf8)
            case .typedDimension:
                let value = FactImporter.trimmed(text)
                members.append((axis.local, value, true))
                keyBytes.append(1)
                keyBytes.append(contentsOf: axis.local.utf8)
                keyBytes.append(UInt8(ascii: "~"))
                keyBytes.append(contentsOf: value.utf8)
            default:
                return .failure(Problem(message: "\(name.prefix(80)) is not a dimension of the taxonomy"))
            }
        }
        let key = String(decoding: keyBytes, as: UTF8.self)
        if let known = contextIDs[key] { return .success(known) }
        let id = idPrefix + String(contextIDs.count + 1)
        contextIDs[key] = id
        var explicit: [String: String] = [:]
        var typed: [String: String] = [:]
        for member in members {
            if member.typed { typed[member.axis] = member.value } else { explicit[member.axis] = member.value }
        }
        raw.contexts[id] = FactContext(period: period, explicit: DimensionMembers(explicit), typed: DimensionMembers(typed))
        raw.contextLines[id] = line
        raw.entities[id] = "{\(entity.namespace)}\(entity.local)"
        return .success(id)
    }
}
