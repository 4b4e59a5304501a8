@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Writes a statement as one Inline XBRL 1.1 document: an XHTML page that a browser shows as
/// the printed statement and that an XBRL processor reads as the facts of the XML instance.
///
/// The facts are the ones ``FactMapping`` makes for the XML instance, each written exactly once:
/// where the statement prints its value (a page's cell, an amount in a caption, a cover field, a
/// note's paragraph or table cell, an interrogatory's answer), or, when it has no printed place,
/// in the header's `ix:hidden` section. The header (in a `display:none` block) ends the body. Contexts and units are those of the XML instance, with
/// the same ids. A printed form the value alone does not say (`$ 38`, `-`, `XXX`) is an
/// `ix:footnote` in the printed-form role, as it is an XBRL footnote in the XML instance.
///
/// Amounts are `ix:nonFraction` with their printed digits (`ixt:num-dot-decimal`), `sign="-"` for
/// a printed `(123)`, `scale` for a table "In Millions" and the instance's `decimals`; text,
/// dates and answers are `ix:nonNumeric`. Every fact has the id `f` and its number in the
/// mapping, as in the XML instance.
public struct InlineXBRLWriter: Sendable {
    @_spi(Stages) public let blank: Blank
    @_spi(Stages) public let taxonomy: TaxonomyModel

    @_spi(Stages) public init(blank: Blank) {
        self.blank = blank
        taxonomy = TaxonomyModel.of(blank)
    }

    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let ix = "http://www.xbrl.org/2013/inlineXBRL"
    /// The Inline XBRL Transformation Registry 4.
    static let ixt = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"

    /// A crosscheck's finding on one printed place.
    public struct Finding: Sendable, Equatable {
        public var rule: String
        /// `error` or `warning` (a difference within the rounding tolerance is a warning).
        public var severity: String
        public var text: String
    }

    /// Where a finding is shown: a cell of a page (`column` is the blank's column number), an
    /// amount printed in a caption, a cell of a note's table, an interrogatory's answer.
    public enum Place: Hashable, Sendable {
        case cell(page: String, line: String, column: String)
        case caption(page: String, line: String, slot: Int)
        case noteCell(note: Int, table: Int, row: String, column: Int)
        case interrogatory(String)
    }

    /// The places each failed or rounding result of `report` names on its left side (what the
    /// statement prints), with the rule's message.
    public static func findings(_ report: CheckReport) -> [Place: [Finding]] {
        var out: [Place: [Finding]] = [:]
        for result in report.results where result.status == .failed || result.status == .rounding {
            let severity = result.status == .rounding ? "warning" : (result.level ?? result.severity).rawValue
            var text = "[\(result.rule)] \(result.message)"
            if let expected = result.expected, let actual = result.actual { text += " (expected \(expected), actual \(actual))" }
            let finding = Finding(rule: result.rule, severity: severity, text: text)
            let left = result.cells.filter { $0.side == "left" }
            for cell in left.isEmpty ? result.cells : left {
                let place: Place?
                if let page = cell.page, let line = cell.line, let slot = cell.caption {
                    place = .caption(page: page, line: line, slot: slot)
                } else if let page = cell.page, let line = cell.line, let column = cell.column {
                    place = .cell(page: page, line: line, column: column)
                } else if let note = cell.note, let table = cell.table, let row = cell.row, let column = cell.column.flatMap({ Int($0) }) {
                    place = .noteCell(note: note, table: table, row: row, column: column)
                } else if let item = cell.interrogatory {
                    place = .interrogatory(item)
                } else {
                    place = nil
                }
                if let place, !(out[place]?.contains(finding) ?? false) { out[place, default: []].append(finding) }
            }
        }
        return out
    }

    /// The document, and the texts that held characters XML cannot hold (written as U+FFFD).
    @_spi(Stages) public func write(_ statement: Statement, _ mapping: FactMapping.Result,
                      findings: [Place: [Finding]] = [:]) -> (bytes: [UInt8], unwritable: [String]) {
        var document = Document(writer: self, statement: statement, mapping: mapping, findings: findings)
        return document.write()
    }
}

/// One document being written.
private struct Document {
    let writer: InlineXBRLWriter
    let statement: Statement
    let mapping: FactMapping.Result
    let findings: [InlineXBRLWriter.Place: [InlineXBRLWriter.Finding]]
    let prefix: String
    let periods: StatementPeriods?
    /// The facts of each concept (by the concept's number), to find a fact by concept and
    /// context: a concept has a few contexts, compared without hashing them.
    var conceptNumbers: [String: Int] = [:]
    var factsOfConcept: [[Int]] = []
    /// For a concept with many facts (a column of the notes' tables), its facts by context,
    /// made on first use.
    /// The contexts by number, each fact's context number, and (made on first use) the numbers
    /// of the contexts and the facts of each: a concept with many facts (a column of the notes'
    /// tables) finds its fact among the few of its context, the last context looked up kept.
    var contextList: [FactContext] = []
    var factContextNumbers: [Int] = []
    var contextIndex: [FactContext: Int] = [:]
    var factsOfContext: [[Int]] = []
    var lastContext: (context: FactContext, number: Int)?
    /// The printed forms, each once, in the order of their first fact (made by ``header(_:)``).
    var printedForms: [String] = []
    var written: [Bool]
    /// Each fact's context id (`c` and its number in document order).
    var contextIDs: [Int] = []
    /// Context numbers, in the order they are written.
    var contextOrder: [Int] = []
    var out = Out()
    /// The findings of each page's cells and caption amounts, and of each note's table cells:
    /// a cell is looked for among the few of its page or note.
    var cellFindings: [String: [(line: String, column: String, found: [InlineXBRLWriter.Finding])]] = [:]
    var captionFindings: [String: [(line: String, slot: Int, found: [InlineXBRLWriter.Finding])]] = [:]
    var noteFindings: [Int: [(table: Int, row: String, column: Int, found: [InlineXBRLWriter.Finding])]] = [:]
    /// Each fact's concept number, and the start of each fact's `name` and `contextRef`
    /// attributes up to the context's number (` name="prefix:Concept" contextRef="c`), made
    /// once per concept: `nameBytes[nameStarts[n]..<nameStarts[n + 1]]` for concept number `n`.
    var factConceptNumbers: [Int] = []
    var nameBytes: [UInt8] = []
    var nameStarts: [Int] = [0]
    /// The fact after the one last taken. The document is written in about the order the
    /// mapping made the facts, so the fact a place looks for is most often this one or one of
    /// the next few: it is compared before any lookup, when no two facts share a concept and a
    /// context (as the mapping makes them), so that the one found is the only one there is.
    var nextFact = 0
    var pairsUnique = false
    /// For each concept number, the position among its facts after the one last taken; and
    /// each fact's position among its concept's.
    var conceptCursor: [Int] = []
    var positionInConcept: [Int] = []

    final class Out {
        /// Written by one document on one thread, tens of thousands of times: the accesses are
        /// not checked at run time (which would cost a tenth of the writing).
        @exclusivity(unchecked) var xml: XMLBytes
        init(capacity: Int = 64 * 1024) { xml = XMLBytes(capacity: capacity) }
    }

    init(writer: InlineXBRLWriter, statement: Statement, mapping: FactMapping.Result,
         findings: [InlineXBRLWriter.Place: [InlineXBRLWriter.Finding]]) {
        self.writer = writer
        self.statement = statement
        self.mapping = mapping
        facts = mapping.facts
        self.findings = findings
        prefix = writer.taxonomy.prefix
        for (place, found) in findings {
            switch place {
            case .cell(let page, let line, let column): cellFindings[page, default: []].append((line, column, found))
            case .caption(let page, let line, let slot): captionFindings[page, default: []].append((line, slot, found))
            case .noteCell(let note, let table, let row, let column): noteFindings[note, default: []].append((table, row, column, found))
            case .interrogatory: break
            }
        }
        periods = statement.cover.statementDate.map { StatementPeriods(statementDate: $0) }
        written = [Bool](repeating: false, count: mapping.facts.count)
        let instance = InstanceWriter(taxonomy: writer.taxonomy)
        let concepts = mapping.concepts, factConcepts = mapping.factConcepts
        let numbered = factConcepts.count == facts.count
            && facts.indices.allSatisfy { factConcepts[$0] >= 0 && factConcepts[$0] < concepts.count && concepts[factConcepts[$0]] == facts[$0].concept }
        if numbered {
            // The mapping's numbers of concepts: each concept's name is hashed once.
            conceptNumbers.reserveCapacity(concepts.count)
            for (n, concept) in concepts.enumerated() where conceptNumbers[concept] == nil { conceptNumbers[concept] = n }
            factsOfConcept = [[Int]](repeating: [], count: concepts.count)
            var conceptUnits = [String??](repeating: nil, count: concepts.count)
            factUnits.reserveCapacity(facts.count)
            factConceptNumbers = factConcepts
            positionInConcept.reserveCapacity(facts.count)
            for i in facts.indices {
                let n = factConcepts[i]
                positionInConcept.append(factsOfConcept[n].count)
                factsOfConcept[n].append(i)
                if conceptUnits[n] == nil {
                    let unit = instance.unit(of: concepts[n])
                    conceptUnits[n] = .some(unit)
                    units[concepts[n]] = .some(unit)
                }
                factUnits.append(conceptUnits[n] ?? nil)
            }
            makeNames(concepts)
        } else {
            var names: [String] = []
            for (i, fact) in facts.enumerated() {
                let number: Int
                if let known = conceptNumbers[fact.concept] {
                    number = known
                } else {
                    number = factsOfConcept.count
                    conceptNumbers[fact.concept] = number
                    factsOfConcept.append([])
                    names.append(fact.concept)
                }
                positionInConcept.append(factsOfConcept[number].count)
                factsOfConcept[number].append(i)
                factConceptNumbers.append(number)
                if let known = units[fact.concept] {
                    factUnits.append(known)
                } else {
                    let unit = instance.unit(of: fact.concept)
                    units[fact.concept] = .some(unit)
                    factUnits.append(unit)
                }
            }
            makeNames(names)
        }
    }

