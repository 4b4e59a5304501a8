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

/// The crosschecks on the reference statement and on copies of it with one printed number changed.
/// Values asserted are the ones printed in the statement.
final class ChecksTests: XCTestCase {
    static let checker: Checker = {
        do {
            guard let checker = try Checker.bundled(for: .lifeQuarterly) else { preconditionFailure("no bundled rules") }
            return checker
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    static let reference: CheckReport = checker.check(Fixture.reference.statement, origins: Fixture.reference.origins, file: "fixture")

    /// The fixture's text with `old` replaced by `new` on the one line that contains every marker.
    func changing(_ old: String, to new: String, onLineWith markers: String...) -> String {
        var lines = Fixture.referenceText.components(separatedBy: "\n")
        let matches = lines.indices.filter { i in markers.allSatisfy { lines[i].contains($0) } && lines[i].contains(old) }
        guard matches.count == 1, let i = matches.first, let range = lines[i].range(of: old) else {
            preconditionFailure("\(matches.count) lines contain \(markers) and \(old)")
        }
        lines[i].replaceSubrange(range, with: new)
        return lines.joined(separator: "\n")
    }

    func check(_ text: String) -> CheckReport {
        let parsed = StatementParser.parse(text: text, name: "changed.txt")
        XCTAssertFalse(parsed.hasErrors, "the changed copy still parses")
        return Self.checker.check(parsed.statement, origins: parsed.origins, file: "changed.txt")
    }

    func failed(_ report: CheckReport) -> [CheckResult] { report.results.filter { $0.status == .failed } }

    func failedRules(_ report: CheckReport) -> Set<String> { Set(failed(report).map(\.rule)) }

    func result(_ report: CheckReport, _ rule: String, instance: String? = nil) throws -> CheckResult {
        try XCTUnwrap(report.results.first { $0.rule == rule && (instance == nil || $0.instance == instance) }, "no result for \(rule) \(instance ?? "")")
    }

    func inputLine(_ page: String, _ line: String) -> Int? { Fixture.reference.origins[page]?[line] }

    // MARK: the rules

    /// The counts a report gives (worked out on amounts alone) are those of its results (each
    /// evaluated again in full for its message and cells).
    func assertSummaryMatchesResults(_ report: CheckReport, _ what: String, line: UInt = #line) {
        let results = report.results
        let summary = report.summary
        XCTAssertEqual(summary.passed, results.filter { $0.status == .passed }.count, "\(what): passed", line: line)
        XCTAssertEqual(summary.rounding, results.filter { $0.status == .rounding }.count, "\(what): rounding", line: line)
        XCTAssertEqual(summary.errors, results.filter { $0.status == .failed && $0.severity == .error }.count, "\(what): errors", line: line)
        XCTAssertEqual(summary.warnings, results.filter { $0.status == .failed && $0.severity == .warning }.count, "\(what): warnings", line: line)
        XCTAssertEqual(summary.notEvaluated, results.filter { $0.status == .notEvaluated }.count, "\(what): not evaluated", line: line)
        XCTAssertEqual(summary.evaluated, results.filter { $0.status != .notEvaluated }.count, "\(what): evaluated", line: line)
    }

    func testCountsAgreeWithResultsWhateverTheAmounts() {
        assertSummaryMatchesResults(Self.reference, "reference")
        // Every n-th cell of every page and note table changed: one more unit, a dash, or blank.
        for (n, change) in [(3, "plus one"), (4, "dash"), (5, "blank"), (7, "plus one")] {
            var statement = Fixture.reference.statement
            var k = 0
            func changed(_ cell: Cell) -> Cell {
                k += 1
                guard k % n == 0, case .amount(let amount, let dollar) = cell else { return cell }
                switch change {
                case "dash": return .dash(dollarSign: dollar)
                case "blank": return .blank
                default: return .amount(Amount(units: amount.units + 1, fractionDigits: amount.fractionDigits), dollarSign: dollar)
                }
            }
            for p in statement.pages.indices {
                for r in statement.pages[p].rows.indices {
                    statement.pages[p].rows[r].cells = statement.pages[p].rows[r].cells.map(changed)
                }
            }
            for i in statement.notes.indices {
                for b in statement.notes[i].content.indices {
                    guard case .table(var table) = statement.notes[i].content[b] else { continue }
                    for r in table.rows.indices { table.rows[r].cells = table.rows[r].cells.map(changed) }
                    statement.notes[i].content[b] = .table(table)
                }
            }
            let report = Self.checker.check(statement, file: "changed")
            XCTAssertGreaterThan(report.summary.errors + report.summary.warnings, 0, "every \(n)th cell \(change)")
            assertSummaryMatchesResults(report, "every \(n)th cell \(change)")
        }
    }

    func testRulesCompile() throws {
        let rules = Self.checker.rules
        XCTAssertEqual(rules.generatedCount, 203)
        XCTAssertEqual(rules.listedCount, 62)
        XCTAssertEqual(Set(rules.rules.map(\.id)).count, rules.rules.count, "ids are unique")
        // Generated from the blank: caption totals and repeats in every amount column, column arithmetic row by row.
        let ids = Set(rules.rules.map(\.id))
        for id in ["assets-line-12-total-col-1", "assets-line-12-total-col-4", "assets-line-1199-equals-line-11-col-3", "assets-col-3-total",
                   "summary-of-operations-line-37-equals-line-35-col-3", "summary-of-operations-line-55-total-col-2",
                   "schedule-t-col-6-total", "schedule-d-part-1b-line-15-total-col-8", "cash-flow-line-19.2-total-col-1"] {
            XCTAssertTrue(ids.contains(id), id)
        }
        let columns = try XCTUnwrap(rules.rules.first { $0.id == "assets-col-3-total" })
        XCTAssertEqual(columns.scope, .rows(page: "Assets"))
        XCTAssertEqual(columns.right.map(\.sign), [1, -1])
    }

    func testRuleFileErrorsNameTheRule() {
        func compile(_ left: String, _ right: String = "Assets 28 col 3") -> String? {
            let file = CheckRuleFile(blank: "life-ah-quarterly", generated: .init(severity: .error, tolerance: "1"),
                                     rules: [ListedRule(id: "bad-rule", message: "m", severity: .error, tolerance: "1", left: left, right: right)])
            do {
                _ = try CheckRuleSet(blank: .lifeQuarterly, file: file)
                return nil
            } catch {
                return error.description
            }
        }
        XCTAssertNil(compile("Liabilities 39 col 1"))
        XCTAssertEqual(compile("Liabilities 39 col 9"), "check rule bad-rule: Liabilities has no column 9")
        XCTAssertEqual(compile("Liabilitys 39 col 1"), "check rule bad-rule: the blank has no page Liabilitys")
        XCTAssertEqual(compile("Assets 5 caption 4"), "check rule bad-rule: Assets line 5 prints 3 amount(s) in its caption: \"Assets 5 caption 4\"")
        XCTAssertEqual(compile("Assets 99 col 1"), "check rule bad-rule: Assets has no line(s) 99")
        XCTAssertNotNil(compile("Assets * col 1", "Liabilities * col 1"))
    }

    // MARK: the reference statement

    /// The filing passes, except for one-dollar differences the statement itself prints: totals
    /// the filer computed from unrounded amounts. They are warnings, with their exact differences.
    func testReferenceStatementPassesWithItsRoundingDifferences() throws {
        let report = Self.reference
        XCTAssertEqual(failed(report).map(\.rule), [])
        XCTAssertFalse(report.hasErrors)
        let rounding = Dictionary(uniqueKeysWithValues: report.results.filter { $0.status == .rounding }.map { ($0.rule, $0) })
        // rule: (actual, expected) as printed.
        let expected: [String: (String, String)] = [
            "assets-line-26-total-col-4": ("313,738,670", "313,738,669"),
            "assets-line-28-total-col-1": ("4,573,847,386", "4,573,847,385"),
            "assets-line-28-total-col-3": ("4,564,471,362", "4,564,471,361"),
            "liabilities-line-26-total-col-2": ("161,771,978", "161,771,979"),
            "liabilities-line-28-total-col-1": ("4,400,884,838", "4,400,884,837"),
            "liabilities-line-37-total-col-2": ("149,466,883", "149,466,882"),
            "summary-of-operations-line-9-total-col-1": ("58,358,530", "58,358,529"),
            "summary-of-operations-line-9-total-col-2": ("57,801,561", "57,801,562"),
            "summary-of-operations-line-20-total-col-1": ("49,860,687", "49,860,688"),
            "summary-of-operations-line-20-total-col-2": ("44,113,124", "44,113,125"),
            "summary-of-operations-line-28-total-col-1": ("41,843,248", "41,843,247"),
            "summary-of-operations-line-28-total-col-2": ("37,183,832", "37,183,831"),
            "summary-of-operations-line-29-total-col-2": ("20,617,728", "20,617,729"),
            "summary-of-operations-line-29-total-col-3": ("44,196,861", "44,196,860"),
            "summary-of-operations-line-33-total-col-2": ("17,429,435", "17,429,434"),
            "summary-of-operations-line-54-total-col-1": ("11,619,441", "11,619,442"),
            "summary-of-operations-line-54-total-col-2": ("16,139,087", "16,139,086"),
            "summary-of-operations-line-08.399-total-col-2": ("(316,195)", "(316,196)"),
            "summary-of-operations-line-5399-total-col-3": ("(2,283,560)", "(2,283,561)"),
            "cash-flow-line-11-total-col-2": ("30,753,028", "30,753,029"),
            "cash-flow-line-18-total-col-2": ("48,815,400", "48,815,399"),
            "schedule-d-verification-line-10-total-col-2": ("142,663,041", "142,663,042"),
            // Between pages: Schedule D - Verification line 12 against bonds on the Assets page, and
            // Schedule E - Verification against the cash equivalents in the Assets line 5 caption.
            "bonds-and-stocks-verification-equals-assets": ("150,751,733", "150,751,734"),
            "cash-equivalents-verification-equals-assets": ("32,293,782", "32,293,783"),
            "direct-premiums-subtotal-col-2": ("25,120,216", "25,120,215"),
        ]
        XCTAssertEqual(Set(rounding.keys), Set(expected.keys))
        for (rule, (actual, wanted)) in expected {
            let result = try XCTUnwrap(rounding[rule], rule)
            XCTAssertEqual(result.actual, printed(actual).description, rule)
            XCTAssertEqual(result.expected, printed(wanted).description, rule)
            XCTAssertEqual(result.level, .warning, rule)
        }
        XCTAssertEqual(report.summary.rounding, 25)
        XCTAssertEqual(report.summary.errors, 0)
        XCTAssertEqual(report.summary.evaluated, report.summary.passed + 25)
        // Rules nothing is printed for (write-ins left empty, NONE schedules) are not evaluated.
        let notEvaluated = Set(report.results.filter { $0.status == .notEvaluated }.map(\.rule))
        XCTAssertTrue(notEvaluated.contains("assets-line-1199-total-col-1"))
        XCTAssertTrue(notEvaluated.contains("real-estate-verification-brought-forward"))
        XCTAssertFalse(notEvaluated.contains("licensed-jurisdictions-count"))
    }

    func testReferenceStatementCrosschecksHoldAsPrinted() throws {
        let report = Self.reference
        let ties: [(String, String)] = [
            ("assets-total-equals-liabilities-total", "4,564,471,362"),
            ("assets-total-equals-liabilities-total-prior-year", "4,413,236,997"),
            ("capital-and-surplus-equals-summary-of-operations", "163,586,524"),
            ("capital-and-surplus-equals-summary-of-operations-prior-year", "151,967,083"),
            ("capital-and-surplus-prior-year-brought-forward", "151,967,083"),
            ("cash-end-of-period-equals-assets", "35,532,287"),
            ("cash-end-of-prior-year-equals-assets", "32,162,155"),
            ("cash-beginning-of-year-equals-assets-prior-year", "32,162,155"),
            ("mortgage-loans-verification-equals-assets", "6,441,284"),
            ("mortgage-loans-verification-equals-assets-prior-year", "6,800,884"),
            ("mortgage-loans-interrogatory-equals-assets", "6,441,284"),
            ("bonds-and-stocks-verification-equals-assets-prior-year", "142,663,041"),
            ("short-term-investments-verification-equals-assets", "6,198,392"),
            ("separate-accounts-assets-equal-liabilities-and-surplus", "4,235,343,379"),
            ("licensed-jurisdictions-count", "50"),
        ]
        for (rule, value) in ties {
            let result = try self.result(report, rule)
            XCTAssertEqual(result.status, .passed, rule)
            XCTAssertEqual(result.actual, printed(value).description, rule)
        }
        // Row by row: every rating class of Schedule D Part 1B, every line of Schedule T.
        XCTAssertEqual(report.assertions["bonds-and-preferred-stock-by-rating-class"], .init(satisfied: 8, notSatisfied: 0))
        let classTwo = try result(report, "bonds-and-preferred-stock-by-rating-class", instance: "Schedule D - Part 1B line 2")
        XCTAssertEqual(classTwo.actual, printed("90,055,548").description)
        XCTAssertEqual(classTwo.cells.first?.column, "6", "the second quarter's end is column 6")
        XCTAssertEqual(report.assertions["schedule-t-col-6-total"]?.notSatisfied, 0)
        // Note 36: every row of its nine tables, cents exact; recognized OTTI is printed negative.
        XCTAssertEqual(report.assertions["impairment-recognized-otti"], .init(satisfied: 191, notSatisfied: 0))
        let otti = try result(report, "impairment-recognized-otti", instance: "Note 36, table 2, row 06050HKX5")
        XCTAssertEqual(otti.actual, "3762.52")
        XCTAssertEqual(otti.cells.last?.value, "-3762.52")
        XCTAssertEqual(report.assertions["impairment-totals"]?.notSatisfied, 0)
        let total = try result(report, "impairment-totals", instance: "Note 36, table 2, column 5 (Recognized OTTI)")
        XCTAssertEqual(total.actual, "-307161.81")
    }

    // MARK: one number changed

    func testCaptionTotalFails() throws {
        // Assets line 14, prior year: line 26 (Lines 12 to 25) no longer adds up in column 4.
        let report = check(changing("2,374,740", to: "2,374,840", onLineWith: "14. Investment income due and accrued"))
        XCTAssertEqual(failedRules(report), ["assets-line-26-total-col-4"])
        let result = try result(report, "assets-line-26-total-col-4")
        XCTAssertEqual(result.actual, "313738670")
        XCTAssertEqual(result.expected, "313738769")
        XCTAssertEqual(result.level, .error)
        XCTAssertEqual(result.cells.first?.place, "Assets line 26, column 4")
        XCTAssertEqual(result.cells.first?.inputLine, inputLine("Assets", "26"))
        XCTAssertTrue(result.cells.contains { $0.line == "14" && $0.value == "2374840" && $0.inputLine == inputLine("Assets", "14") })
        XCTAssertTrue(report.hasErrors)
        let text = report.text()
        XCTAssertTrue(text.contains("changed.txt:\(inputLine("Assets", "26") ?? 0): error: [assets-line-26-total-col-4] Assets line 26"), text)
        XCTAssertTrue(text.contains("(expected 313,738,769, actual 313,738,670)"), text)
    }

    func testRepeatedLineFails() {
        // Liabilities line 2599 "(Line 25 above)": its own total and its repeat of line 25 fail.
        let report = check(changing("293,813", to: "293,913", onLineWith: "2599. Totals"))
        XCTAssertEqual(failedRules(report), ["liabilities-line-2599-total-col-1", "liabilities-line-2599-equals-line-25-col-1"])
    }

    func testColumnArithmeticFailsOnItsRow() throws {
        // Assets column 3 = column 1 - column 2, checked on every line: line 18.2 breaks, and so
        // does line 26 (Lines 12 to 25) in column 3.
        let report = check(changing("8,209,872", to: "8,209,972", onLineWith: "18.2 Net deferred tax asset"))
        XCTAssertEqual(failedRules(report), ["assets-col-3-total", "assets-line-26-total-col-3"])
        let row = try XCTUnwrap(failed(report).first { $0.rule == "assets-col-3-total" })
        XCTAssertEqual(row.instance, "Assets line 18.2")
        XCTAssertEqual(row.actual, "8209972")
        XCTAssertEqual(row.expected, "8209872")
        XCTAssertEqual(row.cells.map(\.inputLine), Array(repeating: inputLine("Assets", "18.2"), count: 3))

        // Schedule T column 6 = columns 2 + 3 + 4, on Colorado's line; line 59 then fails in column 6.
        let schedule = check(changing("462,566", to: "462,666", onLineWith: "6. Colorado"))
        XCTAssertEqual(failedRules(schedule), ["schedule-t-col-6-total", "premiums-by-jurisdiction-subtotal-col-6"])
        XCTAssertEqual(failed(schedule).first { $0.rule == "schedule-t-col-6-total" }?.instance, "Schedule T - Premiums and Annuity Considerations line 6")
    }

    func testTiesBetweenPagesFail() throws {
        let assets = check(changing("4,564,471,362", to: "4,564,471,462", onLineWith: "39. Totals of Lines 28 and 38"))
        XCTAssertEqual(failedRules(assets), ["assets-total-equals-liabilities-total", "liabilities-line-39-total-col-1"])
        let tie = try result(assets, "assets-total-equals-liabilities-total")
        XCTAssertEqual(tie.cells.map(\.place), ["Liabilities, Surplus and Other Funds line 39, column 1", "Assets line 28, column 3"])
        XCTAssertEqual(tie.cells.map(\.inputLine), [inputLine("Liabilities", "39"), inputLine("Assets", "28")])

        let surplus = check(changing("151,967,083", to: "151,967,183", onLineWith: "36. Capital and surplus, December 31, prior year"))
        XCTAssertEqual(failedRules(surplus), ["capital-and-surplus-prior-year-brought-forward", "summary-of-operations-line-55-total-col-1"])

        let cash = check(changing("32,162,155", to: "32,162,255", onLineWith: "19.1 Beginning of year"))
        XCTAssertEqual(failedRules(cash), ["cash-beginning-of-year-equals-assets-prior-year", "cash-flow-line-19.2-total-col-1"])

        let netIncome = check(changing("13,222,053", to: "13,222,153", onLineWith: "37. Net income (Line 35)"))
        XCTAssertEqual(failedRules(netIncome), ["summary-of-operations-line-37-equals-line-35-col-1", "summary-of-operations-line-54-total-col-1"])
    }

    /// A rule that ties pages together is evaluated only where each of its pages holds a value:
    /// a statement that leaves a page out (a partial filing) leaves its ties unchecked rather
    /// than failed against zeros; a page printed with one value is checked as printed.
    func testTiesToAPageThatHoldsNoValueAreNotEvaluated() throws {
        var statement = Fixture.reference.statement
        let liabilities = try XCTUnwrap(statement.pages.firstIndex { $0.id == "Liabilities" })
        let original = statement.pages[liabilities]
        XCTAssertEqual(statement.cell("Liabilities", "39", column: "1"), .amount(printed("4,564,471,362")))
        XCTAssertEqual(statement.cell("Assets", "28", column: "3"), .amount(printed("4,564,471,362")))

        // Left out: the ties to it are not evaluated, and say why; the other pages' rules are.
        statement.pages.remove(at: liabilities)
        var report = Self.checker.check(statement)
        XCTAssertEqual(failed(report).map(\.rule), [])
        var tie = try result(report, "assets-total-equals-liabilities-total")
        XCTAssertEqual(tie.status, .notEvaluated)
        XCTAssertEqual(tie.reason, "Liabilities, Surplus and Other Funds is not in the statement")
        XCTAssertNotEqual(try result(report, "assets-line-28-total-col-3").status, .notEvaluated)

        // Printed with every cell and caption amount blank: the same.
        var blank = original
        for r in blank.rows.indices {
            blank.rows[r].cells = blank.rows[r].cells.map { _ in .blank }
            blank.rows[r].captionAmounts = []
        }
        statement.pages.insert(blank, at: liabilities)
        report = Self.checker.check(statement)
        XCTAssertEqual(failed(report).map(\.rule), [])
        tie = try result(report, "assets-total-equals-liabilities-total")
        XCTAssertEqual(tie.reason, "Liabilities, Surplus and Other Funds holds no value")

        // One value printed on the page (line 1, not a line the tie reads): the tie is checked,
        // and fails (Liabilities line 39 is blank where Assets line 28 prints 4,564,471,362).
        let line1 = try XCTUnwrap(blank.rows.firstIndex { $0.line == "1" })
        statement.pages[liabilities].rows[line1].cells[0] = original.rows[line1].cells[0]
        report = Self.checker.check(statement)
        tie = try result(report, "assets-total-equals-liabilities-total")
        XCTAssertEqual(tie.status, .failed)
        XCTAssertEqual(tie.expected, "4564471362")
        XCTAssertEqual(tie.actual, "0")
    }

    /// Whether a page holds a value is asked of the statement by the checker and of the instance
    /// by the formula linkbase (a fact of one of the page's items that is not nil): both give the
    /// same answer for every page the rules tie together, on the reference statement and on pages
    /// with their values removed one kind at a time.
    func testAPageHoldsAValueExactlyWhereItsInstanceHasAFactOfItsItems() throws {
        let plan = Self.checker.plan
        let mapping = FactMapping(blank: .lifeQuarterly)
        var statements = [Fixture.reference.statement]
        // Each page keeps only its blank, dash, XXX or text cells (and no caption amounts).
        for keep in [{ (c: Cell) in c == .blank }, { if case .dash = $0 { true } else { false } }, { $0 == .notApplicable },
                     { if case .text = $0 { true } else { false } }] as [(Cell) -> Bool] {
            var changed = Fixture.reference.statement
            for p in changed.pages.indices {
                for r in changed.pages[p].rows.indices {
                    changed.pages[p].rows[r].cells = changed.pages[p].rows[r].cells.map { keep($0) ? $0 : .blank }
                    changed.pages[p].rows[r].captionAmounts = []
                }
            }
            statements.append(changed)
        }
        var both = (true: 0, false: 0)
        for statement in statements {
            let facts = try mapping.facts(of: statement).facts
            for slot in plan.pages {
                guard let page = statement.page(slot.id) else { continue }
                let items = Set(slot.valueConcepts)
                let inInstance = facts.contains { fact in
                    if case .none = fact.value { return false }
                    return items.contains(fact.concept)
                }
                XCTAssertEqual(CheckPlan.holdsValue(page, slot.description), inInstance, slot.id)
                if inInstance { both.true += 1 } else { both.false += 1 }
            }
        }
        XCTAssertGreaterThan(both.true, 10)
        XCTAssertGreaterThan(both.false, 10)
    }

    func testScheduleVerificationsFail() throws {
        let mortgages = check(changing("6,441,284", to: "6,441,384", onLineWith: "15. Statement value at end of current period (Line 13 minus Line 14)"))
        XCTAssertEqual(failedRules(mortgages), ["mortgage-loans-verification-equals-assets", "schedule-b-verification-line-15-total-col-1"])

        // The one-dollar rounding difference becomes an error once it is more than the tolerance.
        let bonds = check(changing("150,751,733", to: "150,751,743", onLineWith: "12. Statement value at end of current period"))
        XCTAssertEqual(failedRules(bonds), ["bonds-and-stocks-verification-equals-assets", "schedule-d-verification-line-12-total-col-1"])
        let tie = try result(bonds, "bonds-and-stocks-verification-equals-assets")
        XCTAssertEqual(tie.difference, "9")
        XCTAssertEqual(tie.cells.filter { $0.side == "right" }.map(\.line), ["1", "2.1", "2.2"])

        let shortTerm = check(changing("6,198,392", to: "6,198,492", onLineWith: "12. Statement value at end of current period", "5,998,162"))
        XCTAssertEqual(failedRules(shortTerm), ["short-term-investments-verification-equals-assets", "schedule-da-verification-line-12-total-col-1"])

        let equivalents = check(changing("32,293,782", to: "32,293,792", onLineWith: "12. Statement value at end of current period"))
        XCTAssertEqual(failedRules(equivalents), ["cash-equivalents-verification-equals-assets", "schedule-e-verification-line-12-total-col-1"])

        let interrogatory = check(changing("6,441,284", to: "6,441,384", onLineWith: "1.5\tTotal Mortgage Loans"))
        XCTAssertEqual(failedRules(interrogatory), ["mortgage-loans-interrogatory-equals-assets", "mortgage-loans-interrogatory-total"])
        XCTAssertEqual(try result(interrogatory, "mortgage-loans-interrogatory-equals-assets").cells.first?.place, "General interrogatories part 2, 1.5")

        // An amount printed in a caption: the cash equivalents in Assets line 5.
        let caption = check(changing("32,293,783", to: "32,293,793", onLineWith: "5. Cash ("))
        XCTAssertEqual(failedRules(caption), ["cash-caption-amounts-add-up", "cash-equivalents-verification-equals-assets"])
        XCTAssertEqual(try result(caption, "cash-equivalents-verification-equals-assets").cells.last?.place,
                       "Assets line 5, amount 2 printed in the caption")

        // Schedule D Part 1B, row by row: class 2's end of quarter.
        let ratings = check(changing("90,055,548", to: "90,055,648", onLineWith: "2. Class 2 (a)"))
        XCTAssertEqual(failedRules(ratings), ["bonds-and-preferred-stock-by-rating-class", "schedule-d-part-1b-line-7-total-col-6"])
        XCTAssertEqual(failed(ratings).first { $0.rule == "bonds-and-preferred-stock-by-rating-class" }?.instance, "Schedule D - Part 1B line 2")
    }

    func testNoteTableArithmeticFails() throws {
        // 06050HKX5's recognized OTTI: its row, and the Totals of its table's column 5.
        let row = check(changing("(3,762.52)", to: "(3,762.62)", onLineWith: "06050HKX5", "77,717.59"))
        XCTAssertEqual(failedRules(row), ["impairment-recognized-otti", "impairment-totals"])
        let otti = try XCTUnwrap(failed(row).first { $0.rule == "impairment-recognized-otti" })
        XCTAssertEqual(otti.instance, "Note 36, table 2, row 06050HKX5")
        XCTAssertEqual(otti.actual, "3762.52")
        XCTAssertEqual(otti.expected, "3762.62")
        let totals = try XCTUnwrap(failed(row).first { $0.rule == "impairment-totals" })
        XCTAssertEqual(totals.instance, "Note 36, table 2, column 5 (Recognized OTTI)")
        XCTAssertEqual(totals.actual, "-307161.81")
        XCTAssertEqual(totals.expected, "-307161.91")

        // A Totals row's projected cash flow: the column's total, and the row's own arithmetic.
        let total = check(changing("4,626,546.26", to: "4,626,546.36", onLineWith: "Totals\t\\$ 4,933,708.07"))
        XCTAssertEqual(failedRules(total), ["impairment-totals", "impairment-recognized-otti", "impairment-amortized-cost-after-otti"])
        XCTAssertEqual(Set(failed(total).compactMap(\.instance)), ["Note 36, table 2, column 4 (Projected Cash Flow)", "Note 36, table 2, row Totals"])
    }

    /// What a report calls an interrogatory, and which note table rows are totals, are the blank
    /// description's: a copy of the description that names part 2 otherwise and labels totals rows
    /// with other words is reported and checked so.
    func testSectionNamesAndTotalsRowLabelAreTheDescriptions() throws {
        var blank = Blank.lifeQuarterly
        let part2 = try XCTUnwrap(blank.sections.firstIndex { $0.part == "2" })
        blank.sections[part2].name = "Life interrogatory"
        let notes = try XCTUnwrap(blank.sections.firstIndex { $0.kind == .notes })
        blank.sections[notes].totalRowLabel = "Grand total"
        let checker = try XCTUnwrap(try Checker.bundled(for: blank))
        let parsed = StatementParser.parse(text: changing("6,441,284", to: "6,441,384", onLineWith: "1.5\tTotal Mortgage Loans"), name: "changed.txt")
        let report = checker.check(parsed.statement, origins: parsed.origins, file: "changed.txt")
        XCTAssertEqual(try result(report, "mortgage-loans-interrogatory-equals-assets").cells.first?.place, "Life interrogatory 1.5")

        // Note 36's tables print "Totals" rows: with the description's "Total" they are checked,
        // with "Grand total" no row is a totals row, and the rule over them has nothing to add up.
        let asPrinted = Self.checker.check(Fixture.reference.statement)
        XCTAssertTrue(asPrinted.results.contains { $0.rule == "impairment-totals" && $0.status == .passed })
        let relabelled = checker.check(Fixture.reference.statement)
        XCTAssertFalse(relabelled.results.contains { $0.rule == "impairment-totals" && ($0.status == .passed || $0.status == .failed) },
                       "\(relabelled.results.filter { $0.rule == "impairment-totals" }.map(\.status))")
    }

    func testLicensedJurisdictionCountFails() throws {
        let count = check(changing("50", to: "49", onLineWith: "59. Subtotal"))
        XCTAssertEqual(failedRules(count), ["licensed-jurisdictions-count"])
        let result = try result(count, "licensed-jurisdictions-count")
        XCTAssertEqual(result.actual, "49")
        XCTAssertEqual(result.expected, "50")
        XCTAssertEqual(result.cells.first?.inputLine, inputLine("ScheduleT", "59"))

        // Colorado no longer licensed: 49 L responses against the printed 50.
        let status = check(changing("\tL\t", to: "\tN\t", onLineWith: "6. Colorado"))
        XCTAssertEqual(failedRules(status), ["licensed-jurisdictions-count"])
        XCTAssertEqual(try self.result(status, "licensed-jurisdictions-count").expected, "49")
    }

    func testListedPageArithmeticFails() {
        let exhibit = check(changing("23,119,364", to: "23,119,464", onLineWith: "11. Subtotal"))
        XCTAssertEqual(failedRules(exhibit), ["direct-premiums-subtotal-col-1", "direct-premiums-total-col-1"])
        let scheduleT = check(changing("12,046,804", to: "12,046,904", onLineWith: "98. Less Reinsurance Ceded"))
        XCTAssertEqual(failedRules(scheduleT), ["premiums-by-jurisdiction-net-of-ceded-col-2", "schedule-t-col-6-total"])
    }

    // MARK: instances, JSON, the formula linkbase

    /// An instance imported back is checked the same way, without input lines.
    func testImportedInstanceChecksTheSame() throws {
        let conversion = try Converter.convert(Fixture.reference.statement, file: "fixture.xbrl", validate: false)
        let imported = FactImporter(blank: .lifeQuarterly).importInstance(conversion.instance, name: "fixture.xbrl")
        XCTAssertFalse(imported.hasErrors)
        let report = Self.checker.check(imported.statement, file: "fixture.xbrl")
        XCTAssertEqual(report.summary, Self.reference.summary)
        XCTAssertEqual(report.assertions, Self.reference.assertions)
    }

    func testJSONKeysAreStable() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Self.reference)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["assertions", "blank", "file", "results", "summary"])
        let results = try XCTUnwrap(object["results"] as? [[String: Any]])
        let rounding = try XCTUnwrap(results.first { $0["rule"] as? String == "cash-equivalents-verification-equals-assets" })
        XCTAssertEqual(rounding["status"] as? String, "rounding")
        XCTAssertEqual(rounding["level"] as? String, "warning")
        XCTAssertEqual(rounding["expected"] as? String, "32293783")
        XCTAssertEqual(rounding["actual"] as? String, "32293782")
        XCTAssertEqual(rounding["difference"] as? String, "-1")
        XCTAssertEqual(rounding["tolerance"] as? String, "1")
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(Set(summary.keys), ["rules", "generatedRules", "listedRules", "evaluated", "passed", "rounding", "errors", "warnings", "notEvaluated"])
    }

    /// Column arithmetic goes over the lines that report in the page's own columns: a page whose
    /// lines are all balances printed among flows' columns gets no column rule (none would go over
    /// anything, and its formula would filter on no concept, which the formula schema forbids).
    /// Every concept filter of the annual formula linkbase names a concept.
    func testAPageOfBalancesAmongFlowColumnsGetsNoColumnRule() throws {
        var blank = Blank.lifeAnnual
        let page = try XCTUnwrap(blank.pages.firstIndex { $0.id == "Exhibit8Part1" })
        XCTAssertTrue(try GeneratedChecks.rules(for: blank, severity: .error, tolerance: Amount(units: 1)).contains { $0.id == "exhibit-8part-1-col-1-total" })
        for i in blank.pages[page].columns.indices { blank.pages[page].columns[i].period = .currentYearToDate }
        for i in blank.pages[page].lines.indices where !blank.pages[page].lines[i].isHeading { blank.pages[page].lines[i].instant = .end }
        XCTAssertFalse(try GeneratedChecks.rules(for: blank, severity: .error, tolerance: Amount(units: 1)).contains { $0.id.hasPrefix("exhibit-8part-1-col-") })

        let checker = try XCTUnwrap(Checker.bundled(for: .lifeAnnual))
        let linkbase = String(decoding: FormulaLinkbaseWriter(taxonomy: TaxonomyModel(blank: .lifeAnnual), rules: checker.rules).linkbase(), as: UTF8.self)
        XCTAssertGreaterThan(linkbase.components(separatedBy: "<cf:conceptName ").count, 100)
        XCTAssertNil(linkbase.range(of: #"<cf:conceptName [^>]*/>"#, options: .regularExpression), "a concept filter names no concept")
    }

    /// `check` states a rule's tolerance in printed units; an assertion compares facts, whose
    /// values are in dollars: on pages printed in thousands its tolerance is a thousand times the
    /// rule's (the Exhibit of Life Insurance's amounts in force, 5 thousand), elsewhere the rule's.
    func testAnAssertionsToleranceIsInTheFactsUnits() throws {
        let checker = try XCTUnwrap(Checker.bundled(for: .lifeAnnual))
        let writer = FormulaLinkbaseWriter(taxonomy: TaxonomyModel(blank: .lifeAnnual), rules: checker.rules)
        let index = { (id: String) in try XCTUnwrap(checker.rules.rules.firstIndex { $0.id == id }, id) }
        let inForce = try writer.assertion(index("exhibit-of-life-insurance-ordinary-in-force-amount-equals-line-21"))
        XCTAssertTrue(inForce.test.hasSuffix(" le 5000"), inForce.test)
        let participating = try writer.assertion(index("exhibit-of-life-insurance-participating-status-in-force-equals-line-21"))
        XCTAssertTrue(participating.test.hasSuffix(" le 5000"), participating.test)
        let assets = try writer.assertion(index("summary-investment-schedule-long-term-bonds"))
        XCTAssertTrue(assets.test.hasSuffix(" le 1"), assets.test)
    }

    func testEveryRuleIsAValueAssertion() throws {
        let taxonomy = TaxonomyModel(blank: .lifeQuarterly)
        let writer = FormulaLinkbaseWriter(taxonomy: taxonomy, rules: Self.checker.rules)
        let assertions = try writer.assertions()
        XCTAssertEqual(assertions.map(\.id), Self.checker.rules.rules.map(\.id))
        let tie = try XCTUnwrap(assertions.first { $0.id == "assets-total-equals-liabilities-total" })
        XCTAssertEqual(tie.test, "abs(($v1) - ($v2)) le 1")
        let linkbase = String(decoding: writer.linkbase(), as: UTF8.self)
        XCTAssertEqual(linkbase.components(separatedBy: "<va:valueAssertion ").count - 1, Self.checker.rules.rules.count)
        XCTAssertTrue(linkbase.contains("<df:explicitDimension"))
        XCTAssertTrue(linkbase.contains("<df:qname>naiclq:NetAdmittedMember</df:qname>"))
        // The taxonomy refers to it.
        let files = TaxonomyWriter(taxonomy: taxonomy).files()
        XCTAssertTrue(files.contains { $0.path == "naiclq-2011-formula.xml" })
        let schema = String(decoding: try XCTUnwrap(files.first { $0.path == "naiclq-2011.xsd" }).contents, as: UTF8.self)
        XCTAssertTrue(schema.contains("xlink:href=\"naiclq-2011-formula.xml\""))
    }
}
