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

/// The reference statement split into its non-tabular sections by their printed titles, the way
/// the segmenter splits it.
private enum SectionsFixture {
    static let name = "mml-bay-state-life-2011-q2.txt"

    static let lines: [SourceText.Line] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return SourceText(bytes: [UInt8](data), name: name).lines
    }()

    static func firstIndex(from start: Int = 0, where predicate: (String) -> Bool) -> Int? {
        guard start < lines.count else { return nil }
        return lines[start...].firstIndex { predicate(String($0.text)) }
    }

    /// The lines after the line matching `title` up to (not including) the line matching `end`.
    static func section(after title: (String) -> Bool, until end: (String) -> Bool) -> [SourceText.Line] {
        guard let open = firstIndex(where: title) else { return [] }
        let close = firstIndex(from: open + 1, where: end) ?? lines.count
        return Array(lines[(open + 1)..<close])
    }

    @Sendable static func isPageHeader(_ text: String) -> Bool { text.hasPrefix("STATEMENT AS OF") }

    static var cover: [SourceText.Line] {
        Array(lines.prefix { !isPageHeader(String($0.text)) })
    }

    static var notes: [SourceText.Line] {
        section(after: { $0 == "NOTES TO FINANCIAL STATEMENTS" }, until: { $0.hasPrefix("GENERAL INTERROGATORIES") })
    }

    static var part1: [SourceText.Line] {
        section(after: { $0 == "GENERAL INTERROGATORIES" }, until: { $0.contains("PART 2 - LIFE & HEALTH") })
    }

    static var part2: [SourceText.Line] {
        section(after: { $0.contains("PART 2 - LIFE & HEALTH") }, until: isPageHeader)
    }

    static var supplemental: [SourceText.Line] {
        section(after: { $0 == "SUPPLEMENTAL EXHIBITS AND SCHEDULES INTERROGATORIES" }, until: isPageHeader)
    }

    /// What the segmenter hands over: non-blank lines, without the titles it classifies itself.
    static func segmented(_ lines: [SourceText.Line], titles: Set<String>) -> [SourceText.Line] {
        lines.filter { line in
            let key = Text.key(Text.clean(line.text))
            return !key.isEmpty && !titles.contains(key) && key != "none"
        }
    }
}

final class SectionsTests: XCTestCase {
    static let notesTitles = Blank.lifeQuarterly.sections.filter { $0.kind == .notes }.flatMap(\.titles)

    // MARK: Helpers

    private func context() -> ParseContext { ParseContext(file: SectionsFixture.name) }

    /// Every non-blank line given has a disposition, and nothing was reported above info.
    private func assertAccounted(_ lines: [SourceText.Line], _ context: ParseContext, file: StaticString = #filePath, line: UInt = #line) {
        let undecided = lines.filter { !NotesParser.isBlank($0.text) && context.disposition(of: $0.number) == nil }
        XCTAssertEqual(undecided.map(\.number), [], "lines with no disposition", file: file, line: line)
        let problems = context.diagnostics.filter { $0.severity >= .warning }
        XCTAssertEqual(problems.map(\.description), [], "warnings or errors", file: file, line: line)
    }

    private func amount(_ text: String) -> Amount? {
        guard case .success(let cell) = ValueScanner.cell(Substring(text)) else { return nil }
        return cell.amount
    }

    // MARK: Cover

