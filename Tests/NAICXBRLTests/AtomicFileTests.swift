import Foundation
@testable import NAICXBRL
import XCTest

/// Files written whole or not at all.
final class AtomicFileTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naicxbrl-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func testReplacesTheTargetWithExactlyTheBytes() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.xbrl")
        try Data("previous, and longer than what replaces it".utf8).write(to: target)
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try AtomicFile.write(bytes, to: target.path)
        XCTAssertEqual(try Data(contentsOf: target), Data(bytes))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["out.xbrl"])
    }

    func testFailureNamesThePathAndLeavesNothing() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-such-folder/out.xbrl").path
        XCTAssertThrowsError(try AtomicFile.write([1, 2, 3], to: missing)) { error in
            XCTAssertEqual("\(error)", "cannot write \(missing): No such file or directory")
            XCTAssertEqual(error.localizedDescription, "No such file or directory")
        }
        // A folder where the file should go: the temporary file is written, the rename fails.
        let occupied = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: occupied.appendingPathComponent("inside"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write([1, 2, 3], to: occupied.path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write \(occupied.path): "), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["taken"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: occupied.path), ["inside"])
    }
}
