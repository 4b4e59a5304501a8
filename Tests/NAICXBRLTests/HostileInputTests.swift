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

/// A corpus of hostile XML documents (`Tests/NAICXBRLTests/Hostile/`): external entities,
/// entity bombs, external DTDs, XInclude, deep nesting, truncated and binary documents. Import and
/// validation refuse each with a clear error, in under a second, never reading a local file or
/// the network, and never showing a local file's contents.
final class HostileInputTests: XCTestCase {
    static let corpus = Fixture.root.appendingPathComponent("Tests/NAICXBRLTests/Hostile")

    func documents() throws -> [(String, [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".xml") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: Self.corpus.appendingPathComponent(name).path).map { (name, [UInt8]($0)) }
        }
    }

    func testEveryHostileDocumentIsRefusedQuicklyWithoutDisclosure() throws {
        let docs = try documents()
        XCTAssertGreaterThanOrEqual(docs.count, 12)
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? "root:x:0:0"
        let importer = FactImporter(blank: .lifeQuarterly)
        let validator = try TaxonomyRegistry.validator(for: .lifeQuarterly)
        for (name, bytes) in docs {
            let start = Date()
            let imported = importer.importInstance(bytes, name: name)
            let validation = validator.validate(bytes, documentName: name)
            let elapsed = Date().timeIntervalSince(start)
            XCTAssertTrue(imported.hasErrors, "\(name) was imported")
            XCTAssertTrue(validation.contains { $0.severity == .error }, "\(name) validated")
            XCTAssertLessThan(elapsed, 1.0, "\(name) took \(elapsed) s")
            let messages = imported.diagnostics.map(\.description) + validation.map(\.description)
            for message in messages {
                XCTAssertFalse(message.contains(passwd), "\(name) disclosed a local file: \(message)")
                XCTAssertFalse(message.contains("root:x:0"), "\(name) disclosed a local file: \(message)")
            }
            XCTAssertEqual(imported.statement.cover.companyName, nil, "\(name): an entity's text reached the model")
        }
    }

    func testHugeTextNodeIsRefused() {
        var text = "<?xml version=\"1.0\"?><xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\"><x>"
        text += String(repeating: "A", count: 12_000_000)
        text += "</x></xbrli:xbrl>"
        let start = Date()
        let result = FactImporter(blank: .lifeQuarterly).importInstance(Array(text.utf8), name: "huge.xml")
        XCTAssertTrue(result.hasErrors)
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
    }
}
