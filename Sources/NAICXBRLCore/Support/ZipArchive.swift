/// Writes a zip archive of stored (uncompressed) entries: enough for a taxonomy package, with
/// no dependency. Entries carry a fixed timestamp so the same files give the same bytes.
public enum ZipArchive {
    public static func stored(_ entries: [(path: String, contents: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(22) { $0 + 2 * (46 + $1.path.utf8.count) + $1.contents.count })
        var central: [UInt8] = []
        let time: UInt16 = 0, date: UInt16 = (2011 - 1980) << 9 | 1 << 5 | 1
        for entry in entries {
            let name = Array(entry.path.utf8)
            let crc = crc32(entry.contents)
            let offset = UInt32(out.count)
            out.le32(0x0403_4B50); out.le16(20); out.le16(0x0800); out.le16(0)
            out.le16(time); out.le16(date); out.le32(crc)
            out.le32(UInt32(entry.contents.count)); out.le32(UInt32(entry.contents.count))
            out.le16(UInt16(name.count)); out.le16(0)
            out += name
            out += entry.contents
            central.le32(0x0201_4B50); central.le16(20); central.le16(20); central.le16(0x0800); central.le16(0)
            central.le16(time); central.le16(date); central.le32(crc)
            central.le32(UInt32(entry.contents.count)); central.le32(UInt32(entry.contents.count))
            central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(0); central.le32(offset)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out.le32(0x0605_4B50); out.le16(0); out.le16(0)
        out.le16(UInt16(entries.count)); out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        return out
    }

    /// CRC-32 tables for eight bytes at a time ("slicing by 8"): table k gives the CRC of a
    /// byte followed by k zero bytes.
    static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 { t[k * 256 + n] = (t[(k - 1) * 256 + n] >> 8) ^ t[Int(t[(k - 1) * 256 + n] & 0xFF)] }
        }
        return t
    }()

    package static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { crc32($0) }
    }

    package static func crc32(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            var c: UInt32 = 0xFFFF_FFFF
            var i = 0
            let n = b.count
            while i + 8 <= n {
                let low = c ^ (UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
                let high = UInt32(b[i + 4]) | UInt32(b[i + 5]) << 8 | UInt32(b[i + 6]) << 16 | UInt32(b[i + 7]) << 24
                c = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                i += 8
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
