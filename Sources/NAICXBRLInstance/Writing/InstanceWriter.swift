@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Writes facts as an XBRL 2.1 instance document.
///
/// Contexts and units are written only when a fact uses them, in a fixed order, so the same
/// statement always gives the same bytes.
@_spi(Stages) public struct InstanceWriter: Sendable {
    @_spi(Stages) public let taxonomy: TaxonomyModel

    @_spi(Stages) public init(taxonomy: TaxonomyModel) {
        self.taxonomy = taxonomy
    }

    /// Marks an entry of `written(_:).unwritable` that is about a text's length, not its characters.
    package static let tooLongMarker = "\u{0}length:"

    @_spi(Stages) public static let entityScheme = "http://taxonomy.naicxbrl.org/naic-company-code"

    /// The instance's bytes. Each context, unit and fact is one line, so that a validation or
    /// import finding's line number names one of them; nothing is indented within a line.
    /// Facts get an `id` only when a footnote (their printed form) points at them.
    @_spi(Stages) public func write(_ mapping: FactMapping.Result) -> [UInt8] {
        write(mapping, follower: nil)
    }

    /// Writes the instance, telling `follower` (if any) where its header and each of its
    /// contexts, units and facts end, and handing it the bytes as they are written.
    func write(_ mapping: FactMapping.Result, follower: (any InstanceWritingFollower)?) -> [UInt8] {
        written(mapping, follower: follower).bytes
    }

    /// The instance, and the texts that held characters XML cannot hold (written with U+FFFD
    /// in their place; see ``XMLBytes``).
    @_spi(Stages) public func written(_ mapping: FactMapping.Result) -> (bytes: [UInt8], unwritable: [String]) {
        written(mapping, follower: nil)
    }

