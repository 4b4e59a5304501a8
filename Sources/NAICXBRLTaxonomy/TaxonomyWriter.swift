import NAICXBRLCore
import NAICXBRLXML
/// Writes a ``TaxonomyModel`` as XBRL 2.1 files: the concept schema and its label,
/// presentation, calculation and definition linkbases, plus a Taxonomy Packages 1.0 manifest.
public struct TaxonomyWriter: Sendable {
    package let taxonomy: TaxonomyModel

    package init(taxonomy: TaxonomyModel) {
        self.taxonomy = taxonomy
    }

    static let xs = "http://www.w3.org/2001/XMLSchema"

    package static func printedAtRole(_ t: TaxonomyModel) -> String { t.blank.taxonomyURL + "role/printedAt" }
    public static func printedFormRole(_ t: TaxonomyModel) -> String { t.blank.taxonomyURL + "role/printedForm" }

    var stem: String { String(taxonomy.blank.entryPoint.dropLast(4)) }
    var labelFile: String { stem + "-lab.xml" }
    var presentationFile: String { stem + "-pre.xml" }
    var calculationFile: String { stem + "-cal.xml" }
    var definitionFile: String { stem + "-def.xml" }

    /// The taxonomy's files by path relative to ``Blank/taxonomyURL``.
    package func files() -> [(path: String, contents: [UInt8])] {
        [
            (taxonomy.blank.entryPoint, schema()),
            (labelFile, labels()),
            (presentationFile, presentation()),
            (calculationFile, calculation()),
            (definitionFile, definition()),
            (referenceFile, references()),
        ] + (formulaLinkbase().map { [(formulaFile, $0)] } ?? [])
            + [{ let templates = CSVTemplates.of(taxonomy.blank); return (templates.file, templates.document()) }()]
    }

    func id(_ name: String) -> String { "\(taxonomy.prefix)_\(name)" }

