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

/// End-to-end: the built `naicxbrl` binary, its exit codes and its files.
final class CommandLineTests: XCTestCase {
    var tool: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("naicxbrl")
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> (code: Int32, stdout: String, stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw XCTSkip("the naicxbrl binary is not built next to the tests (\(tool.path))")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        input.fileHandleForWriting.closeFile()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdoutData, as: UTF8.self), String(decoding: stderrData, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        try Fixture.temporaryFolder("cli")
    }

    func testConvertWritesAValidInstance() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.xbrl").path
        let result = try run(["convert", Fixture.referencePath, "-o", output])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertEqual(try run(["validate", output]).code, 0)
    }

    /// A failed run leaves no output and an existing file untouched, and no temporary file.
    func testFailedConvertLeavesNoPartialOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.xbrl")
        try Data("previous".utf8).write(to: output)
        let junk = folder.appendingPathComponent("junk.txt")
        try Data([0, 1, 2, 3, 0, 0, 0xFF]).write(to: junk)
        let result = try run(["convert", junk.path, "-o", output.path])
        XCTAssertEqual(result.code, 2)
        XCTAssertEqual(try Data(contentsOf: output), Data("previous".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["junk.txt", "out.xbrl"])
        let missing = try run(["convert", folder.appendingPathComponent("nope.txt").path, "-o", folder.appendingPathComponent("new.xbrl").path])
        XCTAssertEqual(missing.code, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.xbrl").path))
    }

    func testExitCodes() throws {
        XCTAssertEqual(try run(["parse", "--format", "nonsense", Fixture.referencePath]).code, 2, "bad arguments")
        XCTAssertEqual(try run(["frobnicate"]).code, 2, "unknown command")
        XCTAssertEqual(try run(["parse", Fixture.referencePath]).code, 0)
        let broken = Fixture.referenceText.replacingOccurrences(of: "14. Investment income due and accrued", with: "77. Something else")
        let result = try run(["parse", "-"], stdin: Data(broken.utf8))
        XCTAssertEqual(result.code, 1, "an unknown line is a data error")
        XCTAssertTrue(result.stderr.contains("<stdin>:"), result.stderr)
    }

    func testStandardInputToStandardOutput() throws {
        let result = try run(["convert", "-"], stdin: Data(Fixture.referenceText.utf8))
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("<?xml"))
        XCTAssertTrue(result.stdout.contains("<naiclq:TotalAssets"))
    }

    func testBatchGoesOnPastABadInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(Fixture.referenceText.utf8).write(to: inputs.appendingPathComponent("a.txt"))
        try Data("not a statement\n".utf8).write(to: inputs.appendingPathComponent("b.txt"))
        try Data(Fixture.referenceText.utf8).write(to: inputs.appendingPathComponent("c.txt"))
        let out = folder.appendingPathComponent("out")
        let result = try run(["convert", inputs.path, "--output-dir", out.path, "--jobs", "2"])
        XCTAssertEqual(result.code, 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(files, ["a.xbrl", "c.xbrl", "summary.jsonl"])
        let lines = try String(contentsOf: out.appendingPathComponent("summary.jsonl"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[1].contains("\"failure\""))
        XCTAssertTrue(lines[0].contains("\"validation\":\"valid\""))
        XCTAssertTrue(result.stderr.contains("b.txt"))
    }
}