    func testCoverFields() throws {
        let lines = SectionsFixture.cover
        XCTAssertFalse(lines.isEmpty, "fixture not found")
        let context = context()
        let cover = CoverParser.parse(lines, context: context, vocabulary: .of(.lifeQuarterly))

        XCTAssertEqual(cover.edition, "LIFE AND ACCIDENT AND HEALTH COMPANIES - ASSOCIATION EDITION")
        XCTAssertEqual(cover.kind, .quarterly)
        XCTAssertEqual(cover.statementDate, CalendarDate(year: 2011, month: 6, day: 30))
        XCTAssertEqual(cover.companyName, "MML Bay State Life Insurance Company")
        XCTAssertEqual(cover.groupCode, "0435")
        XCTAssertEqual(cover.priorGroupCode, "0435")
        XCTAssertEqual(cover.companyCode, "70416")
        XCTAssertEqual(cover.employerID, "43-0581430")
        XCTAssertEqual(cover.organizedUnderLawsOf, "Connecticut")
        XCTAssertEqual(cover.stateOfDomicile, "Connecticut")
        XCTAssertEqual(cover.countryOfDomicile, "United States of America")
        XCTAssertEqual(cover.incorporated, CalendarDate(year: 1935, month: 4, day: 1))
        XCTAssertEqual(cover.commencedBusiness, CalendarDate(year: 1894, month: 7, day: 1))
        XCTAssertEqual(cover.statutoryHomeOffice, Cover.Address(street: "100 Bright Meadow Boulevard", cityStateZip: "Enfield, CT 06082"))
        XCTAssertEqual(cover.mainAdministrativeOffice,
                       Cover.Address(street: "1295 State Street", cityStateZip: "Springfield, MA 01111", telephone: "413-788-8411"))
        XCTAssertEqual(cover.mailAddress, Cover.Address(street: "1295 State Street", cityStateZip: "Springfield, MA 01111"))
        XCTAssertEqual(cover.booksAndRecords,
                       Cover.Address(street: "1295 State Street", cityStateZip: "Springfield, MA 01111", telephone: "413-788-8411"))
        XCTAssertEqual(cover.webSite, "www.massmutual.com")
        XCTAssertEqual(cover.contact, Cover.Contact(name: "Tammy A. Peatman", telephone: "413-744-6327",
                                                    email: "tpeatman@massmutual.com", fax: "413-226-4086"))

        XCTAssertEqual(cover.officers, [
            Cover.Officer(name: "Roger William Crandall", title: "President and Chief Executive Officer"),
            Cover.Officer(name: "Todd Garrett Picken", title: "Treasurer"),
            Cover.Officer(name: "Christine Carole Peaslee", title: "Secretary"),
            Cover.Officer(name: "Isadore Jermyn", title: "Actuary"),
        ])
        XCTAssertEqual(cover.otherOfficers, [
            Cover.Officer(name: "Michael Thomas Rollings", title: "Executive Vice President and Chief Financial Officer"),
            Cover.Officer(name: "Mark Douglas Roellig", title: "Executive Vice President and General Counsel"),
        ])
        XCTAssertEqual(cover.directors, [
            "Roger William Crandall - Chairman", "Michael Robert Fanning", "Michael Thomas Rollings", "Mark Douglas Roellig",
        ])

        let jurat = try XCTUnwrap(cover.jurat)
        XCTAssertEqual(jurat.state, "Massachusetts")
        XCTAssertEqual(jurat.county, "Hampden")
        XCTAssertEqual(jurat.signatures, [
            Cover.Officer(name: "Roger William Crandall", title: "President and Chief Executive Officer"),
            Cover.Officer(name: "Christine Carole Peaslee", title: "Secretary"),
            Cover.Officer(name: "Todd Garrett Picken", title: "Treasurer"),
        ])
        XCTAssertEqual(jurat.originalFiling, true)
        XCTAssertNil(jurat.amendmentNumber)
        XCTAssertNil(jurat.dateFiled)
        XCTAssertNil(jurat.pagesAttached)

        assertAccounted(lines, context)
        // The one split that rests on title words alone is reported for a reader to check.
        let guesses = context.diagnostics.filter { $0.severity == .info && $0.code == .coverField }
        XCTAssertEqual(guesses.count, 1)
        XCTAssertEqual(guesses.first?.line, SectionsFixture.lines.first { $0.text.hasPrefix("Secretary ") }?.number)
    }

