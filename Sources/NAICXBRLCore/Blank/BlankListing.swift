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
    /// Every blank of the catalog with its editions, in the catalog's order; an edition that does
    /// not resolve is an error, not a blank left out.
    public func listing() throws(BlankCatalogError) -> [BlankListing] {
        var listed: [BlankListing] = []
        for id in ids {
            var editions: [BlankListing.Edition] = []
            var latest: Blank?
            for year in years(of: id) {
                let blank = try self.blank(id, year: year)
                latest = blank
                editions.append(BlankListing.Edition(year: year, entryPoint: blank.taxonomyURL + blank.entryPoint,
                                                     pages: blank.pages.count, lines: blank.pages.reduce(0) { $0 + $1.lines.count }))
            }
            guard let latest else { continue }
            listed.append(BlankListing(id: id, title: latest.title, kind: latest.kind.rawValue, namespace: latest.namespace, editions: editions))
        }
        return listed
    }

    /// The bundled catalog's listing; an edition that does not resolve stops the program here, as
    /// in ``BlankCatalog/bundledEditions``.
    public static var bundledListing: [BlankListing] {
        do {
            return try bundled.listing()
        } catch {
            preconditionFailure("the bundled blank catalog does not resolve: \(error)")
        }
    }
}
