import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Reads the entries of a zip archive (a report package) safely, from its central directory.
///
/// What it refuses, each as a ``Failure`` naming the entry:
/// - a name that could land outside the folder it is extracted to: absolute (`/…`, `C:…`), with
///   a `..` component, a backslash or a NUL; two entries of one name;
/// - more than ``maximumEntries`` entries, or contents that add up to more than
///   ``maximumTotalSize`` bytes read;
/// - encrypted entries, ZIP64, entries that lie outside the archive or overlap its directory,
///   and contents whose CRC-32 is not the recorded one;
/// - compressed entries: only stored (uncompressed) entries are read, as naicxbrl writes them.
///   An entry's size is therefore its size in the archive, so no entry expands beyond the
///   archive (no zip bomb), and each is read once at most.
struct ZipReader {
    struct Entry {
        var path: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeader: Int
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static let maximumEntries = 10_000
    static let maximumTotalSize = 1 << 30

    let bytes: [UInt8]
    private(set) var entries: [Entry] = []
    private var read = 0

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        entries = try Self.directory(bytes)
    }

    private static func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ at: Int) -> Int { u16(b, at) | u16(b, at + 2) << 16 }

    private static func directory(_ b: [UInt8]) throws(Failure) -> [Entry] {
        guard b.count >= 22 else { throw Failure("the package is too short to be a zip archive") }
        // The end of central directory record: the last signature within its comment's reach.
        var end = -1
        var i = b.count - 22
        let lowest = max(0, b.count - 22 - 65_535)
        while i >= lowest {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x05, b[i + 3] == 0x06 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { throw Failure("the package has no zip central directory") }
        let count = u16(b, end + 10), size = u32(b, end + 12), offset = u32(b, end + 16)
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else { throw Failure("ZIP64 archives are not read") }
        guard count <= maximumEntries else { throw Failure("the package has \(count) entries, more than \(maximumEntries)") }
        guard offset <= end, size <= end - offset else { throw Failure("the zip central directory lies outside the archive") }
        var entries: [Entry] = []
        var names: Set<String> = []
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= offset + size, b[at] == 0x50, b[at + 1] == 0x4B, b[at + 2] == 0x01, b[at + 3] == 0x02 else {
                throw Failure("the zip central directory is damaged")
            }
            let nameLength = u16(b, at + 28), extra = u16(b, at + 30), comment = u16(b, at + 32)
            guard at + 46 + nameLength + extra + comment <= offset + size else { throw Failure("the zip central directory is damaged") }
            let nameBytes = Array(b[(at + 46)..<(at + 46 + nameLength)])
            let path = String(decoding: nameBytes, as: UTF8.self)
            try checkName(path, nameBytes)
            guard names.insert(path).inserted else { throw Failure("the entry \(path) occurs twice") }
            let entry = Entry(path: path, method: UInt16(u16(b, at + 10)), flags: UInt16(u16(b, at + 8)), crc: UInt32(u32(b, at + 16)),
                              compressedSize: u32(b, at + 20), size: u32(b, at + 24), localHeader: u32(b, at + 42))
            guard entry.localHeader < offset else { throw Failure("the entry \(path) lies outside the archive") }
            entries.append(entry)
            at += 46 + nameLength + extra + comment
        }
        return entries
    }

    /// A name that stays inside the folder the package is extracted to.
    private static func checkName(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        let shown = path.unicodeScalars.prefix(80).map { $0.value < 0x20 ? "?" : String($0) }.joined()
        guard !bytes.isEmpty, !bytes.contains(0), !bytes.contains(0x5C), bytes.first != 0x2F,
              !(bytes.count >= 2 && bytes[1] == 0x3A),
              !path.split(separator: "/", omittingEmptySubsequences: false).contains("..") else {
            throw Failure("the entry name \"\(shown)\" could point outside the package (absolute, .., \\ or NUL); nothing was read")
        }
    }

    /// The contents of the entry named `path`, or nil when there is none.
    mutating func contents(_ path: String) throws(Failure) -> [UInt8]? {
        guard let entry = entries.first(where: { $0.path == path }) else { return nil }
        guard entry.flags & 1 == 0 else { throw Failure("the entry \(path) is encrypted") }
        guard entry.method == 0 else {
            throw Failure("the entry \(path) is compressed (method \(entry.method)); naicxbrl reads report packages of stored entries, as it writes them")
        }
        guard entry.compressedSize == entry.size else { throw Failure("the stored entry \(path) has two sizes") }
        let b = bytes
        let at = entry.localHeader
        guard at + 30 <= b.count, b[at] == 0x50, b[at + 1] == 0x4B, b[at + 2] == 0x03, b[at + 3] == 0x04 else {
            throw Failure("the entry \(path) has no local header")
        }
        let start = at + 30 + Self.u16(b, at + 26) + Self.u16(b, at + 28)
        guard start <= b.count, entry.size <= b.count - start else { throw Failure("the entry \(path) lies outside the archive") }
        guard read + entry.size <= Self.maximumTotalSize else { throw Failure("the package's entries add up to more than \(Self.maximumTotalSize) bytes") }
        read += entry.size
        let data = Array(b[start..<(start + entry.size)])
        guard ZipArchive.crc32(data) == entry.crc else { throw Failure("the entry \(path) is damaged (its CRC-32 does not match)") }
        return data
    }
}
