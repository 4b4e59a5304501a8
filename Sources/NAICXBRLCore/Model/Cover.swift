/// The statement's cover page and jurat.
///
/// Every field is optional: a statement that does not print a field leaves it `nil`, which is
/// not the same as an empty value.
public struct Cover: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case quarterly, annual }

    /// "LIFE AND ACCIDENT AND HEALTH COMPANIES - ASSOCIATION EDITION".
    public var edition: String?
    public var kind: Kind?
    public var statementDate: CalendarDate?
    public var companyName: String?
    public var groupCode: String?
    public var priorGroupCode: String?
    public var companyCode: String?
    public var employerID: String?
    public var organizedUnderLawsOf: String?
    public var stateOfDomicile: String?
    public var countryOfDomicile: String?
    public var incorporated: CalendarDate?
    public var commencedBusiness: CalendarDate?
    public var statutoryHomeOffice: Address?
    public var mainAdministrativeOffice: Address?
    public var mailAddress: Address?
    public var booksAndRecords: Address?
    public var webSite: String?
    public var contact: Contact?
    public var officers: [Officer]
    public var otherOfficers: [Officer]
    public var directors: [String]
    public var jurat: Jurat?

    public init() {
        officers = []
        otherOfficers = []
        directors = []
    }

    public struct Address: Codable, Equatable, Sendable {
        public var street: String?
        public var cityStateZip: String?
        public var telephone: String?

        public init(street: String? = nil, cityStateZip: String? = nil, telephone: String? = nil) {
            self.street = street
            self.cityStateZip = cityStateZip
            self.telephone = telephone
        }
    }

    public struct Contact: Codable, Equatable, Sendable {
        public var name: String?
        public var telephone: String?
        public var email: String?
        public var fax: String?

        public init(name: String? = nil, telephone: String? = nil, email: String? = nil, fax: String? = nil) {
            self.name = name
            self.telephone = telephone
            self.email = email
            self.fax = fax
        }
    }

    public struct Officer: Codable, Equatable, Sendable {
        public var name: String
        public var title: String

        public init(name: String, title: String) {
            (self.name, self.title) = (name, title)
        }
    }

    public struct Jurat: Codable, Equatable, Sendable {
        public var state: String?
        public var county: String?
        /// The officers who signed, in printed order.
        public var signatures: [Officer]
        /// "Is this an original filing?" `nil` when neither box is checked.
        public var originalFiling: Bool?
        public var amendmentNumber: String?
        public var dateFiled: String?
        public var pagesAttached: String?

        public init(state: String? = nil, county: String? = nil, signatures: [Officer] = [], originalFiling: Bool? = nil,
                    amendmentNumber: String? = nil, dateFiled: String? = nil, pagesAttached: String? = nil) {
            self.state = state
            self.county = county
            self.signatures = signatures
            self.originalFiling = originalFiling
            self.amendmentNumber = amendmentNumber
            self.dateFiled = dateFiled
            self.pagesAttached = pagesAttached
        }
    }
}
