import Foundation
@testable import NAICXBRL
import XCTest

/// Files written whole or not at all.
final class AtomicFileTests: XCTestCase {
    private func folder() throws -> URL {
        try Fixture.temporaryFolder("atomic")
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

    /// A device is written to, not replaced by a file of the same name.
    func testDeviceIsWrittenToNotReplaced() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("sink")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        try AtomicFile.write([1, 2, 3], to: link.path)
        try AtomicFile.write([1, 2, 3], to: "/dev/null")
        var status = stat()
        XCTAssertEqual(lstat(link.path, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFLNK, "the link is still a link")
        XCTAssertEqual(stat("/dev/null", &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["sink"])
    }

    /// A symbolic link to a file keeps pointing at it, and the file gets the bytes.
    func testLinkedFileIsReplacedAndTheLinkKept() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("real.xbrl")
        try Data("old".utf8).write(to: file)
        let link = folder.appendingPathComponent("link.xbrl")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: file.path)
        try AtomicFile.write(Array("new".utf8), to: link.path)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), file.path)
        XCTAssertEqual(try Data(contentsOf: file), Data("new".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["link.xbrl", "real.xbrl"])
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