    /// The concept schema. `formulaLinkbaseRef` says whether it refers to the formula
    /// linkbase; by default, when the blank's bundled rules compile (the package then holds it).
    package func schema(formulaLinkbaseRef: Bool? = nil) -> [UInt8] {
        let t = taxonomy
        guard let xml = XMLStreamWriter() else { return [] }
        xml.start("xs:schema")
        xml.attribute("xmlns:xs", Self.xs)
        xml.attribute("xmlns:xbrli", XBRLNamespace.xbrli)
        xml.attribute("xmlns:link", XBRLNamespace.link)
        xml.attribute("xmlns:xlink", XBRLNamespace.xlink)
        xml.attribute("xmlns:xbrldt", XBRLNamespace.xbrldt)
        xml.attribute("xmlns:num", XBRLNamespace.num)
        xml.attribute("xmlns:\(t.prefix)", t.namespace)
        xml.attribute("targetNamespace", t.namespace)
        xml.attribute("elementFormDefault", "qualified")
        xml.attribute("attributeFormDefault", "unqualified")
        xml.start("xs:annotation")
        xml.start("xs:appinfo")
        for (file, role) in [(labelFile, "label"), (presentationFile, "presentation"), (calculationFile, "calculation"), (definitionFile, "definition"),
                             (referenceFile, "reference")] {
            xml.element("link:linkbaseRef", attributes: [("xlink:type", "simple"), ("xlink:href", file),
                                                        ("xlink:role", "http://www.xbrl.org/2003/role/\(role)LinkbaseRef"),
                                                        ("xlink:arcrole", "http://www.w3.org/1999/xlink/properties/linkbase")])
        }
        if formulaLinkbaseRef ?? ((try? CheckRuleSet.bundled(for: t.blank)) != nil) {
            xml.element("link:linkbaseRef", attributes: [("xlink:type", "simple"), ("xlink:href", formulaFile),
                                                        ("xlink:arcrole", "http://www.w3.org/1999/xlink/properties/linkbase")])
        }
        func roleType(_ uri: String, id: String, definition: String, usedOn: [String]) {
            xml.start("link:roleType")
            xml.attribute("roleURI", uri)
            xml.attribute("id", id)
            xml.element("link:definition", attributes: [], text: definition)
            for element in usedOn { xml.element("link:usedOn", attributes: [], text: element) }
            xml.end()
        }
        for (i, role) in t.roles.enumerated() {
            roleType(role.uri, id: role.id, definition: String(format2(i + 1)) + " - " + role.definition,
                     usedOn: ["link:presentationLink", "link:calculationLink", "link:definitionLink"])
        }
        roleType(Self.printedAtRole(t), id: "printedAt", definition: "Where the item is printed on the blank (page and line)", usedOn: ["link:label"])
        roleType(Self.printedFormRole(t), id: "printedForm", definition: "How a value was printed in the statement ($ 38, -, XXX)", usedOn: ["link:footnote"])
        xml.end()
        xml.end()
        xml.element("xs:import", attributes: [("namespace", XBRLNamespace.xbrli), ("schemaLocation", "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd")])
        xml.element("xs:import", attributes: [("namespace", XBRLNamespace.xbrldt), ("schemaLocation", "http://www.xbrl.org/2005/xbrldt-2005.xsd")])
        xml.element("xs:import", attributes: [("namespace", XBRLNamespace.num), ("schemaLocation", BundledSchemas.dtrNumericURL)])
        for concept in t.concepts {
            var attributes: [(String, String)] = [("name", concept.name), ("id", id(concept.name))]
            switch concept.kind {
            case .item:
                attributes.append(("type", itemType(concept.type)))
                attributes.append(("substitutionGroup", "xbrli:item"))
            case .explicitDimension:
                attributes += [("type", "xbrli:stringItemType"), ("substitutionGroup", "xbrldt:dimensionItem"), ("abstract", "true")]
            case .typedDimension(let domain):
                attributes += [("type", "xbrli:stringItemType"), ("substitutionGroup", "xbrldt:dimensionItem"), ("abstract", "true"),
                               ("xbrldt:typedDomainRef", "#\(id(domain))")]
            case .hypercube:
                attributes += [("type", "xbrli:stringItemType"), ("substitutionGroup", "xbrldt:hypercubeItem"), ("abstract", "true")]
            case .member, .heading:
                attributes += [("type", "xbrli:stringItemType"), ("substitutionGroup", "xbrli:item"), ("abstract", "true")]
            }
            attributes.append(("nillable", "true"))
            attributes.append(("xbrli:periodType", concept.periodType.rawValue))
            if let balance = concept.balance { attributes.append(("xbrli:balance", balance.rawValue)) }
            xml.element("xs:element", attributes: attributes)
        }
        for (_, domain, _) in CommonConcepts.typedAxes {
            xml.element("xs:element", attributes: [("name", domain), ("id", id(domain)), ("type", "xs:token")])
        }
        xml.end()
        return xml.finish()
    }

    func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    func itemType(_ type: Concept.DataType) -> String {
        switch type {
        case .monetary: "xbrli:monetaryItemType"
        case .string, .abstract: "xbrli:stringItemType"
        case .boolean: "xbrli:booleanItemType"
        case .date: "xbrli:dateItemType"
        case .integer: "xbrli:integerItemType"
        case .count: "xbrli:nonNegativeIntegerItemType"
        case .percent: "num:percentItemType"
        case .ratio: "xbrli:pureItemType"
        }
    }

    private func linkbase(_ body: (XMLStreamWriter) -> Void) -> [UInt8] {
        guard let xml = XMLStreamWriter() else { return [] }
        xml.start("link:linkbase")
        xml.attribute("xmlns:link", XBRLNamespace.link)
        xml.attribute("xmlns:xlink", XBRLNamespace.xlink)
        xml.attribute("xmlns:xbrldt", XBRLNamespace.xbrldt)
        xml.attribute("xmlns:xml", "http://www.w3.org/XML/1998/namespace")
        body(xml)
        xml.end()
        return xml.finish()
    }