    /// ` name="prefix:Concept" contextRef="c` for each concept number.
    mutating func makeNames(_ concepts: [String]) {
        nameBytes.reserveCapacity(concepts.count * 48)
        nameStarts.reserveCapacity(concepts.count + 1)
        for concept in concepts {
            nameBytes.append(contentsOf: " name=\"".utf8)
            nameBytes.append(contentsOf: prefix.utf8)
            nameBytes.append(0x3A)
            nameBytes.append(contentsOf: concept.utf8)
            nameBytes.append(contentsOf: "\" contextRef=\"c".utf8)
            nameStarts.append(nameBytes.count)
        }
    }

    let facts: [Fact]
    /// Each fact's unit (nil for a non-numeric fact).
    var factUnits: [String?] = []

    // MARK: Contexts

    /// Numbers contexts in the XML instance's document order (period, then key), as
    /// ``InstanceWriter`` does, so that the two documents' context ids agree.
    mutating func numberContexts() -> [FactContext] {
        var contexts = mapping.contexts
        var factContexts = mapping.factContexts
        if !InstanceWriter.numbers(factContexts, of: contexts, match: facts, { $0.context }) {
            (contexts, factContexts) = InstanceWriter.numbered(facts.map(\.context))
        }
        var used = [Bool](repeating: false, count: contexts.count)
        for number in factContexts { used[number] = true }
        contextOrder = InstanceWriter.documentOrder(contexts, used: used).map(\.number)
        var ids = [Int](repeating: 0, count: contexts.count)
        for (n, number) in contextOrder.enumerated() { ids[number] = n + 1 }
        contextIDs = factContexts.map { ids[$0] }
        contextList = contexts
        factContextNumbers = factContexts
        // Whether no two facts share a concept and a context (each context is in the list
        // once, so by number): each context is marked with the number of the concept whose
        // facts are being gone through, when one of them is in it.
        var mark = [Int](repeating: -1, count: contexts.count)
        conceptCursor = [Int](repeating: 0, count: factsOfConcept.count)
        pairsUnique = true
        for (n, list) in factsOfConcept.enumerated() where pairsUnique {
            for i in list {
                let c = factContexts[i]
                if mark[c] == n { pairsUnique = false; break }
                mark[c] = n
            }
        }
        return contexts
    }

    /// The unit of each concept the facts report (nil for a non-numeric one), worked out once.
    var units: [String: String?] = [:]

    func unit(_ concept: String) -> String? {
        if let known = units[concept] { return known }
        return InstanceWriter(taxonomy: writer.taxonomy).unit(of: concept)
    }

    // MARK: The document

    mutating func write() -> (bytes: [UInt8], unwritable: [String]) {
        let contexts = numberContexts()
        // About what the reference statement's document takes per fact and per context.
        out = Out(capacity: 520 * facts.count + 500 * contextOrder.count + 256 * 1024)
        let xml = out
        xml.xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html")
        xml.xml.attribute("xmlns", InlineXBRLWriter.xhtml)
        xml.xml.attribute("xmlns:ix", InlineXBRLWriter.ix)
        xml.xml.attribute("xmlns:ixt", InlineXBRLWriter.ixt)
        xml.xml.attribute("xmlns:xbrli", XBRLNamespace.xbrli)
        xml.xml.attribute("xmlns:link", XBRLNamespace.link)
        xml.xml.attribute("xmlns:xlink", XBRLNamespace.xlink)
        xml.xml.attribute("xmlns:xbrldi", XBRLNamespace.xbrldi)
        xml.xml.attribute("xmlns:iso4217", XBRLNamespace.iso4217)
        xml.xml.attribute("xmlns:xsi", XBRLNamespace.xsi)
        xml.xml.raw(" xmlns:")
        xml.xml.raw(prefix)
        xml.xml.raw("=\"")
        xml.xml.raw(XMLBytes.escapedAttributeValue(writer.taxonomy.namespace))
        xml.xml.raw("\" xml:lang=\"en\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/>\n<title>")
        xml.xml.text(title)
        xml.xml.raw("</title>\n<style type=\"text/css\">")
        xml.xml.raw(Self.style)
        xml.xml.raw("</style>\n</head>\n<body>\n")

        // The statement, then the header: what has no printed place (the hidden facts) is
        // known once the statement is written. (Inline XBRL puts the header anywhere in the body.)
        cover()
        for page in statement.pages {
            guard let description = writer.blank.page(page.id) else { continue }
            self.page(page, description)
        }
        notes()
        interrogatories()
        header(contexts)
        footnotes()
        xml.xml.raw("</body>\n</html>\n")
        return (xml.xml.bytes, xml.xml.unwritable)
    }

    var title: String {
        let cover = statement.cover
        var parts = [cover.companyName ?? "Statement"]
        if let date = cover.statementDate { parts.append(date.description) }
        parts.append(writer.blank.title)
        return parts.joined(separator: " – ")
    }

    /// The header: the hidden facts, the schemaRef, the contexts, units and role reference.
    mutating func header(_ contexts: [FactContext]) {
        let xml = out
        xml.xml.raw("<div style=\"display:none\"><ix:header>\n")
        let hidden = facts.indices.filter { !written[$0] }
        if !hidden.isEmpty {
            xml.xml.raw("<ix:hidden>\n")
            for i in hidden {
                hiddenFact(i)
                xml.xml.raw("\n")
            }
            xml.xml.raw("</ix:hidden>\n")
        }
        xml.xml.raw("<ix:references><link:schemaRef xlink:type=\"simple\"")
        xml.xml.attribute("xlink:href", writer.taxonomy.entryPointURL)
        xml.xml.raw("/></ix:references>\n<ix:resources>\n")
        if facts.contains(where: { $0.printedForm != nil }) {
            xml.xml.raw("<link:roleRef")
            xml.xml.attribute("roleURI", TaxonomyWriter.printedFormRole(writer.taxonomy))
            xml.xml.raw(" xlink:type=\"simple\"")
            xml.xml.attribute("xlink:href", "\(writer.taxonomy.entryPointURL)#printedForm")
            xml.xml.raw("/>\n")
        }
        let instance = InstanceWriter(taxonomy: writer.taxonomy)
        // What is the same in many contexts is made once: the entity, each typed axis's domain,
        // each period. A text holding a character XML cannot hold is written in
        // place each time instead, so that the document reports it once per use, as any text.
        var entity = XMLBytes(capacity: 160)
        entity.entityIdentifier(mapping.entity)
        let entityBytes: [UInt8]? = entity.unwritable.isEmpty ? entity.bytes : nil
        var typedDomains: [(axis: String, domain: String)] = []
        let prefix = self.prefix
        var periodBytes: [(period: Period, bytes: [UInt8])] = []
        for (n, number) in contextOrder.enumerated() {
            let context = contexts[number]
            xml.xml.raw("<xbrli:context id=\"c")
            xml.xml.integer(n + 1)
            xml.xml.raw("\">")
            if let entityBytes {
                xml.xml.raw(entityBytes)
            } else {
                xml.xml.entityIdentifier(mapping.entity)
            }
            xml.xml.segment(of: context, prefix: prefix, taxonomy: instance.taxonomy, typedDomains: &typedDomains)
            xml.xml.raw("</xbrli:entity>")
            if let known = periodBytes.first(where: { $0.period == context.period }) {
                xml.xml.raw(known.bytes)
            } else {
                var made = XMLBytes(capacity: 128)
                made.period(context.period)
                periodBytes.append((context.period, made.bytes))
                xml.xml.raw(made.bytes)
            }
            xml.xml.raw("</xbrli:context>\n")
        }
        let units = Set(self.units.values.compactMap { $0 })
        for unit in units.sorted() {
            xml.xml.raw("<xbrli:unit id=\"")
            xml.xml.raw(unit)
            xml.xml.raw("\"><xbrli:measure>")
            xml.xml.raw(unit == "USD" ? "iso4217:USD" : "xbrli:pure")
            xml.xml.raw("</xbrli:measure></xbrli:unit>\n")
        }
        // Each printed form once, with the facts printed so.
        var numbers: [String: Int] = [:]
        var groups: [[Int]] = []
        for (i, fact) in facts.enumerated() {
            guard let printed = fact.printedForm else { continue }
            if let n = numbers[printed] {
                groups[n].append(i)
            } else {
                numbers[printed] = groups.count
                groups.append([i])
                printedForms.append(printed)
            }
        }
        for (n, group) in groups.enumerated() {
            xml.xml.raw("<ix:relationship fromRefs=\"")
            for (k, i) in group.enumerated() {
                xml.xml.raw(k == 0 ? "f" : " f")
                xml.xml.integer(i + 1)
            }
            xml.xml.raw("\" toRefs=\"printed")
            xml.xml.integer(n + 1)
            xml.xml.raw("\"/>\n")
        }
        xml.xml.raw("</ix:resources>\n</ix:header></div>\n")
    }

