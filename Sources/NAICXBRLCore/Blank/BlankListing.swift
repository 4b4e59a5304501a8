/// A blank and its editions as `naicxbrl blanks` and the service's `/v1/blanks` list them: the
/// latest edition's title, kind and namespace, and each edition's entry point and size.
public struct BlankListing: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var kind: String
    public var namespace: String
    public var editions: [Edition]

    public struct Edition: Codable, Equatable, Sendable {
        public var year: Int
        public var entryPoint: String
        public var pages: Int
        public var lines: Int
    }
}

extension BlankCatalog {
    /// Every blank of the catalog with the editions that resolve, in the catalog's order; a blank
    /// none of whose editions resolves is left out.
    public var listing: [BlankListing] {
        var listed: [BlankListing] = []
        for id in ids {
            var editions: [BlankListing.Edition] = []
            var latest: Blank?
            for year in years(of: id) {
                guard let blank = try? self.blank(id, year: year) else { continue }
                latest = blank
                editions.append(BlankListing.Edition(year: year, entryPoint: blank.taxonomyURL + blank.entryPoint,
                                                     pages: blank.pages.count, lines: blank.pages.reduce(0) { $0 + $1.lines.count }))
            }
            guard let latest else { continue }
            listed.append(BlankListing(id: id, title: latest.title, kind: latest.kind.rawValue, namespace: latest.namespace, editions: editions))
        }
        return listed
    }
}