    /// Another company's cover with lines left out and fields in another order: the fields that
    /// are printed are still read, by their labels.
    func testCoverWithMissingLines() throws {
        let text = """
        ANNUAL STATEMENT
        FOR THE YEAR ENDED DECEMBER 31, 2024
        OF THE CONDITION AND AFFAIRS OF THE
        Example Mutual Life Assurance Company
        NAIC Company Code 12345 Employer's ID Number 12-3456789
        Country of Domicile United States of America
        Incorporated/Organized 03/15/1901
        Mail Address P.O. Box 42, Hartford, CT 06101-0042
        (Street and Number or P.O. Box) (City or Town, State and Zip Code)
        Statutory Statement Contact Jane Q. Public, (860) 555-0100
        jpublic@example.com

        OFFICERS
        Chairman and Chief Executive Officer Alexander Hamilton Morrow Secretary Beatrice Ann Lowell
        DIRECTORS OR TRUSTEES
        Alexander Hamilton Morrow Beatrice Ann Lowell Charles Edward Dunning
        State of Connecticut SS:
        Alexander Hamilton Morrow
        Chairman and Chief Executive Officer
        Beatrice Ann Lowell
        Secretary
        a. Is this an original filing? Yes [] No [X]
        b. If no,
        1. State the amendment number..... 2
        2. Date filed 03/20/2025
        """
        let lines = SourceText(text: text, name: "variant.txt").lines
        let context = ParseContext(file: "variant.txt")
        let cover = CoverParser.parse(lines, context: context, vocabulary: .of(.lifeQuarterly))

        XCTAssertNil(cover.edition)
        XCTAssertEqual(cover.kind, .annual)
        XCTAssertEqual(cover.statementDate, CalendarDate(year: 2024, month: 12, day: 31))
        XCTAssertEqual(cover.companyName, "Example Mutual Life Assurance Company")
        XCTAssertNil(cover.groupCode)
        XCTAssertEqual(cover.companyCode, "12345")
        XCTAssertEqual(cover.employerID, "12-3456789")
        XCTAssertNil(cover.stateOfDomicile)
        XCTAssertEqual(cover.countryOfDomicile, "United States of America")
        XCTAssertEqual(cover.incorporated, CalendarDate(year: 1901, month: 3, day: 15))
        XCTAssertNil(cover.commencedBusiness)
        XCTAssertNil(cover.statutoryHomeOffice)
        XCTAssertEqual(cover.mailAddress, Cover.Address(street: "P.O. Box 42", cityStateZip: "Hartford, CT 06101-0042"))
        XCTAssertEqual(cover.contact, Cover.Contact(name: "Jane Q. Public", telephone: "(860) 555-0100", email: "jpublic@example.com"))
        XCTAssertEqual(cover.officers, [
            Cover.Officer(name: "Alexander Hamilton Morrow", title: "Chairman and Chief Executive Officer"),
            Cover.Officer(name: "Beatrice Ann Lowell", title: "Secretary"),
        ])
        XCTAssertEqual(cover.otherOfficers, [])
        XCTAssertEqual(cover.directors, ["Alexander Hamilton Morrow", "Beatrice Ann Lowell", "Charles Edward Dunning"])
        let jurat = try XCTUnwrap(cover.jurat)
        XCTAssertEqual(jurat.state, "Connecticut")
        XCTAssertNil(jurat.county)
        XCTAssertEqual(jurat.signatures.map(\.name), ["Alexander Hamilton Morrow", "Beatrice Ann Lowell"])
        XCTAssertEqual(jurat.originalFiling, false)
        XCTAssertEqual(jurat.amendmentNumber, "2")
        XCTAssertEqual(jurat.dateFiled, "03/20/2025")
        assertAccounted(lines, context)
    }

    // MARK: Notes