    /// The printed forms, as footnotes: shown where they are printed, so kept out of view here.
    func footnotes() {
        let order = printedForms
        guard !order.isEmpty else { return }
        let xml = out
        xml.xml.raw("<div class=\"printed-forms\" style=\"display:none\">\n")
        for (n, printed) in order.enumerated() {
            xml.xml.raw("<ix:footnote id=\"printed")
            xml.xml.integer(n + 1)
            xml.xml.raw("\"")
            xml.xml.attribute("footnoteRole", TaxonomyWriter.printedFormRole(writer.taxonomy))
            xml.xml.raw(">")
            xml.xml.text(printed)
            xml.xml.raw("</ix:footnote>\n")
        }
        xml.xml.raw("</div>\n")
    }

    // MARK: Facts

    func startTag(_ element: StaticString, _ i: Int) {
        let xml = out
        xml.xml.raw("<ix:")
        xml.xml.raw(element)
        let n = factConceptNumbers[i]
        nameBytes.withUnsafeBufferPointer { xml.xml.raw(UnsafeBufferPointer(rebasing: $0[nameStarts[n]..<nameStarts[n + 1]])) }
        xml.xml.integer(contextIDs[i])
        xml.xml.raw("\" id=\"f")
        xml.xml.integer(i + 1)
        xml.xml.raw("\"")
        if element.utf8CodeUnitCount == 11, let unit = factUnits[i] {  // nonFraction
            xml.xml.raw(" unitRef=\"")
            xml.xml.raw(unit)
            xml.xml.raw("\"")
        }
    }

    /// A fact with no printed place, in the hidden section: its value as the XML instance has it.
    func hiddenFact(_ i: Int) {
        let xml = out
        let numeric = factUnits[i] != nil
        switch facts[i].value {
        case .amount(let amount, let scale):
            startTag("nonFraction", i)
            xml.xml.raw(" decimals=\"")
            xml.xml.integer(amount.fractionDigits - scale.exponent)
            xml.xml.raw("\"")
            if amount.units < 0 { xml.xml.raw(" sign=\"-\"") }
            xml.xml.raw(">")
            var value = InstanceWriter.scaled(amount, scale)
            value.units = value.units.magnitude > UInt64(Int64.max) ? value.units : abs(value.units)
            xml.xml.amount(value)
            xml.xml.raw("</ix:nonFraction>")
        case .none:
            startTag(numeric ? "nonFraction" : "nonNumeric", i)
            xml.xml.raw(" xsi:nil=\"true\"/>")
        case .text(let t):
            startTag("nonNumeric", i)
            xml.xml.raw(">")
            xml.xml.text(t)
            xml.xml.raw("</ix:nonNumeric>")
        case .boolean(let b):
            startTag("nonNumeric", i)
            xml.xml.raw(b ? ">true</ix:nonNumeric>" : ">false</ix:nonNumeric>")
        case .date(let d):
            startTag("nonNumeric", i)
            xml.xml.raw(">")
            xml.xml.date(d)
            xml.xml.raw("</ix:nonNumeric>")
        }
    }

    /// The fact of `concept` in `context`, unless it is written already.
    mutating func take(_ concept: String, _ context: FactContext) -> Int? {
        if pairsUnique {
            var j = nextFact
            let end = min(j + 4, facts.count)
            while j < end {
                if facts[j].concept == concept, facts[j].context == context {
                    guard !written[j] else { return nil }
                    written[j] = true
                    nextFact = j + 1
                    conceptCursor[factConceptNumbers[j]] = positionInConcept[j] + 1
                    return j
                }
                j += 1
            }
        }
        guard let number = conceptNumbers[concept] else { return nil }
        let candidates = factsOfConcept[number]
        var found: Int?
        if pairsUnique {
            // The concept's facts are taken in about their order too: the one after the
            // concept's last taken, or the next.
            var k = conceptCursor[number]
            while found == nil, k < min(conceptCursor[number] + 2, candidates.count) {
                if facts[candidates[k]].context == context { found = candidates[k] }
                k += 1
            }
        }
        if found == nil, candidates.count <= 16 {
            found = candidates.first { mapping.facts[$0].context == context }
        } else if found == nil {
            if factsOfContext.isEmpty {
                contextIndex.reserveCapacity(contextList.count)
                for (n, c) in contextList.enumerated() where contextIndex[c] == nil { contextIndex[c] = n }
                factsOfContext = [[Int]](repeating: [], count: contextList.count)
                for (i, n) in factContextNumbers.enumerated() { factsOfContext[n].append(i) }
            }
            let n: Int
            if let last = lastContext, last.context == context {
                n = last.number
            } else {
                guard let known = contextIndex[context] else { return nil }
                n = known
                lastContext = (context, known)
            }
            found = factsOfContext[n].first { facts[$0].concept == concept }
        }
        guard let i = found, !written[i] else { return nil }
        written[i] = true
        nextFact = i + 1
        if pairsUnique { conceptCursor[number] = positionInConcept[i] + 1 }
        return i
    }

    /// `text` as printed, tagged as fact `i` when there is one.
    mutating func textFact(_ i: Int?, _ text: String) {
        let xml = out
        guard let i else {
            xml.xml.text(text)
            return
        }
        if case .text(let value) = facts[i].value, value == text {
            startTag("nonNumeric", i)
            xml.xml.raw(">")
            xml.xml.text(text)
            xml.xml.raw("</ix:nonNumeric>")
        } else {
            // Not the printed text (which should not happen): the fact goes to the hidden section.
            written[i] = false
            xml.xml.text(text)
        }
    }

    /// A printed cell: an amount (its digits tagged, the sign, `$` and parentheses around them),
    /// a dash or `XXX` (a nil fact before the mark), or text.
    mutating func cellFact(_ i: Int?, _ cell: Cell) {
        let xml = out
        guard let i else {
            xml.xml.text(ValueScanner.render(cell))
            return
        }
        switch (cell, facts[i].value) {
        case (.amount(let amount, let dollar), .amount(let value, let scale)) where value == amount && amount.units != .min:
            if dollar { xml.xml.raw("$&#160;") }
            if amount.units < 0 { xml.xml.raw("(") }
            startTag("nonFraction", i)
            xml.xml.raw(" decimals=\"")
            xml.xml.integer(amount.fractionDigits - scale.exponent)
            xml.xml.raw("\"")
            if scale.exponent != 0 {
                xml.xml.raw(" scale=\"")
                xml.xml.integer(scale.exponent)
                xml.xml.raw("\"")
            }
            if amount.units < 0 { xml.xml.raw(" sign=\"-\"") }
            xml.xml.raw(" format=\"ixt:num-dot-decimal\">")
            Self.grouped(amount.units.magnitude, fractionDigits: amount.fractionDigits, xml)
            xml.xml.raw("</ix:nonFraction>")
            if amount.units < 0 { xml.xml.raw(")") }
        case (.percent(let percent), .amount(let value, .percent)) where value == percent:
            // A table's percentage: the figure as printed, its value a ratio (scale -2), then its sign.
            cellFact(i, .amount(percent, dollarSign: false))
            xml.xml.raw("&#160;%")
        case (.dash, .none), (.notApplicable, .none):
            startTag(factUnits[i] != nil ? "nonFraction" : "nonNumeric", i)
            xml.xml.raw(" xsi:nil=\"true\"/>")
            xml.xml.text(ValueScanner.render(cell))
        case (.text(let t), .amount(let value, .units)) where factUnits[i] != nil && value.fractionDigits == 0 && value.units >= 0
            && t == String(value.units):
            // A count printed as its digits.
            startTag("nonFraction", i)
            xml.xml.raw(" decimals=\"0\" format=\"ixt:num-dot-decimal\">")
            xml.xml.text(t)
            xml.xml.raw("</ix:nonFraction>")
        case (.text(let t), .text(let value)) where t == value:
            textFact(i, t)
        case (_, .text(let value)) where value == ValueScanner.render(cell):
            // XXX in a text column, or text where an amount belongs: kept as printed.
            textFact(i, value)
        default:
            written[i] = false
            xml.xml.text(ValueScanner.render(cell))
        }
    }

