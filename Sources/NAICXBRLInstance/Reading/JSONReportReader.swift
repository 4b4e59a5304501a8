import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Reads an xBRL-JSON 1.0 report into the plain values an XML instance is read into
/// (``RawInstance``), so that ``FactImporter`` places its facts exactly as it places an
/// instance's: a JSON report and the XML instance of the same facts import to the same
/// statement.
///
/// What the report must be (each problem is an error naming the line and column):
/// - JSON, in UTF-8, with no name twice in one object (fact ids are unique);
/// - `documentInfo.documentType` `https://xbrl.org/2021/xbrl-json`, `namespaces` declaring every
///   prefix used, `taxonomy` naming an entry point of a known edition;
/// - each fact an object with `value` (a string, or `null` for a nil fact) and `dimensions` with
///   `concept`, `entity` and `period`; `decimals` an integer, on numeric facts only; `unit`
///   `iso4217:USD` on monetary facts, none on pure numbers and non-numeric facts; taxonomy
///   dimensions of the edition's namespace; properties other than these only with a prefix
///   (OIM's extension properties, ignored);
/// - footnotes facts of concept `xbrl:note` whose `noteId` is their id, linked from facts by a
///   link type that names the fact-footnote arcrole;
/// - with the `xbrl:canonicalValues` feature, values in canonical form.
@_spi(Stages) public enum JSONReportReader {
    @_spi(Stages) public struct Result: Sendable {
        /// The edition named by the report's `taxonomy`, or nil.
        @_spi(Stages) public var blank: Blank?
        @_spi(Stages) public var raw: RawInstance
    }

    /// Errors reported before the rest are summed up in one.
    static let maximumIssues = 1000

    @_spi(Stages) public static func read(_ bytes: [UInt8], name: String) -> Result {
        let root: JSONDocument.Node
        do {
            root = try JSONDocument.parse(bytes)
        } catch {
            return unparsed(error, name: name)
        }
        return read(root, name: name)
    }

    /// The result for a document that is not JSON: its syntax error, nothing read.
    static func unparsed(_ error: JSONDocument.SyntaxError, name: String) -> Result {
        var raw = RawInstance()
        raw.issues.append(Diagnostic(.error, .invalidJSON, file: name, line: error.line, "column \(error.column): \(error.message)"))
        return Result(blank: nil, raw: raw)
    }

    /// Reads a report already parsed (``JSONDocument/parse(_:)``): `root` is its top node.
    static func read(_ root: JSONDocument.Node, name: String) -> Result {
        var raw = RawInstance()
        var reader = Reader(name: name)
        let blank = reader.read(root, into: &raw)
        raw.issues += reader.issues
        if reader.dropped > 0 {
            raw.issues.append(Diagnostic(.error, .oim, file: name, line: nil, "\(reader.dropped) more errors not shown"))
        }
        return Result(blank: blank, raw: raw)
    }

