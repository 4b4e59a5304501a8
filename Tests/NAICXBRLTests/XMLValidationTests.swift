import Foundation
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion
import XCTest

/// Instance validation end to end: a synthetic taxonomy registered in memory, instances that
/// break it in the ways that matter, and documents that try to read outside files.
final class XMLValidationTests: XCTestCase {
    private static let taxonomy: SyntheticTaxonomy = {
        let taxonomy = SyntheticTaxonomy(concepts: 40, name: "validation")
        do { try taxonomy.register() } catch { preconditionFailure("\(error)") }
        return taxonomy
    }()

    private static let validator: Result<InstanceValidator, any Error> = Result {
        try InstanceValidator(taxonomyEntryURL: taxonomy.entryURL)
    }

    private func validator() throws -> InstanceValidator {
        try Self.validator.get()
    }

    // MARK: Valid

    func testValidInstanceHasNoIssues() throws {
        let validator = try validator()
        let instance = Self.taxonomy.instance(facts: 200)
        XCTAssertEqual(validator.validate(Array(instance.utf8), documentName: "valid.xbrl"), [])
        XCTAssertEqual(validator.factNamespaces, [Self.taxonomy.namespace])
        XCTAssertEqual(validator.conceptCount, Self.taxonomy.factConcepts.count + 3)   // + Money, Note, Tuple
    }

    func testValidatorKnowsItsSchemaSet() throws {
        XCTAssertEqual(try validator().compileWarnings, [])
        let urls = try validator().schemaURLs
        XCTAssertEqual(urls.first, Self.taxonomy.entryURL)
        for url in [BundledSchemas.instanceURL, BundledSchemas.linkbaseURL, BundledSchemas.xlURL, BundledSchemas.xlinkURL, BundledSchemas.dimensionTaxonomyURL] {
            XCTAssertTrue(urls.contains(url), url)
        }
    }

    func testTupleAndNilFactsAreValid() throws {
        let instance = Self.taxonomy.instance(extra: [
            #"<t:Tuple><t:Money contextRef="I" unitRef="USD" decimals="0">5</t:Money><t:Note contextRef="D">in a tuple</t:Note></t:Tuple>"#,
            #"<t:Money contextRef="I" unitRef="USD" xsi:nil="true"/>"#,
        ])
        XCTAssertEqual(try validator().validate(Array(instance.utf8), documentName: "tuple.xbrl"), [])
    }

    // MARK: Invalid, each with its line

    func testTextInMonetaryItemIsReportedAtItsLine() throws {
        let bad = #"<t:Money contextRef="I" unitRef="USD" decimals="0">twelve dollars</t:Money>"#
        let instance = Self.taxonomy.instance(extra: [bad])
        let issues = try validator().validate(Array(instance.utf8), documentName: "money.xbrl")
        let issue = try XCTUnwrap(issues.first, "\(issues)")
        XCTAssertEqual(issues.count, 1, "\(issues)")
        XCTAssertEqual(issue.code, .schemaInvalid)
        XCTAssertEqual(issue.file, "money.xbrl")
        XCTAssertEqual(issue.line, line(of: bad, in: instance))
        XCTAssertTrue(issue.message.contains("twelve dollars") && issue.message.contains("Money"), issue.message)
    }

    func testMissingUnitRefOnMonetaryItemIsReported() throws {
        let bad = #"<t:Money contextRef="I" decimals="0">12</t:Money>"#
        let instance = Self.taxonomy.instance(extra: [bad])
        let issues = try validator().validate(Array(instance.utf8), documentName: "unit.xbrl")
        XCTAssertEqual(issues.map(\.line), [line(of: bad, in: instance)], "\(issues)")
        XCTAssertTrue(issues.first?.message.contains("unitRef") ?? false, "\(issues)")
    }

    func testUndeclaredElementInTaxonomyNamespaceIsReported() throws {
        let bad = #"<t:NoSuchConcept contextRef="I" unitRef="USD" decimals="0">1</t:NoSuchConcept>"#
        let instance = Self.taxonomy.instance(extra: [bad])
        let issues = try validator().validate(Array(instance.utf8), documentName: "undeclared.xbrl")
        XCTAssertEqual(issues.map(\.line), [line(of: bad, in: instance)], "\(issues)")
        XCTAssertTrue(issues.first?.message.contains("NoSuchConcept") ?? false, "\(issues)")
    }

