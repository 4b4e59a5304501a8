import Foundation

/// The blanks the library knows and their editions, read from the bundled data.
///
/// `Blank/Data/catalog.json` lists each blank: its base description (a full description of one
/// edition), its rule file, and its editions by year. An edition other than the base's is a file
/// of changes against the base (``BlankEditionChanges``): lines removed, renumbered, recaptioned
/// or added, columns replaced. The catalog resolves each edition into a whole ``Blank`` on first
/// use, so every stage reads an edition exactly as it reads a base description. Registering a blank
/// or an edition is adding data files and a catalog entry; no Swift changes.
public final class BlankCatalog: @unchecked Sendable {
    /// One blank as the catalog lists it.
    public struct Entry: Codable, Sendable {
        public var id: String
        /// The file of the base description, under `Blank/Data`.
        public var description: String
        /// The file of the blank's crosscheck rules, if it has one.
        public var checks: String?
        public var editions: [EditionEntry]
    }

    public struct EditionEntry: Codable, Sendable {
        public var year: Int
        /// The file of changes against the base description; nil for the base's own edition.
        public var changes: String?
    }

    struct Manifest: Codable {
        var blanks: [Entry]
    }

    /// The catalog bundled with the library. Its editions resolve when first asked for; one whose
    /// description does not decode or check is an error wherever it is asked for, and stops
    /// whatever lists the whole catalog (``bundledEditions``, ``bundledListing``) rather than
    /// being left out of it.
    public static let bundled: BlankCatalog = {
        do {
            return try BlankCatalog(files: BundledBlankData.decodedFiles)
        } catch {
            // The data ships with the library; its tests use the catalog.
            preconditionFailure("the bundled blank catalog does not resolve: \(error)")
        }
    }()

    /// Every edition of the bundled catalog, in its order. The data ships with the library, and
    /// its tests resolve every edition: one that does not is a defect that stops the program here.
    public static var bundledEditions: [Blank] {
        do {
            return try bundled.allEditions()
        } catch {
            preconditionFailure("the bundled blank catalog does not resolve: \(error)")
        }
    }

    public let entries: [Entry]
    private let files: [String: [UInt8]]
    private let lock = NSLock()
    private var resolved: [String: Blank] = [:]

    /// A catalog of the data `files` (file name → bytes), which must hold `catalog.json`.
    public init(files: [String: [UInt8]]) throws(BlankCatalogError) {
        guard let manifest = files["catalog.json"] else { throw BlankCatalogError("catalog.json is missing") }
        let decoded: Manifest
        do {
            decoded = try JSONDecoder().decode(Manifest.self, from: Data(manifest))
        } catch {
            throw BlankCatalogError("catalog.json does not decode: \(error)")
        }
        for entry in decoded.blanks {
            guard files[entry.description] != nil else { throw BlankCatalogError("\(entry.id): \(entry.description) is missing") }
            guard !entry.editions.isEmpty else { throw BlankCatalogError("\(entry.id) lists no edition") }
            guard entry.editions.map(\.year) == entry.editions.map(\.year).sorted(),
                  Set(entry.editions.map(\.year)).count == entry.editions.count else {
                throw BlankCatalogError("\(entry.id): editions must be listed once each, oldest first")
            }
        }
        guard Set(decoded.blanks.map(\.id)).count == decoded.blanks.count else { throw BlankCatalogError("a blank id is listed twice") }
        entries = decoded.blanks
        self.files = files
    }

    /// The ids of the blanks, in the catalog's order.
    public var ids: [String] { entries.map(\.id) }

    public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

    /// The years of the blank's editions, oldest first.
    public func years(of id: String) -> [Int] { entry(id)?.editions.map(\.year) ?? [] }

    /// The latest edition of the blank.
    public func latest(_ id: String) -> Blank? {
        guard let year = years(of: id).last else { return nil }
        return try? blank(id, year: year)
    }

    /// The edition a statement of `year` is printed on: that year's, or else the nearest earlier
    /// one (`exact` false). A year before the first edition gets the first edition, also inexact.
    public func edition(of id: String, for year: Int) -> (blank: Blank, exact: Bool)? {
        let years = years(of: id)
        guard let chosen = years.last(where: { $0 <= year }) ?? years.first,
              let blank = try? blank(id, year: chosen) else { return nil }
        return (blank, chosen == year)
    }