    /// The digits of `magnitude` as ``ValueScanner/format(_:)`` prints them, with a comma
    /// between each three of the whole part and `fractionDigits` after the point:
    /// `1,673,536`, `4,933,708.07`. (Digits, commas and a point need no escaping.)
    static func grouped(_ magnitude: UInt64, fractionDigits: Int, _ xml: Out) {
        let fraction = max(0, fractionDigits)
        // More digits than a buffer of the stack holds: as the scanner formats them.
        guard fraction <= 40 else {
            xml.xml.text(ValueScanner.format(Amount(units: Int64(magnitude), fractionDigits: fractionDigits)))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            // Filled from the end: the fraction's digits, the point, then the whole part's
            // digits with a comma before each three but the first.
            var rest = magnitude
            var end = buffer.count
            var written = 0
            if fraction > 0 {
                for _ in 0..<fraction {
                    end -= 1
                    buffer[end] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                    rest /= 10
                }
                end -= 1
                buffer[end] = 0x2E
            }
            repeat {
                if written > 0, written % 3 == 0 {
                    end -= 1
                    buffer[end] = 0x2C
                }
                end -= 1
                buffer[end] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
                written += 1
            } while rest > 0
            xml.xml.raw(UnsafeBufferPointer(rebasing: buffer[end...]))
        }
    }

    /// A line number as the blank prints it (``TextRenderer/printedNumber(_:)``): `1.`, `25.01`,
    /// `08.301.`.
    func lineNumber(_ line: String) {
        let xml = out
        // Worked out on the bytes when they are printable ASCII other than `&`, `<` and `>`
        // (each a character, none escaped); any other number as the renderer prints it.
        let dot: Bool? = Text.withBytes(line) { bytes in
            var parts = 0, last = 0, length = 0
            for byte in bytes {
                guard byte > 0x20, byte < 0x7F, byte != 0x26, byte != 0x3C, byte != 0x3E else { return nil }
                if byte == 0x2E {
                    if length > 0 { parts += 1; last = length }
                    length = 0
                } else {
                    length += 1
                }
            }
            if length > 0 { parts += 1; last = length }
            return parts == 1 ? bytes.count < 7 : last >= 3
        }
        guard let dot else { return xml.xml.text(TextRenderer.printedNumber(line)) }
        xml.xml.raw(line)
        if dot { xml.xml.raw(".") }
    }

    /// `class` and `title` for a place with `found` findings, and the mark shown in it.
    /// (`classes` are names that need no escaping.)
    func open(_ element: StaticString, _ classes: StaticString, _ found: [InlineXBRLWriter.Finding]?) {
        let xml = out
        xml.xml.raw("<")
        xml.xml.raw(element)
        if let found, !found.isEmpty {
            let error = found.contains { $0.severity == "error" }
            xml.xml.raw(" class=\"")
            xml.xml.raw(classes)
            xml.xml.raw(error ? " finding finding-error\"" : " finding finding-warning\"")
            xml.xml.attribute("title", found.map(\.text).joined(separator: "\n"))
            xml.xml.raw("><span class=\"mark\">")
            xml.xml.raw(error ? "&#10007;" : "&#9888;")
            xml.xml.raw("</span>")
        } else {
            if classes.utf8CodeUnitCount > 0 {
                xml.xml.raw(" class=\"")
                xml.xml.raw(classes)
                xml.xml.raw("\"")
            }
            xml.xml.raw(">")
        }
    }

    // MARK: Cover

    mutating func cover() {
        guard let periods else { return }
        let at = FactContext(period: periods.period(.currentInstant))
        writeCoverTitle(at)
        writeCoverFields(at)
        let cover = statement.cover
        writePeople("Officers", cover.officers, "OfficerName", "OfficerTitle", periods)
        writePeople("Other Officers", cover.otherOfficers, "OtherOfficerName", "OtherOfficerTitle", periods)
        writeDirectors(cover.directors, periods)
        if let jurat = cover.jurat { writeJurat(jurat, at, periods) }
        out.xml.raw("</div>\n")
    }

    /// Opens the cover: the company's name, the edition, and the statement's date and kind.
    private mutating func writeCoverTitle(_ at: FactContext) {
        let cover = statement.cover
        let xml = out
        xml.xml.raw("<div class=\"cover\" id=\"cover\">\n<h1>")
        textFact(take("CompanyName", at), cover.companyName ?? "")
        xml.xml.raw("</h1>\n<p class=\"edition\">")
        if let edition = cover.edition { textFact(take("EditionTitle", at), edition) } else { xml.xml.text(writer.blank.title) }
        xml.xml.raw("</p>\n<p class=\"as-of\">")
        xml.xml.text(writer.blank.kind == .annual ? "For the year ended " : "As of ")
        if let date = cover.statementDate, let i = take("StatementDate", at) { dateFact(i, date) }
        if let kind = cover.kind {
            xml.xml.raw(" (")
            textFact(take("StatementKind", at), kind.rawValue)
            xml.xml.raw(")")
        }
        xml.xml.raw("</p>\n")
    }

    /// The cover's table of fields: codes, domicile, dates, addresses and the statement contact.
    private mutating func writeCoverFields(_ at: FactContext) {
        let cover = statement.cover
        out.xml.raw("<table class=\"cover-fields\">\n")
        writeCoverField("NAIC Group Code", "NAICGroupCode", cover.groupCode, at)
        writeCoverField("NAIC Group Code (prior period)", "NAICGroupCodePrior", cover.priorGroupCode, at)
        writeCoverField("NAIC Company Code", "NAICCompanyCode", cover.companyCode, at)
        writeCoverField("Employer's ID Number", "EmployerIdentificationNumber", cover.employerID, at)
        writeCoverField("Organized under the Laws of", "OrganizedUnderLawsOf", cover.organizedUnderLawsOf, at)
        writeCoverField("State of Domicile or Port of Entry", "StateOfDomicile", cover.stateOfDomicile, at)
        writeCoverField("Country of Domicile", "CountryOfDomicile", cover.countryOfDomicile, at)
        writeCoverDate("Incorporated/Organized", "IncorporationDate", cover.incorporated, at)
        writeCoverDate("Commenced Business", "CommencedBusinessDate", cover.commencedBusiness, at)
        for (label, stem, address) in [("Statutory Home Office", "StatutoryHomeOffice", cover.statutoryHomeOffice),
                                       ("Main Administrative Office", "MainAdministrativeOffice", cover.mainAdministrativeOffice),
                                       ("Mail Address", "MailAddress", cover.mailAddress),
                                       ("Primary Location of Books and Records", "BooksAndRecords", cover.booksAndRecords)] {
            guard let address else { continue }
            writeCoverField(label, stem + "Street", address.street, at)
            writeCoverField(label + " (city or town, state, zip)", stem + "CityStateZip", address.cityStateZip, at)
            writeCoverField(label + " (telephone)", stem + "Telephone", address.telephone, at)
        }
        writeCoverField("Internet Website Address", "InternetWebSiteAddress", cover.webSite, at)
        writeCoverField("Statutory Statement Contact", "StatementContactName", cover.contact?.name, at)
        writeCoverField("Contact telephone", "StatementContactTelephone", cover.contact?.telephone, at)
        writeCoverField("Contact e-mail address", "StatementContactEmail", cover.contact?.email, at)
        writeCoverField("Contact fax number", "StatementContactFax", cover.contact?.fax, at)
        out.xml.raw("</table>\n")
    }

    /// A row of the cover's table: the label, then the value, tagged where its fact is.
    private mutating func writeCoverRow(_ label: String, _ value: (inout Document) -> Void) {
        let xml = out
        xml.xml.raw("<tr><th>")
        xml.xml.text(label)
        xml.xml.raw("</th><td>")
        value(&self)
        xml.xml.raw("</td></tr>\n")
    }

