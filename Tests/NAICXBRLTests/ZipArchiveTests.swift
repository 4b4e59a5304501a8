import XCTest
@_spi(Stages) @testable import NAICXBRLCore

/// The report package's CRC-32 (the zip's, IEEE 802.3 polynomial, reflected).
final class ZipArchiveTests: XCTestCase {
    /// Bit by bit, as the zip format defines it.
    static func reference(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }

    func testTheCheckValue() {
        // The CRC-32 catalogue's check value: "123456789" gives CBF43926.
        XCTAssertEqual(ZipArchive.crc32(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(ZipArchive.crc32([]), 0)
    }

    func testEveryLengthAndAlignmentAgreesWithTheBitwiseCRC() {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for start in 0..<17 {
            for length in stride(from: 0, to: data.count - start, by: 7) {
                // Read in place, at every offset from the buffer's start (loads of any alignment).
                let crc = data.withUnsafeBufferPointer { ZipArchive.crc32(UnsafeBufferPointer(rebasing: $0[start..<(start + length)])) }
                XCTAssertEqual(crc, Self.reference(Array(data[start..<(start + length)])), "start \(start), length \(length)")
            }
        }
    }

    /// Carry-less multiplication (where the processor has it) and the tables agree on long
    /// inputs of every remainder modulo 16 and any alignment, and with the bitwise definition.
    func testFoldingAgreesWithTheTables() {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        data.withUnsafeBufferPointer { all in
            for _ in 0..<400 {
                let start = Int.random(in: 0..<64, using: &generator)
                let length = Int.random(in: 0..<(all.count - start), using: &generator)
                let slice = UnsafeBufferPointer(rebasing: all[start..<(start + length)])
                XCTAssertEqual(ZipArchive.crc32(slice), ZipArchive.crc32(slice, tablesOnly: ()), "start \(start), length \(length)")
            }
            for length in 60...200 {
                let slice = UnsafeBufferPointer(rebasing: all[3..<(3 + length)])
                XCTAssertEqual(ZipArchive.crc32(slice), Self.reference(Array(slice)), "length \(length)")
            }
        }
        // A megabyte of one byte value, and of zeros: the check the zip reader makes.
        for byte: UInt8 in [0, 0xFF, 0x41] {
            let block = [UInt8](repeating: byte, count: 1 << 20)
            XCTAssertEqual(ZipArchive.crc32(block), block.withUnsafeBufferPointer { ZipArchive.crc32($0, tablesOnly: ()) })
        }
        #if arch(x86_64)
        // Every x86-64 machine this runs on since 2010 has it; the test says when it did not run.
        if !ZipArchive.folding { print("ZipArchiveTests: this processor has no carry-less multiplication; the tables were compared with themselves") }
        #endif
    }
}