    /// Every edition of every blank, in the catalog's order; the first edition that does not
    /// resolve is an error.
    public func allEditions() throws(BlankCatalogError) -> [Blank] {
        var blanks: [Blank] = []
        for entry in entries {
            for edition in entry.editions { blanks.append(try blank(entry.id, year: edition.year)) }
        }
        return blanks
    }

    /// The edition of `id` of exactly `year`, resolved from the base description and the
    /// edition's changes.
    public func blank(_ id: String, year: Int) throws(BlankCatalogError) -> Blank {
        let key = "\(id)@\(year)"
        lock.lock()
        if let known = resolved[key] { lock.unlock(); return known }
        lock.unlock()
        guard let entry = entry(id) else { throw BlankCatalogError("no blank \(id)") }
        guard let edition = entry.editions.first(where: { $0.year == year }) else {
            throw BlankCatalogError("\(id) has no edition \(year); it has \(entry.editions.map { String($0.year) }.joined(separator: ", "))")
        }
        var blank = try decode(Blank.self, entry.description)
        guard blank.id == id else { throw BlankCatalogError("\(entry.description) describes \(blank.id), not \(id)") }
        if let file = edition.changes {
            let changes = try decode(BlankEditionChanges.self, file)
            guard changes.blank == id, changes.year == year, changes.base == blank.year else {
                throw BlankCatalogError("\(file) holds changes of \(changes.blank) \(changes.year) against \(changes.base); the catalog expects \(id) \(year) against \(blank.year)")
            }
            do {
                blank = try changes.apply(to: blank)
            } catch {
                throw BlankCatalogError("\(file): \(error.message)")
            }
        } else if blank.year != year {
            throw BlankCatalogError("\(entry.description) is the \(blank.year) edition; the catalog lists it as \(year)")
        }
        blank.entryPoint = "\(blank.namespacePrefix)-\(year).xsd"
        try Self.checkCells(of: blank, file: edition.changes ?? entry.description)
        lock.lock()
        resolved[key] = blank
        lock.unlock()
        return blank
    }

    /// Refuses a cell description (``LineDescription/cells``) that names no column of its page,
    /// stands on a page whose rows are items, or describes a count outside a text column; and a
    /// line whose amount is printed on another's row (``LineDescription/amountOnRowOf``) where
    /// that line is not the page's or the page has more than one column, or a numbered one.
    static func checkCells(of blank: Blank, file: String) throws(BlankCatalogError) {
        for page in blank.pages {
            for line in page.lines {
                if line.entries != nil { try checkEntries(line, of: page, file: file) }
                if let other = line.amountOnRowOf {
                    let place = "\(file): \(page.id) line \(line.line)"
                    guard page.line(other) != nil, other != line.line else {
                        throw BlankCatalogError("\(place): its amount is printed on the row of line \(other), which the page does not have")
                    }
                    guard page.columns.count == 1, page.columns[0].number.isEmpty else {
                        throw BlankCatalogError("\(place): an amount printed on another line's row is read only on a page of one unnumbered column")
                    }
                }
                for (id, cell) in (line.cells ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let place = "\(file): \(page.id) line \(line.line), cell \(id)"
                    guard page.orientation == .members else {
                        throw BlankCatalogError("\(place): a cell of its own is described only on a page whose rows are members (rowsAre \"members\"), where a column is an item")
                    }
                    guard let column = page.columns.first(where: { $0.id == id }) else {
                        throw BlankCatalogError("\(place): the page has no column \(id); expected one of \(page.columns.map(\.id).joined(separator: ", "))")
                    }
                    guard column.valueKind == .text else {
                        throw BlankCatalogError("\(place): a count is printed in a text column; column \(id) is \(column.valueKind.rawValue)")
                    }
                    guard !cell.concept.isEmpty, cell.concept.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                          cell.concept.first?.isLetter == true else {
                        throw BlankCatalogError("\(place): the concept \"\(cell.concept)\" is not a name (ASCII letters, digits and _, starting with a letter)")
                    }
                }
            }
        }
    }