    /// One function on purpose: with its header, units or footnotes written by functions of
    /// their own, the optimizer no longer inlines the byte writer's calls into the loops over
    /// contexts and facts, and the writing takes about a quarter more instructions
    /// (BENCHMARKS.md, "The writers in named steps"). Its steps are marked by comments.
    package func written(_ mapping: FactMapping.Result, follower: (any InstanceWritingFollower)?) -> (bytes: [UInt8], unwritable: [String]) {
        defer { follower?.sink.finish() }
        let facts = mapping.facts
        // The mapping numbers contexts and concepts; numbers that do not match the facts (which
        // a caller may have changed) are worked out again.
        var contexts = mapping.contexts
        var factContexts = mapping.factContexts
        if !Self.numbers(factContexts, of: contexts, match: facts, { $0.context }) {
            (contexts, factContexts) = Self.numbered(facts.map(\.context))
        }
        var concepts = mapping.concepts
        var factConcepts = mapping.factConcepts
        if !Self.numbers(factConcepts, of: concepts, match: facts, { $0.concept }) {
            (concepts, factConcepts) = Self.numbered(facts.map(\.concept))
        }
        let prefix = taxonomy.prefix

        // Contexts in document order (FactContext's `<`), numbered c1, c2...
        var used = [Bool](repeating: false, count: contexts.count)
        for number in factContexts { used[number] = true }
        let order = Self.documentOrder(contexts, used: used)
        var contextIDs = [Int](repeating: 0, count: contexts.count)
        for (n, entry) in order.enumerated() { contextIDs[entry.0] = n + 1 }

        // What is written for each concept, worked out once per concept: its start and end
        // tags (in one buffer, by range) and its unit.
        var tags: [UInt8] = []
        var conceptTags: [(open: Range<Int>, close: Range<Int>, unit: Unit?)] = []
        conceptTags.reserveCapacity(concepts.count)
        var units: [Unit] = []
        var usesDimensions = false, usesNil = false, footnoted = false
        var conceptUsed = [Bool](repeating: false, count: concepts.count)
        for i in facts.indices {
            conceptUsed[factConcepts[i]] = true
            if case .none = facts[i].value { usesNil = true }
            if facts[i].printedForm != nil { footnoted = true }
        }
        // The mapping may have numbered concepts no fact reports (the columns of a page, say).
        for (number, concept) in concepts.enumerated() {
            guard conceptUsed[number] else {
                conceptTags.append((0..<0, 0..<0, nil))
                continue
            }
            let unit = self.unit(of: concept).flatMap(Unit.init(rawValue:))
            let openStart = tags.count
            tags.append(contentsOf: "  <\(prefix):\(concept)".utf8)
            let closeStart = tags.count
            tags.append(contentsOf: "</\(prefix):\(concept)>\n".utf8)
            conceptTags.append((openStart..<closeStart, closeStart..<tags.count, unit))
            if let unit, !units.contains(unit) { units.append(unit) }
        }
        for number in contexts.indices where used[number] && (!contexts[number].explicit.isEmpty || !contexts[number].typed.isEmpty) {
            usesDimensions = true
            break
        }
        units.sort { $0.rawValue < $1.rawValue }

        // About what the reference statement's instance takes per fact and per context.
        let estimate = 140 * facts.count + 560 * order.count + 64 * 1024
        var xml = XMLBytes(capacity: estimate)
        if let follower {
            xml.sink = follower.sink
            follower.started(estimatedSize: estimate)
        }
        // After each context, unit and fact: the follower may close what it was handed there.
        func elementEnded(_ xml: inout XMLBytes) {
            guard let follower, let closing = follower.elementEnded(at: xml.count) else { return }
            xml.endSink(closing: closing)
        }
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xbrli:xbrl")
        xml.attribute("xmlns:xbrli", XBRLNamespace.xbrli)
        xml.attribute("xmlns:link", XBRLNamespace.link)
        xml.attribute("xmlns:xlink", XBRLNamespace.xlink)
        if units.contains(.usd) { xml.attribute("xmlns:iso4217", XBRLNamespace.iso4217) }
        if usesDimensions { xml.attribute("xmlns:xbrldi", XBRLNamespace.xbrldi) }
        if usesNil { xml.attribute("xmlns:xsi", XBRLNamespace.xsi) }
        xml.raw(" xmlns:")
        xml.raw(prefix)
        xml.raw("=\"")
        xml.raw(XMLBytes.escapedAttributeValue(taxonomy.namespace))
        xml.raw("\">\n  <link:schemaRef")
        xml.attribute("xlink:type", "simple")
        xml.attribute("xlink:href", taxonomy.entryPointURL)
        xml.raw("/>\n")
        if footnoted {
            xml.raw("  <link:roleRef")
            xml.attribute("roleURI", TaxonomyWriter.printedFormRole(taxonomy))
            xml.attribute("xlink:type", "simple")
            xml.attribute("xlink:href", "\(taxonomy.entryPointURL)#printedForm")
            xml.raw("/>\n")
        }
        follower?.headerEnded(at: xml.count)

        // The entity is the same in every context.
        var entity = XMLBytes(capacity: 160)
        entity.entityIdentifier(mapping.entity)
        let entityBytes = entity.bytes
        var typedDomains: [(axis: String, domain: String)] = []
        for (number, _) in order {
            let context = contexts[number]
            xml.raw("  <xbrli:context id=\"c")
            xml.integer(contextIDs[number])
            xml.raw("\">")
            xml.raw(entityBytes)
            xml.segment(of: context, prefix: prefix, taxonomy: taxonomy, typedDomains: &typedDomains)
            xml.raw("</xbrli:entity>")
            xml.period(context.period)
            xml.raw("</xbrli:context>\n")
            xml.flush()
            elementEnded(&xml)
        }
        for unit in units {
            xml.raw("  <xbrli:unit id=\"")
            xml.raw(unit.rawValue)
            xml.raw("\"><xbrli:measure>")
            xml.raw(unit == .usd ? "iso4217:USD" : "xbrli:pure")
            xml.raw("</xbrli:measure></xbrli:unit>\n")
            elementEnded(&xml)
        }
        var footnotes: [String: [Int]] = [:]
        var footnoteOrder: [String] = []
        tags.withUnsafeBufferPointer { tags in
            for i in facts.indices {
                // Read in place: copying each fact would retain and release its strings.
                let concept = conceptTags[factConcepts[i]]
                xml.raw(UnsafeBufferPointer(rebasing: tags[concept.open]))
                if let printed = facts[i].printedForm {
                    xml.raw(" id=\"f")
                    xml.integer(i + 1)
                    xml.raw("\"")
                    if footnotes[printed] == nil { footnoteOrder.append(printed) }
                    footnotes[printed, default: []].append(i + 1)
                }
                xml.raw(" contextRef=\"c")
                xml.integer(contextIDs[factContexts[i]])
                xml.raw("\"")
                if let unit = concept.unit {
                    xml.raw(" unitRef=\"")
                    xml.raw(unit.rawValue)
                    xml.raw("\"")
                }
                switch facts[i].value {
                case .amount(let amount, let scale):
                    xml.raw(" decimals=\"")
                    xml.integer(amount.fractionDigits - scale.exponent)
                    xml.raw("\">")
                    xml.amount(Self.scaled(amount, scale))
                case .text(let t):
                    xml.raw(">")
                    xml.text(t)
                case .boolean(let b):
                    xml.raw(b ? ">true" : ">false")
                case .date(let d):
                    xml.raw(">")
                    xml.date(d)
                case .none:
                    xml.raw(" xsi:nil=\"true\"/>\n")
                    elementEnded(&xml)
                    continue
                }
                xml.raw(UnsafeBufferPointer(rebasing: tags[concept.close]))
                xml.flush()
                elementEnded(&xml)
            }
        }
        if !footnoteOrder.isEmpty {
            let role = TaxonomyWriter.printedFormRole(taxonomy)
            xml.raw("  <link:footnoteLink xlink:type=\"extended\" xlink:role=\"http://www.xbrl.org/2003/role/link\">\n")
            for (n, printed) in footnoteOrder.enumerated() {
                for id in footnotes[printed] ?? [] {
                    xml.raw("    <link:loc xlink:type=\"locator\" xlink:href=\"#f")
                    xml.integer(id)
                    xml.raw("\" xlink:label=\"fact")
                    xml.integer(n + 1)
                    xml.raw("\"/>\n")
                }
                xml.raw("    <link:footnote xlink:type=\"resource\" xlink:label=\"printed")
                xml.integer(n + 1)
                xml.raw("\"")
                xml.attribute("xlink:role", role)
                xml.raw(" xml:lang=\"en\">")
                xml.text(printed)
                xml.raw("</link:footnote>\n    <link:footnoteArc xlink:type=\"arc\" xlink:arcrole=\"http://www.xbrl.org/2003/arcrole/fact-footnote\" xlink:from=\"fact")
                xml.integer(n + 1)
                xml.raw("\" xlink:to=\"printed")
                xml.integer(n + 1)
                xml.raw("\"/>\n")
            }
            xml.raw("  </link:footnoteLink>\n")
        }
        xml.raw("</xbrli:xbrl>\n")
        xml.flush(minimum: 0)
        return (xml.bytes, entity.unwritable + xml.unwritable + (entity.tooLong + xml.tooLong).map {
            "a text of \($0) bytes, more than \(Limits.current.xmlTextBytes) (NAICXBRL_MAX_XML_TEXT_BYTES sets the limit), which no reader held to it reads back"
        }.map { Self.tooLongMarker + $0 })
    }

