import CChecksum

/// Writes a zip archive of stored (uncompressed) entries: enough for a taxonomy package, with
/// no dependency. Entries carry a fixed timestamp so the same files give the same bytes.
public enum ZipArchive {
    public static func stored(_ entries: [(path: String, contents: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(22) { $0 + 2 * (46 + $1.path.utf8.count) + $1.contents.count })
        var records: [Record] = []
        for entry in entries {
            let record = Record(name: Array(entry.path.utf8), crc: crc32(entry.contents), size: entry.contents.count, offset: out.count)
            out += localHeader(record)
            out += entry.contents
            records.append(record)
        }
        out += centralDirectory(records, at: out.count)
        return out
    }

    /// An entry of an archive being written: what its local header and its central directory
    /// record say.
    package struct Record: Sendable {
        package var name: [UInt8]
        package var crc: UInt32 = 0
        package var size = 0
        /// Where its local header starts in the archive.
        package var offset = 0

        package init(name: [UInt8], crc: UInt32 = 0, size: Int = 0, offset: Int = 0) {
            self.name = name
            self.crc = crc
            self.size = size
            self.offset = offset
        }

        /// Where its contents start: after the local header and the name.
        package var contentsOffset: Int { offset + 30 + name.count }
    }

    /// Every entry carries this timestamp, so the same files give the same bytes.
    static let time: UInt16 = 0, date: UInt16 = (2011 - 1980) << 9 | 1 << 5 | 1

    /// The local header of a stored entry (no extra field), its name included. An archive
    /// written in place writes it first with no CRC and size, then again over itself.
    package static func localHeader(_ record: Record) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(30 + record.name.count)
        out.le32(0x0403_4B50); out.le16(20); out.le16(0x0800); out.le16(0)
        out.le16(time); out.le16(date); out.le32(record.crc)
        out.le32(UInt32(record.size)); out.le32(UInt32(record.size))
        out.le16(UInt16(record.name.count)); out.le16(0)
        out += record.name
        return out
    }

    /// The central directory of `records` written at `offset`, and the end record.
    package static func centralDirectory(_ records: [Record], at offset: Int) -> [UInt8] {
        var central: [UInt8] = []
        for record in records {
            central.le32(0x0201_4B50); central.le16(20); central.le16(20); central.le16(0x0800); central.le16(0)
            central.le16(time); central.le16(date); central.le32(record.crc)
            central.le32(UInt32(record.size)); central.le32(UInt32(record.size))
            central.le16(UInt16(record.name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(0); central.le32(UInt32(record.offset))
            central += record.name
        }
        let size = central.count
        central.le32(0x0605_4B50); central.le16(0); central.le16(0)
        central.le16(UInt16(records.count)); central.le16(UInt16(records.count))
        central.le32(UInt32(size)); central.le32(UInt32(offset)); central.le16(0)
        return central
    }

    /// CRC-32 tables for sixteen bytes at a time ("slicing by 16"): table k gives the CRC of a
    /// byte followed by k zero bytes.
    static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 16 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[n] = c
        }
        for k in 1..<16 {
            for n in 0..<256 { t[k * 256 + n] = (t[(k - 1) * 256 + n] >> 8) ^ t[Int(t[(k - 1) * 256 + n] & 0xFF)] }
        }
        return t
    }()

    package static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { crc32($0) }
    }

    /// Whether this processor computes the CRC by carry-less multiplication (``crc32(_:)``).
    package static let folding = naicxbrl_crc32_folding_available() != 0

    /// The CRC-32 of `b`: by carry-less multiplication where the processor has it, 16 bytes at
    /// a time, for all but the last few bytes; the rest from the tables.
    package static func crc32(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard folding, b.count >= 64, let base = b.baseAddress else { return crc32(b, tablesOnly: ()) }
        let folded = b.count & ~15
        let state = naicxbrl_crc32_fold(0xFFFF_FFFF, base, folded)
        return crc32(UnsafeBufferPointer(rebasing: b[folded...]), state: state)
    }

    /// The CRC-32 of `b` from the tables alone (the tests compare the two ways).
    package static func crc32(_ b: UnsafeBufferPointer<UInt8>, tablesOnly: Void) -> UInt32 {
        crc32(b, state: 0xFFFF_FFFF)
    }

    /// The running CRC `state` (not inverted) carried over `b` by the tables, inverted.
    static func crc32(_ b: UnsafeBufferPointer<UInt8>, state: UInt32) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            /// The entry of table `k` for byte `byte` of `word`.
            @inline(__always) func at(_ k: Int, _ word: UInt32, _ byte: UInt32) -> UInt32 {
                t[k * 256 + Int((word >> (8 * byte)) & 0xFF)]
            }
            var c = state
            var i = 0
            let n = b.count
            if let base = UnsafeRawPointer(b.baseAddress) {
                while i + 16 <= n {
                    // Sixteen bytes in two loads, little-endian as the CRC reads them.
                    let first = UInt64(littleEndian: (base + i).loadUnaligned(as: UInt64.self))
                    let second = UInt64(littleEndian: (base + i + 8).loadUnaligned(as: UInt64.self))
                    let a = c ^ UInt32(truncatingIfNeeded: first), b = UInt32(truncatingIfNeeded: first >> 32)
                    let d = UInt32(truncatingIfNeeded: second), e = UInt32(truncatingIfNeeded: second >> 32)
                    c = at(15, a, 0) ^ at(14, a, 1) ^ at(13, a, 2) ^ at(12, a, 3)
                        ^ at(11, b, 0) ^ at(10, b, 1) ^ at(9, b, 2) ^ at(8, b, 3)
                        ^ at(7, d, 0) ^ at(6, d, 1) ^ at(5, d, 2) ^ at(4, d, 3)
                        ^ at(3, e, 0) ^ at(2, e, 1) ^ at(1, e, 2) ^ at(0, e, 3)
                    i += 16
                }
            }
            while i < n {
                c = t[Int((c ^ UInt32(b[i])) & 0xFF)] ^ (c >> 8)
                i += 1
            }
            return c ^ 0xFFFF_FFFF
        }
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
}
