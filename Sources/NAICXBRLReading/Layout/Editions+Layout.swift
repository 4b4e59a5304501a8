@_spi(Stages) import NAICXBRLCore

extension Editions {
    /// The year in a statement's running header: the first four-digit number after the header
    /// words ("ANNUAL STATEMENT FOR THE YEAR 2024 OF THE ...", "STATEMENT AS OF JUNE 30, 2011 ...").
    static func year(_ document: PositionedDocument, header: String) -> Int? {
        let key = Text.key(header)
        for page in document.pages {
            for line in page.lines.prefix(8) where Text.key(line.text).hasPrefix(key) {
                if let year = year(after: header, in: Array(line.text.utf8)) { return year }
            }
        }
        return nil
    }
}