    func testNotes() throws {
        let lines = SectionsFixture.notes
        let context = context()
        let notes = NotesParser.parse(lines, context: context, titles: Self.notesTitles)

        XCTAssertEqual(notes.map(\.number), Array(1...36))
        XCTAssertEqual(notes.first?.title, "Summary of Significant Accounting Policies")
        XCTAssertEqual(notes.first { $0.number == 8 }?.title, "Derivative Instruments")
        XCTAssertEqual(notes.first { $0.number == 8 }?.content, [.text("No significant changes.")])
        let note1 = try XCTUnwrap(notes.first { $0.number == 1 })
        XCTAssertTrue(note1.text.hasPrefix("a. MML Bay State Life Insurance Company (the Company) recognizes"), note1.text)
        let note5 = try XCTUnwrap(notes.first { $0.number == 5 })
        XCTAssertTrue(note5.text.contains("had a fair value of $24 million"))
        XCTAssertTrue(note5.text.contains("\n(2) No significant changes.\n"))

        // Note 20: the fair value hierarchy, in millions.
        let note20 = try XCTUnwrap(notes.first { $0.number == 20 })
        XCTAssertEqual(note20.tables.count, 1)
        let hierarchy = try XCTUnwrap(note20.tables.first)
        XCTAssertEqual(hierarchy.scale, .millions)
        XCTAssertEqual(hierarchy.headings, [
            ["", "June 30, 2011", "", "", "Total"],
            ["", "Level 1", "Level 2", "Level 3"],
            ["", "(In Millions)"],
        ])
        XCTAssertEqual(hierarchy.rows.first, TableRow(label: "Financial assets:", cells: []))
        XCTAssertEqual(hierarchy.rows.dropFirst().first?.cells,
                       [.dash(dollarSign: true), .amount(Amount(units: 38), dollarSign: true), .dash(dollarSign: true),
                        .amount(Amount(units: 38), dollarSign: true)])
        let total = try XCTUnwrap(hierarchy.rows.first { $0.label == "Total financial assets carried at fair value" })
        XCTAssertEqual(total.cells.last, .amount(Amount(units: 3296), dollarSign: true))
        XCTAssertEqual(total.cells.first, .amount(Amount(units: 899), dollarSign: true))

        // Note 21: four tables (Alt-A and subprime, two periods), each with its sub-heading row.
        let note21 = try XCTUnwrap(notes.first { $0.number == 21 })
        XCTAssertEqual(note21.tables.count, 4)
        XCTAssertEqual(note21.tables.map { $0.rows.first?.label }, ["Alt-A:", "Subprime:", "Alt-A:", "Subprime:"])
        XCTAssertEqual(note21.tables.map(\.scale), [.millions, .millions, .millions, .millions])
        XCTAssertEqual(note21.tables[2].rows.last?.cells.last, .amount(Amount(units: -1), dollarSign: true))
        XCTAssertTrue(note21.text.contains("i. Risks related to credit markets:"))

        // Note 36: the cumulative table keyed by period, then one CUSIP listing per quarter.
        let note36 = try XCTUnwrap(notes.first { $0.number == 36 })
        XCTAssertEqual(note36.tables.count, 9)
        let cumulative = note36.tables[0]
        XCTAssertEqual(cumulative.headings.first?.first, "Period Ended")
        XCTAssertEqual(cumulative.rows.first?.label, "June 30, 2011")
        XCTAssertEqual(cumulative.rows.first?.cells.first, .amount(Amount(units: 493370807, fractionDigits: 2), dollarSign: true))
        XCTAssertEqual(cumulative.rows.last?.label, "Totals")

        // The listing printed after "for the three months ended June 30, 2011:".
        let content = note36.content
        let captionIndex = try XCTUnwrap(content.firstIndex {
            if case .text(let t) = $0 { return t.hasSuffix("for the three months ended June 30, 2011:") }
            return false
        })
        guard content.indices.contains(captionIndex + 1), case .table(let june) = content[captionIndex + 1] else {
            return XCTFail("no table after the June 30, 2011 caption")
        }
        XCTAssertEqual(june.headings.first?.first, "CUSIPS")
        XCTAssertEqual(june.headings.first?.last, "Fair Value")
        let cusip = try XCTUnwrap(june.rows.first { $0.label == "1248RHAD9" })
        XCTAssertEqual(cusip.cells.count, 7)
        XCTAssertEqual(cusip.cells.last, .amount(Amount(units: 35304400, fractionDigits: 2), dollarSign: false))
        XCTAssertEqual(cusip.cells[4], .amount(Amount(units: -7875684, fractionDigits: 2), dollarSign: false))
        XCTAssertEqual(june.rows.count, 22)

        assertAccounted(lines, context)
    }

    func testNoteTableBadValueIsKeptAndReported() {
        let text = "Note 4 – Example\n\tA\tB\nRow one\t1,000\tn.m.\n"
        let lines = SourceText(text: text, name: "bad.txt").lines
        let context = ParseContext(file: "bad.txt")
        let notes = NotesParser.parse(lines, context: context, titles: Self.notesTitles)
        XCTAssertEqual(notes.first?.tables.first?.rows, [TableRow(label: "Row one", cells: [.amount(Amount(units: 1000)), .text("n.m.")])])
        XCTAssertEqual(context.diagnostics.map(\.code), [.badValue])
        XCTAssertEqual(context.diagnostics.first?.line, 3)
        XCTAssertEqual(context.disposition(of: 3), .mapped)
    }

