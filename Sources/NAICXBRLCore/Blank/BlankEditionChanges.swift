import Foundation

/// An edition of a blank as changes against its base description.
///
/// Line numbers in `removed` and the keys of `renumbered` are the base's; everything else (the
/// values of `renumbered`, the keys of `changed`, `added` and its `after`) is the edition's. A
/// line that keeps its meaning keeps its base concept whatever its number, so concepts are stable
/// across editions; a line whose meaning changes, or a new one, names a new concept.
package struct BlankEditionChanges: Codable, Sendable {
    package var blank: String
    package var year: Int
    /// The year of the base description the changes apply to.
    package var base: Int
    /// Where the edition was read from: a filing printed on it, and its pages.
    package var source: String?
    package var pages: [PageChanges]
    /// Pages the edition prints that its base does not (the 2025 blank's Schedule D Part 1A, which
    /// replaces the two sections of earlier editions), after the base's pages.
    package var addedPages: [PageDescription]?
    /// Crosscheck rules of the base replaced (by id) or removed in this edition. A base rule that
    /// names a removed or renumbered line must be one or the other: it would otherwise read
    /// another line of this edition.
    package var checks: RuleChanges?

    /// A page's changes: the page description's fields an edition replaces (nil keeps the base's),
    /// then its lines removed, renumbered, changed and added; or, with `dropped`, the page is not
    /// the edition's at all (the 2025 blank replaces Schedule D Part 1A's two sections by another
    /// table).
    package struct PageChanges: Codable, Sendable {
        package var page: String
        package var dropped: Bool?
        package var title: String?, printedPage: String?
        package var subtitles: [String]?, sections: [String]?, columnHeadingLines: [String]?, footnotes: [String]?, boilerplate: [String]?
        package var columns: [ColumnDescription]?
        package var removed: [String]?
        package var renumbered: [String: String]?
        package var changed: [String: LinePatch]?
        package var added: [AddedLine]?
    }

    /// The fields of a line that an edition changes; nil fields keep the base's.
    package struct LinePatch: Codable, Sendable {
        package var caption: String?
        package var concept: String?
        package var member: String?
        package var code: String?
        package var total: String?
        package var equals: String?
        package var slots: [String]?
        package var columns: [String]?
        package var instant: LineDescription.InstantPosition?
        package var scale: Scale?
        package var type: LineDescription.ValueType?
        package var cells: [String: CellDescription]?
    }

    /// A line the edition adds, after its line `after` ("" for the first).
    package struct AddedLine: Codable, Sendable {
        package var after: String
        package var line: LineDescription

        enum Keys: String, CodingKey { case after }

        package init(from decoder: Decoder) throws {
            after = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .after)
            line = try LineDescription(from: decoder)
        }

        package func encode(to encoder: Encoder) throws {
            try line.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(after, forKey: .after)
        }
    }

    package struct RuleChanges: Codable, Sendable {
        package var replaced: [ListedRule]?
        package var removed: [String]?
        /// Rules of the edition's own (on its added pages), after the base's.
        package var added: [ListedRule]?
    }

    /// The base with these changes: the edition as a whole description.
    func apply(to base: Blank) throws(BlankCatalogError) -> Blank {
        var blank = base
        blank.year = year
        for change in pages {
            guard let index = blank.pages.firstIndex(where: { $0.id == change.page }) else {
                throw BlankCatalogError("the base has no page \(change.page)")
            }
            if change.dropped == true {
                blank.pages.remove(at: index)
                continue
            }
            blank.pages[index] = try change.apply(to: blank.pages[index])
        }
        for page in addedPages ?? [] {
            guard !blank.pages.contains(where: { $0.id == page.id }) else {
                throw BlankCatalogError("the edition adds page \(page.id), which its base has; change that page instead")
            }
            blank.pages.append(page)
        }
        return blank
    }

    /// The base's rule file with this edition's replacements and removals. Every base rule that
    /// names a line this edition removes or renumbers must be replaced or removed.
    func apply(to file: CheckRuleFile) throws(BlankCatalogError) -> CheckRuleFile {
        var file = file
        let replaced = checks?.replaced ?? []
        let removed = Set(checks?.removed ?? [])
        for id in removed.union(replaced.map(\.id)) where !file.rules.contains(where: { $0.id == id }) {
            throw BlankCatalogError("the base has no rule \(id) to replace or remove")
        }
        var moved: [String: Set<String>] = [:]
        let dropped = Set(pages.filter { $0.dropped == true }.map(\.page))
        for change in pages {
            let lines = Set(change.removed ?? []).union((change.renumbered ?? [:]).filter { $0.key != $0.value }.keys)
            if !lines.isEmpty { moved[change.page] = lines }
        }
        var rules: [ListedRule] = []
        for rule in file.rules {
            if removed.contains(rule.id) { continue }
            if let replacement = replaced.first(where: { $0.id == rule.id }) {
                rules.append(replacement)
                continue
            }
            for (page, line) in Self.references(in: rule.left + " + " + rule.right) {
                if dropped.contains(page) {
                    throw BlankCatalogError("rule \(rule.id) names \(page), which this edition does not print; replace or remove the rule")
                }
                if moved[page]?.contains(line) == true {
                    throw BlankCatalogError("rule \(rule.id) names \(page) line \(line), which this edition removes or renumbers; replace or remove the rule")
                }
            }
            rules.append(rule)
        }
        for rule in checks?.added ?? [] {
            guard !rules.contains(where: { $0.id == rule.id }) else {
                throw BlankCatalogError("the edition adds rule \(rule.id), which its base has; replace it instead")
            }
            rules.append(rule)
        }
        file.rules = rules
        return file
    }

    /// The page lines an expression names (`Assets 28 col 3`, `Liabilities 29+30 col 1`), as
    /// (page, line) pairs; ranges give their two ends.
    static func references(in expression: String) -> [(String, String)] {
        let tokens = expression.split(separator: " ").map(String.init)
        var out: [(String, String)] = []
        for i in tokens.indices.dropLast() {
            let token = tokens[i]
            guard let first = token.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first),
                  let lines = tokens[safe: i + 1], lines.first?.isNumber == true else { continue }
            for part in lines.split(whereSeparator: { $0 == "+" || $0 == "-" }) {
                for end in part.components(separatedBy: "..") where !end.isEmpty { out.append((token, end)) }
            }
        }
        return out
    }
}

