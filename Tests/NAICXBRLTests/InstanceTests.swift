import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@_spi(Stages) @testable import NAICXBRLInstance
@testable import NAICXBRLConversion

final class TaxonomyTests: XCTestCase {
    /// `Taxonomy/` is generated (`naicxbrl taxonomy --output Taxonomy/`); it must be what the
    /// generator writes now. Regenerate it after changing the blank description.
    func testCommittedTaxonomyIsCurrent() throws {
        let files = Fixture.packageFiles
        let root = Fixture.root.appendingPathComponent("Taxonomy")
        var committed: Set<String> = []
        if let enumerator = FileManager.default.enumerator(atPath: root.path) {
            for case let path as String in enumerator where !path.hasSuffix("/") {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    committed.insert(path)
                }
            }
        }
        XCTAssertEqual(committed, Set(files.map(\.path)), "run: naicxbrl taxonomy --output Taxonomy")
        for file in files {
            let data = FileManager.default.contents(atPath: root.appendingPathComponent(file.path).path)
            XCTAssertTrue(data.map { [UInt8]($0) } == file.contents, "\(file.path) differs from the generator's; run: naicxbrl taxonomy --output Taxonomy")
        }
    }

    func testConceptsFollowTheBlank() {
        let taxonomy = TaxonomyModel(blank: .lifeQuarterly)
        let bonds = taxonomy.concept("Bonds")
        XCTAssertEqual(bonds?.type, .monetary)
        XCTAssertEqual(bonds?.periodType, .instant)
        XCTAssertEqual(bonds?.balance, .debit)
        XCTAssertEqual(bonds?.label, "Bonds")
        XCTAssertEqual(bonds?.printedAt, "Assets, line 1")
        XCTAssertEqual(taxonomy.concept("TotalLiabilities")?.balance, .credit)
        XCTAssertEqual(taxonomy.concept("LessTreasuryStockAtCostSharesCommon")?.balance, .debit)
        XCTAssertEqual(taxonomy.concept("NetIncome")?.periodType, .duration)
        XCTAssertEqual(taxonomy.concept("CapitalAndSurplusPriorYearEnd")?.periodType, .instant)
        XCTAssertEqual(taxonomy.concept("CompanyName")?.type, .string)
        XCTAssertEqual(taxonomy.concept("IsOriginalFiling")?.type, .boolean)
        XCTAssertEqual(taxonomy.concept("InterrogatoryAnswerDate")?.type, .date)
        // The arithmetic printed in captions is the calculation linkbase.
        let assets = taxonomy.roles.first { $0.id == "Assets" }
        let total = assets?.calculation.filter { $0.from == "TotalAssets" }.map(\.to)
        XCTAssertEqual(total, ["TotalAssetsExcludingSeparateAccounts", "SeparateAccountsAssets"])
        let surplus = taxonomy.roles.first { $0.id == "Liabilities" }?.calculation.filter { $0.from == "Surplus" }
        XCTAssertEqual(surplus?.map(\.weight), [1, 1, 1, 1, 1, -1, -1])
        // Printed order.
        let pre = assets?.presentation.filter { $0.from == "AssetsAbstract" }.sorted { $0.order < $1.order }.map(\.to)
        XCTAssertEqual(pre?.prefix(3), ["Bonds", "AssetsStocksHeading", "AssetsMortgageLoansOnRealEstateHeading"])
    }
}

final class InstanceTests: XCTestCase {
    static let conversion: Conversion = {
        do { return try Converter.convert(Fixture.reference.statement, file: "fixture.xbrl") } catch { preconditionFailure("\(error)") }
    }()

    func testFixtureInstanceIsValid() {
        XCTAssertEqual(Self.conversion.validation, [])
        XCTAssertEqual(Self.conversion.diagnostics, [])
    }

