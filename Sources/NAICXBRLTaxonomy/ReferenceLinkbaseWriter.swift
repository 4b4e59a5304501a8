import NAICXBRLCore
import NAICXBRLXML
/// The reference linkbase: where each concept is printed on its edition of the blank, in parts a
/// pipeline can join on (statement type, edition, page and its printed number, line, column),
/// the way other regulators' taxonomies tie concepts to their forms' rows and columns.
///
/// The parts are elements of the project's own namespace, declared in one schema that the
/// taxonomy package holds beside the blanks (``ReferenceParts``).
extension TaxonomyWriter {
    var referenceFile: String { stem + "-ref.xml" }

    func references() -> [UInt8] {
        guard let xml = XMLStreamWriter() else { return [] }
        let blank = taxonomy.blank
        xml.start("link:linkbase")
        xml.attribute("xmlns:link", XBRLNamespace.link)
        xml.attribute("xmlns:xlink", XBRLNamespace.xlink)
        xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        xml.attribute("xmlns:\(ReferenceParts.prefix)", ReferenceParts.namespace)
        xml.attribute("xsi:schemaLocation", "\(ReferenceParts.namespace) \(ReferenceParts.url)")
        xml.start("link:referenceLink")
        xml.attribute("xlink:type", "extended")
        xml.attribute("xlink:role", "http://www.xbrl.org/2003/role/link")
        for concept in taxonomy.concepts {
            guard let reference = concept.reference else { continue }
            xml.element("link:loc", attributes: [("xlink:type", "locator"), ("xlink:href", "\(blank.entryPoint)#\(id(concept.name))"),
                                                 ("xlink:label", concept.name)])
            xml.start("link:reference")
            xml.attribute("xlink:type", "resource")
            xml.attribute("xlink:label", "reference_\(concept.name)")
            xml.attribute("xlink:role", "http://www.xbrl.org/2003/role/reference")
            let parts: [(String, String?)] = [("Statement", blank.title), ("Edition", String(blank.year)), ("Page", reference.page),
                                              ("PageNumber", reference.pageNumber), ("Line", reference.line), ("Column", reference.column),
                                              ("Detail", reference.detail)]
            for (part, value) in parts {
                guard let value else { continue }
                xml.element("\(ReferenceParts.prefix):\(part)", attributes: [], text: value)
            }
            xml.end()
            xml.element("link:referenceArc", attributes: [("xlink:type", "arc"), ("xlink:arcrole", "http://www.xbrl.org/2003/arcrole/concept-reference"),
                                                          ("xlink:from", concept.name), ("xlink:to", "reference_\(concept.name)")])
        }
        xml.end()
        xml.end()
        return xml.finish()
    }
}

/// The schema of the reference linkbases' parts, one for every blank.
package enum ReferenceParts {
    package static let namespace = "http://taxonomy.naicxbrl.org/reference"
    static let prefix = "nref"
    /// Where the schema is published; the taxonomy package holds it under `reference/`.
    package static let baseURL = "http://taxonomy.naicxbrl.org/reference/"
    package static let file = "naicxbrl-ref.xsd"
    package static var url: String { baseURL + file }

    /// The parts, with what each says.
    static let parts: [(name: String, documentation: String)] = [
        ("Statement", "The statement type: the blank's title"),
        ("Edition", "The year of the blank's edition"),
        ("Page", "The page's printed title, or the part of the statement for items on no tabular page"),
        ("PageNumber", "The page number printed at the foot of the page, as printed; the first and last joined by a hyphen (22-23) for a table printed across consecutive pages"),
        ("Line", "The line number as printed"),
        ("Column", "The column number as printed (its heading where it has no number)"),
        ("Detail", "What on the line the concept is, where the line prints more than one amount"),
    ]

    static func schema() -> [UInt8] {
        guard let xml = XMLStreamWriter() else { return [] }
        xml.start("xs:schema")
        xml.attribute("xmlns:xs", TaxonomyWriter.xs)
        xml.attribute("xmlns:link", XBRLNamespace.link)
        xml.attribute("targetNamespace", namespace)
        xml.attribute("elementFormDefault", "qualified")
        xml.element("xs:import", attributes: [("namespace", XBRLNamespace.link), ("schemaLocation", "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd")])
        for (name, documentation) in parts {
            xml.start("xs:element")
            xml.attribute("name", name)
            xml.attribute("type", "xs:string")
            xml.attribute("substitutionGroup", "link:part")
            xml.start("xs:annotation")
            xml.element("xs:documentation", attributes: [], text: documentation)
            xml.end()
            xml.end()
        }
        xml.end()
        return xml.finish()
    }
}