extension BlankEditionChanges.PageChanges {
    func apply(to base: PageDescription) throws(BlankCatalogError) -> PageDescription {
        var page = base
        if let title { page.title = title }
        if let printedPage { page.printedPage = printedPage }
        if let subtitles { page.subtitles = subtitles }
        if let sections { page.sections = sections }
        if let columnHeadingLines { page.columnHeadingLines = columnHeadingLines }
        if let footnotes { page.footnotes = footnotes }
        if let boilerplate { page.boilerplate = boilerplate }
        if let columns { page.columns = columns }
        var lines = page.lines
        for number in removed ?? [] {
            guard let index = lines.firstIndex(where: { $0.line == number }) else {
                throw BlankCatalogError("\(self.page) has no line \(number) to remove")
            }
            lines.remove(at: index)
        }
        let renumbered = renumbered ?? [:]
        for number in renumbered.keys where !lines.contains(where: { $0.line == number }) {
            throw BlankCatalogError("\(self.page) has no line \(number) to renumber")
        }
        for index in lines.indices {
            if let new = renumbered[lines[index].line] { lines[index].line = new }
        }
        for (number, patch) in changed ?? [:] {
            guard let index = lines.firstIndex(where: { $0.line == number }) else {
                throw BlankCatalogError("\(self.page) has no line \(number) (this edition's numbering) to change")
            }
            patch.apply(to: &lines[index])
        }
        for addition in added ?? [] {
            let position: Int
            if addition.after.isEmpty {
                position = 0
            } else if let index = lines.firstIndex(where: { $0.line == addition.after }) {
                position = index + 1
            } else {
                throw BlankCatalogError("\(self.page) has no line \(addition.after) to add line \(addition.line.line) after")
            }
            lines.insert(addition.line, at: position)
        }
        var seen = Set<String>()
        for line in lines where !seen.insert(line.line).inserted {
            throw BlankCatalogError("\(self.page) numbers two lines \(line.line)")
        }
        page.lines = lines
        for line in lines {
            guard let text = line.total else { continue }
            guard let formula = Formula(text), page.expand(formula) != nil else {
                throw BlankCatalogError("\(self.page) line \(line.line): the total \(text) names a line the edition does not have")
            }
        }
        return page
    }
}

extension BlankEditionChanges.LinePatch {
    func apply(to line: inout LineDescription) {
        if let caption { line.caption = caption }
        if let concept { line.concept = concept }
        if let member { line.member = member }
        if let code { line.code = code }
        if let total { line.total = total }
        if let equals { line.equals = equals }
        if let slots { line.slots = slots }
        if let columns { line.columns = columns }
        if let instant { line.instant = instant }
        if let scale { line.scale = scale }
        if let type { line.type = type }
        if let cells { line.cells = cells }
    }
}
