import Foundation
import XCTest
@testable import NAICXBRL
@testable import NAICXBRLCore
@testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// The reference linkbase ties every concept of every edition to where the blank prints it.
final class ReferenceLinkbaseTests: XCTestCase {
    func testEveryConceptHasAReference() throws {
        for blank in BlankCatalog.bundled.allEditions() {
            let taxonomy = TaxonomyModel.of(blank)
            let pageTitles = Set(blank.pages.map(\.title))
            for concept in taxonomy.concepts {
                let reference = try XCTUnwrap(concept.reference, "\(blank.editionKey) \(concept.name)")
                XCTAssertFalse(reference.page.isEmpty, "\(blank.editionKey) \(concept.name)")
                // An item printed on a tabular page names its line, or its column where lines
                // are members (Schedule T's jurisdictions).
                if concept.kind == .item, pageTitles.contains(reference.page) {
                    XCTAssertTrue(reference.line != nil || reference.column != nil, "\(blank.editionKey) \(concept.name)")
                }
            }
        }
        let y2025 = TaxonomyModel.of(Blank.edition("life-ah-annual", 2025))
        XCTAssertEqual(y2025.concept("FiveYearNonadmittedAndAdmittedAssetsTotalNonadmittedAssets")?.reference,
                       ConceptReference(page: "FIVE-YEAR HISTORICAL DATA", line: "51"))
        XCTAssertEqual(TaxonomyModel.of(Blank.edition("life-ah-annual", 2024)).concept("FiveYearNonadmittedAndAdmittedAssetsTotalNonadmittedAssets")?.reference,
                       ConceptReference(page: "FIVE-YEAR HISTORICAL DATA", line: "52"))
        XCTAssertEqual(y2025.concept("CompanyName")?.reference?.page, "Cover and jurat")
    }

    /// The linkbase and its parts' schema are well-formed XML, and the entry point refers to it.
    func testTheLinkbaseIsWrittenAndReferred() throws {
        let writer = TaxonomyWriter(taxonomy: TaxonomyModel.of(Blank.edition("life-ah-annual", 2025)))
        let files = Dictionary(uniqueKeysWithValues: writer.files().map { ($0.path, $0.contents) })
        let linkbase = String(decoding: try XCTUnwrap(files["naicla-2025-ref.xml"]), as: UTF8.self)
        XCTAssertTrue(linkbase.contains("<nref:Page>FIVE-YEAR HISTORICAL DATA</nref:Page>"))
        XCTAssertTrue(linkbase.contains("<nref:Edition>2025</nref:Edition>"))
        let schema = String(decoding: try XCTUnwrap(files["naicla-2025.xsd"]), as: UTF8.self)
        XCTAssertTrue(schema.contains("xlink:href=\"naicla-2025-ref.xml\" xlink:role=\"http://www.xbrl.org/2003/role/referenceLinkbaseRef\""))
        let package = Dictionary(uniqueKeysWithValues: TaxonomyPackage.files(of: TaxonomyPackage.bundledBlanks).map { ($0.path, $0.contents) })
        XCTAssertNotNil(package["reference/naicxbrl-ref.xsd"])
        XCTAssertTrue(String(decoding: try XCTUnwrap(package["META-INF/catalog.xml"]), as: UTF8.self).contains("http://taxonomy.naicxbrl.org/reference/"))
    }
}
