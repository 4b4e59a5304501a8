import NAICXBRLCore
import NAICXBRLReading

/// Judges the values read by optical character recognition by the statement's arithmetic.
///
/// A value read by OCR (a row marked ``Row/readByOCR``) is accepted without a finding only when
/// every rule that reads it (the page's totals and its ties to other pages) holds. A value that
/// a failed rule reads is an error naming its cell, the rule, and both sides: one of the values
/// the rule adds may be misread, and the page's image must be looked at. A value no rule reads
/// is a warning: nothing confirms it. Only rules whose every cell is printed count: a tie to a
/// page the statement leaves out neither confirms nor refutes.
package enum OCRReview {
    /// The findings on `statement`'s values read by OCR, from `report` (a check of the same
    /// statement). Empty when nothing was read by OCR.
    package static func findings(_ statement: Statement, blank: Blank, report: CheckReport, file: String?) -> [Diagnostic] {
        struct Place: Hashable {
            var page: String
            var line: String
            var column: String
        }
        var read: [Place: String] = [:]
        var order: [Place] = []
        for page in statement.pages {
            guard let description = blank.page(page.id) else { continue }
            for row in page.rows where row.readByOCR {
                for (index, cell) in row.cells.enumerated() where index < description.columns.count {
                    guard let amount = cell.amount else { continue }
                    let place = Place(page: page.id, line: row.line, column: description.columns[index].number)
                    read[place] = amount.description
                    order.append(place)
                }
                // Amounts printed in the caption: "column" `$1`, `$2`.
                for (index, cell) in row.captionAmounts.enumerated() {
                    guard let amount = cell.amount else { continue }
                    let place = Place(page: page.id, line: row.line, column: "$\(index + 1)")
                    read[place] = amount.description
                    order.append(place)
                }
            }
        }
        guard !read.isEmpty else { return [] }
        var confirmed: Set<Place> = []
        var broken: [Place: [CheckResult]] = [:]
        // A rule that reads a line or page the statement does not print (a partial filing's tie to
        // a page it leaves out) says nothing about the values it reads.
        for result in report.results where result.status != .notEvaluated && result.cells.allSatisfy(\.printed) {
            for cell in result.cells {
                guard let page = cell.page, let line = cell.line, let column = cell.column ?? cell.caption.map({ "$\($0)" }) else { continue }
                let place = Place(page: page, line: line, column: column)
                guard read[place] != nil else { continue }
                if result.status == .failed {
                    broken[place, default: []].append(result)
                } else {
                    confirmed.insert(place)
                }
            }
        }
        var findings: [Diagnostic] = []
        for place in order {
            let title = blank.page(place.page)?.title ?? place.page
            let name = place.column.hasPrefix("$") ? "\(title) line \(place.line), amount \(place.column.dropFirst()) printed in the caption"
                : "\(title) line \(place.line), column \(place.column)"
            let value = read[place] ?? ""
            if let failed = broken[place], let first = failed.first {
                var finding = Diagnostic(.error, .ocr, file: file, line: nil,
                                         "\(name) is read by OCR as \(value), and rule \(first.rule) that reads it does not hold "
                                         + "(expected \(first.expected ?? "?"), printed \(first.actual ?? "?")): \(first.message). "
                                         + "A value it adds may be misread; compare the page's image")
                finding.rule = first.rule
                finding.expected = first.expected
                finding.actual = first.actual
                finding.difference = first.difference
                finding.cells = first.cells
                findings.append(finding)
            } else if !confirmed.contains(place) {
                findings.append(Diagnostic(.warning, .ocr, file: file, line: nil,
                                           "\(name) is read by OCR as \(value), and no total or tie of the blank reads it to confirm it"))
            }
        }
        let errors = findings.filter { $0.severity == .error }.count
        findings.insert(Diagnostic(.info, .ocr, file: file, line: nil,
                                   "\(read.count) values are read by OCR: \(read.count - findings.count) confirmed by the statement's arithmetic, "
                                   + "\(errors) in a rule that does not hold, \(findings.count - errors) that no rule reads"), at: 0)
        return findings
    }

    /// Checks `parsed`'s statement when anything in it was read by OCR, and adds the findings on
    /// those values to its diagnostics.
    package static func review(_ parsed: inout ParseResult, file: String?) {
        guard parsed.statement.pages.contains(where: { $0.rows.contains(where: \.readByOCR) }),
              let blank = Blank.named(parsed.statement.blank, year: parsed.statement.edition),
              let checker = Checker.shared(for: blank) else { return }
        let report = checker.check(parsed.statement, origins: parsed.origins, file: file)
        parsed.diagnostics += findings(parsed.statement, blank: blank, report: report, file: file)
    }
}
