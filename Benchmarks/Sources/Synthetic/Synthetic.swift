import Foundation
@_spi(Stages) import NAICXBRLStages

/// Generated blanks, statements and instances of a chosen size, for benchmarks and load tests.
///
/// Values are made up but deterministic: the same size gives the same bytes.
public enum Synthetic {
    /// A blank with one page of `lines` items and `columns` period columns (at most 4), and a
    /// taxonomy of about `lines` concepts.
    public static func blank(lines: Int, columns: Int = 4) -> Blank {
        let periods = ["current-instant", "prior-year-end", "quarter-start", "first-quarter-end"]
        let columnList: [[String: Any]] = (0..<max(1, min(columns, periods.count))).map { i in
            ["number": String(i + 1), "id": "Column\(i + 1)", "heading": "Column \(i + 1)", "period": periods[i]]
        }
        let lineList: [[String: Any]] = (1...max(1, lines)).map { n in
            ["line": String(n), "caption": "Synthetic item \(n)", "concept": "SyntheticItem\(n)"]
        }
        let json: [String: Any] = [
            "id": "synthetic-\(lines)x\(columns)",
            "year": 2011,
            "title": "Synthetic blank of \(lines) lines",
            "kind": "quarterly",
            "namespacePrefix": "syn",
            "namespace": "http://taxonomy.naicxbrl.org/synthetic/\(lines)x\(columns)",
            "taxonomyURL": "http://taxonomy.naicxbrl.org/synthetic/\(lines)x\(columns)/",
            "entryPoint": "synthetic.xsd",
            "pageHeader": "STATEMENT AS OF",
            "sections": [] as [Any],
            "pages": [["id": "Synthetic", "title": "SYNTHETIC PAGE", "columns": columnList, "lines": lineList]],
        ]
        do {
            let data = try JSONSerialization.data(withJSONObject: json)
            return try JSONDecoder().decode(Blank.self, from: data)
        } catch {
            preconditionFailure("synthetic blank does not decode: \(error)")
        }
    }

    /// A statement of `blank` with every cell of its first page filled.
    public static func statement(of blank: Blank) -> Statement {
        var statement = Statement(blank: blank.id, edition: blank.year)
        statement.cover.statementDate = CalendarDate(year: 2011, month: 6, day: 30)
        statement.cover.companyCode = "99999"
        statement.cover.companyName = "Synthetic Life Insurance Company"
        for description in blank.pages {
            var page = Page(id: description.id)
            for (i, line) in description.lines.enumerated() {
                let cells = description.columns.indices.map { c in Cell.amount(Amount(units: Int64((i + 1) * 1_000 + c * 7 - 3_500))) }
                page.rows.append(Row(line: line.line, cells: cells))
            }
            statement.pages.append(page)
        }
        return statement
    }

    /// An instance of about `facts` facts for `blank` (one per cell of its first page), and the
    /// blank, registered so that it validates and imports.
    public static func instance(facts: Int) throws -> (blank: Blank, bytes: [UInt8]) {
        let columns = 4
        let blank = blank(lines: max(1, facts / columns), columns: columns)
        let conversion = try Converter.convert(statement(of: blank), blank: blank, validate: false)
        return (blank, conversion.instance)
    }

    /// A statement `factor` times the size of `text` (the reference statement): its Note 36
    /// impairment listings printed again and again until the text is that large, as a filer
    /// with many impaired securities would print them.
    public static func largeStatementText(basedOn text: String, factor: Int) -> String {
        let start = "The following is the impairment listing for loan-backed and structured securities for the three months ended June 30, 2011"
        guard let from = text.range(of: start), let to = text.range(of: "\nGENERAL INTERROGATORIES\n", range: from.upperBound..<text.endIndex) else {
            return text
        }
        let listing = String(text[from.lowerBound..<to.lowerBound])
        let target = text.utf8.count * max(1, factor)
        let copies = max(0, (target - text.utf8.count) / max(1, listing.utf8.count))
        var out = String(text[..<to.lowerBound])
        out.reserveCapacity(target + listing.utf8.count)
        for _ in 0..<copies { out += "\n" + listing }
        out += text[to.lowerBound...]
        return out
    }

    /// The reference statement's text repeated `times` times over its tabular pages' values,
    /// each copy a statement of its own company code, for load tests of parsing.
    public static func statementText(basedOn text: String, copy: Int) -> String {
        // Another company and other figures on the same blank: the code and every amount change.
        var out = text.replacingOccurrences(of: "NAIC Company Code 70416", with: "NAIC Company Code \(70416 + copy)")
        if copy > 0 {
            out = out.replacingOccurrences(of: "MML Bay State Life Insurance Company", with: "Synthetic Life Insurance Company \(copy)")
        }
        return out
    }
}
