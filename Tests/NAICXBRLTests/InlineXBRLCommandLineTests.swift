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

/// The built `naicxbrl` with Inline XBRL: convert, validate, import and check.
final class InlineXBRLCommandLineTests: XCTestCase {
    var tool: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("naicxbrl")
    }

    func run(_ arguments: [String]) throws -> (code: Int32, stdout: String, stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw XCTSkip("the naicxbrl binary is not built next to the tests (\(tool.path))")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdoutData, as: UTF8.self), String(decoding: stderrData, as: UTF8.self))
    }

    func testConvertValidateImportAndCheckInlineXBRL() throws {
        let folder = try Fixture.temporaryFolder("cli-ixbrl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("q2.xhtml").path
        let instance = folder.appendingPathComponent("q2.xbrl").path
        let back = folder.appendingPathComponent("back.xbrl").path
        var result = try run(["convert", Fixture.referencePath, "--format", "ixbrl", "-o", document])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(try run(["convert", Fixture.referencePath, "-o", instance]).code, 0)

        result = try run(["validate", document])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertEqual(result.stdout, "\(document): valid\n")

        // import gives the model, and the XML instance byte for byte.
        result = try run(["import", document, "--format", "xbrl", "-o", back])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: back)), try Data(contentsOf: URL(fileURLWithPath: instance)))
        let imported = try run(["import", document, "--format", "json"])
        let parsed = try run(["parse", Fixture.referencePath, "--format", "json"])
        XCTAssertEqual(imported.code, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, parsed.stdout)

        // check reads the document as it reads the instance.
        let fromDocument = try run(["check", document])
        let fromInstance = try run(["check", instance])
        XCTAssertEqual(fromDocument.code, fromInstance.code)
        XCTAssertEqual(fromDocument.stdout.replacingOccurrences(of: "q2.xhtml", with: "q2.xbrl"), fromInstance.stdout)

        // The same to standard output.
        result = try run(["convert", Fixture.referencePath, "--format", "ixbrl"])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertEqual(Data(result.stdout.utf8), try Data(contentsOf: URL(fileURLWithPath: document)))
    }

    func testBrokenDocumentIsInvalid() throws {
        let folder = try Fixture.temporaryFolder("cli-ixbrl-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("q2.xhtml")
        XCTAssertEqual(try run(["convert", Fixture.referencePath, "--format", "ixbrl", "-o", document.path]).code, 0)
        var text = try String(contentsOf: document, encoding: .utf8)
        // A fact whose context is not in the header.
        text = text.replacingOccurrences(of: "contextRef=\"c21\" id=\"f1\"", with: "contextRef=\"c9999\" id=\"f1\"")
        try text.write(to: document, atomically: true, encoding: .utf8)
        let result = try run(["validate", document.path])
        XCTAssertEqual(result.code, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("c9999"), result.stderr)
        // Not well-formed.
        try Data(text.utf8.dropLast(30)).write(to: document)
        let cut = try run(["validate", document.path])
        XCTAssertEqual(cut.code, 1, cut.stderr)
        XCTAssertTrue(cut.stderr.contains("error"), cut.stderr)
    }

    func testInlineXBRLIsOneStatementAtATime() throws {
        let result = try run(["convert", Fixture.referencePath, "--format", "ixbrl", "--output-dir", "/tmp/unused-naicxbrl-ixbrl"])
        XCTAssertEqual(result.code, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("--format ixbrl converts one statement"), result.stderr)
    }
}
