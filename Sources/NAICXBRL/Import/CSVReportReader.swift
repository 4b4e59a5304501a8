/// Reads an xBRL-CSV 1.0 report package into ``RawInstance``.
public enum CSVReportReader {
    public static func read(_ bytes: [UInt8], name: String) -> JSONReportReader.Result {
        var raw = RawInstance()
        raw.issues.append(Diagnostic(.error, .reportPackage, file: name, line: nil, "xBRL-CSV report packages are not read yet"))
        return .init(blank: nil, raw: raw)
    }
}
