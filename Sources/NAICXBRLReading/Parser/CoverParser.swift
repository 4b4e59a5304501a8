import Foundation
@_spi(Stages) import NAICXBRLCore
/// Reads the cover page and the jurat: every line before the first running page header.
///
/// The reader is driven by the labels the blank prints ("NAIC Group Code", "Statutory Home
/// Office", "(Street and Number)", "OFFICERS"), never by line positions, so a cover that prints
/// its fields in another order, or leaves some out, still yields the fields it does print. The
/// labels are the blank description's (``CoverDescription``, prepared as ``Vocabulary``); they are matched word by word on ``Text/key(_:)``,
/// so spacing, case and apostrophe styles do not matter.
///
/// Officer lines print title and name side by side with nothing between them ("President and
/// Chief Executive Officer Roger William Crandall Treasurer Todd Garrett Picken"). They are split
/// with evidence from elsewhere on the cover — the jurat's signature block prints each name over
/// its title, and the directors list prints names on their own — and otherwise by a vocabulary of
/// words that occur in officer titles. A split that rests on the vocabulary alone is reported as
/// an info diagnostic, so a reader can check it.
///
/// Values are kept as printed after ``Text/clean(_:)`` (trailing commas of a run-on line
/// removed); dates become ``CalendarDate``s.
enum CoverParser {
    // MARK: Printed labels

    /// What a label introduces.
    enum Field: String, Sendable {
        case groupCode, companyCode, employerID
        case organizedUnder, stateOfDomicile, countryOfDomicile
        case incorporated, commencedBusiness
        case statutoryHomeOffice, mainAdministrativeOffice, mailAddress, booksAndRecords
        case webSite, contact
        case juratState, juratCounty, originalFiling, amendmentNumber, dateFiled, pagesAttached
        /// Printed on some covers, not part of ``Cover`` (business type check boxes, HMO status).
        case notKept
    }

    /// The cover's printed vocabulary (``CoverDescription``: labels, officer-list headings, the
    /// words before the company's name, jurat boilerplate), prepared for matching once per edition.
    final class Vocabulary: Sendable {
        /// Longest first, so "State of Domicile or Port of Entry" wins over "State of".
        let labels: [(words: [String], field: Field, lineStart: Bool)]
        /// Indices into ``labels`` by the key of the label's first word, in ``labels``' order.
        let labelsByFirstWord: [String: [Int]]
        let headingKeys: [(key: String, section: Section)]
        let boilerplateKeys: [(key: String, next: Section?)]
        let nameFollows: String
        let nameFollowsKey: String
        let nameFollowsWordCount: Int
        /// The statement's title on the cover ("QUARTERLY STATEMENT"), by key, and its kind.
        let statementTitleKeys: [(key: String, kind: Cover.Kind)]
        /// The words before a statement date ("AS OF", "FOR THE YEAR ENDED"), by key.
        let datedByKeys: [String]
        /// The running page header's key ("STATEMENT AS OF"): a page's line, not the cover's.
        let runningHeaderKey: String

        /// Names of fields and sections the reader does not know are left out (a test checks
        /// that every bundled description uses known ones).
        init(_ description: CoverDescription?) {
            labels = (description?.labels ?? []).compactMap { label in
                Field(rawValue: label.field).map { (CoverParser.wordKeys(label.printed), $0, label.lineStart ?? false) }
            }.filter { !$0.words.isEmpty }.sorted { $0.words.count > $1.words.count }
            var index: [String: [Int]] = [:]
            for (offset, label) in labels.enumerated() { index[label.words[0], default: []].append(offset) }
            labelsByFirstWord = index
            headingKeys = (description?.headings ?? []).compactMap { heading in Section(rawValue: heading.section).map { (Text.key(heading.printed), $0) } }
            boilerplateKeys = (description?.boilerplate ?? []).compactMap { item in
                if let next = item.next {
                    guard let section = Section(rawValue: next) else { return nil }
                    return (Text.key(item.printed), section)
                }
                return (Text.key(item.printed), nil)
            }
            nameFollows = description?.nameFollows ?? ""
            nameFollowsKey = Text.key(nameFollows)
            nameFollowsWordCount = CoverParser.wordKeys(nameFollows).count
            statementTitleKeys = (description?.statementTitles ?? []).compactMap { title in
                Cover.Kind(rawValue: title.kind).map { (Text.key(title.printed), $0) }
            }
            datedByKeys = (description?.datedBy ?? []).map { Text.key($0) }
            runningHeaderKey = description?.runningHeader.map { Text.key($0) } ?? ""
        }

        private static let lock = NSLock()
        nonisolated(unsafe) private static var known: [String: Vocabulary] = [:]

        /// The vocabulary of `blank`'s edition, prepared once.
        static func of(_ blank: Blank) -> Vocabulary {
            lock.withLock {
                if let vocabulary = known[blank.editionKey] { return vocabulary }
                let vocabulary = Vocabulary(blank.cover)
                known[blank.editionKey] = vocabulary
                return vocabulary
            }
        }
    }

    /// Words that occur in officer titles; everything else in an officer line is a name.
    static let titleVocabulary: Set<String> = [
        "president", "vice", "executive", "chief", "officer", "treasurer", "secretary", "actuary",
        "actuarial", "appointed", "counsel", "general", "financial", "finance", "operating", "operations",
        "investment", "investments", "information", "technology", "risk", "compliance", "legal", "director",
        "managing", "manager", "member", "head", "deputy", "principal", "accounting", "marketing",
        "administrative", "administration", "underwriting", "claims", "sales", "distribution", "tax", "taxes",
        "human", "resources", "strategy", "strategic", "internal", "audit", "auditor", "illustration",
        "valuation", "controller", "comptroller", "affairs", "government", "public", "relations",
        "communications", "retirement", "services", "service", "business", "development", "product",
        "products", "chairman", "chairwoman", "chairperson", "chair", "board", "trustee", "acting",
        "interim", "senior", "assistant", "asst", "corporate", "division", "annuity", "annuities",
        "ceo", "cfo", "coo", "cio", "cto", "cro", "cao", "cco", "evp", "svp", "vp", "avp", "exec", "pres",
        "secy", "treas", "cashier", "reinsurance", "medical", "operation", "digital", "data", "analytics",
    ]