    func testEveryValueIsOneFact() {
        let facts = Self.conversion.facts
        // Two cells are one fact where the blank prints the same balance twice: "Capital and
        // surplus, December 31, prior year" in the prior-year-to-date and the prior-year columns.
        XCTAssertEqual(facts.count, ModelValues.count(Fixture.reference.statement) - ModelValues.sameBalanceTwice(Fixture.reference.statement))
        XCTAssertGreaterThanOrEqual(Self.conversion.numericFactCount, 1_800)
        XCTAssertEqual(Set(facts.map(\.key)).count, facts.count, "no duplicate facts")
    }

    func fact(_ concept: String, _ period: Period, explicit: DimensionMembers = [:], typed: DimensionMembers = [:]) -> Fact? {
        Self.conversion.facts.first { $0.concept == concept && $0.context == FactContext(period: period, explicit: explicit, typed: typed) }
    }

    func testPeriodsFromTheStatementDate() {
        let d = { (y: Int, m: Int, day: Int) in CalendarDate(year: y, month: m, day: day) }
        let periods = Set(Self.conversion.facts.map(\.context.period))
        for expected: Period in [.instant(d(2011, 6, 30)), .instant(d(2010, 12, 31)), .duration(start: d(2011, 1, 1), end: d(2011, 6, 30)),
                                 .duration(start: d(2010, 1, 1), end: d(2010, 6, 30)), .duration(start: d(2010, 1, 1), end: d(2010, 12, 31))] {
            XCTAssertTrue(periods.contains(expected), "\(expected)")
        }
        XCTAssertEqual(fact("TotalAssets", .instant(d(2011, 6, 30)), explicit: ["AssetsColumnAxis": "NetAdmittedMember"])?.value,
                       .amount(printed("4,564,471,362"), scale: .units))
        XCTAssertEqual(fact("NetRealizedCapitalGainsLosses", .duration(start: d(2011, 1, 1), end: d(2011, 6, 30)))?.value,
                       .amount(printed("(228,162)"), scale: .units))
        XCTAssertEqual(fact("CapitalAndSurplusPriorYearEnd", .instant(d(2010, 12, 31)))?.value, .amount(printed("151,967,083"), scale: .units))
        XCTAssertEqual(fact("DirectLifeInsurancePremiumsByJurisdiction", .duration(start: d(2011, 1, 1), end: d(2011, 6, 30)),
                            explicit: ["ScheduleTLineAxis": "ScheduleTTXMember"])?.value, .amount(printed("2,241,471"), scale: .units))
        XCTAssertEqual(fact("BookAdjustedCarryingValueEndOfQuarterByRatingClass", .instant(d(2011, 3, 31)),
                            explicit: ["ScheduleDPart1BLineAxis": "ScheduleDPart1BBondsClass1Member"])?.value, .amount(printed("72,399,292"), scale: .units))
    }

