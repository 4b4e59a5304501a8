import CMemory
import Foundation
@_spi(Stages) import NAICXBRLCore

/// A PDF's outline (its bookmarks), through poppler's `pdftohtml -xml`: each top-level entry's
/// title and the pages it spans, up to the next top-level entry.
///
/// Filed statements carry one entry per schedule ("Assets", "Exhibit 7 - Deposit-Type
/// Contracts", "Schedule T"), with continuation pages nested under it. The outline is how a
/// conversion reads only the pages the blank's description reads (``StatementParser``), and how
/// it names the pages it does not read.
///
/// `pdftohtml` cannot read standard input, so the PDF is handed to it as a file that lives in
/// memory only (Linux's memfd), never on disk. Where there is none, or `pdftohtml` is missing,
/// or the PDF has no outline, there is no outline and the whole file is read.
package struct PDFOutline: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var title: String
        package var pages: ClosedRange<Int>
    }

    package var entries: [Entry]
    /// Entries nested under a top-level one, each on its own page: a table printed on a page
    /// another schedule opens (Exhibit 3 under Exhibit 2), or a continuation ("Page: 1").
    package var nested: [Entry] = []

    /// The outline of the PDF whose pages number `pageCount`, or nil.
    package static func read(_ bytes: [UInt8], pageCount: Int, deadline: DispatchTime? = nil) -> PDFOutline? {
        guard pageCount > 0, let text = PDFText.toolPath() else { return nil }
        let tool = (text as NSString).deletingLastPathComponent + "/pdftohtml"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let file = naicxbrl_memoryFile()
        guard file >= 0 else { return nil }
        defer { close(file) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(file, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            written += count
        }
        let path = "/proc/\(getpid())/fd/\(file)"
        guard let outcome = try? ChildProcess.run(tool, ["-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", path], input: [],
                                                  deadline: min(.now() + 10, deadline ?? .distantFuture), outputLimit: 16 << 20),
              outcome.status == 0 else { return nil }
        return parse(String(decoding: outcome.output, as: UTF8.self), pageCount: pageCount)
    }

    /// The top-level entries of the `<outline>` `pdftohtml -xml` writes, each spanning the pages
    /// up to the next one's.
    static func parse(_ xml: String, pageCount: Int) -> PDFOutline? {
        guard let start = xml.range(of: "<outline>") else { return nil }
        var entries: [(title: String, page: Int)] = []
        var nested: [Entry] = []
        var depth = 0
        var rest = xml[start.upperBound...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<outline>") {
                depth += 1
                rest = rest.dropFirst(9)
            } else if rest.hasPrefix("</outline>") {
                if depth == 0 { break }
                depth -= 1
                rest = rest.dropFirst(10)
            } else if rest.hasPrefix("<item page=\""), let quote = rest.dropFirst(12).firstIndex(of: "\""),
                      let close = rest[quote...].firstIndex(of: ">"), let end = rest[close...].range(of: "</item>") {
                let page = Int(rest[rest.index(rest.startIndex, offsetBy: 12)..<quote])
                let title = unescape(String(rest[rest.index(after: close)..<end.lowerBound]))
                if let page, (1...pageCount).contains(page) {
                    if depth == 0 {
                        entries.append((title, page))
                    } else {
                        nested.append(Entry(title: title.trimmingCharacters(in: .whitespaces), pages: page...page))
                    }
                }
                rest = rest[end.upperBound...]
            } else {
                rest = rest.dropFirst()
            }
        }
        // In page order; an entry spans its pages up to the next entry on a later page.
        let ordered = entries.enumerated().sorted { ($0.element.page, $0.offset) < ($1.element.page, $1.offset) }.map(\.element)
        var result: [Entry] = []
        for (index, entry) in ordered.enumerated() {
            let next = ordered[(index + 1)...].first { $0.page > entry.page }?.page ?? pageCount + 1
            result.append(Entry(title: entry.title.trimmingCharacters(in: .whitespaces), pages: entry.page...(next - 1)))
        }
        return result.isEmpty ? nil : PDFOutline(entries: result, nested: nested)
    }

    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whether an entry's title names a page titled `title`: the same words, or one a beginning of
    /// the other of at least eight letters ("Exhibit 1 - Part 1 - Premiums and Annuity
    /// Considerations" for the blank's longer title; "Schedule T" for "SCHEDULE T - PREMIUMS …").
    static func names(_ entry: String, _ title: String) -> Bool {
        let a = Text.key(entry), b = Text.key(title)
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        return short.count >= 8 && long.hasPrefix(short)
    }

    /// The pages to read for pages titled `titles`: every entry that names one of them (and the
    /// page of every nested entry that does), the
    /// pages before the first entry and the first two (cover and jurat, which print the codes);
    /// nil when no entry names any.
    package func pages(for titles: [String]) -> Set<Int>? {
        var pages: Set<Int> = [1, 2]
        var named = false
        if let first = entries.first?.pages.lowerBound, first > 1 { pages.formUnion(1..<first) }
        for entry in entries where titles.contains(where: { Self.names(entry.title, $0) }) {
            pages.formUnion(entry.pages)
            named = true
        }
        for entry in nested where titles.contains(where: { Self.names(entry.title, $0) }) {
            pages.formUnion(entry.pages)
        }
        return named ? pages : nil
    }

    /// The entry a page belongs to.
    package func entry(of page: Int) -> Entry? {
        entries.last { $0.pages.contains(page) }
    }
}