    /// A percentage in a note table of the text rendering, its sign glued or apart, is a
    /// percentage (no bad value); a percent sign after a dollar amount is not a value.
    func testNoteTablePercentagesAreRead() {
        let text = "Note 9 – Income Taxes\n\t2011\tRate\nProvision\t1,000\t35.000%\nCredits\t(200)\t(7.000) %\nOther\t–\t–%\nOdd\t$5%\t1\n"
        let lines = SourceText(text: text, name: "rates.txt").lines
        let context = ParseContext(file: "rates.txt")
        let notes = NotesParser.parse(lines, context: context, titles: Self.notesTitles)
        XCTAssertEqual(notes.first?.tables.first?.rows, [
            TableRow(label: "Provision", cells: [.amount(Amount(units: 1000)), .percent(Amount(units: 35000, fractionDigits: 3))]),
            TableRow(label: "Credits", cells: [.amount(Amount(units: -200)), .percent(Amount(units: -7000, fractionDigits: 3))]),
            TableRow(label: "Other", cells: [.dash(dollarSign: false), .dash(dollarSign: false)]),
            TableRow(label: "Odd", cells: [.text("$5%"), .amount(Amount(units: 1))]),
        ])
        XCTAssertEqual(context.diagnostics.map(\.line), [6])
    }

    // MARK: Interrogatories

    /// A statement keeps its interrogatories part by part in the order of the blank's sections,
    /// a part the blank does not list after them, then by question number.
    func testInterrogatoriesAreKeptInTheBlanksPartOrder() {
        XCTAssertEqual(Blank.lifeQuarterly.interrogatoryParts, ["1", "2", "supplemental"])
        XCTAssertTrue(Interrogatory.precedes(part: "1", "9.2", part: "2", "1.1", parts: ["1", "2"]))
        XCTAssertTrue(Interrogatory.precedes(part: "2", "1.1", part: "1", "9.2", parts: ["2", "1"]))
        XCTAssertTrue(Interrogatory.precedes(part: "supplemental", "9", part: "exhibit5", "1", parts: ["1", "2", "supplemental"]))
        XCTAssertFalse(Interrogatory.precedes(part: "exhibit5", "1", part: "supplemental", "9", parts: ["1", "2", "supplemental"]))
        XCTAssertTrue(Interrogatory.precedes(part: "1", "26.3", part: "1", "26.30", parts: ["1"]))
        XCTAssertTrue(Interrogatory.precedes(part: "1", "9.11", part: "1", "9.2", parts: ["1"]))
        XCTAssertTrue(Interrogatory.precedes(part: "1", "15.2", part: "1", "16", parts: ["1"]))
    }