    func testDecimalsFollowThePrintedScale() throws {
        let text = String(decoding: Self.conversion.instance, as: UTF8.self)
        // Whole dollars.
        XCTAssertTrue(text.contains(#"decimals="0">4564471362<"#))
        // Cents (Note 36).
        XCTAssertTrue(text.contains(#"decimals="2">353044.00<"#))
        // In millions, scaled to dollars (Note 20's total 3,296).
        XCTAssertTrue(text.contains(#"decimals="-6">3296000000<"#))
        // Non-numeric facts.
        XCTAssertTrue(text.contains(">MML Bay State Life Insurance Company<"))
        XCTAssertTrue(text.contains(#"<naiclq:InterrogatoryAnswerDate"#))
        XCTAssertTrue(text.contains(#"<naiclq:IsOriginalFiling"#))
    }

    func testNoUnusedContextsOrUnits() throws {
        let text = String(decoding: Self.conversion.instance, as: UTF8.self)
        let ids = text.ranges(of: #"<xbrli:context id=""#).count
        XCTAssertEqual(ids, Set(Self.conversion.facts.map(\.context)).count)
        for unit in ["USD", "pure"] where text.contains(#"<xbrli:unit id="\#(unit)""#) {
            XCTAssertTrue(text.contains(#"unitRef="\#(unit)""#), unit)
        }
    }

    func testDeterministic() throws {
        let again = try Converter.convert(StatementParser.parse(text: Fixture.referenceText, name: "again").statement, file: "x", validate: false)
        XCTAssertEqual(again.instance, Self.conversion.instance)
    }

    /// The writer takes the mapping's numbering of contexts and concepts, and works it out
    /// again when it no longer matches the facts.
    func testWriterNumbersFactsAgainWhenTheyChanged() throws {
        let mapping = FactMapping(blank: .lifeQuarterly)
        let writer = InstanceWriter(taxonomy: mapping.taxonomy)
        let result = try mapping.facts(of: Fixture.reference.statement)
        XCTAssertEqual(result.factContexts.count, result.facts.count)
        XCTAssertEqual(result.factConcepts.count, result.facts.count)
        XCTAssertEqual(Set(result.concepts).count, result.concepts.count)
        var unnumbered = result
        unnumbered.contexts = []
        unnumbered.factContexts = []
        unnumbered.concepts = []
        unnumbered.factConcepts = []
        XCTAssertEqual(writer.write(result), writer.write(unnumbered))

        // A caller swaps two facts of different concepts and contexts: the numbers are stale.
        var changed = result
        let last = try XCTUnwrap(changed.facts.lastIndex { $0.concept != changed.facts[0].concept && $0.context != changed.facts[0].context })
        changed.facts.swapAt(0, last)
        var changedUnnumbered = unnumbered
        changedUnnumbered.facts = changed.facts
        let written = writer.write(changed)
        XCTAssertNotEqual(written, writer.write(result))
        XCTAssertEqual(written, writer.write(changedUnnumbered))
    }

    // MARK: Validation in two parts, on two threads

    func testInstanceDividedForValidationKeepsEveryLine() throws {
        let mapping = FactMapping(blank: .lifeQuarterly)
        let result = try mapping.facts(of: Fixture.reference.statement)
        let split = Converter.TwoParts(share: Converter.splitShare)
        let bytes = InstanceWriter(taxonomy: mapping.taxonomy).write(result, follower: split)
        XCTAssertEqual(bytes, Self.conversion.instance, "dividing changes nothing written")
        XCTAssertGreaterThan(split.headerEnd, 0)
        XCTAssertGreaterThan(split.secondPartStart, split.headerEnd)

        // The first part, as its thread reads it: the instance up to the division, then the end tag.
        var first: [UInt8] = []
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
        defer { buffer.deallocate() }
        while true {
            let n = split.firstPart.read(into: buffer, count: 4096)
            if n == 0 { break }
            first.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: n))
        }
        XCTAssertEqual(Array(first.dropLast(14)), Array(bytes[..<split.secondPartStart]))
        XCTAssertEqual(String(decoding: first.suffix(14), as: UTF8.self), "</xbrli:xbrl>\n")

        // The second part: every non-blank line is the instance's line of the same number.
        let whole = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let second = String(decoding: Converter.secondPart(of: bytes, split), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(second.count, whole.count)
        let headerLines = String(decoding: bytes[..<split.headerEnd], as: UTF8.self).split(separator: "\n").count
        let firstLines = String(decoding: bytes[..<split.secondPartStart], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        for (n, line) in second.enumerated() {
            if n < headerLines || n >= firstLines {
                XCTAssertEqual(line, whole[n], "line \(n + 1)")
            } else {
                XCTAssertEqual(line, "", "line \(n + 1)")
            }
        }
        let validator = try TaxonomyRegistry.validator(for: .lifeQuarterly)
        XCTAssertEqual(validator.validate(Array(first), documentName: "first"), [])
        XCTAssertEqual(validator.validate(Converter.secondPart(of: bytes, split), documentName: "second"), [])
    }

    func testFindingsOfAnInstanceValidatedInTwoPartsAreThoseOfTheWhole() throws {
        // February 30th is no xs:date: a conversion that validates on two threads reports it
        // as validating the written instance in one piece does.
        var statement = Fixture.reference.statement
        statement.cover.incorporated = CalendarDate(year: 1894, month: 2, day: 30)
        let conversion = try Converter.convert(statement, blank: .lifeQuarterly, file: "bad.xbrl", validate: true, concurrently: true)
        let whole = try TaxonomyRegistry.validator(for: .lifeQuarterly).validate(conversion.instance, documentName: "bad.xbrl")
        XCTAssertFalse(whole.isEmpty)
        XCTAssertEqual(conversion.validation, whole)
        let line = String(decoding: conversion.instance, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("1894-02-30") }.map { $0 + 1 }
        XCTAssertEqual(whole.first?.line, line)
        XCTAssertTrue(whole.first?.message.contains("1894-02-30") ?? false, "\(whole)")

        let valid = try Converter.convert(Fixture.reference.statement, blank: .lifeQuarterly, file: "fixture.xbrl", validate: true, concurrently: true)
        XCTAssertEqual(valid.validation, [])
        XCTAssertEqual(valid.instance, Self.conversion.instance)
    }
}

extension String {
    func ranges(of needle: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = startIndex
        while let r = self.range(of: needle, range: start..<endIndex) {
            result.append(r)
            start = r.upperBound
        }
        return result
    }
}

/// Counts the values a statement holds, walking the model on its own (not through the mapping),
/// so that a value the mapping forgets makes the counts differ.
enum ModelValues {
    static func count(_ s: Statement) -> Int {
        var n = 0
        func cells(_ cells: [Cell]) { n += cells.filter { !$0.isBlank }.count }
        for page in s.pages {
            for row in page.rows {
                cells(row.cells)
                cells(row.captionAmounts)
                if row.caption != nil { n += 1 }
            }
            n += page.headings.count + page.footnotes.count + (page.none ? 1 : 0)
            let lines = Blank.lifeQuarterly.page(page.id)?.lines.count ?? 0
            if page.rows.count < lines { n += 1 } // the list of lines not printed
        }
        let c = s.cover
        let fields: [Any?] = [c.edition, c.kind, c.statementDate, c.companyName, c.groupCode, c.priorGroupCode, c.companyCode, c.employerID,
                              c.organizedUnderLawsOf, c.stateOfDomicile, c.countryOfDomicile, c.incorporated, c.commencedBusiness, c.webSite]
        n += fields.compactMap { $0 }.count
        for address in [c.statutoryHomeOffice, c.mainAdministrativeOffice, c.mailAddress, c.booksAndRecords] {
            n += [address?.street, address?.cityStateZip, address?.telephone].compactMap { $0 }.count
        }
        n += [c.contact?.name, c.contact?.telephone, c.contact?.email, c.contact?.fax].compactMap { $0 }.count
        n += 2 * c.officers.count + 2 * c.otherOfficers.count + c.directors.count
        if let j = c.jurat {
            n += [j.state, j.county, j.amendmentNumber, j.dateFiled, j.pagesAttached].compactMap { $0 }.count + 2 * j.signatures.count + 1
        }
        func table(_ t: Table) {
            n += t.headings.count + (t.scale == .units ? 0 : 1)
            for row in t.rows { n += 1; cells(row.cells) }
        }
        for note in s.notes {
            n += 1
            for block in note.content {
                switch block {
                case .text: n += 1
                case .table(let t): table(t)
                }
            }
        }
        for q in s.interrogatories {
            n += 1 + q.details.count
            switch q.answer {
            case .none: break
            case .amounts(let a): n += a.count
            default: n += 1
            }
            if let t = q.table { table(t) }
        }
        return n
    }

    /// Cells of one line in two columns whose balances stand at the same date, with the same value.
    static func sameBalanceTwice(_ s: Statement) -> Int {
        guard let date = s.cover.statementDate else { return 0 }
        let periods = StatementPeriods(statementDate: date)
        var n = 0
        for page in s.pages {
            guard let description = Blank.lifeQuarterly.page(page.id), description.orientation == .items else { continue }
            for row in page.rows {
                guard let line = description.line(row.line), let instant = line.instant else { continue }
                var seen: [Period: Cell] = [:]
                for (i, cell) in row.cells.enumerated() where !cell.isBlank {
                    let column = description.columns[i]
                    let period = periods.period(column.period ?? .currentYearToDate, at: instant)
                    if column.member == nil, seen[period] == cell { n += 1 }
                    seen[period] = cell
                }
            }
        }
        return n
    }
}

final class NumberPairMapTests: XCTestCase {
    /// Every pair finds the value it was given, through growth from a small table; a pair not
    /// given yet is absent and takes the value offered.
    func testPairsKeepTheirValuesThroughGrowth() {
        var map = NumberPairMap(capacity: 4)
        var expected: [Int: Int] = [:]
        for a in 0..<300 {
            for b in stride(from: 0, to: 90, by: 7) {
                let value = a * 1_000 + b
                XCTAssertNil(map.value(for: a, b, insertingIfAbsent: value))
                expected[a << 32 | b] = value
            }
        }
        XCTAssertNil(map.value(for: 0, 1, insertingIfAbsent: -1))
        XCTAssertEqual(map.value(for: 0, 1, insertingIfAbsent: 5), -1)
        for (key, value) in expected {
            XCTAssertEqual(map.value(for: key >> 32, key & 0xFFFF_FFFF, insertingIfAbsent: -2), value)
        }
        // The largest numbers a builder can give out, and (0, 0), are keys like any other.
        XCTAssertNil(map.value(for: Int(UInt32.max), Int(UInt32.max), insertingIfAbsent: 7))
        XCTAssertEqual(map.value(for: Int(UInt32.max), Int(UInt32.max), insertingIfAbsent: 8), 7)
        XCTAssertEqual(map.value(for: 0, 0, insertingIfAbsent: 9), 0)
    }
}

final class DimensionMembersTests: XCTestCase {
    /// Members are kept in their axes' order, whichever order they were set in; setting nil
    /// removes one; two sets of the same members are equal and hash alike.
    func testMembersKeepTheirAxesOrder() {
        var members: DimensionMembers = ["NoteAxis": "36", "BlockAxis": "6"]
        members["TableRowAxis"] = "7"
        members["AAxis"] = "first"
        XCTAssertEqual(members.keys, ["AAxis", "BlockAxis", "NoteAxis", "TableRowAxis"])
        XCTAssertEqual(members["NoteAxis"], "36")
        XCTAssertNil(members["LineAxis"])
        members["AAxis"] = nil
        members["NoteAxis"] = "37"
        XCTAssertEqual(members.map(\.key), ["BlockAxis", "NoteAxis", "TableRowAxis"])
        let built = DimensionMembers(["TableRowAxis": "7", "NoteAxis": "37", "BlockAxis": "6"])
        XCTAssertEqual(members, built)
        XCTAssertEqual(members.hashValue, built.hashValue)
        XCTAssertNotEqual(members, built.adding("LineAxis", "1"))
        XCTAssertEqual(built.adding("NoteAxis", "1")["NoteAxis"], "37", "adding keeps a member already there")
        XCTAssertEqual(members.dictionary, ["TableRowAxis": "7", "NoteAxis": "37", "BlockAxis": "6"])
    }

    /// A context read from a hostile instance may have thousands of members: built from a
    /// dictionary and looked up by binary search, each is found.
    func testManyMembers() {
        let count = 20_000
        var dictionary: [String: String] = [:]
        for i in 0..<count { dictionary["Axis\(i)"] = "\(i)" }
        let members = DimensionMembers(dictionary)
        XCTAssertEqual(members.count, count)
        XCTAssertEqual(members.keys, members.keys.sorted())
        for i in stride(from: 0, to: count, by: 7) { XCTAssertEqual(members["Axis\(i)"], "\(i)") }
        XCTAssertNil(members["Axis\(count)"])
    }
}
