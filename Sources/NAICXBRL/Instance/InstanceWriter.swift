/// Writes facts as an XBRL 2.1 instance document.
///
/// Contexts and units are written only when a fact uses them, in a fixed order, so the same
/// statement always gives the same bytes.
public struct InstanceWriter: Sendable {
    public let taxonomy: TaxonomyModel

    public init(taxonomy: TaxonomyModel) {
        self.taxonomy = taxonomy
    }

    public static let entityScheme = "http://taxonomy.naicxbrl.org/naic-company-code"
    static let xbrli = "http://www.xbrl.org/2003/instance"
    static let link = "http://www.xbrl.org/2003/linkbase"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let xbrldi = "http://xbrl.org/2006/xbrldi"
    static let iso4217 = "http://www.xbrl.org/2003/iso4217"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"

    public func write(_ mapping: FactMapping.Result) -> [UInt8] {
        let facts = mapping.facts
        let prefix = taxonomy.prefix
        guard let xml = XMLStreamWriter() else { return [] }

        let contexts = FactContext.sorted(Set(facts.map(\.context)))
        var contextIDs: [FactContext: String] = [:]
        for (i, context) in contexts.enumerated() { contextIDs[context] = "c\(i + 1)" }
        var units: [String] = []
        var usesDimensions = false, usesNil = false
        for fact in facts {
            if let unit = unit(of: fact), !units.contains(unit) { units.append(unit) }
            if case .none = fact.value { usesNil = true }
            if !fact.context.explicit.isEmpty || !fact.context.typed.isEmpty { usesDimensions = true }
        }
        units.sort()
        let footnoted = facts.contains { $0.printedForm != nil }

        xml.start("xbrli:xbrl")
        xml.attribute("xmlns:xbrli", Self.xbrli)
        xml.attribute("xmlns:link", Self.link)
        xml.attribute("xmlns:xlink", Self.xlink)
        if units.contains("USD") { xml.attribute("xmlns:iso4217", Self.iso4217) }
        if usesDimensions { xml.attribute("xmlns:xbrldi", Self.xbrldi) }
        if usesNil { xml.attribute("xmlns:xsi", Self.xsi) }
        xml.attribute("xmlns:\(prefix)", taxonomy.namespace)
        xml.element("link:schemaRef", attributes: [("xlink:type", "simple"), ("xlink:href", taxonomy.entryPointURL)])
        if footnoted {
            xml.element("link:roleRef", attributes: [("roleURI", TaxonomyWriter.printedFormRole(taxonomy)), ("xlink:type", "simple"),
                                                     ("xlink:href", "\(taxonomy.entryPointURL)#printedForm")])
        }
        for context in contexts {
            xml.start("xbrli:context")
            xml.attribute("id", contextIDs[context] ?? "")
            xml.start("xbrli:entity")
            xml.element("xbrli:identifier", attributes: [("scheme", Self.entityScheme)], text: mapping.entity)
            if !context.explicit.isEmpty || !context.typed.isEmpty {
                xml.start("xbrli:segment")
                for (axis, member) in context.explicit.sorted(by: { $0.key < $1.key }) {
                    xml.element("xbrldi:explicitMember", attributes: [("dimension", "\(prefix):\(axis)")], text: "\(prefix):\(member)")
                }
                for (axis, value) in context.typed.sorted(by: { $0.key < $1.key }) {
                    xml.start("xbrldi:typedMember")
                    xml.attribute("dimension", "\(prefix):\(axis)")
                    xml.element("\(prefix):\(typedDomain(axis))", attributes: [], text: value)
                    xml.end()
                }
                xml.end()
            }
            xml.end()
            xml.start("xbrli:period")
            switch context.period {
            case .instant(let d): xml.element("xbrli:instant", attributes: [], text: d.description)
            case .duration(let s, let e):
                xml.element("xbrli:startDate", attributes: [], text: s.description)
                xml.element("xbrli:endDate", attributes: [], text: e.description)
            }
            xml.end()
            xml.end()
        }
        for unit in units {
            xml.start("xbrli:unit")
            xml.attribute("id", unit)
            xml.element("xbrli:measure", attributes: [], text: unit == "USD" ? "iso4217:USD" : "xbrli:pure")
            xml.end()
        }
        var footnotes: [String: [String]] = [:]
        var footnoteOrder: [String] = []
        for (i, fact) in facts.enumerated() {
            let id = "f\(i + 1)"
            xml.start("\(prefix):\(fact.concept)")
            xml.attribute("id", id)
            xml.attribute("contextRef", contextIDs[fact.context] ?? "")
            if let unit = unit(of: fact) { xml.attribute("unitRef", unit) }
            switch fact.value {
            case .amount(let amount, let scale):
                xml.attribute("decimals", String(amount.fractionDigits - scale.exponent))
                xml.text(scaled(amount, scale).description)
            case .text(let t): xml.text(t)
            case .boolean(let b): xml.text(b ? "true" : "false")
            case .date(let d): xml.text(d.description)
            case .none: xml.attribute("xsi:nil", "true")
            }
            xml.end()
            if let printed = fact.printedForm {
                if footnotes[printed] == nil { footnoteOrder.append(printed) }
                footnotes[printed, default: []].append(id)
            }
        }
        if !footnoteOrder.isEmpty {
            xml.start("link:footnoteLink")
            xml.attribute("xlink:type", "extended")
            xml.attribute("xlink:role", "http://www.xbrl.org/2003/role/link")
            for (n, printed) in footnoteOrder.enumerated() {
                for id in footnotes[printed] ?? [] {
                    xml.element("link:loc", attributes: [("xlink:type", "locator"), ("xlink:href", "#\(id)"), ("xlink:label", "fact\(n + 1)")])
                }
                xml.element("link:footnote", attributes: [("xlink:type", "resource"), ("xlink:label", "printed\(n + 1)"),
                                                          ("xlink:role", TaxonomyWriter.printedFormRole(taxonomy)), ("xml:lang", "en")],
                            text: printed)
                xml.element("link:footnoteArc", attributes: [("xlink:type", "arc"), ("xlink:arcrole", "http://www.xbrl.org/2003/arcrole/fact-footnote"),
                                                             ("xlink:from", "fact\(n + 1)"), ("xlink:to", "printed\(n + 1)")])
            }
            xml.end()
        }
        xml.end()
        return xml.finish()
    }

    func unit(of fact: Fact) -> String? {
        guard let concept = taxonomy.concept(fact.concept) else { return nil }
        switch concept.type {
        case .monetary: return "USD"
        case .percent, .integer: return "pure"
        default: return nil
        }
    }

    func typedDomain(_ axis: String) -> String {
        if case .typedDimension(let domain) = taxonomy.concept(axis)?.kind { return domain }
        return axis
    }

    /// The amount in units of currency: a table printed "In Millions" says 3,296 for 3,296,000,000.
    func scaled(_ amount: Amount, _ scale: Scale) -> Amount {
        guard scale.exponent > 0 else { return amount }
        var units = amount.units
        var digits = amount.fractionDigits
        for _ in 0..<scale.exponent {
            if digits > 0 { digits -= 1; continue }
            units = units.multipliedReportingOverflow(by: 10).overflow ? units : units * 10
        }
        return Amount(units: units, fractionDigits: digits)
    }
}