    func testGeneralInterrogatoriesPart1() throws {
        let lines = SectionsFixture.part1
        let context = context()
        let questions = InterrogatoriesParser.parse(lines, part: "1", context: context, titles: .init(.lifeQuarterly))
        func question(_ number: String) -> Interrogatory? { questions.first { $0.number == number } }

        XCTAssertTrue(questions.allSatisfy { $0.part == "1" })
        XCTAssertEqual(question("1.1")?.answer, .choice(.no, offersNotApplicable: false))
        XCTAssertEqual(question("1.1")?.text,
                       "Did the reporting entity experience any material transactions requiring the filing of Disclosure of Material Transactions with the State of Domicile, as required by the Model Act?")
        XCTAssertEqual(question("1.2")?.answer, .choice(nil, offersNotApplicable: false))
        XCTAssertEqual(question("2.2")?.answer, Answer.none)
        XCTAssertEqual(question("3")?.details, ["If yes, complete the Schedule Y - Part 1 - organizational chart."])
        XCTAssertEqual(question("5")?.answer, .choice(.no, offersNotApplicable: true))
        XCTAssertEqual(question("5")?.details, ["If yes, attach an explanation."])
        XCTAssertEqual(question("6.1")?.answer, .date(CalendarDate(year: 2009, month: 12, day: 31)))
        XCTAssertEqual(question("6.3")?.answer, .date(CalendarDate(year: 2010, month: 12, day: 20)))
        XCTAssertEqual(question("6.4")?.details, ["State of Connecticut Insurance Department"])
        XCTAssertEqual(question("6.5")?.answer, .choice(.yes, offersNotApplicable: true))
        XCTAssertEqual(question("8.3")?.answer, .choice(.yes, offersNotApplicable: false))
        XCTAssertEqual(question("9.1")?.details.count, 5)
        XCTAssertEqual(question("10.2")?.answer, .amounts([.amount(Amount(units: 0), dollarSign: true)]))
        XCTAssertEqual(question("12")?.answer, .amounts([.blank]))
        XCTAssertEqual(question("16")?.answer, .choice(.yes, offersNotApplicable: false))
        XCTAssertEqual(question("15.2")?.details, ["If no, attach a description with this statement."])

        // 4.2: the merger table, headings only.
        XCTAssertEqual(question("4.2")?.table?.headings, [["1 Name of Entity", "2 NAIC Company Code", "3 State of Domicile"]])
        XCTAssertEqual(question("4.2")?.table?.rows, [])

        // 8.4: the regulated affiliates.
        let affiliates = try XCTUnwrap(question("8.4")?.table)
        XCTAssertEqual(affiliates.headings.first?.last, "7 SEC")
        XCTAssertEqual(affiliates.rows.count, 8)
        let centennial = try XCTUnwrap(affiliates.rows.first { $0.label == "Centennial Asset Management Corporation" })
        XCTAssertEqual(centennial.cells, [.text("Centennial, CO"), .blank, .blank, .blank, .blank, .text("YES")])
        XCTAssertEqual(affiliates.rows.first?.cells, [.text("Enfield, CT"), .blank, .blank, .text("YES"), .blank, .blank])

        // 14.2's column headings, then 14.21 to 14.28 with two amounts each.
        XCTAssertEqual(question("14.2")?.table?.headings, [
            ["", "1", "2"],
            ["", "Prior Year-End Book/Adjusted Carrying Value", "Current Quarter Book/Adjusted Carrying Value"],
        ])
        XCTAssertEqual(question("14.21")?.text, "Bonds")
        XCTAssertEqual(question("14.21")?.answer, .amounts([.amount(Amount(units: 3_850_782), dollarSign: true),
                                                           .amount(Amount(units: 3_911_021), dollarSign: true)]))
        XCTAssertEqual(question("14.22")?.answer, .amounts([.blank, .blank]))
        XCTAssertEqual(question("14.27")?.answer, .amounts([.amount(Amount(units: 3_850_782), dollarSign: true),
                                                           .amount(Amount(units: 3_911_021), dollarSign: true)]))

        XCTAssertEqual(question("16.1")?.table?.rows, [TableRow(label: "Citibank, N.A.", cells: [.text("333 West 34th Street, New York, NY 10001")])])
        XCTAssertEqual(question("16.5")?.table?.rows.first?.label, "#106006")
        XCTAssertEqual(question("16.5")?.table?.rows.first?.cells.last, .text("1500 Main Street, Springfield, MA 01115"))
        XCTAssertEqual(question("17.2")?.answer, Answer.none)

        assertAccounted(lines, context)
    }

    func testGeneralInterrogatoriesPart2() throws {
        let lines = SectionsFixture.part2
        let context = context()
        let questions = InterrogatoriesParser.parse(lines, part: "2", context: context, titles: .init(.lifeQuarterly))
        func question(_ number: String) -> Interrogatory? { questions.first { $0.number == number } }

        XCTAssertTrue(questions.allSatisfy { $0.part == "2" })
        XCTAssertEqual(question("1")?.text, "Report the statement value of mortgage loans at the end of this reporting period for the following categories:")
        XCTAssertEqual(question("1")?.details, ["1 Amount"])
        XCTAssertEqual(question("1.1")?.answer, Answer.none)
        XCTAssertEqual(question("1.11")?.answer, .amounts([.blank]))
        XCTAssertEqual(question("1.12")?.text, "Residential Mortgages")
        XCTAssertEqual(question("1.12")?.answer, .amounts([.amount(Amount(units: 6_441_284), dollarSign: true)]))
        XCTAssertEqual(question("1.5")?.answer, .amounts([.amount(Amount(units: 6_441_284), dollarSign: true)]))
        XCTAssertEqual(question("2.1")?.answer, .percent(.blank))
        XCTAssertEqual(question("3.1")?.answer, .choice(.no, offersNotApplicable: false))
        XCTAssertEqual(question("3.4")?.answer, .amounts([.blank]))
        XCTAssertEqual(questions.count, 32)
        assertAccounted(lines, context)
    }

