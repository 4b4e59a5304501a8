import Foundation
import XCTest
@_spi(Stages) @testable import NAICXBRLCore
@testable import NAICXBRLReading

/// Pages a printer stores turned (a page's `/Rotate` of 90, 180 or 270, its content drawn
/// turned the other way, so that it shows upright) or scaled to another paper size read as the
/// same pages stored as filed.
extension AnnualStatementTests {
    /// `forethought-life-2024-turned-and-scaled-pages.pdf` is PDF pages 1 to 10 of Forethought
    /// 2024's filing, each page's content unchanged but stored otherwise: the Assets page
    /// (portrait) with `/Rotate 90`, Liabilities (portrait) 270, the Cash Flow's first page 180,
    /// Analysis of Operations Summary (landscape) 90 and Individual Life (landscape) 270; the
    /// Summary of Operations, the Cash Flow's second page and Group Life (landscape) scaled to US
    /// Letter (by 0.786); the cover and jurat as filed. Every value printed on those pages is read, in its line and column, and nothing
    /// else (the values of `forethought-life-2024.expected.tsv` and
    /// `.analysis-of-operations.tsv`; the write-in lines the overflow page continues them with are
    /// on page 119, which this file leaves out).
    func testPagesStoredTurnedOrScaledReadAsPrinted() throws {
        try Self.requirePdftotext()
        let path = Fixture.root.appendingPathComponent("Fixtures/annual/forethought-life-2024-turned-and-scaled-pages.pdf").path
        let bytes = try InputFile.read(path)
        for rotation in ["/Rotate 90", "/Rotate 180", "/Rotate 270"] {
            let key = Array(rotation.utf8)
            XCTAssertTrue(bytes.withUnsafeBufferPointer { buffer in key.withUnsafeBufferPointer { Text.contains(buffer, $0) } }, rotation)
        }
        let result = try Fixture.parsedPDF(path)
        XCTAssertTrue(result.isUsable)
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.message), [])
        let read = Dictionary(uniqueKeysWithValues: result.pages.filter { $0.status == .read }.map { ($0.page, $0.schedule ?? "") })
        XCTAssertEqual(read[3], "Assets")
        XCTAssertEqual(read[4], "Liabilities")
        XCTAssertEqual(read[6], "CashFlow")
        XCTAssertEqual(read[8], "AnalysisOfOperationsSummary")
        XCTAssertEqual(read[9], "AnalysisOfOperationsIndividualLife")
        XCTAssertEqual(read[5], "SummaryOfOperations")
        XCTAssertEqual(read[10], "AnalysisOfOperationsGroupLife")
        let pages: Set<String> = ["Assets", "Liabilities", "SummaryOfOperations", "CashFlow", "AnalysisOfOperationsSummary",
                                  "AnalysisOfOperationsIndividualLife", "AnalysisOfOperationsGroupLife"]
        XCTAssertEqual(Set(result.statement.pages.map(\.id)), pages)
        try assertValuesAsPrinted(result.statement, "forethought-life-2024", source: "forethought-life-2024-turned-and-scaled-pages.pdf",
                                  files: ["expected", "analysis-of-operations"], pages: pages, atLeast: 700)
    }
}