    /// Refuses a line of entries (``LineDescription/entries``) whose range is not two codes of
    /// the same form (digits, and the same other characters in the same places: `08.304..08.396`),
    /// first to last, starting at the line's own number; that stands on
    /// a page whose rows are members, or has no item; or whose range holds another line's number
    /// or overlaps another line's entries.
    static func checkEntries(_ line: LineDescription, of page: PageDescription, file: String) throws(BlankCatalogError) {
        let place = "\(file): \(page.id) line \(line.line)"
        guard let (first, last) = line.entryCodes, let digit = first.utf8.first, digit >= 0x30, digit <= 0x39,
              first.utf8.count == last.utf8.count, line.hasEntry(String(last)), first <= last else {
            throw BlankCatalogError("\(place): entries \"\(line.entries ?? "")\" are not two codes of the same form (digits, other characters in the same places) joined by .., first to last")
        }
        guard line.line == first else {
            throw BlankCatalogError("\(place): a line of entries is numbered by its first code, \(first)")
        }
        guard !line.isHeading, !line.isWriteIn else {
            throw BlankCatalogError("\(place): a line of entries is no heading or write-in")
        }
        switch page.orientation {
        case .items:
            guard line.concept != nil else {
                throw BlankCatalogError("\(place): on a page whose rows are items, a line of entries reports an item (concept)")
            }
        case .members:
            // Its entries are told apart by their codes, not by a member of the page's line axis.
            guard line.member == nil, line.concept == nil else {
                throw BlankCatalogError("\(place): on a page whose rows are members, a line of entries has no member or concept: its entries' cells are facts of the columns' items, told apart by the entry's code")
            }
        }
        if line.hasUncodedEntries {
            let totals = page.lines.filter { $0.total == line.line }
            // (A listing that prints no total, Schedule Y Part 1A, is a page of that one line: its
            // entries are filed where the table ends. Entries that end at a line of the blank
            // added with them in one total, Schedule E Part 1's 0199998, are filed there.)
            let index = page.lines.firstIndex { $0.line == line.line } ?? 0
            let endsAtNext = index + 1 < page.lines.count && page.uncodedEntriesTotaled(by: page.lines[index + 1].line) == index
            guard totals.count == 1 || totals.isEmpty && (page.lines.count == 1 || endsAtNext) else {
                throw BlankCatalogError("\(place): its entries print no code, so they are the line's where the line totaling it alone, or the line after it that one total adds it with, is printed next; expected one line whose total is \(line.line), found \(totals.count)")
            }
        }
        for other in page.lines where other.line != line.line {
            if line.hasEntry(other.line) {
                throw BlankCatalogError("\(place): line \(other.line) falls among its entries \(line.entries ?? "")")
            }
            if let (a, b) = other.entryCodes, line.hasEntry(String(a)) || line.hasEntry(String(b)) || other.hasEntry(line.line) {
                throw BlankCatalogError("\(place): its entries overlap those of line \(other.line)")
            }
        }
    }

    /// The rule file of `blank`'s edition: the blank's rules with the edition's replacements.
    package func checkRuleFile(for blank: Blank) throws(BlankCatalogError) -> CheckRuleFile? {
        guard let entry = entry(blank.id), let name = entry.checks else { return nil }
        var file = try decode(CheckRuleFile.self, name)
        if let changesName = entry.editions.first(where: { $0.year == blank.year })?.changes {
            let changes = try decode(BlankEditionChanges.self, changesName)
            do {
                file = try changes.apply(to: file)
            } catch {
                throw BlankCatalogError("\(changesName): \(error.message)")
            }
        }
        return file
    }

    /// The changes of an edition against its base, or nil for the base's own edition.
    package func changes(of id: String, year: Int) throws(BlankCatalogError) -> BlankEditionChanges? {
        guard let name = entry(id)?.editions.first(where: { $0.year == year })?.changes else { return nil }
        return try decode(BlankEditionChanges.self, name)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ name: String) throws(BlankCatalogError) -> T {
        guard let bytes = files[name] else { throw BlankCatalogError("\(name) is missing") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw BlankCatalogError("\(name) does not decode: \(error)")
        }
    }
}

public struct BlankCatalogError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension BundledBlankData {
    /// The embedded files' bytes by file name.
    static var decodedFiles: [String: [UInt8]] {
        files.compactMapValues { Data(base64Encoded: $0).map { [UInt8]($0) } }
    }
}
