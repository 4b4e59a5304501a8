import Foundation
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
@_spi(Stages) import NAICXBRLInstance

/// Where the taxonomy of each blank is generated once per process and made loadable offline.
public enum TaxonomyRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered: Set<String> = []
    nonisolated(unsafe) private static var validators: [String: InstanceValidator] = [:]

    /// Registers the concept schema of `blank` under its published URL in the in-memory
    /// registry that libxml2 loads from. Idempotent.
    public static func register(_ blank: Blank) {
        lock.lock()
        defer { lock.unlock() }
        registerLocked(blank)
    }

    private static func registerLocked(_ blank: Blank) {
        guard !registered.contains(blank.editionKey) else { return }
        let writer = TaxonomyWriter(taxonomy: TaxonomyModel.of(blank))
        // Schema validation reads the concept schema only; the linkbases are for XBRL
        // processors, which get them from the taxonomy package. (Whether the schema refers to a
        // formula linkbase is told by the rule file's presence: compiling the rules to find out
        // would cost a cold start more than the rest of the schema.)
        try? XMLEnvironment.register(url: blank.taxonomyURL + blank.entryPoint,
                                     contents: writer.schema(formulaLinkbaseRef: CheckRuleSet.hasBundledFile(for: blank)))
        registered.insert(blank.editionKey)
    }

    /// The compiled validator for instances of `blank`'s taxonomy.
    public static func validator(for blank: Blank) throws(SchemaCompileError) -> InstanceValidator {
        lock.lock()
        defer { lock.unlock() }
        if let validator = validators[blank.editionKey] { return validator }
        registerLocked(blank)
        let validator = try InstanceValidator(taxonomyEntryURL: blank.taxonomyURL + blank.entryPoint)
        validators[blank.editionKey] = validator
        return validator
    }
}

/// A statement converted to an XBRL instance.
public struct Conversion: Sendable {
    public var instance: [UInt8]
    /// The facts; changing them forgets ``numbers``, which were made for the facts as mapped.
    public var facts: [Fact] { didSet { numbers = nil } }
    /// Findings from mapping the model to facts.
    public var diagnostics: [Diagnostic]
    /// Schema validation of the written instance; empty when valid or not validated.
    public var validation: [Diagnostic]
    /// The mapping's numbering of the facts' contexts and concepts, which the writers of the
    /// other forms use rather than hash each fact's context again. Nil once ``facts`` change.
    var numbers: FactNumbers?

    public var numericFactCount: Int {
        facts.filter { if case .amount = $0.value { true } else { false } }.count
    }
}

/// Parse → facts → instance → validation, the pipeline behind `naicxbrl convert`.
public enum Converter {
    public static func convert(_ statement: Statement, file: String? = nil, validate: Bool = true) throws -> Conversion {
        guard let blank = Blank.named(statement.blank, year: statement.edition) else {
            throw ConversionError("the statement's blank \(statement.blank) is not known")
        }
        return try convert(statement, blank: blank, file: file, validate: validate)
    }

    /// Converts a statement of a blank the library does not bundle (a generated one, say).
    ///
    /// On a machine with more than one core, the instance is validated in two parts on two
    /// threads: another thread validates the first half as it is written, and this one the rest
    /// once it is written, so validation takes about half as long as in one piece.
    public static func convert(_ statement: Statement, blank: Blank, file: String? = nil, validate: Bool = true) throws -> Conversion {
        try convert(statement, blank: blank, file: file, validate: validate, concurrently: ProcessInfo.processInfo.activeProcessorCount > 1)
    }

