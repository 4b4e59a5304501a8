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

/// The Inline XBRL document as a browser shows it: headless Chromium (Debian package
/// `chromium`, which `.ci/run` installs) lays out the reference statement's document and an
/// annual filing's, and a script in a copy of each measures every page's table from the rendered
/// page: the number of columns of each row, and the rows shown, top to bottom, with their line
/// numbers. Each page must have its printed columns (line number, caption, the blank's columns)
/// and its printed lines, in printed order.
///
/// Without Chromium the test is skipped, unless NAICXBRL_REQUIRE_CHROMIUM is set (as `.ci/run`
/// sets it), when it fails.
final class InlineXBRLBrowserTests: XCTestCase {
    static func chromium() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        if ProcessInfo.processInfo.environment["NAICXBRL_REQUIRE_CHROMIUM"] != nil {
            XCTFail("Chromium is not installed (apt-get install chromium) and NAICXBRL_REQUIRE_CHROMIUM is set")
        }
        throw XCTSkip("Chromium is not installed (apt-get install chromium)")
    }

    /// Measures each page's table once the document is laid out, into `<pre id="layout-check">`.
    static let script = """
    <script type="text/javascript">//<![CDATA[
    window.addEventListener("load", function () {
      var pages = [];
      var divs = document.querySelectorAll("div.page");
      for (var p = 0; p < divs.length; p++) {
        var table = divs[p].querySelector("table.statement");
        var head = table.tHead.rows;
        var width = function (row) { var n = 0; for (var c = 0; c < row.cells.length; c++) n += row.cells[c].colSpan; return n; };
        var rows = [], widths = [], ordered = true, lastTop = -1;
        var body = table.tBodies[0].rows;
        for (var r = 0; r < body.length; r++) {
          var box = body[r].getBoundingClientRect();
          if (box.height <= 0) continue;
          if (box.top <= lastTop) ordered = false;
          lastTop = box.top;
          var line = body[r].querySelector("td.line");
          rows.push(line ? line.textContent : "");
          widths.push(width(body[r]));
        }
        pages.push({id: divs[p].id.substring(5), columns: width(head[head.length - 1]), rowWidths: widths, lines: rows, ordered: ordered,
                    visible: divs[p].getBoundingClientRect().height > 0});
      }
      var pre = document.createElementNS("http://www.w3.org/1999/xhtml", "pre");
      pre.setAttribute("id", "layout-check");
      pre.textContent = JSON.stringify(pages);
      document.body.appendChild(pre);
    });
    //]]></script>
    """

    struct Measured: Decodable {
        var id: String
        var columns: Int
        var rowWidths: [Int]
        var lines: [String]
        var ordered: Bool
        var visible: Bool
    }

    func render(_ document: [UInt8], name: String) throws -> [Measured] {
        let chromium = try Self.chromium()
        let folder = try Fixture.temporaryFolder("browser")
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = String(decoding: document, as: UTF8.self)
        text = text.replacingOccurrences(of: "</body>", with: Self.script + "\n</body>")
        let file = folder.appendingPathComponent("\(name).xhtml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1200,1600",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--virtual-time-budget=10000", "--dump-dom", file.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let start = dom.range(of: "<pre id=\"layout-check\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            XCTFail("Chromium gave no measurement of \(name) (exit \(process.terminationStatus)): \(dom.prefix(300))")
            return []
        }
        let json = dom[start.upperBound..<end.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode([Measured].self, from: Data(json.utf8))
    }

    func assertLaidOutAsPrinted(_ statement: Statement, _ name: String) throws {
        let blank = try XCTUnwrap(Blank.named(statement.blank, year: statement.edition))
        let conversion = try Converter.convertInline(statement, validate: false)
        let measured = try render(conversion.document, name: name)
        let pages = statement.pages.filter { blank.page($0.id) != nil }
        XCTAssertEqual(measured.map(\.id), pages.map(\.id), name)
        for (page, shown) in zip(pages, measured) {
            let description = try XCTUnwrap(blank.page(page.id))
            let columns = description.columns.count + 2
            XCTAssertTrue(shown.visible, "\(name) \(page.id)")
            XCTAssertTrue(shown.ordered, "\(name) \(page.id): rows are not shown top to bottom")
            XCTAssertEqual(shown.columns, columns, "\(name) \(page.id)")
            if page.rows.isEmpty {
                XCTAssertEqual(shown.lines, [""], "\(name) \(page.id)")
            } else {
                XCTAssertEqual(shown.lines, page.rows.map { TextRenderer.printedNumber($0.line) }, "\(name) \(page.id)")
            }
            XCTAssertEqual(Set(shown.rowWidths), [columns], "\(name) \(page.id): a row has another number of columns")
        }
    }

    func testReferenceStatementIsLaidOutAsPrinted() throws {
        try assertLaidOutAsPrinted(Fixture.reference.statement, "mml-bay-state-life-2011-q2")
    }

    func testAnnualFilingIsLaidOutAsPrinted() throws {
        try AnnualStatementTests.requirePdftotext()
        let parsed = try Fixture.parsedPDF(AnnualStatementTests.pdfPath("forethought-life-2024"))
        try assertLaidOutAsPrinted(parsed.statement, "forethought-life-2024")
    }
}