    private func roleRefs(_ xml: XMLStreamWriter, _ roles: [TaxonomyModel.Role]) {
        for role in roles {
            xml.element("link:roleRef", attributes: [("roleURI", role.uri), ("xlink:type", "simple"),
                                                     ("xlink:href", "\(taxonomy.blank.entryPoint)#\(role.id)")])
        }
    }

    private func locator(_ xml: XMLStreamWriter, _ name: String) {
        xml.element("link:loc", attributes: [("xlink:type", "locator"), ("xlink:href", "\(taxonomy.blank.entryPoint)#\(id(name))"), ("xlink:label", name)])
    }

    func labels() -> [UInt8] {
        linkbase { xml in
            xml.element("link:roleRef", attributes: [("roleURI", Self.printedAtRole(taxonomy)), ("xlink:type", "simple"),
                                                     ("xlink:href", "\(taxonomy.blank.entryPoint)#printedAt")])
            xml.start("link:labelLink")
            xml.attribute("xlink:type", "extended")
            xml.attribute("xlink:role", "http://www.xbrl.org/2003/role/link")
            for concept in taxonomy.concepts {
                locator(xml, concept.name)
                xml.element("link:label", attributes: [("xlink:type", "resource"), ("xlink:label", "label_\(concept.name)"),
                                                       ("xlink:role", "http://www.xbrl.org/2003/role/label"), ("xml:lang", "en")],
                            text: concept.label)
                if let printedAt = concept.printedAt {
                    xml.element("link:label", attributes: [("xlink:type", "resource"), ("xlink:label", "label_\(concept.name)"),
                                                           ("xlink:role", Self.printedAtRole(taxonomy)), ("xml:lang", "en")],
                                text: printedAt)
                }
                xml.element("link:labelArc", attributes: [("xlink:type", "arc"), ("xlink:arcrole", "http://www.xbrl.org/2003/arcrole/concept-label"),
                                                          ("xlink:from", concept.name), ("xlink:to", "label_\(concept.name)")])
            }
            xml.end()
        }
    }

    private func arcs(_ xml: XMLStreamWriter, link: String, arc: String, arcrole: String, role: TaxonomyModel.Role,
                      _ list: [TaxonomyModel.Arc], weights: Bool) {
        guard !list.isEmpty else { return }
        xml.start("link:\(link)")
        xml.attribute("xlink:type", "extended")
        xml.attribute("xlink:role", role.uri)
        var located = Set<String>()
        for a in list {
            for name in [a.from, a.to] where !located.contains(name) {
                located.insert(name)
                locator(xml, name)
            }
        }
        for a in list {
            var attributes: [(String, String)] = [("xlink:type", "arc"), ("xlink:arcrole", arcrole), ("xlink:from", a.from), ("xlink:to", a.to),
                                                  ("order", String(a.order))]
            if weights { attributes.append(("weight", a.weight < 0 ? "-1" : "1")) }
            xml.element("link:\(arc)", attributes: attributes)
        }
        xml.end()
    }

    func presentation() -> [UInt8] {
        linkbase { xml in
            roleRefs(xml, taxonomy.roles)
            for role in taxonomy.roles {
                arcs(xml, link: "presentationLink", arc: "presentationArc", arcrole: "http://www.xbrl.org/2003/arcrole/parent-child",
                     role: role, role.presentation, weights: false)
            }
        }
    }

    func calculation() -> [UInt8] {
        linkbase { xml in
            roleRefs(xml, taxonomy.roles.filter { !$0.calculation.isEmpty })
            for role in taxonomy.roles {
                arcs(xml, link: "calculationLink", arc: "calculationArc", arcrole: "http://www.xbrl.org/2003/arcrole/summation-item",
                     role: role, role.calculation, weights: true)
            }
        }
    }

