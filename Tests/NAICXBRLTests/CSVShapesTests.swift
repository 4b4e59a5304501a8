import XCTest
@_spi(Stages) @testable import NAICXBRLInstance
@_spi(Stages) @testable import NAICXBRLXML

/// The first look at a table (``CSVTable/shapes(_:_:)``, which only counts) finds what the full
/// reading finds: the same records, field counts, lines and offsets, or the same error.
final class CSVShapesTests: XCTestCase {
    typealias Shape = (fields: Int, record: Int, line: Int, offset: Int)

    static func outcome(_ bytes: [UInt8]) -> (shapes: Result<[Shape], CSVTable.SyntaxError>, scan: Result<[Shape], CSVTable.SyntaxError>) {
        var byShapes: [Shape] = [], byScan: [Shape] = []
        let shapes = Result { () throws(CSVTable.SyntaxError) -> [Shape] in
            try CSVTable.shapes(bytes) { byShapes.append(($0, $1, $2, $3)) }
            return byShapes
        }
        let scan = Result { () throws(CSVTable.SyntaxError) -> [Shape] in
            try CSVTable.scan(bytes, keep: { _, _ in false }) { byScan.append(($0.count, $1, $2, $3)) }
            return byScan
        }
        return (shapes, scan)
    }

    func assertSame(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let (shapes, scan) = Self.outcome(bytes)
        let shown = String(decoding: bytes, as: UTF8.self).debugDescription
        switch (shapes, scan) {
        case (.success(let a), .success(let b)):
            XCTAssertEqual(a.map { [$0.fields, $0.record, $0.line, $0.offset] }, b.map { [$0.fields, $0.record, $0.line, $0.offset] }, shown, file: file, line: line)
        case (.failure(let a), .failure(let b)):
            XCTAssertEqual([a.row, a.column], [b.row, b.column], shown, file: file, line: line)
            XCTAssertEqual(a.message, b.message, shown, file: file, line: line)
        default:
            XCTFail("shapes \(shapes), scan \(scan): \(shown)", file: file, line: line)
        }
    }

    func testCasesByHand() {
        for text in ["", "a", "a,b\n", "a,b\r\n1,2", "a,b\n1,2,3\n", "a,\n", ",", "\"x\"\"y\",z\n1", "\"a\nb\",c\nd,e\n",
                     "\"open", "\"x\"y,1", "a\"b,1", "\u{FEFF}a,b\n1,2\n", "a,b\n\n1,2\n", "a\r", "\"\"\n"] {
            assertSame(Array(text.utf8))
        }
        assertSame([0x61, 0x2C, 0xFF, 0x0A])            // not UTF-8
        assertSame([0x61, 0x0A, 0x62, 0xC3])            // a cut sequence at the end
    }

    func testRandomBytesOfTheSyntax() {
        let alphabet: [UInt8] = [0x61, 0x62, 0x2C, 0x2C, 0x22, 0x0A, 0x0D, 0x20, 0xC3, 0xA9, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            assertSame(bytes)
        }
    }
}

/// The facts of a table read in two parts are one list, in order, with no fact copied into it.
final class RawFactsTests: XCTestCase {
    func fact(_ n: Int) -> RawInstance.RawFact { RawInstance.RawFact(namespace: "n", concept: "C\(n)", isNil: false, value: String(n), line: n) }

    func testPartsJoinInOrder() {
        var list = RawFacts()
        for n in 0..<3 { list.append(fact(n)) }
        var other = RawFacts()
        for n in 3..<7 { other.append(fact(n)) }
        list.append(parts: &other)
        XCTAssertTrue(other.isEmpty)
        list.append(fact(7))
        var empty = RawFacts()
        list.append(parts: &empty)
        XCTAssertEqual(list.count, 8)
        XCTAssertEqual(list.map(\.line), Array(0..<8))
        XCTAssertEqual((0..<8).map { list[$0].value }, (0..<8).map(String.init))
        var seen: [Int] = []
        for p in 0..<list.partCount {
            let (part, first) = list.part(p)
            for (k, fact) in part.enumerated() { XCTAssertEqual(fact.line, first + k); seen.append(fact.line) }
        }
        XCTAssertEqual(seen, Array(0..<8))
        // Into an empty list, a part is taken as it is.
        var fresh = RawFacts()
        var more = RawFacts([fact(0), fact(1)])
        fresh.append(parts: &more)
        XCTAssertEqual(fresh.map(\.line), [0, 1])
    }
}
