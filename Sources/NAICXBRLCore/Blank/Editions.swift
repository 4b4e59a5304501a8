/// Which edition of a blank reads a statement: the statement's year picks it.
package enum Editions {
    /// The edition of `blank` for a statement of `year`. A blank the caller gives is used as it is
    /// (a test's variant, a generated blank); otherwise the catalog's edition of the year, or the
    /// nearest earlier one with a warning: caption verification then decides row by row whether
    /// the lines still mean what that edition says.
    package static func choose(_ blank: Blank, given: Bool, year: Int?, file: String) -> (Blank, Diagnostic?) {
        if given { return (blank, nil) }
        let catalog = BlankCatalog.bundled
        guard let year else {
            let latest = catalog.latest(blank.id) ?? blank
            return (latest, Diagnostic(.warning, .edition, file: file, line: nil,
                                       "the statement's year is not printed in its running header; it is read by the latest edition of the blank, \(latest.year)"))
        }
        guard let (edition, exact) = catalog.edition(of: blank.id, for: year) else { return (blank, nil) }
        if exact { return (edition, nil) }
        let years = catalog.years(of: blank.id).map(String.init).joined(separator: ", ")
        return (edition, Diagnostic(.warning, .edition, file: file, line: nil,
                                    "no edition of the \(edition.title) blank for \(year) (editions: \(years)); the statement is read by the \(edition.year) edition, and every row's caption is verified against it"))
    }

    package static func year(_ bytes: [UInt8], header: String) -> Int? {
        year(after: header, in: bytes)
    }

    /// The first year (four digits, 1900 to 2199, not part of a longer number) within 80 bytes
    /// after an occurrence of `header`, ignoring case.
    package static func year(after header: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(header.uppercased().utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var start = 0
        while start + needle.count <= bytes.count {
            var matched = true
            for k in needle.indices where upper(bytes[start + k]) != needle[k] { matched = false; break }
            if matched {
                let from = start + needle.count
                let end = min(bytes.count, from + 80)
                var i = from
                while i < end {
                    if isDigit(bytes[i]), i == 0 || !isDigit(bytes[i - 1]) {
                        var j = i
                        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                        if j - i == 4 {
                            let value = bytes[i..<j].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                            if (1900...2199).contains(value) { return value }
                        }
                        i = j
                    } else {
                        i += 1
                    }
                }
            }
            start += 1
        }
        return nil
    }

    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

extension BlankCatalog {
    /// The latest edition of the catalog's first blank of `kind`: what a statement is read by when
    /// its running header names no blank.
    public func latest(ofKind kind: Cover.Kind) -> Blank? {
        ids.lazy.compactMap { self.latest($0) }.first { $0.kind == kind }
    }

    /// The edition whose entry point an instance's schemaRef names (`.../naicla-2025.xsd`).
    public func edition(entryPointURL url: String) -> Blank? {
        for entry in entries {
            for edition in entry.editions {
                guard let blank = try? blank(entry.id, year: edition.year) else { continue }
                if blank.taxonomyURL + blank.entryPoint == url { return blank }
            }
        }
        return nil
    }
}
