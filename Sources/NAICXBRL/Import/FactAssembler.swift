/// Turns an OIM fact given as its dimensions (as xBRL-CSV resolves a cell) into a
/// ``RawInstance`` fact and context: concept, entity, period, unit and taxonomy dimensions
/// resolved through the report's namespace prefixes and checked against the taxonomy.
struct FactAssembler {
    let model: TaxonomyModel
    let namespaces: [String: String]
    private var contextKeys: Set<String> = []
    /// Periods and names are few and repeated in every row: each is worked out once.
    private var periods: [String: Period] = [:]
    private var names: [String: (namespace: String, local: String)] = [:]

    init(model: TaxonomyModel, namespaces: [String: String]) {
        self.model = model
        self.namespaces = namespaces
    }

    func resolve(_ sqname: String) -> (namespace: String, local: String)? {
        guard let colon = sqname.firstIndex(of: ":"), let uri = namespaces[String(sqname[..<colon])] else { return nil }
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

    /// Adds the fact, or says what is wrong with it.
    mutating func add(id: String, line: Int, dimensions: [String: String], value rawValue: String?, decimals rawDecimals: String?,
                      csv: Bool, printed: String?, into raw: inout RawInstance) -> String? {
        if raw.units.isEmpty {
            raw.units["USD"] = ["{\(InstanceWriter.iso4217)}USD"]
            raw.units["pure"] = ["{\(InstanceWriter.xbrli)}pure"]
        }
        guard let conceptName = dimensions["concept"] else { return "the fact has no concept" }
        guard let concept = cachedResolve(conceptName) else { return "the concept \(conceptName.prefix(80)) has no declared prefix" }
        if concept.namespace == JSONReportWriter.xbrlNamespace { return "\(conceptName.prefix(40)) facts are not read from xBRL-CSV" }
        guard let entityName = dimensions["entity"], let entity = cachedResolve(entityName) else {
            return "the fact has no entity of a declared scheme prefix (such as naic:70416)"
        }
        guard let periodText = dimensions["period"] else { return "the fact has no period" }
        guard let period = period(periodText) else {
            return "the period \"\(periodText.prefix(60))\" is not a date-time or an interval of two (the ISO form; the short forms are not read)"
        }
        let type = concept.namespace == model.namespace ? model.concept(concept.local)?.type : nil
        let numeric = type == .monetary || type == .percent || type == .integer
        var unitRef: String?
        if let unitText = dimensions["unit"] {
            if let unit = resolve(unitText), unit.namespace == InstanceWriter.iso4217, unit.local == "USD", type == .monetary {
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
        var explicit: [String: String] = [:]
        var typed: [String: String] = [:]
        var keyParts: [String] = []
        for (key, text) in dimensions {
            switch key {
            case "concept", "entity", "period", "unit": continue
            case "language", "noteId": return "the fact is not a footnote and takes no \(key)"
            default: break
            }
            guard let axis = cachedResolve(key), axis.namespace == model.namespace, let axisConcept = model.concept(axis.local) else {
                return "the dimension \(key.prefix(80)) is not a dimension of the taxonomy"
            }
            switch axisConcept.kind {
            case .explicitDimension:
                guard let member = cachedResolve(text), member.namespace == model.namespace else {
                    return "the member \(text.prefix(80)) of dimension \(key.prefix(80)) must be a member of the taxonomy, as prefix:Name"
                }
                explicit[axis.local] = member.local
                keyParts.append(axis.local + "=" + member.local)
            case .typedDimension:
                let value = FactImporter.trimmed(text)
                typed[axis.local] = value
                keyParts.append(axis.local + "~" + value)
            default:
                return "\(key.prefix(80)) is not a dimension of the taxonomy"
            }
        }
        var value = rawValue
        var decimals = numeric ? rawDecimals : nil
        if csv, numeric, let text = value, let d = text.lastIndex(of: "d") {
            // xBRL-CSV's decimals suffix: 4933708.07d2.
            let suffix = text[text.index(after: d)...]
            guard Int(suffix) != nil, d > text.startIndex else { return "the value \"\(text.prefix(40))\" has a decimals suffix that is not an integer" }
            decimals = String(suffix)
            value = String(text[..<d])
        }
        if value != nil, numeric, decimals == nil { return "the numeric fact has no decimals" }
        keyParts.sort()
        let key = entity.namespace + "\u{1}" + entity.local + "\u{1}" + periodText + "\u{1}" + keyParts.joined(separator: "\u{1}")
        if contextKeys.insert(key).inserted {
            raw.contexts[key] = FactContext(period: period, explicit: DimensionMembers(explicit), typed: DimensionMembers(typed))
            raw.contextLines[key] = line
            raw.entities[key] = "{\(entity.namespace)}\(entity.local)"
        }
        raw.facts.append(RawInstance.RawFact(namespace: concept.namespace, concept: concept.local, contextRef: key, unitRef: unitRef,
                                             decimals: value == nil ? nil : decimals, isNil: value == nil, id: printed == nil ? nil : id,
                                             value: value ?? "", line: line))
        if let printed { raw.printedForms[id] = printed }
        return nil
    }
}
