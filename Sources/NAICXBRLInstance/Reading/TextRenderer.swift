@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Prints a statement's tabular pages in the layout of the statement text: the page title, the
/// column headings, then one line per row, `LINE. CAPTION<TAB>CELL<TAB>CELL...`.
///
/// Captions are the blank's (or the filer's own, where the model keeps them), with each amount
/// printed in a caption put back after its `$`.
public enum TextRenderer {
    public static func render(_ statement: Statement, blank: Blank) -> String {
        var out = ""
        let cover = statement.cover
        for page in statement.pages {
            guard let description = blank.page(page.id) else { continue }
            if let date = cover.statementDate {
                // The blank's running header: "ANNUAL STATEMENT FOR THE YEAR 2024 OF THE …" or
                // "STATEMENT AS OF JUNE 30, 2011 OF THE …".
                let when = blank.kind == .annual ? "\(date.year)" : "\(monthName(date.month)) \(date.day), \(date.year)"
                out += "\(blank.pageHeader) \(when) OF THE \(cover.companyName ?? "")\n\n"
            }
            out += description.title + "\n\n"
            for heading in page.headings { out += "\t" + heading.joined(separator: "\t") + "\n" }
            for row in page.rows {
                guard let line = description.line(printed: row.line) else { continue }
                if line.hasUncodedEntries {
                    // An entry whose code the statement does not print: its cells, as printed.
                    out += ([row.caption ?? ""] + row.cells.map(ValueScanner.render)).joined(separator: "\t") + "\n"
                    continue
                }
                var caption = row.caption ?? line.caption
                if row.caption == nil, !row.captionAmounts.isEmpty { caption = fill(caption, row.captionAmounts) }
                let number = printedNumber(row.line)
                let first = caption.isEmpty ? number : number + " " + caption
                out += ([first] + row.cells.map(ValueScanner.render)).joined(separator: "\t") + "\n"
            }
            if page.none { out += "NONE\n" }
            for footnote in page.footnotes { out += "\n" + footnote + "\n" }
            out += "\n"
        }
        return out
    }

    /// `1.`, `2.1`, `08.301.`, `1101.`, `9199999`: the way the blank prints its line numbers.
    static func printedNumber(_ line: String) -> String {
        let parts = line.split(separator: ".")
        if parts.count == 1 { return line.count >= 7 ? line : line + "." }
        return (parts.last?.count ?? 0) >= 3 ? line + "." : line
    }

    static func fill(_ caption: String, _ amounts: [Cell]) -> String {
        var out = ""
        var index = 0
        for ch in caption {
            out.append(ch)
            if ch == "$" {
                if index < amounts.count, amounts[index] != .blank { out += " " + ValueScanner.render(amounts[index]) }
                index += 1
            }
        }
        return out
    }

    static func monthName(_ month: Int) -> String {
        ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"][safe: month - 1] ?? ""
    }
}