    fileprivate enum Unit: String {
        case usd = "USD"
        case pure
    }

    func unit(of name: String) -> String? {
        guard let concept = taxonomy.concept(name) else { return nil }
        switch concept.type {
        case .monetary: return "USD"
        case .percent, .integer, .count, .ratio: return "pure"
        default: return nil
        }
    }

    /// Whether `name` is an item of an integer type (a count), whose value has no fraction.
    func isInteger(_ name: String) -> Bool {
        guard let type = taxonomy.concept(name)?.type else { return false }
        return type == .integer || type == .count
    }

    /// The contexts some fact is in (`used`), in document order (FactContext's `<`): their
    /// numbers in `contexts` and their sort keys.
    @inline(__always)
    static func documentOrder(_ contexts: [FactContext], used: [Bool]) -> [(number: Int, key: [UInt8])] {
        // A statement has a handful of periods: each context gets its period's rank, and
        // contexts of one period compare by their keys' bytes.
        var periods: [Period] = []
        for number in contexts.indices where used[number] && !periods.contains(contexts[number].period) {
            periods.append(contexts[number].period)
        }
        periods.sort()
        return contexts.indices.filter { used[$0] }
            .map { (number: $0, rank: periods.firstIndex(of: contexts[$0].period) ?? 0, key: contexts[$0].sortKeyBytes) }
            .sorted { a, b in a.rank != b.rank ? a.rank < b.rank : FactContext.keyPrecedes(a.key, b.key) }
            .map { (number: $0.number, key: $0.key) }
    }