    func testSupplementalInterrogatories() throws {
        let lines = SectionsFixture.supplemental
        let context = context()
        let questions = InterrogatoriesParser.parse(lines, part: "supplemental", context: context, titles: .init(.lifeQuarterly))

        XCTAssertEqual(questions.map(\.number), ["1", "2", "3", "4", "5", "6", "7"])
        XCTAssertTrue(questions.allSatisfy { $0.part == "supplemental" && $0.answer == .text("NO") && $0.details.isEmpty })
        XCTAssertEqual(questions.first?.text,
                       "Will the Trusteed Surplus Statement be filed with the state of domicile and the NAIC with this statement?")
        // The bar-code list is numbered like the questions but is boilerplate.
        let barCode = try XCTUnwrap(lines.first { $0.text.hasPrefix("1. Trusteed Surplus Statement") })
        XCTAssertEqual(context.disposition(of: barCode.number), .classified)
        assertAccounted(lines, context)
    }

    func testSupplementalExplanationGoesToDetails() {
        let text = """
        1. Will the Trusteed Surplus Statement be filed?\tYES
        2. Will the Medicare Part D Coverage Supplement be filed?\tNO
        Explanation:
        1.
        2. The company writes no Medicare Part D coverage.
        Bar Code:
        1. Trusteed Surplus Statement [Document Identifier 490]
        """
        let lines = SourceText(text: text, name: "supp.txt").lines
        let context = ParseContext(file: "supp.txt")
        let questions = InterrogatoriesParser.parse(lines, part: "supplemental", context: context, titles: .init(.lifeQuarterly))
        XCTAssertEqual(questions.map(\.answer), [.text("YES"), .text("NO")])
        XCTAssertEqual(questions.map(\.details), [[], ["The company writes no Medicare Part D coverage."]])
        XCTAssertEqual(context.disposition(of: 4), .classified)
        XCTAssertEqual(context.disposition(of: 5), .mapped)
        XCTAssertEqual(context.disposition(of: 7), .classified)
    }

    func testCheckBoxesAsPrinted() {
        let spaced = InterrogatoriesParser.checkBoxes("Was it done? Yes [ ] No [ ] N/A [ X ]")
        XCTAssertEqual(spaced?.prefix, "Was it done?")
        XCTAssertEqual(spaced?.checked, [.notApplicable])
        XCTAssertEqual(spaced?.offersNotApplicable, true)
        XCTAssertNil(InterrogatoriesParser.checkBoxes("Refer to [i.e. the FRB]"))
        XCTAssertNil(InterrogatoriesParser.checkBoxes("No [X]"))
    }

    // MARK: As the segmenter hands the sections over

