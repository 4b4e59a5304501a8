import NAICXBRLCore

/// A value the cover or the jurat prints once, as an item: its name and label, and where the
/// statement model keeps it. This one table gives the taxonomy its cover items, the fact mapping
/// the facts it writes, and the importer where each fact goes back.
package struct CoverItem: Sendable {
    package enum Field: Sendable {
        case text(WritableKeyPath<Cover, String?> & Sendable)
        case date(WritableKeyPath<Cover, CalendarDate?> & Sendable)
        /// A yes/no box: written as a nil fact when neither box is checked.
        case yesNo(WritableKeyPath<Cover, Bool?> & Sendable)
    }

    package var name: String
    package var label: String
    package var field: Field
    /// Written only for a statement that prints a jurat.
    package var inJurat: Bool

    init(_ name: String, _ label: String, _ field: Field, inJurat: Bool = false) {
        self.name = name
        self.label = label
        self.field = field
        self.inJurat = inJurat
    }

    package var type: Concept.DataType {
        switch field {
        case .text: .string
        case .date: .date
        case .yesNo: .boolean
        }
    }

    /// The cover's single values before its lists of officers and directors, in the order the
    /// cover prints them.
    package static let cover: [CoverItem] = [
        CoverItem("EditionTitle", "Blank edition", .text(\.edition)),
        CoverItem("StatementKind", "Kind of statement (quarterly or annual)", .text(\.kindName)),
        CoverItem("StatementDate", "Statement date", .date(\.statementDate)),
        CoverItem("CompanyName", "Name of the reporting entity", .text(\.companyName)),
        CoverItem("NAICGroupCode", "NAIC group code (current)", .text(\.groupCode)),
        CoverItem("NAICGroupCodePrior", "NAIC group code (prior)", .text(\.priorGroupCode)),
        CoverItem("NAICCompanyCode", "NAIC company code", .text(\.companyCode)),
        CoverItem("EmployerIdentificationNumber", "Employer's ID number", .text(\.employerID)),
        CoverItem("OrganizedUnderLawsOf", "Organized under the laws of", .text(\.organizedUnderLawsOf)),
        CoverItem("StateOfDomicile", "State of domicile or port of entry", .text(\.stateOfDomicile)),
        CoverItem("CountryOfDomicile", "Country of domicile", .text(\.countryOfDomicile)),
        CoverItem("IncorporationDate", "Incorporated/organized", .date(\.incorporated)),
        CoverItem("CommencedBusinessDate", "Commenced business", .date(\.commencedBusiness)),
        CoverItem("StatutoryHomeOfficeStreet", "Statutory home office (street and number)", .text(\.statutoryHomeOffice.orNew.street)),
        CoverItem("StatutoryHomeOfficeCityStateZip", "Statutory home office (city or town, state and zip code)", .text(\.statutoryHomeOffice.orNew.cityStateZip)),
        CoverItem("StatutoryHomeOfficeTelephone", "Statutory home office (telephone)", .text(\.statutoryHomeOffice.orNew.telephone)),
        CoverItem("MainAdministrativeOfficeStreet", "Main administrative office (street and number)", .text(\.mainAdministrativeOffice.orNew.street)),
        CoverItem("MainAdministrativeOfficeCityStateZip", "Main administrative office (city or town, state and zip code)", .text(\.mainAdministrativeOffice.orNew.cityStateZip)),
        CoverItem("MainAdministrativeOfficeTelephone", "Main administrative office (telephone)", .text(\.mainAdministrativeOffice.orNew.telephone)),
        CoverItem("MailAddressStreet", "Mail address (street and number or P.O. box)", .text(\.mailAddress.orNew.street)),
        CoverItem("MailAddressCityStateZip", "Mail address (city or town, state and zip code)", .text(\.mailAddress.orNew.cityStateZip)),
        CoverItem("MailAddressTelephone", "Mail address (telephone)", .text(\.mailAddress.orNew.telephone)),
        CoverItem("BooksAndRecordsStreet", "Primary location of books and records (street and number)", .text(\.booksAndRecords.orNew.street)),
        CoverItem("BooksAndRecordsCityStateZip", "Primary location of books and records (city or town, state and zip code)", .text(\.booksAndRecords.orNew.cityStateZip)),
        CoverItem("BooksAndRecordsTelephone", "Primary location of books and records (telephone)", .text(\.booksAndRecords.orNew.telephone)),
        CoverItem("InternetWebSiteAddress", "Internet web site address", .text(\.webSite)),
        CoverItem("StatementContactName", "Statutory statement contact (name)", .text(\.contact.orNew.name)),
        CoverItem("StatementContactTelephone", "Statutory statement contact (telephone)", .text(\.contact.orNew.telephone)),
        CoverItem("StatementContactEmail", "Statutory statement contact (e-mail address)", .text(\.contact.orNew.email)),
        CoverItem("StatementContactFax", "Statutory statement contact (fax number)", .text(\.contact.orNew.fax)),
    ]

    /// The jurat's single values after its signatures.
    package static let jurat: [CoverItem] = [
        CoverItem("IsOriginalFiling", "Is this an original filing?", .yesNo(\.jurat.orNew.originalFiling), inJurat: true),
        CoverItem("AmendmentNumber", "If no, state the amendment number", .text(\.jurat.orNew.amendmentNumber), inJurat: true),
        CoverItem("DateFiled", "If no, date filed", .text(\.jurat.orNew.dateFiled), inJurat: true),
        CoverItem("NumberOfPagesAttached", "If no, number of pages attached", .text(\.jurat.orNew.pagesAttached), inJurat: true),
    ]

    /// The jurat's state and county, before its signatures.
    package static let juratPlace: [CoverItem] = [
        CoverItem("JuratState", "Jurat: state", .text(\.jurat.orNew.state), inJurat: true),
        CoverItem("JuratCounty", "Jurat: county", .text(\.jurat.orNew.county), inJurat: true),
    ]

    /// Every cover item, by name.
    package static let named: [String: CoverItem] = Dictionary(uniqueKeysWithValues: (cover + juratPlace + jurat).map { ($0.name, $0) })
}

/// A part of the cover the model keeps as an optional value: made when one of its fields is set.
package protocol CoverPart { init() }
extension Cover.Address: CoverPart { package init() { self.init(street: nil) } }
extension Cover.Contact: CoverPart { package init() { self.init(name: nil) } }
extension Cover.Jurat: CoverPart { package init() { self.init(state: nil) } }

extension Optional where Wrapped: CoverPart {
    /// The part, or an empty one to read from or set a field in.
    package var orNew: Wrapped {
        get { self ?? Wrapped() }
        set { self = newValue }
    }
}

extension Cover {
    /// The kind of statement by its name (`quarterly`, `annual`).
    package var kindName: String? {
        get { kind?.rawValue }
        set { kind = newValue.flatMap(Kind.init(rawValue:)) }
    }
}