    /// Words that join title words ("President and Chief Executive Officer", "Vice President - Finance").
    static let connectorWords: Set<String> = ["and", "of", "the", "for", "to"]

    /// Name suffixes: part of the name before them.
    static let nameSuffixes: Set<String> = ["jr", "ii", "iii", "iv", "esq", "phd", "cpa", "fsa", "maaa", "cfa"]

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]


    // MARK: Reading

    enum Section: String, Sendable {
        case header, officers, otherOfficers, directors, signatures, afterSworn
    }

    /// An address or contact block: a label line and the lines under it, each value line with
    /// the caption line printed beneath it ("(Street and Number) (City or Town, State and Zip Code)").
    enum Block: Hashable, Sendable {
        case statutoryHomeOffice, mainAdministrativeOffice, mailAddress, booksAndRecords, contact
    }

    enum CaptionPart: Sendable {
        case street, city, telephone, areaCode, fax, email, name, extensionNumber, current, prior, other
    }

    private struct BlockItem {
        var value: String
        var line: SourceText.Line
        var caption: [CaptionPart]?
    }

    private struct PersonLine {
        var line: SourceText.Line
        var tokens: [Token]
    }

    static func parse(_ lines: [SourceText.Line], context: ParseContext, vocabulary: Vocabulary) -> Cover {
        var reading = Reading(context: context, vocabulary: vocabulary)
        for line in lines where !NotesParser.isBlank(line.text) { reading.read(line) }
        return reading.finish()
    }

    /// The cover read line by line: what each line is, and the values, blocks and people found so far.
    private struct Reading {
        let context: ParseContext
        let vocabulary: Vocabulary
        var cover = Cover()
        var jurat: Cover.Jurat?
        var section = Section.header
        var block: Block?
        var items: [Block: [BlockItem]] = [:]
        var expectCompanyName = false
        var sawLabel = false
        var officerLines: [PersonLine] = []
        var otherLines: [PersonLine] = []
        var directorLines: [PersonLine] = []
        var signatureLines: [PersonLine] = []

        init(context: ParseContext, vocabulary: Vocabulary) {
            self.context = context
            self.vocabulary = vocabulary
        }

        mutating func read(_ line: SourceText.Line) {
            let clean = Text.clean(line.text)
            let words = Text.wordStrings(clean)
            let key = Text.key(clean)
            let companyNameExpected = expectCompanyName
            expectCompanyName = false
            if readLayout(line, clean: clean, key: key) { return }
            if readStatementLine(line, words: words, key: key) { return }
            if let segments = labelSegments(words, vocabulary) {
                readLabelled(segments, line, clean: clean)
                return
            }
            if companyNameExpected {
                cover.companyName = clean
                context.mapped(line)
                return
            }
            if cover.edition == nil, Text.contains(key, "edition") || Text.hasSuffix(key, "companies"), Text.isUppercase(clean) {
                cover.edition = clean
                context.mapped(line)
                return
            }
            if let open = block {
                items[open, default: []].append(BlockItem(value: clean, line: line, caption: nil))
                context.mapped(line)
                return
            }
            readPerson(line, clean: clean, words: words)
        }

        /// Caption lines under values, headings of the officer lists, the running header,
        /// jurat boilerplate and signature rules: the cover's shape, no values.
        private mutating func readLayout(_ line: SourceText.Line, clean: String, key: String) -> Bool {
            if let parts = caption(clean) {
                if let open = block, var list = items[open], let last = list.last, last.caption == nil {
                    list[list.count - 1].caption = parts
                    items[open] = list
                }
                context.classified(line)
                return true
            }
            if let heading = vocabulary.headingKeys.first(where: { $0.key == key }) {
                section = heading.section
                block = nil
                context.classified(line)
                return true
            }
            if !vocabulary.runningHeaderKey.isEmpty, Text.hasPrefix(key, vocabulary.runningHeaderKey) {
                // The running page header; the segmenter normally keeps it from the cover.
                context.classified(line)
                return true
            }
            if let boilerplate = vocabulary.boilerplateKeys.first(where: { Text.hasPrefix(key, $0.key) }) {
                if let next = boilerplate.next { section = next }
                block = nil
                context.classified(line)
                return true
            }
            if !clean.isEmpty, clean.allSatisfy({ $0 == "_" || $0 == " " }) {
                // A signature rule.
                context.classified(line)
                return true
            }
            return false
        }

        /// The statement's title and date ("QUARTERLY STATEMENT AS OF JUNE 30, 2011"), and the
        /// words before the company's name.
        private mutating func readStatementLine(_ line: SourceText.Line, words: [String], key: String) -> Bool {
            if let title = vocabulary.statementTitleKeys.first(where: { Text.hasPrefix(key, $0.key) }) {
                cover.kind = title.kind
                if let date = statementDate(words) { cover.statementDate = date } else { reportImpossibleDate(words, line, context) }
                context.mapped(line)
                return true
            }
            if vocabulary.datedByKeys.contains(where: { Text.hasPrefix(key, $0) }) {
                if let date = statementDate(words) {
                    cover.statementDate = date
                    context.mapped(line)
                    return true
                }
                if reportImpossibleDate(words, line, context) { return true }
            }
            if !vocabulary.nameFollowsKey.isEmpty, Text.hasPrefix(key, vocabulary.nameFollowsKey) {
                let rest = words.dropFirst(vocabulary.nameFollowsWordCount).joined(separator: " ")
                if rest.isEmpty {
                    expectCompanyName = true
                    context.classified(line)
                } else {
                    cover.companyName = rest
                    context.mapped(line)
                }
                return true
            }
            return false
        }

        /// A line of labelled values ("NAIC Group Code 0000 , 0000 NAIC Company Code 70416").
        private mutating func readLabelled(_ segments: [(field: Field, value: String)], _ line: SourceText.Line, clean: String) {
            sawLabel = true
            block = nil
            var placed = false
            for segment in segments {
                place(segment.field, segment.value, line, clean: clean, placed: &placed)
            }
            if placed { context.mapped(line) } else { context.classified(line) }
        }

        private mutating func place(_ field: Field, _ value: String, _ line: SourceText.Line, clean: String, placed: inout Bool) {
            switch field {
            case .groupCode:
                let codes = value.split(separator: " ").map { $0.filter { $0 != "," } }.filter { $0.contains(where: \.isNumber) }
                if let first = codes.first { cover.groupCode = String(first); placed = true }
                if codes.count > 1 { cover.priorGroupCode = String(codes[1]) }
            case .companyCode:
                if !value.isEmpty { cover.companyCode = value; placed = true }
            case .employerID:
                if !value.isEmpty { cover.employerID = value; placed = true }
            case .organizedUnder:
                if !value.isEmpty { cover.organizedUnderLawsOf = value; placed = true }
            case .stateOfDomicile:
                if !value.isEmpty { cover.stateOfDomicile = value; placed = true }
            case .countryOfDomicile:
                if !value.isEmpty { cover.countryOfDomicile = value; placed = true }
            case .incorporated, .commencedBusiness:
                guard !value.isEmpty else { break }
                if let token = value.split(separator: " ").first, let date = CalendarDate(us: token) {
                    if field == .incorporated { cover.incorporated = date } else { cover.commencedBusiness = date }
                    placed = true
                } else {
                    context.report(.warning, .coverField, line: line.number,
                                   "\"\(value)\" is not a date (MM/DD/YYYY); the \(field == .incorporated ? "incorporation" : "commenced business") date is left out",
                                   placed: placed)
                }
            case .webSite:
                if !value.isEmpty { cover.webSite = value; placed = true }
            case .statutoryHomeOffice, .mainAdministrativeOffice, .mailAddress, .booksAndRecords, .contact:
                let kind = blockKind(field)
                block = kind
                if !value.isEmpty {
                    items[kind, default: []].append(BlockItem(value: value, line: line, caption: nil))
                    placed = true
                }
            case .juratState:
                section = .signatures
                let state = stripSworn(value)
                if !state.isEmpty { jurat = with(jurat) { $0.state = state }; placed = true }
            case .juratCounty:
                section = .signatures
                let county = stripSworn(value)
                if !county.isEmpty { jurat = with(jurat) { $0.county = county }; placed = true }
            case .originalFiling:
                section = .afterSworn
                if let boxes = InterrogatoriesParser.checkBoxes(value), boxes.prefix.isEmpty {
                    let choice = boxes.checked.count == 1 ? boxes.checked.first : nil
                    jurat = with(jurat) { $0.originalFiling = choice.map { $0 == .yes } }
                    placed = true
                } else {
                    context.report(.warning, .coverField, line: line.number,
                                   "the original-filing answer \"\(value)\" is not Yes [ ] No [ ] boxes", placed: placed)
                }
            case .amendmentNumber:
                if !value.isEmpty { jurat = with(jurat) { $0.amendmentNumber = value }; placed = true }
            case .dateFiled:
                if !value.isEmpty { jurat = with(jurat) { $0.dateFiled = value }; placed = true }
            case .pagesAttached:
                if !value.isEmpty { jurat = with(jurat) { $0.pagesAttached = value }; placed = true }
            case .notKept:
                context.report(.info, .coverField, line: line.number,
                               "\"\(String(clean.prefix(60)))\" is printed on the cover but not kept in the model")
            }
        }

        /// A line of the officer lists or the signatures, or, before them, the company's name
        /// where no words announce it.
        private mutating func readPerson(_ line: SourceText.Line, clean: String, words: [String]) {
            let person = PersonLine(line: line, tokens: tokens(words))
            switch section {
            case .officers: officerLines.append(person); return
            case .otherOfficers: otherLines.append(person); return
            case .directors: directorLines.append(person); return
            case .signatures: signatureLines.append(person); return
            case .afterSworn:
                // The notary's name and commission: printed under the jurat, not in the model.
                context.report(.info, .coverField, line: line.number,
                               "\"\(String(clean.prefix(60)))\" under the jurat is not kept in the model")
                context.classified(line)
                return
            case .header:
                break
            }
            if cover.companyName == nil, !sawLabel, cover.kind != nil || cover.statementDate != nil {
                // No "OF THE CONDITION AND AFFAIRS OF THE" line: the name is the line between the
                // statement date and the first labelled line.
                cover.companyName = clean
                context.report(.info, .coverField, line: line.number,
                               "company name taken from its place on the cover (no \"\(vocabulary.nameFollows)\" line)")
                context.mapped(line)
                return
            }
            context.report(.warning, .unrecognizedLine, line: line.number,
                           "a cover line with no label this reader knows: \"\(String(clean.prefix(80)))\"")
        }

        /// The address and contact blocks, then the people: the signature block first, since it
        /// prints each name above its title, then the officer lists it helps tell apart.
        func finish() -> Cover {
            var cover = self.cover
            var jurat = self.jurat
            cover.statutoryHomeOffice = address(items[.statutoryHomeOffice], context: context)
            cover.mainAdministrativeOffice = address(items[.mainAdministrativeOffice], context: context)
            cover.mailAddress = address(items[.mailAddress], context: context)
            cover.booksAndRecords = address(items[.booksAndRecords], context: context)
            cover.contact = contact(items[.contact], context: context)

            let signatures = signaturePairs(signatureLines, context: context)
            if !signatures.isEmpty { jurat = with(jurat) { $0.signatures = signatures } }
            var knownNames = signatures.map { wordKeys($0.name) }.filter { !$0.isEmpty }
            var knownTitles = signatures.map { wordKeys($0.title) }.filter { !$0.isEmpty }
            let directorKeys = directorLines.map { $0.tokens.map(\.key) }

            cover.otherOfficers = officers(otherLines, titleFirst: false, knownNames: knownNames, knownTitles: knownTitles,
                                           corroborating: directorKeys + officerLines.map { $0.tokens.map(\.key) }, context: context)
            knownNames += cover.otherOfficers.map { wordKeys($0.name) }.filter { !$0.isEmpty }
            knownTitles += cover.otherOfficers.map { wordKeys($0.title) }.filter { !$0.isEmpty }
            cover.officers = officers(officerLines, titleFirst: true, knownNames: knownNames, knownTitles: knownTitles,
                                      corroborating: directorKeys + otherLines.map { $0.tokens.map(\.key) }, context: context)
            knownNames += cover.officers.map { wordKeys($0.name) }.filter { !$0.isEmpty }
            cover.directors = directors(directorLines, knownNames: knownNames, context: context)
            cover.jurat = jurat
            return cover
        }
    }

    // MARK: Labels

    /// The fields of a labelled line: each label found, with the words up to the next label.
    /// Nil unless the line starts with a label (after an item mark such as "a." or "1.").
    static func labelSegments(_ words: [String], _ vocabulary: Vocabulary) -> [(field: Field, value: String)]? {
        // A line opens with a label only if its first word, or the word after an item mark, is
        // the first word of one: most lines are turned away before each of their words is keyed.
        func opensLabel(_ index: Int) -> Bool { index < words.count && vocabulary.labelsByFirstWord[Text.key(words[index])] != nil }
        guard opensLabel(0) || (words.first.map(isItemMark) == true && opensLabel(1)) else { return nil }
        let keys = words.map { Text.key($0) }
        var start = 0
        var first = matchLabel(keys, at: 0, lineStart: true, vocabulary)
        if first == nil, let mark = words.first, isItemMark(mark) {
            start = 1
            first = matchLabel(keys, at: 1, lineStart: true, vocabulary)
        }
        guard var current = first else { return nil }
        var segments: [(Field, String)] = []
        var valueStart = start + current.words.count
        while true {
            var next: (words: [String], field: Field, lineStart: Bool)?
            var j = valueStart
            while j < keys.count {
                if let found = matchLabel(keys, at: j, lineStart: false, vocabulary) { next = found; break }
                j += 1
            }
            let valueWords = valueStart < j ? Array(words[valueStart..<j]) : []
            segments.append((current.field, labelValue(valueWords)))
            guard let found = next else { break }
            current = found
            valueStart = j + found.words.count
        }
        return segments
    }

    private static func matchLabel(_ keys: [String], at index: Int, lineStart: Bool, _ vocabulary: Vocabulary) -> (words: [String], field: Field, lineStart: Bool)? {
        // Only the labels whose first word is here can match: look those up rather than try all.
        guard index < keys.count, let candidates = vocabulary.labelsByFirstWord[keys[index]] else { return nil }
        for candidate in candidates {
            let label = vocabulary.labels[candidate]
            guard !label.lineStart || lineStart, index + label.words.count <= keys.count else { continue }
            if zip(label.words, keys[index..<(index + label.words.count)]).allSatisfy({ $0 == $1 }) { return label }
        }
        return nil
    }

    /// The value words of a label, without dot leaders, the comma that runs on into the next
    /// label, and surrounding punctuation.
    private static func labelValue(_ words: [String]) -> String {
        var text = words.joined(separator: " ")
        while let first = text.first, first == "." || first == ":" || first == " " { text.removeFirst() }
        while let last = text.last, last == "," || last == ";" || last == ":" || last == " " { text.removeLast() }
        if text.allSatisfy({ $0 == "." || $0 == " " || $0 == "_" }) { return "" }
        return text
    }

    /// "a.", "b)", "1.": the item marks of the jurat's questions.
    private static func isItemMark(_ word: String) -> Bool {
        guard let last = word.last, last == "." || last == ")", word.count >= 2, word.count <= 4 else { return false }
        return word.dropLast().allSatisfy { $0.isLetter || $0.isNumber }
    }

    /// "Massachusetts SS:" → "Massachusetts": the venue mark and its bracket are not the state.
    private static func stripSworn(_ value: String) -> String {
        var words = value.split(separator: " ")
        while let last = words.last, ["ss", ""].contains(Text.key(last)) { words.removeLast() }
        return labelValue(words.map(String.init))
    }

    private static func blockKind(_ field: Field) -> Block {
        switch field {
        case .statutoryHomeOffice: .statutoryHomeOffice
        case .mainAdministrativeOffice: .mainAdministrativeOffice
        case .mailAddress: .mailAddress
        case .booksAndRecords: .booksAndRecords
        default: .contact
        }
    }

    /// Each month, day and year printed in `words` ("JUNE 30, 2011", "FEBRUARY 30, 2011"), a
    /// date or not, with the index of its month's word.
    private static func printedDates(_ words: [String]) -> [(date: CalendarDate, index: Int)] {
        var dates: [(date: CalendarDate, index: Int)] = []
        for (index, word) in words.enumerated() {
            guard let month = monthNames.firstIndex(of: Text.key(word)), index + 2 < words.count else { continue }
            let dayText = words[index + 1].filter { $0 != "," }
            let yearText = words[index + 2].filter { $0 != "," && $0 != "." }
            guard yearText.count == 4, let day = Int(dayText), let year = Int(yearText) else { continue }
            dates.append((CalendarDate(year: year, month: month + 1, day: day), index))
        }
        return dates
    }

    /// A statement date printed as month, day and year that is no date ("FEBRUARY 30, 2011"):
    /// the text as printed.
    static func impossibleDate(_ words: [String]) -> String? {
        guard let index = printedDates(words).first(where: { !$0.date.isValid })?.index else { return nil }
        return words[index...(index + 2)].joined(separator: " ")
    }

    /// Reports a statement date that is no date as an error on `line`; whether there was one.
    @discardableResult
    private static func reportImpossibleDate(_ words: [String], _ line: SourceText.Line, _ context: ParseContext) -> Bool {
        guard let text = impossibleDate(words) else { return false }
        context.report(.error, .badValue, line: line.number, "the statement date \(text) is not a date")
        return true
    }

    /// "JUNE 30, 2011" inside "AS OF JUNE 30, 2011" or "FOR THE YEAR ENDED DECEMBER 31, 2024".
    static func statementDate(_ words: [String]) -> CalendarDate? {
        printedDates(words).first { $0.date.isValid }?.date
    }

    private static func with(_ jurat: Cover.Jurat?, _ change: (inout Cover.Jurat) -> Void) -> Cover.Jurat {
        var value = jurat ?? Cover.Jurat()
        change(&value)
        return value
    }

    static func wordKeys(_ text: String) -> [String] {
        Text.wordStrings(text).map { Text.key($0) }.filter { !$0.isEmpty }
    }

    // MARK: Captions, addresses and the contact

    /// The parts a caption line names: "(Street and Number) (City or Town, State and Zip Code)".
    /// Nil when the line is not made of parenthesized captions only.
    static func caption(_ clean: String) -> [CaptionPart]? {
        // The text inside each outermost pair of parentheses, as byte offsets.
        let inside: [Range<Int>]? = Text.withBytes(clean) { bytes in
            guard bytes.first == 0x28, bytes.last == 0x29 else { return nil } // ( )
            var ranges: [Range<Int>] = []
            var depth = 0
            var start = 0
            for (offset, byte) in bytes.enumerated() {
                if byte == 0x28 {
                    if depth == 0 { start = offset + 1 }
                    depth += 1
                } else if byte == 0x29 {
                    guard depth > 0 else { return nil }
                    depth -= 1
                    if depth == 0 { ranges.append(start..<offset) }
                } else if depth == 0 {
                    guard byte == 0x20 else { return nil }
                }
            }
            guard depth == 0, !ranges.isEmpty else { return nil }
            return ranges
        }
        return inside?.map { captionPart(Text.substring(clean[...], $0)) }
    }

    private static func captionPart(_ text: Substring) -> CaptionPart {
        let key = Text.key(text)
        if Text.contains(key, "street") { return .street }
        if Text.contains(key, "city") { return .city }
        if Text.contains(key, "fax") { return .fax }
        if Text.contains(key, "mail") { return .email }
        if Text.contains(key, "areacode") { return .areaCode }
        if Text.contains(key, "telephone") || Text.contains(key, "phone") { return .telephone }
        if Text.contains(key, "extension") { return .extensionNumber }
        if Text.contains(key, "name") { return .name }
        if Text.contains(key, "current") { return .current }
        if Text.contains(key, "prior") { return .prior }
        return .other
    }

    /// An address from its value lines. Each line is split by what its caption says it holds;
    /// a line without a caption is split by shape (a telephone number at the end, a
    /// "City, ST 12345" before it, the street before that).
    private static func address(_ items: [BlockItem]?, context: ParseContext) -> Cover.Address? {
        guard let items, !items.isEmpty else { return nil }
        var result = Cover.Address()
        for item in items {
            var rest = item.value
            let parts = item.caption
            let wantsPhone = parts.map { $0.contains(.telephone) || $0.contains(.areaCode) } ?? true
            let wantsCity = parts.map { $0.contains(.city) } ?? true
            let wantsStreet = parts.map { $0.contains(.street) } ?? true
            if wantsPhone, let split = trailingPhone(rest) {
                result.telephone = split.phone
                rest = split.rest
            } else if parts != nil, wantsPhone {
                context.report(.info, .coverField, line: item.line.number, "the caption names a telephone number, but none is printed")
            }
            guard !rest.isEmpty else { continue }
            switch (wantsStreet, wantsCity) {
            case (true, true):
                if let split = cityStateZip(rest) {
                    if let street = split.street { result.street = joined(result.street, street) }
                    result.cityStateZip = split.city
                } else if parts == nil, result.street != nil {
                    result.cityStateZip = rest
                    context.report(.info, .coverField, line: item.line.number,
                                   "\"\(rest)\" read as city, state and zip code by its place under the street")
                } else if parts != nil, let comma = rest.firstIndex(of: ",") {
                    result.street = joined(result.street, String(rest[..<comma]))
                    result.cityStateZip = Text.trimmed(rest[rest.index(after: comma)...])
                    context.report(.info, .coverField, line: item.line.number,
                                   "\"\(rest)\" split into street and city at its first comma (no state and zip code found)")
                } else {
                    result.street = joined(result.street, rest)
                }
            case (false, true):
                result.cityStateZip = rest
            case (true, false):
                result.street = joined(result.street, rest)
            case (false, false):
                result.street = joined(result.street, rest)
                context.report(.info, .coverField, line: item.line.number,
                               "the caption under \"\(rest)\" names no street or city; kept as the street")
            }
        }
        return result
    }

    /// The statutory statement contact: name and telephone, then e-mail and fax.
    private static func contact(_ items: [BlockItem]?, context: ParseContext) -> Cover.Contact? {
        guard let items, !items.isEmpty else { return nil }
        var result = Cover.Contact()
        for item in items {
            var names: [String] = []
            var phones: [String] = []
            var email: String?
            for segment in item.value.split(separator: ",").map({ Text.trimmed($0) }) where !segment.isEmpty {
                if segment.utf8.contains(0x40) { // @
                    email = segment
                } else if let phone = trailingPhone(segment) {
                    if !phone.rest.isEmpty { names.append(phone.rest) }
                    phones.append(phone.phone)
                } else if !phones.isEmpty, segment.allSatisfy({ $0.isASCII && $0.isNumber }), item.caption?.contains(.extensionNumber) == true {
                    // The telephone's extension, printed in its own column.
                    phones[phones.count - 1] += " " + segment
                } else {
                    names.append(segment)
                }
            }
            if let email { result.email = email }
            if !names.isEmpty { result.name = joined(result.name, names.joined(separator: ", ")) }
            // Which number is which: the caption says; without one, the number beside the name is
            // the telephone and the number beside the e-mail address the fax.
            var kinds = (item.caption ?? []).filter { $0 == .telephone || $0 == .fax }
            if kinds.isEmpty {
                kinds = email != nil && names.isEmpty ? [.fax] : [.telephone, .fax]
            }
            for (index, phone) in phones.enumerated() {
                let kind = index < kinds.count ? kinds[index] : .telephone
                if kind == .fax { result.fax = phone } else if result.telephone == nil { result.telephone = phone } else { result.fax = phone }
            }
        }
        return result
    }

    /// A telephone number at the end of `text`: 7, 10 or 11 digits in tokens of digits and
    /// `()-.+`, not a ZIP+4 code.
    static func trailingPhone(_ text: String) -> (rest: String, phone: String)? {
        var tokens = Text.wordStrings(text)
        var phone: [String] = []
        var digits = 0
        while let last = tokens.last {
            let token = last.hasSuffix(",") ? String(last.dropLast()) : last
            guard !token.isEmpty, token.allSatisfy({ ($0.isASCII && $0.isNumber) || "()-.+/".contains($0) }) else { break }
            let count = token.filter { $0.isASCII && $0.isNumber }.count
            guard count > 0, digits + count <= 11 else { break }
            if last.hasSuffix(","), !phone.isEmpty { break }
            digits += count
            phone.insert(token, at: 0)
            tokens.removeLast()
        }
        guard [7, 10, 11].contains(digits) else { return nil }
        let number = phone.joined(separator: " ")
        let zipPlusFour = number.count == 10 && number.split(separator: "-").map(\.count) == [5, 4]
        guard !zipPlusFour else { return nil }
        var rest = tokens.joined(separator: " ")
        while let last = rest.last, last == "," || last == " " { rest.removeLast() }
        return (rest, number)
    }

    /// Splits "100 Bright Meadow Boulevard, Enfield, CT 06082" into the street and
    /// "Enfield, CT 06082"; nil when no two-letter state and zip code end the text.
    static func cityStateZip(_ text: String) -> (street: String?, city: String)? {
        let segments = text.split(separator: ",").map { Text.trimmed($0) }.filter { !$0.isEmpty }
        guard let last = segments.last else { return nil }
        let lastWords = last.split(separator: " ")
        guard lastWords.count >= 2, isStateCode(lastWords[lastWords.count - 2]), isZip(lastWords[lastWords.count - 1]) else { return nil }
        var cityStart = segments.count - 1
        if lastWords.count == 2, segments.count >= 2 { cityStart -= 1 }
        let city = segments[cityStart...].joined(separator: ", ")
        let street = segments[..<cityStart].joined(separator: ", ")
        return (street.isEmpty ? nil : street, city)
    }

    private static func isStateCode(_ word: Substring) -> Bool {
        word.count == 2 && word.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    private static func isZip(_ word: Substring) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 5, first.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if parts.count == 1 { return true }
        return parts.count == 2 && parts[1].count == 4 && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func joined(_ existing: String?, _ more: String) -> String {
        guard let existing, !existing.isEmpty else { return more }
        return existing + ", " + more
    }

    // MARK: Officers, directors, signatures

    struct Token: Sendable {
        var text: String
        var key: String
    }

    private enum WordKind { case name, title, connector }

    private struct Run {
        var kind: WordKind
        var tokens: [Token]
        /// The run is a name or title printed elsewhere on the cover (the signature block).
        var confirmed: Bool
        var text: String { tokens.map(\.text).joined(separator: " ") }
        var keys: [String] { tokens.map(\.key).filter { !$0.isEmpty } }
    }

    private static func tokens(_ words: [String]) -> [Token] {
        words.map { Token(text: $0, key: Text.key($0)) }
    }

    /// Whether a word belongs to a title by itself (not counting connectors).
    private static func isTitleWord(_ token: Token) -> Bool {
        if titleVocabulary.contains(token.key) { return true }
        if token.text.contains("-") {
            let parts = token.text.split(separator: "-").map { Text.key($0) }.filter { !$0.isEmpty }
            return !parts.isEmpty && parts.allSatisfy { titleVocabulary.contains($0) || $0 == "co" }
        }
        return false
    }

    private static func isConnector(_ token: Token) -> Bool {
        token.key.isEmpty || connectorWords.contains(token.key)
    }

    /// Names and titles known from elsewhere on the cover, as ``runs(_:known:)`` matches them:
    /// longest first, in a trie of their words so that a line finds the ones it holds by walking
    /// from each of its words. Trying every known phrase at every word of every line, sorting the
    /// phrases for each line, cost lines × phrases × words: a cover listing a few thousand
    /// officers took minutes.
    private struct KnownPhrases {
        /// A known name or title has at most this many words; a longer "name" would only make
        /// each walk longer (real ones have a few words, the longest titles about a dozen).
        static let maxWords = 32
        /// The phrases, longest first: a phrase's number is its turn.
        let phrases: [(words: [String], kind: WordKind)]
        /// Trie nodes, 0 the root: the node after each next word, and the first phrase ending
        /// there. A later phrase of the same words could only find words already taken.
        private var children: [[String: Int]] = [[:]]
        private var ending: [Int?] = [nil]

        init(names: [[String]], titles: [[String]]) {
            phrases = (names.map { ($0, WordKind.name) } + titles.map { ($0, WordKind.title) })
                .filter { !$0.0.isEmpty && $0.0.count <= Self.maxWords }
                .sorted { $0.0.count > $1.0.count }
            for (number, phrase) in phrases.enumerated() {
                var node = 0
                for word in phrase.words {
                    if let child = children[node][word] {
                        node = child
                    } else {
                        children.append([:])
                        ending.append(nil)
                        children[node][word] = children.count - 1
                        node = children.count - 1
                    }
                }
                if ending[node] == nil { ending[node] = number }
            }
        }

        /// Where phrases occur in `tokens`, as (phrase number, first token), in the order the
        /// phrases take their words: by phrase, then left to right.
        func occurrences(in tokens: [Token]) -> [(phrase: Int, start: Int)] {
            var found: [(phrase: Int, start: Int)] = []
            for start in tokens.indices {
                var node = 0
                var i = start
                while i < tokens.count, let child = children[node][tokens[i].key] {
                    node = child
                    i += 1
                    if let number = ending[node] { found.append((number, start)) }
                }
            }
            return found.sorted { ($0.phrase, $0.start) < ($1.phrase, $1.start) }
        }
    }

    /// Splits a line's words into runs of name words and title words. Names and titles known
    /// from elsewhere are matched first (longest first), so "Treasurer" and "Todd Garrett Picken"
    /// stand as printed in the signature block; other words are titled by the vocabulary.
    private static func runs(_ tokens: [Token], known: KnownPhrases) -> [Run] {
        let count = tokens.count
        var kinds = [WordKind?](repeating: nil, count: count)
        var span = [Int](repeating: -1, count: count)
        var spanID = 0
        // Each phrase in turn, longest first, takes its occurrences left to right where no
        // longer phrase took a word already.
        for (number, start) in known.occurrences(in: tokens) {
            let phrase = known.phrases[number]
            let range = start..<(start + phrase.words.count)
            guard range.allSatisfy({ span[$0] < 0 }) else { continue }
            for j in range {
                kinds[j] = phrase.kind
                span[j] = spanID
            }
            spanID += 1
        }
        for i in 0..<count where kinds[i] == nil {
            let token = tokens[i]
            if isConnector(token) {
                kinds[i] = .connector
            } else if isTitleWord(token) {
                kinds[i] = .title
            } else if token.key == "sr" {
                // "Sr. Vice President" or "John Smith Sr.": decided by the next word.
                let next = i + 1 < count ? tokens[i + 1] : nil
                kinds[i] = next.map(isTitleWord) == true ? .title : .name
            } else {
                kinds[i] = .name
            }
        }
        // Connectors join the title they stand in or before ("and", "- Chairman"). The kind
        // after each word is found once, from the right: looking ahead from every connector cost
        // a line of connectors its length squared. (Looking back stops at the word before, which
        // is no longer a connector once it was decided.)
        var following = [WordKind?](repeating: nil, count: count)
        var next: WordKind?
        for i in stride(from: count - 1, through: 0, by: -1) {
            following[i] = next
            if kinds[i] != .connector { next = kinds[i] }
        }
        for i in 0..<count where kinds[i] == .connector {
            let before = (0..<i).reversed().first { kinds[$0] != .connector }.flatMap { kinds[$0] }
            let after = following[i]
            kinds[i] = (before == .title || after == .title) ? .title : .name
        }
        var result: [Run] = []
        for i in 0..<count {
            let kind = kinds[i] ?? .name
            let token = tokens[i]
            if var last = result.popLast() {
                let sameSpan = i > 0 && span[i] == span[i - 1]
                let suffix = kind == .name && last.kind == .name && nameSuffixes.contains(token.key)
                if last.kind == kind && (kind == .title || sameSpan) || suffix {
                    last.tokens.append(token)
                    if kind == .title { last.confirmed = last.confirmed && span[i] >= 0 }
                    result.append(last)
                    continue
                }
                result.append(last)
            }
            result.append(Run(kind: kind, tokens: [token], confirmed: span[i] >= 0))
        }
        return result
    }

    /// Officer lines as (title, name) pairs (`titleFirst`, the OFFICERS list) or (name, title)
    /// pairs (the OTHER list).
    private static func officers(_ lines: [PersonLine], titleFirst: Bool, knownNames: [[String]], knownTitles: [[String]],
                                 corroborating: [[String]], context: ParseContext) -> [Cover.Officer] {
        var result: [Cover.Officer] = []
        let known = KnownPhrases(names: knownNames, titles: knownTitles)
        // Every run of up to 4 words of the corroborating lines, so that a name is looked up
        // rather than searched for in each line (lines × officers on a long cover). A cover asks
        // about a few names at most, and those are searched for directly; the set is built only
        // when more are asked about.
        var corroborated: Set<ArraySlice<String>>?
        var searches = 0
        func isCorroborated(_ name: ArraySlice<String>) -> Bool {
            guard !name.isEmpty, name.count <= 4 else { return false }
            if corroborated == nil, searches < 8 {
                searches += 1
                return corroborating.contains { words in
                    words.count >= name.count
                        && (0...(words.count - name.count)).contains { words[$0..<($0 + name.count)].elementsEqual(name) }
                }
            }
            if corroborated == nil {
                var runs: Set<ArraySlice<String>> = []
                for words in corroborating {
                    for start in words.indices {
                        for end in (start + 1)...min(start + 4, words.count) { runs.insert(words[start..<end]) }
                    }
                }
                corroborated = runs
            }
            return corroborated?.contains(name) ?? false
        }
        for person in lines {
            let found = runs(person.tokens, known: known)
            let first: WordKind = titleFirst ? .title : .name
            var pairs: [(name: Run?, title: Run?)] = []
            var pending: Run?
            for run in found {
                if let open = pending {
                    if run.kind != open.kind {
                        pairs.append(open.kind == .name ? (open, run) : (run, open))
                        pending = nil
                    } else {
                        pairs.append(open.kind == .name ? (open, nil) : (nil, open))
                        pending = run
                    }
                } else if run.kind == first {
                    pending = run
                } else {
                    pairs.append(run.kind == .name ? (run, nil) : (nil, run))
                }
            }
            if let open = pending { pairs.append(open.kind == .name ? (open, nil) : (nil, open)) }

            for pair in pairs {
                let name = pair.name?.text ?? ""
                let title = pair.title?.text ?? ""
                result.append(Cover.Officer(name: name, title: title))
                if pair.name == nil || pair.title == nil {
                    context.report(.warning, .coverField, line: person.line.number,
                                   "could not pair \"\(name.isEmpty ? title : name)\" with a\(name.isEmpty ? " name" : " title")", placed: true)
                    continue
                }
                let nameKeys = pair.name?.keys ?? []
                let titleKeys = pair.title?.keys ?? []
                // Evidence is asked for only where it decides, and then the name has 4 words at most.
                func evidenced() -> Bool {
                    pair.name?.confirmed == true || pair.title?.confirmed == true || isCorroborated(nameKeys[...])
                }
                if nameKeys.count > 4 || titleKeys.isEmpty || !evidenced() {
                    context.report(.info, .coverField, line: person.line.number,
                                   "officer split by title words only (a guess): \"\(title)\" / \"\(name)\"")
                }
            }
            context.mapped(person.line)
        }
        return result
    }

    /// Directors, one entry per name; a designation printed after a name ("- Chairman") stays
    /// with it, as printed.
    private static func directors(_ lines: [PersonLine], knownNames: [[String]], context: ParseContext) -> [String] {
        var result: [String] = []
        let known = KnownPhrases(names: knownNames, titles: [])
        for person in lines {
            var entries: [String] = []
            for run in runs(person.tokens, known: known) {
                switch run.kind {
                case .name where run.confirmed || run.tokens.count <= 4:
                    entries.append(run.text)
                    if run.tokens.count == 1 {
                        context.report(.info, .coverField, line: person.line.number, "director \"\(run.text)\" is a single word")
                    }
                case .name:
                    let sizes = chunkSizes(run.tokens.count)
                    var start = 0
                    var names: [String] = []
                    for size in sizes {
                        let end = min(start + size, run.tokens.count)
                        names.append(run.tokens[start..<end].map(\.text).joined(separator: " "))
                        start = end
                    }
                    entries += names
                    context.report(.info, .coverField, line: person.line.number,
                                   "director names split by word count (a guess): \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
                default:
                    if let last = entries.popLast() {
                        entries.append(last + " " + run.text)
                    } else {
                        entries.append(run.text)
                        context.report(.info, .coverField, line: person.line.number,
                                       "\"\(run.text)\" in the directors list reads as a title, not a name")
                    }
                }
            }
            result += entries
            context.mapped(person.line)
        }
        return result
    }

    /// Word counts for names run together with nothing known about them: threes, the longer
    /// ones last.
    private static func chunkSizes(_ count: Int) -> [Int] {
        let names = max(1, (count + 1) / 3)
        let base = count / names
        let extra = count % names
        return (0..<names).map { $0 < names - extra ? base : base + 1 }
    }

    /// The signature block: each name line followed by its title line.
    private static func signaturePairs(_ lines: [PersonLine], context: ParseContext) -> [Cover.Officer] {
        var result: [Cover.Officer] = []
        var pendingName: PersonLine?
        for person in lines {
            let isTitle = !person.tokens.isEmpty && person.tokens.allSatisfy { isTitleWord($0) || isConnector($0) }
            if isTitle {
                let title = person.tokens.map(\.text).joined(separator: " ")
                if let name = pendingName {
                    result.append(Cover.Officer(name: name.tokens.map(\.text).joined(separator: " "), title: title))
                    pendingName = nil
                } else {
                    result.append(Cover.Officer(name: "", title: title))
                    context.report(.warning, .coverField, line: person.line.number,
                                   "a signature title with no name above it: \"\(title)\"", placed: true)
                }
            } else {
                if let name = pendingName {
                    result.append(Cover.Officer(name: name.tokens.map(\.text).joined(separator: " "), title: ""))
                    context.report(.info, .coverField, line: name.line.number, "a signature with no title under it")
                }
                pendingName = person
                if person.tokens.count > 4 {
                    context.report(.info, .coverField, line: person.line.number,
                                   "a long signature name; several signatures may be printed on one line")
                }
            }
            context.mapped(person.line)
        }
        if let name = pendingName {
            result.append(Cover.Officer(name: name.tokens.map(\.text).joined(separator: " "), title: ""))
            context.report(.info, .coverField, line: name.line.number, "a signature with no title under it")
        }
        return result
    }
}