    /// The segmenter drops blank lines and the titles it recognizes itself; the readers find
    /// where the statement left blank lines from gaps in the line numbers, so the model is the same.
    func testSegmentedInputGivesTheSameModel() {
        let notesTitles: Set<String> = ["notestofinancialstatements"]
        let interrogatoryTitles: Set<String> = ["generalinterrogatories", "generalinterrogatoriespart2lifehealth",
                                                "supplementalexhibitsandschedulesinterrogatories"]

        let cover = SectionsFixture.cover
        XCTAssertEqual(CoverParser.parse(SectionsFixture.segmented(cover, titles: []), context: context(), vocabulary: .of(.lifeQuarterly)),
                       CoverParser.parse(cover, context: context(), vocabulary: .of(.lifeQuarterly)))

        let notes = SectionsFixture.notes
        let segmentedNotes = SectionsFixture.segmented(notes, titles: notesTitles)
        let notesContext = context()
        XCTAssertEqual(NotesParser.parse(segmentedNotes, context: notesContext, titles: Self.notesTitles), NotesParser.parse(notes, context: context(), titles: Self.notesTitles))
        assertAccounted(segmentedNotes, notesContext)

        for (lines, part) in [(SectionsFixture.part1, "1"), (SectionsFixture.part2, "2"), (SectionsFixture.supplemental, "supplemental")] {
            let segmented = SectionsFixture.segmented(lines, titles: interrogatoryTitles)
            let segmentedContext = context()
            XCTAssertEqual(InterrogatoriesParser.parse(segmented, part: part, context: segmentedContext, titles: .init(.lifeQuarterly)),
                           InterrogatoriesParser.parse(lines, part: part, context: context(), titles: .init(.lifeQuarterly)), "part \(part)")
            assertAccounted(segmented, segmentedContext)
        }
    }
}



/// The cover's vocabulary is the blank description's: every label, heading and boilerplate
/// start of every bundled edition names a field or section the reader knows.
final class CoverVocabularyTests: XCTestCase {
    func testEveryBundledCoverVocabularyIsKnownToTheReader() throws {
        for edition in BlankCatalog.bundledEditions {
            do {
                let cover = try XCTUnwrap(edition.cover, edition.editionKey)
                let vocabulary = CoverParser.Vocabulary(cover)
                XCTAssertEqual(vocabulary.labels.count, cover.labels.count, edition.editionKey)
                XCTAssertEqual(vocabulary.headingKeys.count, cover.headings.count, edition.editionKey)
                XCTAssertEqual(vocabulary.boilerplateKeys.count, cover.boilerplate.count, edition.editionKey)
                XCTAssertFalse(vocabulary.nameFollowsKey.isEmpty)
                XCTAssertEqual(vocabulary.statementTitleKeys.count, cover.statementTitles?.count, edition.editionKey)
                XCTAssertEqual(Set(vocabulary.statementTitleKeys.map(\.kind)), [.quarterly, .annual], edition.editionKey)
                XCTAssertFalse(vocabulary.datedByKeys.isEmpty, edition.editionKey)
            }
        }
    }

    /// A cover read with another vocabulary reads other labels: the phrases come from the data.
    func testTheCoverIsReadWithTheDescriptionsLabels() throws {
        var blank = Blank.lifeQuarterly
        var cover = try XCTUnwrap(blank.cover)
        cover.labels = cover.labels.map { label in
            var label = label
            if label.field == "companyCode" { label.printed = "Company Number" }
            return label
        }
        blank.cover = cover
        let lines = SectionsFixture.cover
        let standard = CoverParser.parse(lines, context: ParseContext(file: "cover"), vocabulary: CoverParser.Vocabulary(Blank.lifeQuarterly.cover))
        XCTAssertEqual(standard.companyCode, "70416")
        let renamed = CoverParser.parse(lines, context: ParseContext(file: "cover"), vocabulary: CoverParser.Vocabulary(blank.cover))
        XCTAssertNil(renamed.companyCode)
    }

    /// The statement's title and the words before its date come from the data too.
    func testTheStatementTitleAndDateAreReadWithTheDescriptionsWords() throws {
        let lines = SectionsFixture.cover
        let standard = CoverParser.parse(lines, context: ParseContext(file: "cover"), vocabulary: CoverParser.Vocabulary(Blank.lifeQuarterly.cover))
        XCTAssertEqual(standard.kind, .quarterly)
        XCTAssertEqual(standard.statementDate, CalendarDate(year: 2011, month: 6, day: 30))
        var cover = try XCTUnwrap(Blank.lifeQuarterly.cover)
        cover.statementTitles = [.init(printed: "QUARTERLY REPORT", kind: "quarterly")]
        cover.datedBy = ["AS AT"]
        let renamed = CoverParser.parse(lines, context: ParseContext(file: "cover"), vocabulary: CoverParser.Vocabulary(cover))
        XCTAssertNil(renamed.kind)
        XCTAssertNil(renamed.statementDate)
    }
}