    /// A cover field's row, where the statement prints the field.
    private mutating func writeCoverField(_ label: String, _ concept: String, _ value: String?, _ at: FactContext) {
        guard let value else { return }
        writeCoverRow(label) { $0.textFact($0.take(concept, at), value) }
    }

    /// A cover date's row, where the statement prints the date.
    private mutating func writeCoverDate(_ label: String, _ concept: String, _ value: CalendarDate?, _ at: FactContext) {
        guard let value else { return }
        writeCoverRow(label) { $0.dateFact($0.take(concept, at), value) }
    }

    /// The context of the `i`th item of a cover list (officers, directors, signatures).
    private static func numbered(_ i: Int, _ periods: StatementPeriods) -> FactContext {
        FactContext(period: periods.period(.currentInstant), typed: ["ItemNumberAxis": String(i + 1)])
    }

    /// A table of people by name and title under a heading, where the list has any.
    private mutating func writePeople(_ heading: String, _ list: [Cover.Officer], _ name: String, _ title: String, _ periods: StatementPeriods) {
        guard !list.isEmpty else { return }
        let xml = out
        xml.xml.raw("<h3>")
        xml.xml.text(heading)
        xml.xml.raw("</h3>\n<table class=\"officers\">\n")
        for (i, officer) in list.enumerated() {
            xml.xml.raw("<tr><td>")
            textFact(take(name, Self.numbered(i, periods)), officer.name)
            xml.xml.raw("</td><td>")
            textFact(take(title, Self.numbered(i, periods)), officer.title)
            xml.xml.raw("</td></tr>\n")
        }
        xml.xml.raw("</table>\n")
    }

    /// The list of directors or trustees, where the cover names any.
    private mutating func writeDirectors(_ directors: [String], _ periods: StatementPeriods) {
        guard !directors.isEmpty else { return }
        let xml = out
        xml.xml.raw("<h3>Directors or Trustees</h3>\n<ul class=\"directors\">\n")
        for (i, name) in directors.enumerated() {
            xml.xml.raw("<li>")
            textFact(take("DirectorOrTrusteeName", Self.numbered(i, periods)), name)
            xml.xml.raw("</li>\n")
        }
        xml.xml.raw("</ul>\n")
    }

    /// The jurat: where it was sworn, its signatures, and the filing's original or amendment facts.
    private mutating func writeJurat(_ jurat: Cover.Jurat, _ at: FactContext, _ periods: StatementPeriods) {
        let xml = out
        xml.xml.raw("<div class=\"jurat\">\n<p>State of ")
        if let state = jurat.state { textFact(take("JuratState", at), state) }
        xml.xml.raw("<br/>County of ")
        if let county = jurat.county { textFact(take("JuratCounty", at), county) }
        xml.xml.raw("</p>\n")
        writePeople("Signatures", jurat.signatures, "JuratSignatoryName", "JuratSignatoryTitle", periods)
        xml.xml.raw("<p>a. Is this an original filing? ")
        if let i = take("IsOriginalFiling", at) { yesNo(i, jurat.originalFiling.map { $0 ? .yes : .no }) }
        xml.xml.raw("</p>\n<p>b. If no: 1. State the amendment number: ")
        if let v = jurat.amendmentNumber { textFact(take("AmendmentNumber", at), v) }
        xml.xml.raw("<br/>2. Date filed: ")
        if let v = jurat.dateFiled { textFact(take("DateFiled", at), v) }
        xml.xml.raw("<br/>3. Number of pages attached: ")
        if let v = jurat.pagesAttached { textFact(take("NumberOfPagesAttached", at), v) }
        xml.xml.raw("</p>\n</div>\n")
    }

    /// A date as the blank prints it (`06/30/2011`), tagged as fact `i` where that is its fact.
    func dateFact(_ i: Int?, _ date: CalendarDate) {
        let xml = out
        guard let i, case .date(let value) = facts[i].value, value == date else {
            xml.xml.text(date.usForm)
            return
        }
        startTag("nonNumeric", i)
        xml.xml.raw(" format=\"ixt:date-month-day-year\">")
        xml.xml.text(Self.usDate(date))
        xml.xml.raw("</ix:nonNumeric>")
    }