    /// `concurrently: false` validates after writing, on the calling thread: for callers that
    /// keep every core busy already (a batch, a server answering requests at once).
    public static func convert(_ statement: Statement, blank: Blank, file: String?, validate: Bool, concurrently: Bool) throws -> Conversion {
        let (mapping, result) = try facts(of: statement, blank: blank, file: file)
        let writer = InstanceWriter(taxonomy: mapping.taxonomy)
        let documentName = file ?? "<instance>"
        guard validate else {
            let written = writer.written(result)
            return Conversion(instance: written.bytes, facts: result.facts, diagnostics: result.diagnostics + unwritable(written.unwritable, file),
                              validation: [], numbers: FactNumbers(result))
        }
        let validator: InstanceValidator
        do {
            validator = try TaxonomyRegistry.validator(for: blank)
        } catch {
            let written = writer.written(result)
            return Conversion(instance: written.bytes, facts: result.facts, diagnostics: result.diagnostics + unwritable(written.unwritable, file),
                              validation: error.issues, numbers: FactNumbers(result))
        }
        guard concurrently else {
            let written = writer.written(result)
            return Conversion(instance: written.bytes, facts: result.facts, diagnostics: result.diagnostics + unwritable(written.unwritable, file),
                              validation: written.bytes.withUnsafeBytes { validator.validate(StreamSource($0, limited: false), documentName: documentName) },
                              numbers: FactNumbers(result))
        }
        // Two threads validate two parts of the instance. The first part is the instance up
        // to about half its size, closed with the root's end tag: another thread validates it
        // as it is written. The second is the header again (declaration, root start tag,
        // schemaRef, roleRef), a blank line for each line of the first part after the header,
        // so that every element keeps its line number, then the rest: this thread validates
        // it once the writing is done. The root element's content after the header is an
        // unordered repetition of contexts, units, facts and footnote links, and every
        // namespace is declared on the root, so the instance is valid exactly when both parts
        // are and no id occurs in both. When either part has a finding, the whole instance is
        // validated again in one piece, so the findings are exactly those of `validate`.
        let split = TwoParts(share: splitShare)
        let firstPart = PartValidation()
        let firstSource = split.firstPart
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            firstPart.result = validator.validateCollectingIDs(firstSource, documentName: documentName)
            done.signal()
        }
        let (bytes, replaced) = writer.written(result, follower: split)
        var issues: [Diagnostic]
        if split.secondPartStart > 0 {
            let second = secondPart(of: bytes, split).withUnsafeBytes {
                validator.validateCollectingIDs(StreamSource($0, limited: false), documentName: documentName)
            }
            done.wait()
            issues = firstPart.result.issues + second.issues
            if !issues.isEmpty || !firstPart.result.ids.isDisjoint(with: second.ids) {
                issues = bytes.withUnsafeBytes { validator.validate(StreamSource($0, limited: false), documentName: documentName) }
            }
        } else {
            // Too small to divide: the first part was the whole instance.
            done.wait()
            issues = firstPart.result.issues
        }
        return Conversion(instance: bytes, facts: result.facts, diagnostics: result.diagnostics + unwritable(replaced, file), validation: issues,
                          numbers: FactNumbers(result))
    }

    /// The statement's facts by `blank`'s mapping; a statement the mapping refuses is a
    /// conversion error.
    static func facts(of statement: Statement, blank: Blank, file: String?) throws -> (FactMapping, FactMapping.Result) {
        let mapping = FactMapping(blank: blank)
        do {
            return (mapping, try mapping.facts(of: statement, file: file))
        } catch {
            throw ConversionError("\(error)")
        }
    }

    /// An error for each text the writer could not write as it was: XML cannot hold control
    /// characters other than tab, line feed and carriage return, even as references.
    static func unwritable(_ texts: [String], _ file: String?) -> [Diagnostic] {
        texts.map { text in
            if text.hasPrefix(InstanceWriter.tooLongMarker) {
                return Diagnostic(.error, .limit, file: file, line: nil, "the instance holds " + text.dropFirst(InstanceWriter.tooLongMarker.count))
            }
            let shown = text.unicodeScalars.prefix(60).map { scalar -> String in
                scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                    ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
            }.joined()
            return Diagnostic(.error, .unwritableCharacter, file: file, line: nil,
                              "the text \"\(shown)\(text.unicodeScalars.count > 60 ? "…" : "")\" holds a character XML cannot hold; it was written as U+FFFD")
        }
    }

    /// The share of an instance's estimated size in the first of the two parts validated on two
    /// threads (the estimate is somewhat above the size written). The writing thread writes the
    /// whole instance before it validates the second part, so the first part is the larger.
    static let splitShare = 0.5

    /// The second part of an instance divided by `split`: the header, a line feed for each line
    /// of the first part after the header, the rest.
    static func secondPart(of bytes: [UInt8], _ split: TwoParts) -> [UInt8] {
        var lineFeeds = 0
        for byte in bytes[split.headerEnd..<split.secondPartStart] where byte == 0x0A { lineFeeds += 1 }
        var part: [UInt8] = []
        part.reserveCapacity(split.headerEnd + lineFeeds + bytes.count - split.secondPartStart)
        part.append(contentsOf: bytes[..<split.headerEnd])
        part.append(contentsOf: repeatElement(0x0A, count: lineFeeds))
        part.append(contentsOf: bytes[split.secondPartStart...])
        return part
    }

    /// Where an instance validated in two parts divides: follows the writing, hands the first
    /// part to `firstPart` as it is written, and closes it with the root's end tag at the end of
    /// the first context, unit or fact past `share` of the instance's estimated size.
    final class TwoParts: InstanceWritingFollower {
        let firstPart = StreamSource()
        var sink: any XMLByteSink { firstPart }
        let share: Double
        private var splitAt = Int.max
        /// Byte offsets in the instance: where the header ends, and where the second part
        /// starts; 0 if the instance was not divided.
        private(set) var headerEnd = 0
        private(set) var secondPartStart = 0

        init(share: Double) {
            self.share = share
        }

        func started(estimatedSize: Int) { splitAt = Int(Double(estimatedSize) * share) }
        func headerEnded(at offset: Int) { headerEnd = offset }
        func elementEnded(at offset: Int) -> StaticString? {
            guard secondPartStart == 0, offset >= splitAt else { return nil }
            secondPartStart = offset
            return "</xbrli:xbrl>\n"
        }
    }

    /// Where the validating thread leaves its findings; read after it has signalled.
    private final class PartValidation: @unchecked Sendable {
        var result: (issues: [Diagnostic], ids: InstanceValidator.DocumentIDs) = ([], .init(packed: [], strings: []))
    }
}

public struct ConversionError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
