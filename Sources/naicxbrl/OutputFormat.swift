import ArgumentParser

/// What `convert` writes.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// An XBRL 2.1 instance document.
    case xml
    /// One Inline XBRL 1.1 document (XHTML) laid out like the printed blank.
    case ixbrl
}
