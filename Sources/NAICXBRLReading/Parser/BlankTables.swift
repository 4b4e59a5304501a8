import Foundation
@_spi(Stages) import NAICXBRLCore

/// What the reader of the tab-separated text looks things up by in a blank: the keys of its
/// titles, headings and captions, and each page's lines by number.
///
/// They depend on the blank alone, so they are worked out once per blank description and shared
/// by every statement read with it, rather than once per statement. Statements of a batch are
/// read on several threads at once: the tables never change once built, and the cache of them is
/// locked.
final class BlankTables: Sendable {
    /// One page's tables, in the order of the blank's pages.
    struct Page: Sendable {
        /// Keys of the page's text lines that carry no values (subtitles, sections, column
        /// heading lines, boilerplate), each once.
        let classifiedKeys: [[UInt8]]
        /// Whether a key of `classifiedKeys` starts with a digit: when none does, a line whose
        /// first field starts with one (a numbered row) is none of them.
        let classifiedKeyStartsWithDigit: Bool
        /// Keys of the beginnings of the page's footnotes.
        let footnoteKeys: [[UInt8]]
        /// Each line's place in the page, by its number as the blank prints it.
        let lineIndex: [String: Int]
        /// For each line, the place `lineIndex` gives its number: the line itself, unless the
        /// blank lists the same number twice.
        let canonicalIndex: [Int]
        /// The key of each line's caption.
        let captionKeys: [[UInt8]]
        /// Each column's kind.
        let columnKinds: [ColumnDescription.Kind]
        /// The column that carries each line's fixed code, if the page has one.
        let codeColumn: Int?

        init(_ description: PageDescription) {
            var keys: [[UInt8]] = []
            for text in (description.subtitles ?? []) + (description.sections ?? []) + (description.columnHeadingLines ?? []) + (description.boilerplate ?? []) {
                let key = Text.keyBytes(text)
                if !keys.contains(key) { keys.append(key) }
            }
            classifiedKeys = keys
            classifiedKeyStartsWithDigit = keys.contains { $0.first.map(Text.isDigit) ?? false }
            footnoteKeys = (description.footnotes ?? []).map { Text.keyBytes($0) }
            var index: [String: Int] = [:]
            index.reserveCapacity(description.lines.count)
            for i in description.lines.indices { index[description.lines[i].line] = i }
            lineIndex = index
            canonicalIndex = description.lines.map { index[$0.line]! }
            captionKeys = description.lines.map { Text.keyBytes($0.caption) }
            columnKinds = description.columns.map(\.valueKind)
            codeColumn = columnKinds.firstIndex(of: .code)
        }
    }

    let pages: [Page]
    /// For each page, the first page of the blank with its id: the one ``Blank/page(_:)`` finds.
    let pageForID: [Int]
    /// Keys of the page titles, by page (the blank's order).
    let pageTitleKeys: [[UInt8]]
    /// Keys of the titles that open a section, with the section's index in the blank.
    let sectionTitleKeys: [[UInt8]]
    let sectionTitleSections: [Int]
    /// The same, for notes sections only: their titles may have the first heading glued on.
    let notesTitleKeys: [[UInt8]]
    let notesTitleSections: [Int]
    /// The key of the running page header.
    let pageHeaderKey: [UInt8]

    /// What the tables were built from, to tell whether a blank is the same description: the
    /// arrays are held, so storage they share with a blank cannot have been changed since.
    private let pageDescriptions: [PageDescription]
    private let sectionDescriptions: [SectionDescription]
    private let pageHeader: String

    private init(_ blank: Blank) {
        pageDescriptions = blank.pages
        sectionDescriptions = blank.sections
        pageHeader = blank.pageHeader
        pages = blank.pages.map(Page.init)
        let ids = blank.pages.map(\.id)
        pageForID = ids.map { id in ids.firstIndex(of: id)! }
        pageTitleKeys = blank.pages.map { Text.keyBytes($0.title) }
        let sectionTitles = blank.sections.indices.flatMap { index in blank.sections[index].titles.map { (Text.keyBytes($0), index) } }
        sectionTitleKeys = sectionTitles.map(\.0)
        sectionTitleSections = sectionTitles.map(\.1)
        let notesTitles = sectionTitles.filter { blank.sections[$0.1].kind == .notes }
        notesTitleKeys = notesTitles.map(\.0)
        notesTitleSections = notesTitles.map(\.1)
        pageHeaderKey = Text.keyBytes(blank.pageHeader)
    }

    /// Whether the tables were built from `blank`: the same page and section arrays (not only
    /// equal ones), and the same running header.
    private func describe(_ blank: Blank) -> Bool {
        Self.sameStorage(pageDescriptions, blank.pages) && Self.sameStorage(sectionDescriptions, blank.sections)
            && pageHeader == blank.pageHeader
    }

    private static func sameStorage<Element>(_ a: [Element], _ b: [Element]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count } }
    }

    /// The tables of `blank`, built on first use. A description changed after the tables were
    /// built (a test's variant of a blank, under the same id) gets tables of its own.
    static func of(_ blank: Blank) -> BlankTables {
        if let cached = cache.withLock({ $0[blank.editionKey] }), cached.describe(blank) { return cached }
        let built = BlankTables(blank)
        cache.withLock { $0[blank.editionKey] = built }
        return built
    }

    private static let cache = LockedTables()

    private final class LockedTables: @unchecked Sendable {
        private let lock = NSLock()
        private var byID: [String: BlankTables] = [:]

        func withLock<R>(_ body: (inout [String: BlankTables]) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(&byID)
        }
    }
}
