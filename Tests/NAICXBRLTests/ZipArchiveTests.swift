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
}