    func testElementOfAnotherNamespaceIsReported() throws {
        let bad = #"<o:Money xmlns:o="http://example.com/other" contextRef="I" unitRef="USD" decimals="0">1</o:Money>"#
        let instance = Self.taxonomy.instance(extra: [bad])
        let issues = try validator().validate(Array(instance.utf8), documentName: "other.xbrl")
        XCTAssertEqual(issues.map(\.line), [line(of: bad, in: instance)], "\(issues)")
    }

    func testAbstractItemAsFactIsReported() throws {
        let bad = #"<t:Heading contextRef="D">a heading is not a fact</t:Heading>"#
        let instance = Self.taxonomy.instance(extra: [bad])
        let issues = try validator().validate(Array(instance.utf8), documentName: "abstract.xbrl")
        XCTAssertEqual(issues.map(\.line), [line(of: bad, in: instance)], "\(issues)")
        XCTAssertTrue(issues.first?.message.contains("abstract") ?? false, "\(issues)")
    }

    /// A global element of the taxonomy that is not an item (here a typed-dimension domain)
    /// passes the wildcard; the validator's own check must catch it.
    func testDeclaredNonItemAsFactIsReported() throws {
        let bad = #"<t:Domain>not a fact</t:Domain>"#
        let instance = Self.taxonomy.instance(extra: [bad])
        let issues = try validator().validate(Array(instance.utf8), documentName: "domain.xbrl")
        XCTAssertEqual(issues.map(\.line), [line(of: bad, in: instance)], "\(issues)")
        XCTAssertTrue(issues.first?.message.contains("substitution group") ?? false, "\(issues)")
    }

    func testDuplicateIDsAreReportedAtTheSecond() throws {
        // Every `id` of an instance is an `xs:ID`: short ones (compared packed into an integer)
        // and long ones (compared as strings) alike must be unique.
        let first = #"<t:Money id="f1" contextRef="I" unitRef="USD" decimals="0">1</t:Money>"#
        let again = #"<t:Money id="f1" contextRef="I" unitRef="USD" decimals="0">2</t:Money>"#
        let long = #"<t:Money id="a-rather-long-fact-id" contextRef="I" unitRef="USD" decimals="0">3</t:Money>"#
        let longAgain = #"<t:Note id="a-rather-long-fact-id" contextRef="D">4</t:Note>"#
        let distinct = #"<t:Note id="f1x" contextRef="D">5</t:Note>"#
        let instance = Self.taxonomy.instance(extra: [first, again, long, longAgain, distinct])
        let issues = try validator().validate(Array(instance.utf8), documentName: "ids.xbrl")
        XCTAssertEqual(issues.map(\.line), [line(of: again, in: instance), line(of: longAgain, in: instance)], "\(issues)")
        XCTAssertTrue(issues.first?.message.contains("'f1' is not a valid value of the atomic type 'xs:ID'") ?? false, "\(issues)")
        XCTAssertTrue(issues.last?.message.contains("'a-rather-long-fact-id'") ?? false, "\(issues)")
    }

