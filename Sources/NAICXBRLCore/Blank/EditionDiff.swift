/// What changed between two editions of a blank, page by page.
///
/// Lines are matched by what they report (their concept, or member for pages whose rows are
/// members), not by number, since stable concepts are what make two editions comparable: a line
/// with the same concept and another number is renumbered, and one with the same concept and other
/// words is recaptioned.
package struct EditionDiff: Codable, Equatable, Sendable {
    package struct LineChange: Codable, Equatable, Sendable {
        package enum Kind: String, Codable, Sendable { case added, removed, renumbered, recaptioned }
        package var kind: Kind
        /// The line number in the older edition (nil for an added line).
        package var from: String?
        /// The line number in the newer edition (nil for a removed line).
        package var to: String?
        package var concept: String?
        /// The older caption (removed, recaptioned) and the newer one (added, recaptioned).
        package var oldCaption: String?
        package var newCaption: String?
    }

    package struct PageChange: Codable, Equatable, Sendable {
        package var page: String
        package var title: String
        /// The page is only in the newer edition (`added`) or only in the older (`removed`).
        package var status: String?
        package var columnsChanged: Bool
        /// The printed page number in the older and newer edition, where they differ.
        package var printedPage: PrintedPageChange?
        package var lines: [LineChange]
    }

    package struct PrintedPageChange: Codable, Equatable, Sendable {
        package var from: String?
        package var to: String?
    }

    package var blank: String
    package var from: Int
    package var to: Int
    package var pages: [PageChange]

    package init(from old: Blank, to new: Blank) {
        blank = new.id
        from = old.year
        to = new.year
        var pages: [PageChange] = []
        for page in new.pages where old.page(page.id) == nil {
            pages.append(PageChange(page: page.id, title: page.title, status: "added", columnsChanged: false, printedPage: nil, lines: []))
        }
        for page in old.pages where new.page(page.id) == nil {
            pages.append(PageChange(page: page.id, title: page.title, status: "removed", columnsChanged: false, printedPage: nil, lines: []))
        }
        for newPage in new.pages {
            guard let oldPage = old.page(newPage.id) else { continue }
            let lines = Self.lineChanges(oldPage, newPage)
            let columnsChanged = oldPage.columns.map { [$0.number, $0.id, $0.heading] } != newPage.columns.map { [$0.number, $0.id, $0.heading] }
            let printedPage = oldPage.printedPage == newPage.printedPage ? nil
                : PrintedPageChange(from: oldPage.printedPage, to: newPage.printedPage)
            if !lines.isEmpty || columnsChanged || printedPage != nil || oldPage.title != newPage.title {
                pages.append(PageChange(page: newPage.id, title: newPage.title, status: nil, columnsChanged: columnsChanged,
                                        printedPage: printedPage, lines: lines))
            }
        }
        self.pages = pages.sorted { a, b in
            (new.pages.firstIndex { $0.id == a.page } ?? Int.max) < (new.pages.firstIndex { $0.id == b.page } ?? Int.max)
        }
    }

    /// What identifies a line across editions.
    private static func identity(_ line: LineDescription) -> String {
        line.concept ?? line.member.map { "member:" + $0 } ?? "line:" + line.line
    }

    private static func lineChanges(_ old: PageDescription, _ new: PageDescription) -> [LineChange] {
        var oldByIdentity: [String: LineDescription] = [:]
        for line in old.lines where oldByIdentity[identity(line)] == nil { oldByIdentity[identity(line)] = line }
        let newIdentities = Set(new.lines.map(identity))
        var changes: [LineChange] = []
        for line in old.lines where !newIdentities.contains(identity(line)) {
            changes.append(LineChange(kind: .removed, from: line.line, to: nil, concept: line.concept, oldCaption: line.caption, newCaption: nil))
        }
        for line in new.lines {
            guard let before = oldByIdentity[identity(line)] else {
                changes.append(LineChange(kind: .added, from: nil, to: line.line, concept: line.concept, oldCaption: nil, newCaption: line.caption))
                continue
            }
            if before.line != line.line {
                changes.append(LineChange(kind: .renumbered, from: before.line, to: line.line, concept: line.concept,
                                          oldCaption: before.caption == line.caption ? nil : before.caption,
                                          newCaption: before.caption == line.caption ? nil : line.caption))
            } else if before.caption != line.caption {
                changes.append(LineChange(kind: .recaptioned, from: before.line, to: line.line, concept: line.concept,
                                          oldCaption: before.caption, newCaption: line.caption))
            }
        }
        return changes
    }

    /// The changes as text, one line each, page by page.
    package var text: String {
        var out = "\(blank): \(from) to \(to)\n"
        if pages.isEmpty { out += "  no change\n" }
        for page in pages {
            out += "\(page.page) (\(page.title))\(page.status.map { ": \($0)" } ?? "")\n"
            if page.columnsChanged { out += "  columns changed\n" }
            if let printed = page.printedPage { out += "  printed page \(printed.from ?? "none") -> \(printed.to ?? "none")\n" }
            for change in page.lines {
                switch change.kind {
                case .removed:
                    out += "  removed     line \(change.from ?? "") \"\(change.oldCaption ?? "")\"\n"
                case .added:
                    out += "  added       line \(change.to ?? "") \"\(change.newCaption ?? "")\"\n"
                case .renumbered:
                    out += "  renumbered  line \(change.from ?? "") -> \(change.to ?? "")"
                    if let old = change.oldCaption, let new = change.newCaption { out += ", recaptioned \"\(old)\" -> \"\(new)\"" }
                    out += "\n"
                case .recaptioned:
                    out += "  recaptioned line \(change.to ?? "") \"\(change.oldCaption ?? "")\" -> \"\(change.newCaption ?? "")\"\n"
                }
            }
        }
        return out
    }
}
