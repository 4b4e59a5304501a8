import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// An instance's blank is read from its XML: the schemaRef, then the root's namespaces.
final class InstanceBlankTests: XCTestCase {
    let quarterly = Blank.lifeQuarterly
    var annual: Blank { Blank.named("life-ah-annual")! }

    func root(_ namespaces: [String: String], schemaRef: String?, before: String = "") -> String {
        let declarations = namespaces.sorted { $0.key < $1.key }.map { " xmlns:\($0.key)=\"\($0.value)\"" }.joined()
        let ref = schemaRef.map { "<link:schemaRef xlink:type=\"simple\" xlink:href=\"\($0)\"/>" } ?? ""
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        \(before)<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" \
        xmlns:xlink="http://www.w3.org/1999/xlink"\(declarations)>\(ref)<xbrli:unit id="u"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit></xbrli:xbrl>
        """
    }

    func testACommentNamingAnotherBlankChangesNothing() {
        let text = root(["naicla": annual.namespace], schemaRef: annual.taxonomyURL + annual.entryPoint,
                        before: "<!-- \"\(quarterly.namespace)\" '\(quarterly.namespace)' -->\n")
        XCTAssertEqual(InstanceBlank.of(Array(text.utf8))?.id, annual.id)
        let noSchemaRef = root(["naicla": annual.namespace], schemaRef: nil, before: "<!-- xmlns:q=\"\(quarterly.namespace)\" -->")
        XCTAssertEqual(InstanceBlank.of(Array(noSchemaRef.utf8))?.id, annual.id)
    }

    func testNamespaceAfterALongCommentIsFound() {
        let comment = "<!--" + String(repeating: "x", count: 200_000) + "-->\n"
        let text = root(["naiclq": quarterly.namespace], schemaRef: nil, before: comment)
        XCTAssertEqual(InstanceBlank.of(Array(text.utf8))?.id, quarterly.id)
    }

    func testUTF16InstancesAreRead() {
        let text = root(["naicla": annual.namespace], schemaRef: annual.taxonomyURL + annual.entryPoint)
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let littleEndian: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(InstanceBlank.of(littleEndian)?.id, annual.id)
        XCTAssertEqual(InstanceBlank.of(bigEndian)?.id, annual.id)
    }

    func testTheSchemaRefDecides() {
        // Declared but unused namespaces do not outvote the entry point the instance names.
        let text = root(["naiclq": quarterly.namespace, "naicla": annual.namespace], schemaRef: "naicla-2024.xsd")
        XCTAssertEqual(InstanceBlank.of(Array(text.utf8))?.id, annual.id)
    }

    func testNothingKnownIsNil() {
        XCTAssertNil(InstanceBlank.of(Array(root(["x": "http://example.com/other"], schemaRef: "other.xsd").utf8)))
        XCTAssertNil(InstanceBlank.of(Array("<!-- \(quarterly.namespace) --><a/>".utf8)))
        XCTAssertNil(InstanceBlank.of(Array("not xml \"\(quarterly.namespace)\"".utf8)))
        XCTAssertNil(InstanceBlank.of([]))
    }

    /// The lookup is made from each blank's entry point and namespace.
    func testTheLookupIsTheBlanksOwn() {
        for id in Blank.ids {
            let blank = Blank.named(id)!
            XCTAssertEqual(InstanceBlank.known[.init(kind: .entryPoint, value: blank.entryPoint)]?.id, id)
            XCTAssertEqual(InstanceBlank.known[.init(kind: .namespace, value: blank.namespace)]?.id, id)
        }
    }
}
