@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy

/// The parts of an `xbrli:context` that the XML instance and the Inline XBRL document write
/// alike.
extension XMLBytes {
    /// `<xbrli:entity><xbrli:identifier scheme="…">entity</xbrli:identifier>`, the entity left
    /// open for a segment.
    mutating func entityIdentifier(_ entity: String) {
        raw("<xbrli:entity><xbrli:identifier")
        attribute("scheme", InstanceWriter.entityScheme)
        raw(">")
        text(entity)
        raw("</xbrli:identifier>")
    }

    /// The context's `<xbrli:segment>` with its explicit and typed members; nothing for a context
    /// without dimensions. `typedDomains` keeps each typed axis's domain element (qualified)
    /// once worked out (a blank has a handful of typed axes: a list is quicker than hashing each
    /// axis name).
    @inline(__always)
    mutating func segment(of context: borrowing FactContext, prefix: String, taxonomy: TaxonomyModel, typedDomains: inout [(axis: String, domain: String)]) {
        guard !context.explicit.isEmpty || !context.typed.isEmpty else { return }
        raw("<xbrli:segment>")
        for (axis, member) in context.explicit {
            raw("<xbrldi:explicitMember")
            attribute("dimension", prefix, axis)
            raw(">")
            text(prefix, member)
            raw("</xbrldi:explicitMember>")
        }
        for (axis, value) in context.typed {
            let domain: String
            if let known = typedDomains.first(where: { $0.axis == axis }) {
                domain = known.domain
            } else {
                domain = prefix + ":" + InstanceWriter.typedDomain(axis, in: taxonomy)
                typedDomains.append((axis, domain))
            }
            raw("<xbrldi:typedMember")
            attribute("dimension", prefix, axis)
            raw("><")
            raw(domain)
            raw(">")
            text(value)
            raw("</")
            raw(domain)
            raw("></xbrldi:typedMember>")
        }
        raw("</xbrli:segment>")
    }

    /// `<xbrli:period>…</xbrli:period>`
    @inline(__always)
    mutating func period(_ period: Period) {
        raw("<xbrli:period>")
        switch period {
        case .instant(let d):
            raw("<xbrli:instant>")
            date(d)
            raw("</xbrli:instant>")
        case .duration(let s, let e):
            raw("<xbrli:startDate>")
            date(s)
            raw("</xbrli:startDate><xbrli:endDate>")
            date(e)
            raw("</xbrli:endDate>")
        }
        raw("</xbrli:period>")
    }
}
