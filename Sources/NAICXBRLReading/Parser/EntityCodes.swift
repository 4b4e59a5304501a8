import Foundation
import NAICXBRLCore

/// The NAIC codes of the company a statement is about, given by the user for statements that do
/// not print them (partial filings, filings without a jurat page, printers that leave the code
/// off the cover).
///
/// The entity is found, in order: the codes the statement prints (cover, jurat page, running
/// header, page bar code); then the codes given here. A code the statement prints and a
/// different one given is a conflict: the statement is not converted, since one of the two is
/// wrong and the tool cannot tell which.
public struct EntityCodes: Sendable, Equatable {
    /// The five-digit NAIC company code.
    public var companyCode: String?
    /// The NAIC group code (up to four digits, as printed).
    public var groupCode: String?

    public init(companyCode: String? = nil, groupCode: String? = nil) throws(EntityCodesError) {
        if let companyCode, !(companyCode.count == 5 && companyCode.allSatisfy(\.isASCIIDigit)) {
            throw EntityCodesError("the NAIC company code must be five digits, not \"\(companyCode)\"")
        }
        if let groupCode, !((1...4).contains(groupCode.count) && groupCode.allSatisfy(\.isASCIIDigit)) {
            throw EntityCodesError("the NAIC group code must be one to four digits, not \"\(groupCode)\"")
        }
        self.companyCode = companyCode
        self.groupCode = groupCode
    }

    public var isEmpty: Bool { companyCode == nil && groupCode == nil }

    /// Fills the codes the statement does not print; a printed code that differs from the given
    /// one is an error and makes the result unusable (nothing is converted).
    public func apply(to result: inout ParseResult, file: String) {
        guard !isEmpty, result.isUsable else { return }
        var cover = result.statement.cover
        for (given, printed, name, option) in [(companyCode, cover.companyCode, "company code", "--company-code"),
                                               (groupCode, cover.groupCode, "group code", "--group-code")] {
            guard let given else { continue }
            if let printed, printed != given {
                result.diagnostics.append(Diagnostic(.error, .coverField, file: file, line: nil,
                                                     "the statement prints the NAIC \(name) \(printed); \(option) gives \(given). One of them is wrong; nothing was converted"))
                result.isUsable = false
                return
            }
            if printed == nil {
                result.diagnostics.append(Diagnostic(.info, .coverField, file: file, line: nil,
                                                     "the NAIC \(name) is not printed; \(given) from \(option) is used"))
            }
        }
        if cover.companyCode == nil { cover.companyCode = companyCode }
        if cover.groupCode == nil { cover.groupCode = groupCode }
        result.statement.cover = cover
    }

    /// Codes by statement file name, from CSV text: `file,companyCode[,groupCode]` per line, an
    /// optional header line (`file,...`), `#` comments. A file is matched by its name or its path.
    public static func table(csv text: String, file: String) throws(EntityCodesError) -> [String: EntityCodes] {
        var table: [String: EntityCodes] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if number == 0, fields.first?.lowercased() == "file" { continue }
            guard fields.count == 2 || fields.count == 3, !fields[0].isEmpty else {
                throw EntityCodesError("\(file):\(number + 1): expected file,companyCode[,groupCode]; the line has \(fields.count) fields")
            }
            let codes: EntityCodes
            do {
                codes = try EntityCodes(companyCode: fields[1].isEmpty ? nil : fields[1],
                                        groupCode: fields.count == 3 && !fields[2].isEmpty ? fields[2] : nil)
            } catch {
                throw EntityCodesError("\(file):\(number + 1): \(error.message)")
            }
            guard table[fields[0]] == nil else { throw EntityCodesError("\(file):\(number + 1): \(fields[0]) is listed twice") }
            table[fields[0]] = codes
        }
        return table
    }

    /// The codes `table` gives the statement at `path`: by its path as given, else its file name.
    public static func lookup(_ path: String, in table: [String: EntityCodes]) -> EntityCodes? {
        table[path] ?? table[(path as NSString).lastPathComponent]
    }
}

public struct EntityCodesError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
