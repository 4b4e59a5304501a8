/// Writes a zip archive of stored (uncompressed) entries: enough for a taxonomy package, with
/// no dependency. Entries carry a fixed timestamp so the same files give the same bytes.
public enum ZipArchive {
    public static func stored(_ entries: [(path: String, contents: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        let time: UInt16 = 0, date: UInt16 = (2011 - 1980) << 9 | 1 << 5 | 1
        for entry in entries {
            let name = Array(entry.path.utf8)
            let crc = crc32(entry.contents)
            let offset = UInt32(out.count)
            var local: [UInt8] = []
            local.le32(0x0403_4B50); local.le16(20); local.le16(0x0800); local.le16(0)
            local.le16(time); local.le16(date); local.le32(crc)
            local.le32(UInt32(entry.contents.count)); local.le32(UInt32(entry.contents.count))
            local.le16(UInt16(name.count)); local.le16(0)
            out += local + name + entry.contents
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

    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    package static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
}