    func testMissingSchemaRefIsReported() throws {
        let instance = Self.taxonomy.instance(facts: 3, schemaRef: false)
        let issues = try validator().validate(Array(instance.utf8), documentName: "noref.xbrl")
        let issue = try XCTUnwrap(issues.first)
        XCTAssertEqual(issues.count, 1, "\(issues)")
        XCTAssertEqual(issue.line, line(of: #"<xbrli:context id="I">"#, in: instance))
        XCTAssertTrue(issue.message.contains("schemaRef"), issue.message)
    }

    func testContextWithoutEntityIsReported() throws {
        let instance = Self.taxonomy.instance(facts: 3).replacingOccurrences(
            of: SyntheticTaxonomy.instantEntity, with: "")
        let issues = try validator().validate(Array(instance.utf8), documentName: "noentity.xbrl")
        let issue = try XCTUnwrap(issues.first)
        XCTAssertEqual(issues.count, 1, "\(issues)")
        XCTAssertEqual(issue.line, line(of: #"<xbrli:period><xbrli:instant>"#, in: instance))
        XCTAssertTrue(issue.message.contains("entity"), issue.message)
    }

    func testMalformedDocumentIsReportedWithLine() throws {
        let instance = Self.taxonomy.instance(extra: [#"<t:Note contextRef="D">unclosed"#])
        let issues = try validator().validate(Array(instance.utf8), documentName: "broken.xbrl")
        XCTAssertTrue(issues.hasErrors)
        XCTAssertTrue(issues.allSatisfy { $0.code == .invalidXML }, "\(issues)")
        XCTAssertNotNil(issues.first?.line)
        XCTAssertEqual(issues.first?.file, "broken.xbrl")
    }

    func testEmptyDocumentIsReported() throws {
        let issues = try validator().validate([], documentName: "empty.xbrl")
        XCTAssertEqual(issues.map(\.code), [.invalidXML], "\(issues)")
    }

    // MARK: Nothing outside is read

    func testSchemaLocationOutsideTheTaxonomyIsRefusedUnread() throws {
        for target in ["file:///etc/passwd", "http://example.com/evil.xsd", "/etc/passwd", "../../etc/passwd"] {
            let instance = Self.taxonomy.instance(facts: 3, rootAttributes: #"xsi:schemaLocation="\#(Self.taxonomy.namespace) \#(target)""#)
            let issues = try validator().validate(Array(instance.utf8), documentName: "hint.xbrl")
            XCTAssertEqual(issues.count, 1, "\(issues)")
            XCTAssertEqual(issues.first?.code, .refused)
            XCTAssertEqual(issues.first?.line, line(of: "<xbrli:xbrl", in: instance))
            XCTAssertTrue(issues.first?.message.contains(target) ?? false, "\(issues)")
            try assertNoPasswd(issues)
        }
    }

    func testSchemaLocationOfTheTaxonomyItselfIsFine() throws {
        let instance = Self.taxonomy.instance(facts: 3, rootAttributes: #"xsi:schemaLocation="\#(Self.taxonomy.namespace) \#(Self.taxonomy.entryURL)""#)
        XCTAssertEqual(try validator().validate(Array(instance.utf8), documentName: "hint.xbrl"), [])
    }

    func testSchemaRefOutsideTheTaxonomyIsRefusedUnread() throws {
        for target in ["file:///etc/passwd", "http://example.com/evil.xsd"] {
            let instance = Self.taxonomy.instance(facts: 3).replacingOccurrences(of: Self.taxonomy.entryURL, with: target)
            let issues = try validator().validate(Array(instance.utf8), documentName: "ref.xbrl")
            XCTAssertEqual(issues.map(\.code), [.refused], "\(issues)")
            XCTAssertEqual(issues.first?.line, line(of: "<link:schemaRef", in: instance))
            try assertNoPasswd(issues)
        }
    }

    func testRelativeSchemaRefBesideTheTaxonomyIsFine() throws {
        let file = String(Self.taxonomy.entryURL.split(separator: "/").last ?? "")
        let instance = Self.taxonomy.instance(facts: 3).replacingOccurrences(of: #"xlink:href="\#(Self.taxonomy.entryURL)""#, with: #"xlink:href="\#(file)""#)
        XCTAssertEqual(try validator().validate(Array(instance.utf8), documentName: "/tmp/out/relative.xbrl"), [])
    }

    func testDoctypeIsRefusedUnread() throws {
        let doctypes = [
            #"<!DOCTYPE xbrli:xbrl SYSTEM "file:///etc/passwd">"#,
            #"<!DOCTYPE xbrli:xbrl SYSTEM "http://example.com/x.dtd">"#,
            #"<!DOCTYPE xbrli:xbrl [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>"#,
            #"<!DOCTYPE xbrli:xbrl [<!ENTITY remote SYSTEM "http://example.com/x">]>"#,
        ]
        for doctype in doctypes {
            let instance = Self.taxonomy.instance(facts: 3, prolog: doctype, extra: [
                #"<t:Note contextRef="D">&passwd;&remote;</t:Note>"#,
            ])
            let issues = try validator().validate(Array(instance.utf8), documentName: "doctype.xbrl")
            XCTAssertEqual(issues.first?.code, .refused, "\(issues)")
            XCTAssertEqual(issues.first?.line, 2)
            XCTAssertTrue(issues.first?.message.contains("DOCTYPE") ?? false, "\(issues)")
            try assertNoPasswd(issues)
        }
    }

    func testBillionLaughsIsRefusedQuickly() throws {
        var entities = #"<!ENTITY lol "lol">"#
        var previous = "lol"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = "lol\(level)"
        }
        let instance = Self.taxonomy.instance(facts: 1, prolog: "<!DOCTYPE xbrli:xbrl [\(entities)]>", extra: [
            #"<t:Note contextRef="D">&lol9;</t:Note>"#,
        ])
        let start = Date()
        let issues = try validator().validate(Array(instance.utf8), documentName: "lol.xbrl")
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
        XCTAssertEqual(issues.map(\.code), [.refused], "\(issues)")
    }

    func testLoaderRefusesWhatIsNotRegistered() throws {
        for url in ["file:///etc/passwd", "http://example.com/taxonomy.xsd", "relative.xsd", "/etc/passwd"] {
            XCTAssertThrowsError(try SchemaValidator(entryURL: url)) { error in
                let compileError = error as? SchemaCompileError
                XCTAssertTrue(compileError?.issues.contains { $0.code == .refused && $0.message.contains(url) } ?? false, "\(error)")
                XCTAssertFalse("\(error)".contains("root:x:0:0"), "\(error)")
            }
        }
    }

    func testImportOfUnregisteredSchemaFailsCompilation() throws {
        let url = "http://example.com/naicxbrl-tests/imports-passwd.xsd"
        try XMLEnvironment.register(url: url, text: #"""
        <schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.com/a">
          <import namespace="http://example.com/b" schemaLocation="file:///etc/passwd"/>
        </schema>
        """#)
        defer { XMLEnvironment.unregister(url: url) }
        XCTAssertThrowsError(try SchemaValidator(entryURL: url)) { error in
            let issues = (error as? SchemaCompileError)?.issues ?? []
            XCTAssertTrue(issues.contains { $0.code == .refused && $0.message.contains("file:///etc/passwd") }, "\(error)")
            XCTAssertFalse("\(error)".contains("root:x:0:0"), "\(error)")
        }
        XCTAssertThrowsError(try InstanceValidator(taxonomyEntryURL: url))
    }

    func testRegistrationRules() {
        XCTAssertThrowsError(try XMLEnvironment.register(url: "taxonomy.xsd", text: "<x/>"))
        XCTAssertThrowsError(try XMLEnvironment.register(url: "file:///tmp/taxonomy.xsd", text: "<x/>"))
        XCTAssertThrowsError(try XMLEnvironment.register(url: BundledSchemas.instanceURL, text: "<x/>"))
        XCTAssertNoThrow(try XMLEnvironment.register(url: "urn:naicxbrl:test:registration", text: "<x/>"))
        XCTAssertTrue(XMLEnvironment.isLoadable(url: "urn:naicxbrl:test:registration"))
        XMLEnvironment.unregister(url: "urn:naicxbrl:test:registration")
        XCTAssertFalse(XMLEnvironment.isLoadable(url: "urn:naicxbrl:test:registration"))
        XCTAssertTrue(XMLEnvironment.isLoadable(url: BundledSchemas.instanceURL))
    }

    // MARK: Sharing

    func testOneValidatorServesManyThreads() throws {
        let validator = try validator()
        let good = Array(Self.taxonomy.instance(facts: 100).utf8)
        let bad = Array(Self.taxonomy.instance(facts: 100, extra: [#"<t:Money contextRef="I" unitRef="USD" decimals="0">x</t:Money>"#]).utf8)
        let results = ResultBox(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let issues = validator.validate(index.isMultiple(of: 2) ? good : bad, documentName: "thread-\(index).xbrl")
            results.set(index, issues.count)
        }
        for index in 0..<16 {
            XCTAssertEqual(results.get(index), index.isMultiple(of: 2) ? 0 : 1, "thread \(index)")
        }
    }

    /// Compiling the variant on one thread while another compiles the official schema: each
    /// sees its own instance schema (the overlay is per operation, not process-wide).
    func testConcurrentCompilationsKeepTheirOwnInstanceSchema() throws {
        let undeclared = Array(Self.taxonomy.instance(extra: [#"<t:NoSuchConcept contextRef="I">1</t:NoSuchConcept>"#]).utf8)
        let messages = MessageBox()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            do {
                let issues: [Diagnostic]
                if index.isMultiple(of: 2) {
                    issues = try InstanceValidator(taxonomyEntryURL: Self.taxonomy.entryURL).validate(undeclared, documentName: "variant")
                } else {
                    issues = try SchemaValidator(entryURL: Self.taxonomy.entryURL).validate(undeclared, documentName: "official")
                }
                messages.append(index, issues.map(\.message).joined())
            } catch {
                messages.append(index, "\(error)")
            }
        }
        for (index, message) in messages.all {
            if index.isMultiple(of: 2) {
                XCTAssertTrue(message.contains("demanded by the strict wildcard"), message)
            } else {
                XCTAssertTrue(message.contains("This element is not expected"), message)
            }
        }
        XCTAssertEqual(messages.all.count, 8)
    }

    /// The official instance schema is still what everyone else sees after a variant was
    /// compiled under its URL.
    func testVariantDoesNotLeakIntoTheRegistry() throws {
        _ = try validator()
        let official = try SchemaValidator(entryURL: Self.taxonomy.entryURL)
        let instance = Self.taxonomy.instance(facts: 10)
        XCTAssertEqual(official.validate(Array(instance.utf8), documentName: "official.xbrl"), [])
        let withDomain = Self.taxonomy.instance(facts: 1, extra: [#"<t:Domain>not a fact</t:Domain>"#])
        // The official content model rejects it by itself.
        XCTAssertEqual(official.validate(Array(withDomain.utf8), documentName: "official.xbrl").count, 1)
    }

    /// The variant repeats the root's and footnote links' children as a sequence of one choice
    /// where the official schemas repeat a choice: both accept the same orders of children and
    /// refuse the same.
    func testVariantAndOfficialSchemaJudgeOrdersOfChildrenAlike() throws {
        let variant = try validator()
        let official = try SchemaValidator(entryURL: Self.taxonomy.entryURL)
        let fact = #"<t:Note contextRef="D">text</t:Note>"#
        let money = #"<t:Money contextRef="I" unitRef="USD" decimals="0">5</t:Money>"#
        let unit = #"<xbrli:unit id="EUR"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>"#
        let context = #"<xbrli:context id="X"><xbrli:entity><xbrli:identifier scheme="http://example.com">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:forever/></xbrli:period></xbrli:context>"#
        let footnotes = #"<link:footnoteLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link"/>"#
        let schemaRef = #"<link:schemaRef xlink:type="simple" xlink:href="\#(Self.taxonomy.entryURL)"/>"#
        let roleRef = #"<link:roleRef roleURI="http://example.com/role" xlink:type="simple" xlink:href="\#(Self.taxonomy.entryURL)#role"/>"#
        let loc = ##"<link:loc xlink:type="locator" xlink:href="#f1" xlink:label="fact"/>"##
        let note = #"<link:footnote xlink:type="resource" xlink:label="note" xml:lang="en">see</link:footnote>"#
        let arc = #"<link:footnoteArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/fact-footnote" xlink:from="fact" xlink:to="note"/>"#
        func link(_ children: String...) -> String {
            #"<link:footnoteLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">"# + children.joined() + "</link:footnoteLink>"
        }
        let orders: [(extra: [String], valid: Bool)] = [
            ([], true),
            ([link(arc, note, loc, loc, note)], true),
            ([link(loc, note, arc), fact, link()], true),
            ([link(loc, note, arc, unit)], false),
            ([link(loc, "<link:calculationArc/>")], false),
            ([fact, unit, money, context, fact, footnotes, fact], true),
            ([footnotes, footnotes, context, unit], true),
            ([fact, schemaRef], false),
            ([unit, roleRef], false),
            ([fact, "<xbrli:entity/>"], false),
        ]
        for (extra, valid) in orders {
            let bytes = Array(Self.taxonomy.instance(facts: 3, extra: extra).utf8)
            let fromVariant = variant.validate(bytes, documentName: "order.xbrl")
            let fromOfficial = official.validate(bytes, documentName: "order.xbrl")
            XCTAssertEqual(fromVariant.isEmpty, valid, "\(extra): \(fromVariant)")
            XCTAssertEqual(fromOfficial.isEmpty, valid, "\(extra): \(fromOfficial)")
            XCTAssertEqual(fromVariant.map(\.line), fromOfficial.map(\.line), "\(extra)")
        }
    }

    // MARK: Helpers

    private func line(of text: String, in document: String) -> Int? {
        document.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(text) }
            .map { $0 + 1 }
    }

    /// Lines of /etc/passwd, read once by the test itself so that tracing a run shows the
    /// library never opens it.
    private static let passwdEntries: [Substring] = {
        let text = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.count > 8 }
    }()

    private func assertNoPasswd(_ issues: [Diagnostic], file: StaticString = #filePath, line: UInt = #line) throws {
        let rendered = issues.map(\.description).joined(separator: "\n")
        for entry in Self.passwdEntries {
            XCTAssertFalse(rendered.contains(entry), "an issue quotes /etc/passwd", file: file, line: line)
        }
    }
}

/// Messages written from concurrent threads.
private final class MessageBox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [(Int, String)] = []

    func append(_ index: Int, _ message: String) { lock.withLock { messages.append((index, message)) } }
    var all: [(Int, String)] { lock.withLock { messages } }
}

/// Results written from concurrent threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int]

    init(count: Int) { values = Array(repeating: -1, count: count) }
    func set(_ index: Int, _ value: Int) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> Int { lock.withLock { values[index] } }
}

/// A taxonomy of `concepts` generated concepts in the shape of the NAIC one (global elements in
/// one namespace, `substitutionGroup="xbrli:item"`, monetary, string and integer item types,
/// both period types, some abstract headings), plus a few fixed ones tests refer to, and
/// instances over it.
struct SyntheticTaxonomy {
    let name: String
    let concepts: Int
    var namespace: String { "http://example.com/naicxbrl-tests/\(name)" }
    var entryURL: String { "http://example.com/naicxbrl-tests/\(name)/taxonomy.xsd" }

    init(concepts: Int, name: String) {
        self.concepts = concepts
        self.name = name
    }

    private enum Kind { case monetaryInstant, monetaryDuration, string, integer, abstract }

    private func kind(_ index: Int) -> Kind {
        switch index % 10 {
        case 0...3: return .monetaryInstant
        case 4...5: return .monetaryDuration
        case 6...7: return .string
        case 8: return .integer
        default: return .abstract
        }
    }

    /// Indexes of the generated concepts that may be facts.
    var factConcepts: [Int] { (0..<concepts).filter { kind($0) != .abstract } }

    var schema: String {
        var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
          xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:t="\(namespace)"
          targetNamespace="\(namespace)" elementFormDefault="qualified" attributeFormDefault="unqualified">
          <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
          <xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>
          <xs:element name="Heading" id="t_Heading" abstract="true" type="xbrli:stringItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration"/>
          <xs:element name="Money" id="t_Money" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant" xbrli:balance="debit" nillable="true"/>
          <xs:element name="Note" id="t_Note" type="xbrli:stringItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>
          <xs:element name="Tuple" id="t_Tuple" substitutionGroup="xbrli:tuple">
            <xs:complexType>
              <xs:complexContent>
                <xs:restriction base="xs:anyType">
                  <xs:sequence>
                    <xs:element ref="t:Money" minOccurs="0"/>
                    <xs:element ref="t:Note" minOccurs="0"/>
                  </xs:sequence>
                  <xs:attribute name="id" type="xs:ID"/>
                </xs:restriction>
              </xs:complexContent>
            </xs:complexType>
          </xs:element>
          <xs:element name="Table" id="t_Table" abstract="true" type="xbrli:stringItemType" substitutionGroup="xbrldt:hypercubeItem" xbrli:periodType="duration"/>
          <xs:element name="Axis" id="t_Axis" abstract="true" type="xbrli:stringItemType" substitutionGroup="xbrldt:dimensionItem" xbrli:periodType="duration"/>
          <xs:element name="Domain" id="t_Domain" type="xs:string"/>

        """
        for index in 0..<concepts {
            let name = conceptName(index)
            switch kind(index) {
            case .monetaryInstant:
                text += #"  <xs:element name="\#(name)" id="t_\#(name)" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant" xbrli:balance="debit" nillable="true"/>"# + "\n"
            case .monetaryDuration:
                text += #"  <xs:element name="\#(name)" id="t_\#(name)" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration" xbrli:balance="credit" nillable="true"/>"# + "\n"
            case .string:
                text += #"  <xs:element name="\#(name)" id="t_\#(name)" type="xbrli:stringItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>"# + "\n"
            case .integer:
                text += #"  <xs:element name="\#(name)" id="t_\#(name)" type="xbrli:integerItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant" nillable="true"/>"# + "\n"
            case .abstract:
                text += #"  <xs:element name="\#(name)" id="t_\#(name)" type="xbrli:stringItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration" abstract="true"/>"# + "\n"
            }
        }
        return text + "</xs:schema>\n"
    }

    func register() throws {
        try XMLEnvironment.register(url: entryURL, text: schema)
    }

    func conceptName(_ index: Int) -> String {
        "Concept\(String(repeating: "0", count: max(0, 5 - String(index).count)))\(index)"
    }

    /// The entity of context `I`; context `D` names another so tests can remove just this one.
    static let instantEntity = #"<xbrli:entity><xbrli:identifier scheme="http://www.naic.org/cocode">12345</xbrli:identifier></xbrli:entity>"#

    /// An instance with `facts` facts cycling over the generated concepts, then `extra` lines
    /// (one element each, so tests can find their line).
    func instance(
        facts: Int = 0, schemaRef: Bool = true, prolog: String = "", rootAttributes: String = "", extra: [String] = []
    ) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            prolog,
            #"<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="\#(namespace)" \#(rootAttributes)>"#,
        ]
        if schemaRef {
            lines.append(#"  <link:schemaRef xlink:type="simple" xlink:href="\#(entryURL)"/>"#)
        }
        lines += [
            #"  <xbrli:context id="I">"#,
            "    " + Self.instantEntity,
            #"    <xbrli:period><xbrli:instant>2024-06-30</xbrli:instant></xbrli:period>"#,
            #"  </xbrli:context>"#,
            #"  <xbrli:context id="D">"#,
            "    " + Self.instantEntity.replacingOccurrences(of: "12345", with: "12345-D"),
            #"    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-06-30</xbrli:endDate></xbrli:period>"#,
            #"  </xbrli:context>"#,
            #"  <xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>"#,
        ]
        let usable = factConcepts
        for fact in 0..<facts where !usable.isEmpty {
            let index = usable[fact % usable.count]
            let name = conceptName(index)
            switch kind(index) {
            case .monetaryInstant, .monetaryDuration:
                let context = kind(index) == .monetaryInstant ? "I" : "D"
                lines.append(#"  <t:\#(name) contextRef="\#(context)" unitRef="USD" decimals="0">\#(fact * 1_000 - 5_000)</t:\#(name)>"#)
            case .integer:
                lines.append(#"  <t:\#(name) contextRef="I" unitRef="USD" decimals="INF">\#(fact)</t:\#(name)>"#)
            case .string:
                lines.append(#"  <t:\#(name) contextRef="D">Note \#(fact) &amp; more</t:\#(name)>"#)
            case .abstract:
                break
            }
        }
        lines += extra.map { "  " + $0 }
        lines.append("</xbrli:xbrl>")
        return lines.joined(separator: "\n") + "\n"
    }
}