    func definition() -> [UInt8] {
        let dims = "http://xbrl.org/int/dim/arcrole/"
        return linkbase { xml in
            for arcrole in ["all", "hypercube-dimension", "dimension-domain", "domain-member"] {
                xml.element("link:arcroleRef", attributes: [("arcroleURI", dims + arcrole), ("xlink:type", "simple"),
                                                            ("xlink:href", "http://www.xbrl.org/2005/xbrldt-2005.xsd#\(arcrole)")])
            }
            let roles = taxonomy.roles.filter { !$0.hypercubes.isEmpty }
            roleRefs(xml, roles)
            for role in roles {
                xml.start("link:definitionLink")
                xml.attribute("xlink:type", "extended")
                xml.attribute("xlink:role", role.uri)
                var located = Set<String>()
                func loc(_ name: String) {
                    if located.insert(name).inserted { locator(xml, name) }
                }
                func arc(_ arcrole: String, _ from: String, _ to: String, _ order: Int, _ extra: [(String, String)] = []) {
                    xml.element("link:definitionArc", attributes: [("xlink:type", "arc"), ("xlink:arcrole", dims + arcrole),
                                                                   ("xlink:from", from), ("xlink:to", to), ("order", String(order))] + extra)
                }
                for cube in role.hypercubes {
                    loc(cube.lineItems)
                    loc(cube.table)
                    arc("all", cube.lineItems, cube.table, 1, [("xbrldt:closed", "true"), ("xbrldt:contextElement", "segment")])
                    for (i, item) in cube.primaryItems.enumerated() {
                        loc(item)
                        arc("domain-member", cube.lineItems, item, i + 1)
                    }
                    for (i, axis) in cube.axes.enumerated() {
                        loc(axis.axis)
                        arc("hypercube-dimension", cube.table, axis.axis, i + 1)
                        guard let domain = axis.domain else { continue }
                        loc(domain)
                        arc("dimension-domain", axis.axis, domain, 1)
                        for (j, member) in axis.members.enumerated() {
                            loc(member)
                            arc("domain-member", domain, member, j + 1)
                        }
                    }
                }
                xml.end()
            }
            essenceAliases(xml)
        }
    }

    /// The items this blank shares with the blank it names in ``Blank/sharesConceptsWith``:
    /// same name, type, period type and balance, paired as (the other blank's, this blank's).
    func sharedItems() -> [(other: Blank, name: String)] {
        guard let id = taxonomy.blank.sharesConceptsWith, let other = Blank.named(id), other.id != taxonomy.blank.id else { return [] }
        let model = TaxonomyModel.of(other)
        return taxonomy.concepts.compactMap { concept in
            guard concept.kind == .item, concept.type != .abstract, let theirs = model.concept(concept.name), theirs.kind == .item,
                  theirs.type == concept.type, theirs.periodType == concept.periodType, theirs.balance == concept.balance else { return nil }
            return (other, concept.name)
        }
    }

    /// XBRL 2.1 essence-alias arcs (section 5.2.6.2.2) from each concept of the other blank to
    /// this blank's concept of the same meaning. The other blank's schema is located by its
    /// published URL, which the taxonomy package maps to its folder.
    private func essenceAliases(_ xml: XMLStreamWriter) {
        let shared = sharedItems()
        guard let other = shared.first?.other else { return }
        let otherSchema = other.taxonomyURL + other.entryPoint
        xml.start("link:definitionLink")
        xml.attribute("xlink:type", "extended")
        xml.attribute("xlink:role", "http://www.xbrl.org/2003/role/link")
        for (_, name) in shared {
            xml.element("link:loc", attributes: [("xlink:type", "locator"), ("xlink:href", "\(otherSchema)#\(other.namespacePrefix)_\(name)"),
                                                 ("xlink:label", "essence_\(name)")])
            xml.element("link:loc", attributes: [("xlink:type", "locator"), ("xlink:href", "\(taxonomy.blank.entryPoint)#\(id(name))"),
                                                 ("xlink:label", "alias_\(name)")])
            xml.element("link:definitionArc", attributes: [("xlink:type", "arc"), ("xlink:arcrole", "http://www.xbrl.org/2003/arcrole/essence-alias"),
                                                           ("xlink:from", "essence_\(name)"), ("xlink:to", "alias_\(name)")])
        }
        xml.end()
    }
}