    /// The blank edition an entry point URL (or its file name) names.
    static func blank(entryPoint href: String) -> Blank? {
        if let blank = InstanceBlank.known[InstanceBlank.Key(kind: .entryPoint, value: href)] { return blank }
        let file = String(href.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        return InstanceBlank.known[InstanceBlank.Key(kind: .entryPoint, value: file)]
    }

    private struct Reader {
        let name: String
        var issues: [Diagnostic] = []
        var dropped = 0

        init(name: String) {
            self.name = name
        }

        mutating func fail(_ node: JSONDocument.Node?, _ message: String, code: Diagnostic.Code = .oim) {
            guard issues.count < JSONReportReader.maximumIssues else {
                dropped += 1
                return
            }
            if let node {
                issues.append(Diagnostic(.error, code, file: name, line: node.line, "column \(node.column): \(message)"))
            } else {
                issues.append(Diagnostic(.error, code, file: name, line: nil, message))
            }
        }

        mutating func read(_ root: JSONDocument.Node, into raw: inout RawInstance) -> Blank? {
            guard let top = root.members else {
                fail(root, "the report must be a JSON object, not \(root.kind)")
                return nil
            }
            for member in top where member.key != "documentInfo" && member.key != "facts" && !member.key.contains(":") {
                fail(member.node, "unknown property \"\(member.key.prefix(80))\" of the report")
            }
            guard let info = root["documentInfo"] else {
                fail(root, "the report has no documentInfo object")
                return nil
            }
            guard info.members != nil else {
                fail(info, "documentInfo must be an object, not \(info.kind)")
                return nil
            }
            guard let type = info["documentType"]?.string else {
                fail(info, "documentInfo has no documentType")
                return nil
            }
            guard type == JSONReportWriter.documentType else {
                let hint = type == CSVReportWriter.documentType ? "; this is xBRL-CSV metadata: import its report package (.xbr), which holds the tables too" : ""
                fail(info["documentType"], "the documentType is \"\(type.prefix(80))\", not \(JSONReportWriter.documentType) (xBRL-JSON 1.0)\(hint)")
                return nil
            }
            var namespaces: [String: String] = [:]
            if let declared = info["namespaces"] {
                guard let members = declared.members else {
                    fail(declared, "namespaces must be an object")
                    return nil
                }
                for member in members {
                    guard let uri = member.node.string else {
                        fail(member.node, "the namespace of prefix \(member.key.prefix(40)) must be a string")
                        continue
                    }
                    namespaces[member.key] = uri
                }
            }
            var linkTypes: [String: String] = [:]
            for member in info["linkTypes"]?.members ?? [] {
                if let uri = member.node.string { linkTypes[member.key] = uri } else { fail(member.node, "a link type must be a string") }
            }
            var canonical = false
            if let features = info["features"] {
                if case .bool(let b)? = features["xbrl:canonicalValues"]?.value { canonical = b }
            }
            guard let taxonomy = info["taxonomy"], let hrefs = taxonomy.elements else {
                fail(info, "documentInfo has no taxonomy array naming the edition's entry point")
                return nil
            }
            raw.schemaRefs = hrefs.compactMap(\.string)
            guard let blank = raw.schemaRefs.lazy.compactMap(JSONReportReader.blank(entryPoint:)).first else { return nil }
            let model = TaxonomyModel.of(blank)
            let facts = root["facts"]
            guard let factMembers = facts?.members else {
                fail(facts ?? root, facts == nil ? "the report has no facts object" : "facts must be an object")
                return blank
            }
            readFacts(factMembers, model: model, namespaces: namespaces, linkTypes: linkTypes, canonical: canonical, into: &raw)
            return blank
        }

        mutating func readFacts(_ members: [JSONDocument.Member], model: TaxonomyModel, namespaces: [String: String],
                                linkTypes: [String: String], canonical: Bool, into raw: inout RawInstance) {
            var tables = FactTables(model: model, taxonomyNamespace: model.namespace, namespaces: namespaces, linkTypes: linkTypes, canonical: canonical)
            raw.facts.reserveCapacity(members.count)
            raw.units["USD"] = ["{\(XBRLNamespace.iso4217)}USD"]
            raw.units["pure"] = ["{\(XBRLNamespace.xbrli)}pure"]
            for member in members { readFact(member, &tables, into: &raw) }
            fileFootnotes(tables, into: &raw)
        }

        /// What reading a report's facts needs beside them, and what it gathers across facts.
        private struct FactTables {
            let model: TaxonomyModel
            let taxonomyNamespace: String
            let namespaces: [String: String]
            let linkTypes: [String: String]
            let canonical: Bool
            /// Footnote texts by id.
            var notes: [String: String] = [:]
            /// The facts' links to footnotes, matched with them once all facts are read.
            var links: [(fact: String, note: String, node: JSONDocument.Node)] = []
            var contextKeys: Set<String> = []

            /// A prefixed name's namespace and local name; nil when its prefix is not declared.
            @inline(__always)
            func resolve(_ sqname: String) -> (namespace: String, local: String)? {
                guard let colon = sqname.firstIndex(of: ":") else { return nil }
                guard let uri = namespaces[String(sqname[..<colon])] else { return nil }
                return (uri, String(sqname[sqname.index(after: colon)...]))
            }

            /// The key of a fact's context, the context added to the report's when it is new: a
            /// context per distinct entity, period and dimensions.
            @inline(__always)
            mutating func context(entity: (namespace: String, local: String), periodText: String, period: Period,
                                  dimensions: inout FactDimensions, line: Int, into raw: inout RawInstance) -> String {
                dimensions.keyParts.sort()
                let key = entity.namespace + "\u{1}" + entity.local + "\u{1}" + periodText + "\u{1}" + dimensions.keyParts.joined(separator: "\u{1}")
                if contextKeys.insert(key).inserted {
                    raw.contexts[key] = FactContext(period: period, explicit: DimensionMembers(dimensions.explicit), typed: DimensionMembers(dimensions.typed))
                    raw.contextLines[key] = line
                    raw.entities[key] = "{\(entity.namespace)}\(entity.local)"
                }
                return key
            }
        }

        /// A fact's taxonomy dimensions: explicit members and typed values by axis, and the parts
        /// of its context key they make.
        private struct FactDimensions {
            var explicit: [String: String] = [:]
            var typed: [String: String] = [:]
            var keyParts: [String] = []
        }

        /// Reads one member of `facts`: a footnote's text, or a fact with its context.
        @inline(__always)
        private mutating func readFact(_ member: JSONDocument.Member, _ tables: inout FactTables, into raw: inout RawInstance) {
            let id = member.key
            let node = member.node
            guard let properties = node.members else {
                fail(node, "fact \(id.prefix(40)) must be an object, not \(node.kind)")
                return
            }
            let hasValue = checkProperties(properties, of: id)
            guard let dimensions = node["dimensions"], let dimensionMembers = dimensions.members else {
                fail(node, "fact \(id.prefix(40)) has no dimensions object")
                return
            }
            guard let conceptNode = dimensions["concept"], let conceptName = conceptNode.string else {
                fail(dimensions, "fact \(id.prefix(40)) has no concept")
                return
            }
            guard let concept = tables.resolve(conceptName) else {
                fail(conceptNode, "the concept \(conceptName.prefix(80)) of fact \(id.prefix(40)) has no declared prefix")
                return
            }
            guard hasValue, let valueNode = node["value"] else {
                fail(node, "fact \(id.prefix(40)) has no value (a nil fact's value is null)")
                return
            }
            if concept.namespace == JSONReportWriter.xbrlNamespace, concept.local == "note" {
                readNote(id, valueNode, dimensions: dimensions, &tables)
                return
            }
            guard let entityNode = dimensions["entity"], let entityName = entityNode.string, let entity = tables.resolve(entityName) else {
                fail(dimensions["entity"] ?? dimensions, "fact \(id.prefix(40)) has no entity of a declared scheme prefix (such as naic:70416)")
                return
            }
            guard let period = readPeriod(dimensions, of: id) else { return }
            // The concept's type decides unit and decimals.
            let type = concept.namespace == tables.taxonomyNamespace ? tables.model.concept(concept.local)?.type : nil
            let numeric = type?.isNumeric ?? false
            guard let unitRef = readUnit(dimensions, of: id, conceptName: conceptName, type: type, tables) else { return }
            guard var factDimensions = readDimensions(dimensionMembers, of: id, tables) else { return }
            let key = tables.context(entity: entity, periodText: period.text, period: period.period, dimensions: &factDimensions, line: node.line, into: &raw)
            guard let decimals = readDecimals(node, of: id, numeric: numeric) else { return }
            guard let value = readValue(valueNode, of: node, id, type: type, numeric: numeric, decimals: decimals, canonical: tables.canonical) else { return }
            guard let footnoted = readLinks(node, of: id, &tables) else { return }
            raw.facts.append(RawInstance.RawFact(namespace: concept.namespace, concept: concept.local, contextRef: key, unitRef: unitRef,
                                                 decimals: decimals, isNil: value.isNil, id: footnoted ? id : nil, value: value.text, line: node.line))
        }

        /// Refuses a fact's unknown unprefixed properties; whether it has a value.
        @inline(__always)
        private mutating func checkProperties(_ properties: [JSONDocument.Member], of id: String) -> Bool {
            var hasValue = false
            for property in properties {
                switch property.key {
                case "value": hasValue = true
                case "decimals", "dimensions", "links": break
                default:
                    if !property.key.contains(":") { fail(property.node, "unknown property \"\(property.key.prefix(80))\" of fact \(id.prefix(40))") }
                }
            }
            return hasValue
        }

        /// Keeps a footnote's text for the facts that link to it.
        @inline(__always)
        private mutating func readNote(_ id: String, _ valueNode: JSONDocument.Node, dimensions: JSONDocument.Node, _ tables: inout FactTables) {
            guard let text = valueNode.string else {
                fail(valueNode, "footnote \(id.prefix(40)) must have a string value")
                return
            }
            if dimensions["noteId"]?.string != id {
                fail(dimensions, "footnote \(id.prefix(40)) must have a noteId dimension equal to its id")
            }
            tables.notes[id] = text
        }

        /// A fact's period, as printed and as read: a date-time or an interval of two.
        @inline(__always)
        private mutating func readPeriod(_ dimensions: JSONDocument.Node, of id: String) -> (text: String, period: Period)? {
            guard let periodNode = dimensions["period"], let periodText = periodNode.string else {
                fail(dimensions, "fact \(id.prefix(40)) has no period")
                return nil
            }
            let period: Period?
            if let slash = periodText.firstIndex(of: "/") {
                period = ReaderPeriods.period(instant: nil, start: String(periodText[..<slash]), end: String(periodText[periodText.index(after: slash)...]))
            } else {
                period = ReaderPeriods.period(instant: periodText, start: nil, end: nil)
            }
            guard let period else {
                fail(periodNode, "the period \"\(periodText.prefix(60))\" of fact \(id.prefix(40)) is not a date-time or an interval of two")
                return nil
            }
            return (periodText, period)
        }

        /// The unit a fact's concept takes (`USD`, `pure`, or none inside the outer optional);
        /// nil when the fact's unit is refused.
        @inline(__always)
        private mutating func readUnit(_ dimensions: JSONDocument.Node, of id: String, conceptName: String, type: Concept.DataType?,
                                       _ tables: FactTables) -> String?? {
            guard let unitNode = dimensions["unit"] else {
                if type == .monetary {
                    fail(dimensions, "monetary fact \(id.prefix(40)) has no unit (iso4217:USD)")
                    return nil
                }
                // A numeric fact without a unit is a pure number (OIM).
                return .some(type?.isNumeric ?? false ? "pure" : nil)
            }
            guard let unitText = unitNode.string else {
                fail(unitNode, "the unit of fact \(id.prefix(40)) must be a string")
                return nil
            }
            if let unit = tables.resolve(unitText), unit.namespace == XBRLNamespace.iso4217, unit.local == "USD", type == .monetary {
                return .some("USD")
            } else if unitText == "xbrli:pure" || tables.resolve(unitText).map({ $0.namespace == XBRLNamespace.xbrli && $0.local == "pure" }) == true {
                fail(unitNode, "fact \(id.prefix(40)): a pure unit is written by leaving unit out (OIM)")
            } else {
                fail(unitNode, "fact \(id.prefix(40)) has the unit \(unitText.prefix(60)), which its concept \(conceptName.prefix(80)) does not take")
            }
            return nil
        }

        /// A fact's taxonomy dimensions; nil when any is refused (each refusal is reported).
        @inline(__always)
        private mutating func readDimensions(_ members: [JSONDocument.Member], of id: String, _ tables: FactTables) -> FactDimensions? {
            var read = FactDimensions()
            var dimensionProblem = false
            for dimension in members {
                switch dimension.key {
                case "concept", "entity", "period", "unit": continue
                case "language", "noteId":
                    fail(dimension.node, "fact \(id.prefix(40)) is not a footnote and takes no \(dimension.key)")
                    dimensionProblem = true
                    continue
                default: break
                }
                guard let axis = tables.resolve(dimension.key), axis.namespace == tables.taxonomyNamespace, let axisConcept = tables.model.concept(axis.local) else {
                    fail(dimension.node, "the dimension \(dimension.key.prefix(80)) of fact \(id.prefix(40)) is not a dimension of the taxonomy")
                    dimensionProblem = true
                    continue
                }
                switch axisConcept.kind {
                case .explicitDimension:
                    guard let memberName = dimension.node.string, let memberQName = tables.resolve(memberName),
                          memberQName.namespace == tables.taxonomyNamespace else {
                        fail(dimension.node, "the member of dimension \(dimension.key.prefix(80)) of fact \(id.prefix(40)) must be a member of the taxonomy, as prefix:Name")
                        dimensionProblem = true
                        continue
                    }
                    read.explicit[axis.local] = memberQName.local
                    read.keyParts.append(axis.local + "=" + memberQName.local)
                case .typedDimension:
                    guard let text = dimension.node.string else {
                        fail(dimension.node, "the value of typed dimension \(dimension.key.prefix(80)) of fact \(id.prefix(40)) must be a string")
                        dimensionProblem = true
                        continue
                    }
                    let value = FactImporter.trimmed(text)
                    read.typed[axis.local] = value
                    read.keyParts.append(axis.local + "~" + value)
                default:
                    fail(dimension.node, "\(dimension.key.prefix(80)) of fact \(id.prefix(40)) is not a dimension of the taxonomy")
                    dimensionProblem = true
                }
            }
            return dimensionProblem ? nil : read
        }

        /// A fact's decimals (none inside the outer optional); nil when they are refused.
        @inline(__always)
        private mutating func readDecimals(_ node: JSONDocument.Node, of id: String, numeric: Bool) -> String?? {
            guard let decimalsNode = node["decimals"] else { return .some(nil) }
            guard case .number(let text) = decimalsNode.value, Int(text) != nil else {
                fail(decimalsNode, "the decimals of fact \(id.prefix(40)) must be an integer")
                return nil
            }
            guard numeric else {
                fail(decimalsNode, "fact \(id.prefix(40)) is not numeric and takes no decimals")
                return nil
            }
            return .some(text)
        }

        /// A fact's value (empty for a nil fact); nil when it is refused.
        @inline(__always)
        private mutating func readValue(_ valueNode: JSONDocument.Node, of node: JSONDocument.Node, _ id: String, type: Concept.DataType?,
                                        numeric: Bool, decimals: String?, canonical: Bool) -> (text: String, isNil: Bool)? {
            switch valueNode.value {
            case .null:
                return ("", true)
            case .string(let s):
                if numeric, decimals == nil {
                    fail(node, "numeric fact \(id.prefix(40)) has no decimals")
                    return nil
                }
                if canonical, let type, !JSONReportReader.isCanonical(s, type) {
                    fail(valueNode, "the value \"\(s.prefix(60))\" of fact \(id.prefix(40)) is not canonical for its type \(type.rawValue), as the report's xbrl:canonicalValues feature says")
                    return nil
                }
                return (s, false)
            default:
                fail(valueNode, "the value of fact \(id.prefix(40)) must be a string or null, not \(valueNode.kind)")
                return nil
            }
        }

        /// Notes a fact's links to footnotes; whether it has any, or nil when its links are refused.
        @inline(__always)
        private mutating func readLinks(_ node: JSONDocument.Node, of id: String, _ tables: inout FactTables) -> Bool? {
            guard let linkNode = node["links"] else { return false }
            guard let byType = linkNode.members else {
                fail(linkNode, "the links of fact \(id.prefix(40)) must be an object")
                return nil
            }
            var footnoted = false
            for linkType in byType {
                guard tables.linkTypes[linkType.key] == JSONReportWriter.footnoteArcrole else {
                    fail(linkType.node, "link type \(linkType.key.prefix(40)) of fact \(id.prefix(40)) is not declared as the fact-footnote arcrole")
                    continue
                }
                for group in linkType.node.members ?? [] {
                    for target in group.node.elements ?? [] {
                        guard let noteID = target.string else {
                            fail(target, "a link target must be a fact id")
                            continue
                        }
                        tables.links.append((id, noteID, target))
                        footnoted = true
                    }
                }
            }
            return footnoted
        }

        /// Gives each linked fact its footnote's text.
        private mutating func fileFootnotes(_ tables: FactTables, into raw: inout RawInstance) {
            for link in tables.links {
                guard let text = tables.notes[link.note] else {
                    fail(link.node, "fact \(link.fact.prefix(40)) links to \(link.note.prefix(40)), which is no footnote of the report")
                    continue
                }
                raw.footnotes[link.fact] = text
            }
        }
    }

    /// Whether `text` is the canonical form of a value of `type`.
    static func isCanonical(_ text: String, _ type: Concept.DataType) -> Bool {
        switch type {
        case .integer, .count:
            // -?(0|[1-9][0-9]*)
            var bytes = Array(text.utf8)[...]
            if bytes.first == 0x2D { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            return bytes.count == 1 || bytes.first != 0x30
        case .monetary, .percent, .ratio:
            // -?(0|[1-9][0-9]*)\.(0|[0-9]*[1-9])
            var bytes = Array(text.utf8)[...]
            if bytes.first == 0x2D { bytes = bytes.dropFirst() }
            guard let point = bytes.firstIndex(of: 0x2E) else { return false }
            let whole = bytes[..<point], fraction = bytes[(point + 1)...]
            func digits(_ s: ArraySlice<UInt8>) -> Bool { !s.isEmpty && s.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            guard digits(whole), digits(fraction) else { return false }
            if whole.count > 1, whole.first == 0x30 { return false }
            if fraction.count > 1, fraction.last == 0x30 { return false }
            return true
        case .boolean: return text == "true" || text == "false"
        case .date: return text.utf8.count == 10 && CalendarDate(iso: Substring(text)) != nil
        case .string, .abstract: return true
        }
    }
}
