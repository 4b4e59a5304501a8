import NAICXBRLCore

/// How one printed page of a statement was accounted for.
public struct PageAccount: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// Read into the model: its page ids are in `schedule`.
        case read
        /// A page of a schedule the description does not cover, or the cover and jurat.
        case other
        /// Its text layer is not text.
        case unreadable
    }

    public var page: Int
    public var status: Status
    /// The description's page ids for a page read; otherwise the title the page prints.
    public var schedule: String?
    /// The page's text layer is not text, and its words were read by OCR (`--ocr`).
    public var readByOCR: Bool?

    public init(page: Int, status: Status, schedule: String?, readByOCR: Bool? = nil) {
        self.page = page
        self.status = status
        self.schedule = schedule
        self.readByOCR = readByOCR
    }
}