    /// Whether `numbers` gives each fact its item in `items` (`item` reads it from the fact).
    @inline(__always)
    static func numbers<Item: Equatable>(_ numbers: [Int], of items: [Item], match facts: [Fact],
                                         _ item: (Fact) -> Item) -> Bool {
        guard numbers.count == facts.count else { return false }
        for i in facts.indices {
            let n = numbers[i]
            guard n >= 0, n < items.count, items[n] == item(facts[i]) else { return false }
        }
        return true
    }

    /// Each distinct item once, and the number of each item in that list.
    static func numbered<Item: Hashable>(_ all: [Item]) -> ([Item], [Int]) {
        var numbers: [Item: Int] = [:]
        var distinct: [Item] = []
        let numbering = all.map { item in
            if let known = numbers[item] { return known }
            numbers[item] = distinct.count
            distinct.append(item)
            return distinct.count - 1
        }
        return (distinct, numbering)
    }

    func typedDomain(_ axis: String) -> String {
        Self.typedDomain(axis, in: taxonomy)
    }

    /// A typed axis's domain element (its local name); the axis itself where it is none.
    static func typedDomain(_ axis: String, in taxonomy: TaxonomyModel) -> String {
        if case .typedDimension(let domain) = taxonomy.concept(axis)?.kind { return domain }
        return axis
    }

    /// The amount in units of currency: a table printed "In Millions" says 3,296 for 3,296,000,000;
    /// a percentage as a ratio: 54.8 printed is 0.548.
    static func scaled(_ amount: Amount, _ scale: Scale) -> Amount {
        if scale.exponent < 0 { return Amount(units: amount.units, fractionDigits: amount.fractionDigits - scale.exponent) }
        guard scale.exponent > 0 else { return amount }
        var units = amount.units
        var digits = amount.fractionDigits
        for _ in 0..<scale.exponent {
            if digits > 0 { digits -= 1; continue }
            units = units.multipliedReportingOverflow(by: 10).overflow ? units : units * 10
        }
        return Amount(units: units, fractionDigits: digits)
    }
}

/// Follows an instance as it is written: gets its bytes as they come, and is told where its
/// header and each of its contexts, units and facts end. A caller that reads the instance while
/// it is written (the conversion validates its first part on another thread) follows it so.
package protocol InstanceWritingFollower: AnyObject {
    /// Where the bytes go as they are written, until ``elementEnded(at:)`` closes it.
    var sink: any XMLByteSink { get }
    /// Before anything is written: about how many bytes the instance will take.
    func started(estimatedSize: Int)
    /// The header (declaration, root start tag, `schemaRef`, `roleRef`) ends at `offset`.
    func headerEnded(at offset: Int)
    /// A context, unit or fact ends at `offset`. Returns the text that closes what the sink
    /// was handed, when it is to get nothing more; nil to go on.
    func elementEnded(at offset: Int) -> StaticString?
}