    static func usDate(_ d: CalendarDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(d.month))/\(two(d.day))/\(d.year)"
    }

    /// `Yes [X] No [ ]` (and `N/A [ ]` where offered), the answer tagged.
    func yesNo(_ i: Int, _ choice: Answer.Choice?, offersNotApplicable: Bool = false) {
        let xml = out
        // A yes/no/n/a answer kept as text ("no") is the label of the box checked, shown in
        // capitals ("No [ X ]").
        var textChoice: Answer.Choice?
        if case .text(let t) = facts[i].value, let c = Answer.Choice(rawValue: t), c == choice { textChoice = c }
        func box(_ label: StaticString, _ option: Answer.Choice) {
            if textChoice == option {
                xml.xml.raw(option == .notApplicable ? "<span class=\"choice-na\">" : "<span class=\"choice\">")
                startTag("nonNumeric", i)
                xml.xml.raw(">")
                xml.xml.text(option.rawValue)
                xml.xml.raw("</ix:nonNumeric></span>")
            } else {
                xml.xml.raw(label)
            }
            xml.xml.raw(choice == option ? " [&#160;X&#160;]" : " [&#160;&#160;&#160;]")
        }
        switch facts[i].value {
        case .none:
            startTag(factUnits[i] != nil ? "nonFraction" : "nonNumeric", i)
            xml.xml.raw(" xsi:nil=\"true\"/>")
        case .boolean(let b):
            startTag("nonNumeric", i)
            xml.xml.raw(b ? " format=\"ixt:fixed-true\">" : " format=\"ixt:fixed-false\">")
        case .text(let t) where textChoice == nil:
            startTag("nonNumeric", i)
            xml.xml.raw(">")
            xml.xml.text(t)
            xml.xml.raw("</ix:nonNumeric> ")
        default:
            break
        }
        box("Yes", .yes)
        xml.xml.raw(" ")
        box("No", .no)
        if offersNotApplicable || choice == .notApplicable {
            xml.xml.raw(" ")
            box("N/A", .notApplicable)
        }
        if case .boolean = facts[i].value { xml.xml.raw("</ix:nonNumeric>") }
    }

    // MARK: Pages

    mutating func page(_ page: Page, _ description: PageDescription) {
        writePageTitle(page, description)
        guard let periods else { return }
        let document = periods.period(.currentYearToDate)
        writeHeadingLines(page, width: description.columns.count, document: document)
        writeColumnRows(page, description.columns)
        var rows = PageRows(page, description, periods: periods, document: document)
        let marks = cellFindings[page.id]
        for row in page.rows {
            guard let l = rows.lineIndex[row.line] else { continue }
            writeRow(row, description.lines[l], &rows, marks: marks)
        }
        writePageEnd(page, width: description.columns.count, document: document)
    }

    /// Opens a page: its running header, title and subtitles, and the head of its table.
    private func writePageTitle(_ page: Page, _ description: PageDescription) {
        let xml = out
        xml.xml.raw("<div class=\"page\"")
        xml.xml.attribute("id", "page-" + page.id)
        xml.xml.raw(">\n<div class=\"running-header\">")
        if statement.cover.statementDate != nil { xml.xml.text(runningHeader) }
        xml.xml.raw("</div>\n<h2 class=\"title\">")
        xml.xml.text(description.title)
        xml.xml.raw("</h2>\n")
        for subtitle in description.subtitles ?? [] {
            xml.xml.raw("<p class=\"subtitle\">")
            xml.xml.text(subtitle)
            xml.xml.raw("</p>\n")
        }
        xml.xml.raw("<table class=\"statement\"")
        xml.xml.raw(">\n<thead>\n")
    }

    /// The column headings read from the statement, a table row per heading line laid out over
    /// the columns as the blank prints them (``headingLayout(_:width:)``).
    private mutating func writeHeadingLines(_ page: Page, width: Int, document: Period) {
        let xml = out
        let pageAxis: DimensionMembers = ["PageAxis": page.id]
        let layout = Self.headingLayout(page.headings, width: width)
        for (h, heading) in page.headings.enumerated() {
            xml.xml.raw("<tr class=\"heading\">")
            // The heading line is one fact, its column headings joined by tabs: the first
            // column's heading starts it, the others continue it.
            let fact = take("PrintedColumnHeadings", FactContext(period: document, typed: pageAxis.adding("TableRowAxis", String(h + 1))))
            let tagged = fact.map { i -> Bool in
                if case .text(let t) = facts[i].value, t == heading.joined(separator: "\t") { return true }
                written[i] = false
                return false
            } ?? false
            let line = layout[h]
            xml.xml.raw("<th class=\"line\"></th><th class=\"caption\">")
            writeHeadingPieces(line.leading, of: heading, fact: tagged ? fact : nil)
            xml.xml.raw("</th>")
            for cell in line.cells {
                xml.xml.raw("<th")
                if cell.colspan > 1 { xml.xml.attribute("colspan", String(cell.colspan)) }
                if cell.rowspan > 1 { xml.xml.attribute("rowspan", String(cell.rowspan)) }
                xml.xml.raw(">")
                writeHeadingPieces(cell.entries, of: heading, fact: tagged ? fact : nil)
                xml.xml.raw("</th>")
            }
            if heading.isEmpty, line.cells.isEmpty {
                xml.xml.raw("<th")
                xml.xml.attribute("colspan", String(max(1, width)))
                xml.xml.raw(">")
                if let i = fact, tagged { textFact(i, "") }
                xml.xml.raw("</th>")
            }
            xml.xml.raw("</tr>\n")
        }
    }

    /// The column headings `entries` of a heading line, as the pieces of its fact `i` where it
    /// is tagged (the first starts it, the others continue it), as text otherwise.
    private func writeHeadingPieces(_ entries: [Int], of heading: [String], fact i: Int?) {
        let xml = out
        for k in entries {
            guard let i else {
                if k > 0, !heading[k].isEmpty { xml.xml.raw(" ") }
                xml.xml.text(heading[k])
                continue
            }
            if k == 0 {
                startTag("nonNumeric", i)
            } else {
                xml.xml.raw("<ix:continuation id=\"h")
                xml.xml.integer(i + 1)
                xml.xml.raw("-")
                xml.xml.integer(k)
                xml.xml.raw("\"")
            }
            if k < heading.count - 1 {
                xml.xml.raw(" continuedAt=\"h")
                xml.xml.integer(i + 1)
                xml.xml.raw("-")
                xml.xml.integer(k + 1)
                xml.xml.raw("\"")
            }
            xml.xml.raw(">")
            xml.xml.text(k < heading.count - 1 ? heading[k] + "\t" : heading[k])
            xml.xml.raw(k == 0 ? "</ix:nonNumeric>" : "</ix:continuation>")
        }
    }

    /// The blank's own column headings where none was read from the statement, and the column
    /// numbers; then the table's head is closed and its body opened.
    private func writeColumnRows(_ page: Page, _ columns: [ColumnDescription]) {
        if page.headings.isEmpty, columns.contains(where: { !$0.heading.isEmpty }) {
            // No heading was read from the statement: the blank's own, as labels (no fact).
            writeColumnRow("heading blank-heading", \.heading, columns)
        }
        writeColumnRow("column-numbers", \.number, columns)
        out.xml.raw("</thead>\n<tbody>\n")
    }

    /// A row of the blank's own words for each column, under empty line and caption cells.
    private func writeColumnRow(_ rowClass: StaticString, _ text: KeyPath<ColumnDescription, String>, _ columns: [ColumnDescription]) {
        let xml = out
        xml.xml.raw("<tr class=\"")
        xml.xml.raw(rowClass)
        xml.xml.raw("\"><th class=\"line\"></th><th class=\"caption\"></th>")
        for column in columns {
            xml.xml.raw("<th>")
            xml.xml.text(column[keyPath: text])
            xml.xml.raw("</th>")
        }
        xml.xml.raw("</tr>\n")
    }

    /// What writing a page's rows needs beside them, and the contexts of their cells, each made
    /// once: on a page whose rows are items, by its column and where the line's balance stands
    /// (worked out once per page); on a page whose rows are members, by the row's member and the
    /// column's period (once per row and period).
    private struct PageRows {
        let description: PageDescription
        let pageID: String
        let pageAxis: DimensionMembers
        let periods: StatementPeriods
        let document: Period
        /// Whether the page's rows are members.
        var members: Bool { description.orientation == .members }
        let rowAxis: String
        /// The line of each printed number (an entry's code finds its line of entries).
        let lineIndex: LineLookup
        var itemContexts: [FactContext?]
        var rowContexts: [(period: PeriodReference?, context: FactContext)] = []
        /// The member of the row being written, on a page whose rows are members.
        var rowMember: String?

        init(_ page: Page, _ description: PageDescription, periods: StatementPeriods, document: Period) {
            self.description = description
            pageID = page.id
            pageAxis = ["PageAxis": page.id]
            self.periods = periods
            self.document = document
            rowAxis = description.orientation == .members ? TaxonomyModel.rowAxis(description) : ""
            lineIndex = LineLookup(description)
            itemContexts = [FactContext?](repeating: nil, count: description.orientation == .members ? 0 : description.columns.count * LineDescription.InstantPosition.numbers)
        }

        /// Starts a row: its member, and no contexts made for it yet.
        @inline(__always)
        mutating func start(_ line: LineDescription) {
            rowMember = members ? line.member.map { TaxonomyModel.member(description, $0, rows: true) } : nil
            rowContexts.removeAll(keepingCapacity: true)
        }

        /// The context of the cell of line `line` in column `c`; on a line of entries, of the
        /// entry printed on row `code`.
        @inline(__always)
        mutating func context(_ line: LineDescription, column c: Int, row code: String) -> FactContext {
            if line.isEntries { return TaxonomyModel.entryContext(description, line, column: c, code: code, periods: periods) }
            if members {
                let period = description.columns[c].period
                if let known = rowContexts.first(where: { $0.period == period }) { return known.context }
                var made = FactContext(period: periods.period(period ?? .currentYearToDate))
                if let rowMember { made.explicit[rowAxis] = rowMember }
                rowContexts.append((period, made))
                return made
            }
            let key = c * LineDescription.InstantPosition.numbers + LineDescription.InstantPosition.number(line.instant)
            if let known = itemContexts[key] { return known }
            var made = FactContext(period: periods.period(description.columns[c].period ?? .currentYearToDate, at: line.instant))
            if let member = description.columns[c].member {
                made.explicit[TaxonomyModel.columnAxis(description)] = TaxonomyModel.member(description, member, rows: false)
            }
            itemContexts[key] = made
            return made
        }
    }

    /// A row of the page: its line number, its caption (the printed one where it differs from
    /// the blank's), and a cell per column.
    @inline(__always)
    private mutating func writeRow(_ row: Row, _ line: LineDescription, _ rows: inout PageRows,
                                   marks: [(line: String, column: String, found: [InlineXBRLWriter.Finding])]?) {
        let xml = out
        let classes: StaticString = line.isHeading ? "heading-line" : line.isWriteIn || line.isEntries ? "write-in" : line.total != nil ? "total" : ""
        xml.xml.raw("<tr")
        if classes.utf8CodeUnitCount > 0 {
            xml.xml.raw(" class=\"")
            xml.xml.raw(classes)
            xml.xml.raw("\"")
        }
        xml.xml.raw("><td class=\"line\">")
        lineNumber(row.line)
        xml.xml.raw("</td><td class=\"caption\">")
        if let caption = row.caption {
            textFact(take("PrintedCaption", FactContext(period: rows.document, typed: rows.pageAxis.adding("LineAxis", row.line))), caption)
        } else {
            self.caption(line, row, rows.description, rows.pageID)
        }
        xml.xml.raw("</td>")
        rows.start(line)
        let rowMarks = marks?.filter { $0.line == row.line }
        for c in rows.description.columns.indices {
            let found = rowMarks.flatMap { marks in marks.first { $0.column == rows.description.columns[c].number }?.found }
            writeCell(c < row.cells.count ? row.cells[c] : .blank, of: row, line, column: c, &rows, found: found)
        }
        xml.xml.raw("</tr>\n")
    }

    /// A cell of a row, tagged as the fact it reports: the item of its line and column, a
    /// member's item in the column's period, or the text of a cell that reports no item.
    @inline(__always)
    private mutating func writeCell(_ cell: Cell, of row: Row, _ line: LineDescription, column c: Int, _ rows: inout PageRows,
                                    found: [InlineXBRLWriter.Finding]?) {
        let isAmount = rows.description.columns[c].valueKind == .amount
        open("td", isAmount ? "amount" : "text", found)
        if cell != .blank {
            let textInAmountColumn: Bool = { if case .text = cell { return isAmount }; return false }()
            // A cell that reports an item of its own (a count printed as digits), as the
            // fact mapping files it.
            let described = rows.members ? line.cells?[rows.description.columns[c].id] : nil
            let concept = described.flatMap { $0.count(of: cell) != nil ? $0.concept : nil }
                ?? (rows.members ? rows.description.columns[c].concept : rows.description.concept(line, column: rows.description.columns[c]))
            let fact: Int?
            if let concept, !textInAmountColumn {
                fact = take(concept, rows.context(line, column: c, row: row.line))
            } else {
                fact = take("TextOfCell", FactContext(period: rows.document, typed: rows.pageAxis.adding("LineAxis", row.line).adding("TableColumnAxis", String(c + 1))))
            }
            cellFact(fact, cell)
        }
        out.xml.raw("</td>")
    }

    /// Closes a page: its table (with an empty row where it prints no line), then its NONE and
    /// its footnotes.
    private mutating func writePageEnd(_ page: Page, width: Int, document: Period) {
        let xml = out
        let pageAxis: DimensionMembers = ["PageAxis": page.id]
        // XHTML 1.1 wants a row in a table body: a page printing no line gets an empty one.
        if page.rows.isEmpty { xml.xml.raw("<tr class=\"no-lines\"><td colspan=\"\(width + 2)\"></td></tr>\n") }
        xml.xml.raw("</tbody>\n</table>\n")
        if page.none {
            xml.xml.raw("<p class=\"none\">")
            if let i = take("PageIsNone", FactContext(period: document, typed: pageAxis)), case .boolean(true) = facts[i].value {
                startTag("nonNumeric", i)
                xml.xml.raw(" format=\"ixt:fixed-true\">NONE</ix:nonNumeric>")
            } else {
                xml.xml.raw("NONE")
            }
            xml.xml.raw("</p>\n")
        }
        for (n, footnote) in page.footnotes.enumerated() {
            xml.xml.raw("<p class=\"footnote\">")
            textFact(take("PrintedFootnote", FactContext(period: document, typed: pageAxis.adding("TableRowAxis", String(n + 1)))), footnote)
            xml.xml.raw("</p>\n")
        }
        xml.xml.raw("</div>\n")
    }

    /// How the heading lines of a page are laid out over its columns, as the blank prints
    /// them: a heading over several columns whose cells are empty on its line and headed on a
    /// later one spans them ("Current Statement Date" over columns 1 to 3), and a heading whose
    /// column is empty on every later line spans those lines ("4 December 31 Prior Year").
    /// Each cell holds the heading entries (by index) printed in it; `leading` those of the
    /// caption cell (the empty entries a span from above covers at the first column).
    static func headingLayout(_ headings: [[String]], width: Int) -> [(leading: [Int], cells: [(colspan: Int, rowspan: Int, entries: [Int])])] {
        let lines = headings.count
        func entry(_ h: Int, _ c: Int) -> String { c < headings[h].count ? headings[h][c] : "" }
        var covered = [[Bool]](repeating: [Bool](repeating: false, count: max(width, 0)), count: lines)
        var layout: [(leading: [Int], cells: [(colspan: Int, rowspan: Int, entries: [Int])])] = []
        for h in 0..<lines {
            var leading: [Int] = []
            var cells: [(colspan: Int, rowspan: Int, entries: [Int])] = []
            let count = headings[h].count
            var c = 0
            while c < width {
                if covered[h][c] {
                    if c < count {
                        if cells.isEmpty { leading.append(c) } else { cells[cells.count - 1].entries.append(c) }
                    }
                    c += 1
                    continue
                }
                var colspan = 1, rowspan = 1
                var entries = c < count ? [c] : []
                if !entry(h, c).isEmpty {
                    while c + colspan < width, !covered[h][c + colspan], entry(h, c + colspan).isEmpty,
                          (h + 1..<lines).contains(where: { !entry($0, c + colspan).isEmpty }) {
                        if c + colspan < count { entries.append(c + colspan) }
                        colspan += 1
                    }
                    while h + rowspan < lines, (c..<c + colspan).allSatisfy({ entry(h + rowspan, $0).isEmpty && !covered[h + rowspan][$0] }) {
                        for k in c..<c + colspan { covered[h + rowspan][k] = true }
                        rowspan += 1
                    }
                }
                cells.append((colspan, rowspan, entries))
                c += colspan
            }
            // Entries beyond the page's columns go to the last cell.
            if count > width {
                if cells.isEmpty { leading += Array(width..<count) } else { cells[cells.count - 1].entries += Array(width..<count) }
            }
            layout.append((leading, cells))
        }
        return layout
    }

    /// The blank's caption, each amount printed after a `$` tagged in its place.
    mutating func caption(_ line: LineDescription, _ row: Row, _ description: PageDescription, _ pageID: String) {
        let xml = out
        guard !row.captionAmounts.isEmpty, let periods else {
            xml.xml.text(line.caption)
            return
        }
        let slots = line.slots ?? []
        let firstAmountColumn = description.columns.first { $0.valueKind == .amount }
        let period = periods.period(firstAmountColumn?.period ?? .currentYearToDate, at: line.instant)
        // Each value after its mark in the blank's caption: `$`, or the line's own (`...`).
        let mark = line.slotMark ?? "$"
        var pending = line.caption[...]
        var slot = 0
        while let found = pending.range(of: mark) {
            xml.xml.text(String(pending[..<found.upperBound]))
            pending = pending[found.upperBound...]
            if slot < row.captionAmounts.count, row.captionAmounts[slot] != .blank {
                xml.xml.raw(" ")
                open("span", "caption-amount", captionFindings[pageID]?.first { $0.line == row.line && $0.slot == slot + 1 }?.found)
                let fact = slot < slots.count ? take(slots[slot], FactContext(period: period)) : nil
                cellFact(fact, row.captionAmounts[slot])
                xml.xml.raw("</span>")
            }
            slot += 1
        }
        xml.xml.text(String(pending))
    }

    /// Opens a part of the statement that follows the pages (the notes, the interrogatories):
    /// its division's start tag, then the running header. Returns the period of the part's facts,
    /// the current year to date; nil, writing nothing, when the part `isEmpty` or the statement
    /// has no periods.
    func openPart(_ division: StaticString, isEmpty: Bool) -> Period? {
        guard !isEmpty, let periods else { return nil }
        let xml = out
        xml.xml.raw(division)
        xml.xml.raw("\n<div class=\"running-header\">")
        xml.xml.text(runningHeader)
        xml.xml.raw("</div>\n")
        return periods.period(.currentYearToDate)
    }

    // MARK: Notes

    mutating func notes() {
        guard let document = openPart("<div class=\"notes\" id=\"notes\">", isEmpty: statement.notes.isEmpty) else { return }
        let xml = out
        xml.xml.raw("<h2 class=\"title\">NOTES TO FINANCIAL STATEMENTS</h2>\n")
        for note in statement.notes {
            let axes: DimensionMembers = ["NoteAxis": String(note.number)]
            xml.xml.raw("<div class=\"note\"")
            xml.xml.attribute("id", "note-\(note.number)")
            xml.xml.raw(">\n<h3>")
            xml.xml.integer(note.number)
            xml.xml.raw(". ")
            textFact(take("NoteTitle", FactContext(period: document, typed: axes)), note.title)
            xml.xml.raw("</h3>\n")
            var tableNumber = 0
            for (b, block) in note.content.enumerated() {
                let blockAxes = axes.adding("BlockAxis", String(b + 1))
                switch block {
                case .text(let t):
                    xml.xml.raw("<p>")
                    textFact(take("NoteParagraph", FactContext(period: document, typed: blockAxes)), t)
                    xml.xml.raw("</p>\n")
                case .table(let t):
                    tableNumber += 1
                    let marks = noteFindings[note.number]?.filter { $0.table == tableNumber }
                    table(t, prefix: "Note", axes: blockAxes, document: document) { r, c in
                        marks.flatMap { marks in marks.first { $0.row == t.rows[r].label && $0.column == c + 1 }?.found }
                    }
                }
            }
            xml.xml.raw("</div>\n")
        }
        xml.xml.raw("</div>\n")
    }

    var runningHeader: String {
        guard let date = statement.cover.statementDate else { return "" }
        let when = writer.blank.kind == .annual ? "\(date.year)" : "\(TextRenderer.monthName(date.month)) \(date.day), \(date.year)"
        return "\(writer.blank.pageHeader) \(when) OF THE \(statement.cover.companyName ?? "")"
    }

    /// A note's or an interrogatory's table: headings, then a row per label with its cells.
    mutating func table(_ table: Table, prefix: String, axes: DimensionMembers, document: Period,
                        findings: (Int, Int) -> [InlineXBRLWriter.Finding]?) {
        let xml = out
        let width = max(table.rows.map(\.cells.count).max() ?? 0, table.headings.map(\.count).max() ?? 0)
        xml.xml.raw("<table class=\"note-table\"")
        xml.xml.raw(">\n")
        if table.scale != .units {
            xml.xml.raw("<caption>(In ")
            textFact(take(prefix + "TableScale", FactContext(period: document, typed: axes)), table.scale.rawValue)
            xml.xml.raw(")</caption>\n")
        }
        // XHTML's thead holds one row or more: a table printed without headings has none.
        if !table.headings.isEmpty { xml.xml.raw("<thead>\n") }
        for (h, heading) in table.headings.enumerated() {
            xml.xml.raw("<tr><th></th><th")
            xml.xml.attribute("colspan", String(max(1, width)))
            xml.xml.raw(">")
            textFact(take(prefix + "TableHeadings", FactContext(period: document, typed: axes.adding("TableRowAxis", "H\(h + 1)"))),
                     heading.joined(separator: "\t"))
            xml.xml.raw("</th></tr>\n")
        }
        xml.xml.raw(table.headings.isEmpty ? "<tbody>\n" : "</thead>\n<tbody>\n")
        // The mapping's names of the columns' concepts, made once.
        let columnConcepts = FactMapping.Builder.columnConcepts(prefix)
        for (r, row) in table.rows.enumerated() {
            let context = FactContext(period: document, typed: axes.adding("TableRowAxis", String(r + 1)))
            xml.xml.raw("<tr><td class=\"caption\">")
            textFact(take(prefix + "TableRowLabel", context), row.label)
            xml.xml.raw("</td>")
            for c in 0..<width {
                let cell = c < row.cells.count ? row.cells[c] : .blank
                let isText: Bool = { if case .text = cell { return true }; return false }()
                open("td", isText ? "text" : "amount", findings(r, c))
                if cell != .blank, c < CommonConcepts.maxTableColumns {
                    let concept: String
                    switch cell {
                    case .text: concept = columnConcepts.text[c]
                    case .percent: concept = columnConcepts.percent[c]
                    default: concept = columnConcepts.amount[c]
                    }
                    cellFact(take(concept, context), cell)
                } else if cell != .blank {
                    xml.xml.text(ValueScanner.render(cell))
                }
                xml.xml.raw("</td>")
            }
            xml.xml.raw("</tr>\n")
        }
        if table.rows.isEmpty { xml.xml.raw("<tr class=\"no-lines\"><td colspan=\"\(width + 1)\"></td></tr>\n") }
        xml.xml.raw("</tbody>\n</table>\n")
    }

    // MARK: Interrogatories

    mutating func interrogatories() {
        guard let document = openPart("<div class=\"interrogatories\" id=\"interrogatories\">", isEmpty: statement.interrogatories.isEmpty) else { return }
        let xml = out
        var part: String?
        for item in statement.interrogatories {
            if item.part != part {
                if part != nil { xml.xml.raw("</table>\n") }
                part = item.part
                xml.xml.raw("<h2 class=\"title\">")
                xml.xml.text(Self.interrogatoriesTitle(part: item.part, writer.blank))
                xml.xml.raw("</h2>\n<table class=\"interrogatories\">\n")
            }
            let axes: DimensionMembers = ["InterrogatoryAxis": "\(item.part):\(item.number)"]
            let at = FactContext(period: document, typed: axes)
            xml.xml.raw("<tr")
            xml.xml.attribute("id", "interrogatory-\(item.part)-\(item.number)")
            xml.xml.raw("><td class=\"line\">")
            xml.xml.text(item.number)
            xml.xml.raw("</td><td class=\"caption\">")
            textFact(take("InterrogatoryText", at), item.text)
            for (i, detail) in item.details.enumerated() {
                xml.xml.raw("<br/>")
                textFact(take("InterrogatoryDetail", FactContext(period: document, typed: axes.adding("TableRowAxis", String(i + 1)))), detail)
            }
            xml.xml.raw("</td>")
            open("td", "answer", findings[.interrogatory("\(item.part):\(item.number)")])
            switch item.answer {
            case .none:
                break
            case .choice(let choice, let offersNotApplicable):
                let concept = offersNotApplicable || choice == .notApplicable ? "InterrogatoryAnswerYesNoNotApplicable" : "InterrogatoryAnswerYesNo"
                if let i = take(concept, at) { yesNo(i, choice, offersNotApplicable: offersNotApplicable) }
            case .date(let d):
                dateFact(take("InterrogatoryAnswerDate", at), d)
            case .amounts(let cells):
                for (i, cell) in cells.enumerated() {
                    if i > 0 { xml.xml.raw("<br/>") }
                    let context = FactContext(period: document, typed: axes.adding("TableColumnAxis", String(i + 1)))
                    if case .text = cell {
                        cellFact(take("InterrogatoryAnswerText", context), cell)
                    } else if cell == .blank {
                        // An unanswered amount is a nil fact with no printed mark.
                        if let f = take("InterrogatoryAnswerAmount", context) {
                            startTag("nonFraction", f)
                            xml.xml.raw(" xsi:nil=\"true\"/>")
                        }
                    } else {
                        cellFact(take("InterrogatoryAnswerAmount", context), cell)
                    }
                }
            case .percent(let cell):
                if cell == .blank {
                    if let f = take("InterrogatoryAnswerPercent", at) {
                        startTag("nonFraction", f)
                        xml.xml.raw(" xsi:nil=\"true\"/>")
                    }
                } else {
                    cellFact(take("InterrogatoryAnswerPercent", at), cell)
                    xml.xml.raw("&#160;%")
                }
            case .text(let t):
                textFact(take("InterrogatoryAnswerText", at), t)
            }
            xml.xml.raw("</td></tr>\n")
            if let t = item.table {
                xml.xml.raw("<tr><td></td><td colspan=\"2\">")
                table(t, prefix: "Interrogatory", axes: axes, document: document) { _, _ in nil }
                xml.xml.raw("</td></tr>\n")
            }
        }
        if part != nil { xml.xml.raw("</table>\n") }
        xml.xml.raw("</div>\n")
    }

    static let style: StaticString = """

    body { font-family: "Times New Roman", Times, serif; font-size: 10pt; background: #e8e8e8; margin: 0; padding: 12px; }
    div.page, div.cover, div.notes, div.interrogatories { background: #fff; max-width: 1100px; margin: 0 auto 16px; padding: 16px 24px; box-shadow: 0 1px 3px rgba(0,0,0,.3); page-break-after: always; }
    .running-header { text-align: center; font-weight: bold; font-size: 9pt; border-bottom: 1px solid #000; padding-bottom: 4px; }
    h1, h2.title { text-align: center; font-size: 12pt; margin: 8px 0; }
    h3 { font-size: 10pt; margin: 8px 0 4px; }
    .subtitle { text-align: center; margin: 2px 0; }
    table { border-collapse: collapse; width: 100%; }
    table.statement th, table.statement td, table.note-table th, table.note-table td { border: 1px solid #000; padding: 1px 4px; vertical-align: bottom; }
    table.statement th { font-weight: normal; text-align: center; font-size: 9pt; }
    td.line { width: 3.5em; text-align: right; white-space: nowrap; }
    td.caption { text-align: left; }
    td.amount { text-align: right; white-space: nowrap; min-width: 7em; font-family: "Courier New", monospace; }
    td.text { text-align: center; }
    tr.total td { font-weight: bold; }
    tr.heading-line td.caption { font-weight: bold; }
    tr.write-in td.caption { font-style: italic; }
    .choice { text-transform: capitalize; }
    .choice-na { text-transform: uppercase; }
    .none { text-align: center; font-size: 28pt; font-weight: bold; letter-spacing: .3em; color: #555; }
    .footnote { font-size: 8pt; }
    table.cover-fields th { text-align: left; font-weight: normal; width: 40%; }
    table.interrogatories td { border-bottom: 1px dotted #999; padding: 2px 4px; vertical-align: top; }
    td.answer { white-space: nowrap; text-align: right; }
    .finding { outline: 2px solid #c00; outline-offset: -2px; background: #fde8e8; cursor: help; }
    .finding-warning { outline-color: #d80; background: #fff4dc; }
    .mark { color: #c00; font-weight: bold; margin-right: 3px; font-family: sans-serif; }
    .finding-warning .mark { color: #d80; }
    @media print { body { background: #fff; padding: 0; } div.page, div.cover, div.notes, div.interrogatories { box-shadow: none; max-width: none; } }

    """
}

extension Document {
    /// The heading of a part of the interrogatories: its section's title in the blank
    /// description, with the sub-heading that names the part ("PART 1 - COMMON INTERROGATORIES").
    static func interrogatoriesTitle(part: String, _ blank: Blank) -> String {
        guard let section = blank.sections.first(where: { $0.kind == .interrogatories && $0.part == part }),
              let title = section.titles.first else { return "Interrogatories, part \(part)" }
        if let named = section.subtitles?.first, named.hasPrefix("PART") { return title + " " + named }
        return title
    }
}
