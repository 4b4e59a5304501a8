import Foundation
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion
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

/// Replacing keeps what the file was; links that dangle get their file; stale temporary files go.
final class AtomicFileReplacementTests: XCTestCase {
    func testReplacedFileKeepsItsMode() throws {
        let folder = try Fixture.temporaryFolder("atomic-mode")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.xbrl").path
        try AtomicFile.write([1], to: target)
        XCTAssertEqual(chmod(target, 0o640), 0)
        try AtomicFile.write([2], to: target)
        var status = stat()
        XCTAssertEqual(stat(target, &status), 0)
        XCTAssertEqual(status.st_mode & 0o7777, 0o640)
    }

    func testReplacedFileKeepsItsOwner() throws {
        guard getuid() == 0 else { throw XCTSkip("only root can give a file to another owner") }
        let folder = try Fixture.temporaryFolder("atomic-owner")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.xbrl").path
        try AtomicFile.write([1], to: target)
        XCTAssertEqual(chown(target, 65534, 65534), 0)
        try AtomicFile.write([2], to: target)
        var status = stat()
        XCTAssertEqual(stat(target, &status), 0)
        XCTAssertEqual(status.st_uid, 65534)
        XCTAssertEqual(status.st_gid, 65534)
    }

    func testDanglingLinkGetsItsFileAndStaysALink() throws {
        let folder = try Fixture.temporaryFolder("atomic-dangling")
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("link.xbrl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.xbrl")
        try AtomicFile.write(Array("new".utf8), to: link)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "target.xbrl")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("target.xbrl")), Data("new".utf8))
    }

    func testStaleTemporaryFilesOfDeadProcessesAreRemoved() throws {
        let folder = try Fixture.temporaryFolder("atomic-stale")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A process id that runs no process: beyond the kernel's maximum.
        let stale = ".a.xbrl.99999999.12345.tmp"
        let mine = ".b.xbrl.\(getpid()).1.tmp"
        for name in [stale, mine, "c.xbrl", ".hidden.tmp"] { try Data().write(to: folder.appendingPathComponent(name)) }
        XCTAssertEqual(AtomicFile.removeStaleTemporaryFiles(in: folder.path), [stale])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), [".b.xbrl.\(getpid()).1.tmp", ".hidden.tmp", "c.xbrl"])
    }

    func testSameFileFollowsLinks() throws {
        let folder = try Fixture.temporaryFolder("atomic-same")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("in.txt").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        XCTAssertTrue(AtomicFile.sameFile(file, link))
        XCTAssertTrue(AtomicFile.sameFile(file, folder.appendingPathComponent("./in.txt").path))
        XCTAssertFalse(AtomicFile.sameFile(file, folder.appendingPathComponent("other.txt").path))
    }
}
