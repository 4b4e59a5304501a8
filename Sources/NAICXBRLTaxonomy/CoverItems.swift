import NAICXBRLCore

/// A value the cover or the jurat prints once, as an item: its name and label, and where the
/// statement model keeps it. This one table gives the taxonomy its cover items, the fact mapping
/// the facts it writes, and the importer where each fact goes back.
package struct CoverItem: Sendable {
    /// How the model's value is read and set: closures, since reading through a key path copies
    /// the whole cover for each item.
    package enum Field: Sendable {
        case text(@Sendable (Cover) -> String?, @Sendable (inout Cover, String?) -> Void)
        case date(@Sendable (Cover) -> CalendarDate?, @Sendable (inout Cover, CalendarDate?) -> Void)
        /// A yes/no box: written as a nil fact when neither box is checked.
        case yesNo(@Sendable (Cover) -> Bool?, @Sendable (inout Cover, Bool?) -> Void)
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
    /// cover prints them, a table per printed block: the statement, the company and its codes,
    /// where it is organized and domiciled, its dates, its addresses, its web site and the
    /// statement's contact.
    package static let cover: [CoverItem] = statement + company + domicile + dates
        + address("StatutoryHomeOffice", "Statutory home office", \.statutoryHomeOffice)
        + address("MainAdministrativeOffice", "Main administrative office", \.mainAdministrativeOffice)
        + address("MailAddress", "Mail address", street: "street and number or P.O. box", \.mailAddress)
        + address("BooksAndRecords", "Primary location of books and records", \.booksAndRecords)
        + [CoverItem("InternetWebSiteAddress", "Internet web site address", .text({ $0.webSite }, { $0.webSite = $1 }))]
        + contact

    /// The statement itself, as the cover's title prints it: the blank's edition, quarterly or
    /// annual, and the date it is as of.
    private static let statement: [CoverItem] = [
        CoverItem("EditionTitle", "Blank edition", .text({ $0.edition }, { $0.edition = $1 })),
        CoverItem("StatementKind", "Kind of statement (quarterly or annual)", .text({ $0.kindName }, { $0.kindName = $1 })),
        CoverItem("StatementDate", "Statement date", .date({ $0.statementDate }, { $0.statementDate = $1 })),
    ]

    /// Who files: the name printed under the title and the codes printed beside it.
    private static let company: [CoverItem] = [
        CoverItem("CompanyName", "Name of the reporting entity", .text({ $0.companyName }, { $0.companyName = $1 })),
        CoverItem("NAICGroupCode", "NAIC group code (current)", .text({ $0.groupCode }, { $0.groupCode = $1 })),
        CoverItem("NAICGroupCodePrior", "NAIC group code (prior)", .text({ $0.priorGroupCode }, { $0.priorGroupCode = $1 })),
        CoverItem("NAICCompanyCode", "NAIC company code", .text({ $0.companyCode }, { $0.companyCode = $1 })),
        CoverItem("EmployerIdentificationNumber", "Employer's ID number", .text({ $0.employerID }, { $0.employerID = $1 })),
    ]

    /// Where the company is organized and domiciled.
    private static let domicile: [CoverItem] = [
        CoverItem("OrganizedUnderLawsOf", "Organized under the laws of", .text({ $0.organizedUnderLawsOf }, { $0.organizedUnderLawsOf = $1 })),
        CoverItem("StateOfDomicile", "State of domicile or port of entry", .text({ $0.stateOfDomicile }, { $0.stateOfDomicile = $1 })),
        CoverItem("CountryOfDomicile", "Country of domicile", .text({ $0.countryOfDomicile }, { $0.countryOfDomicile = $1 })),
    ]

    /// When it was incorporated and began business (dates as printed, read as calendar dates).
    private static let dates: [CoverItem] = [
        CoverItem("IncorporationDate", "Incorporated/organized", .date({ $0.incorporated }, { $0.incorporated = $1 })),
        CoverItem("CommencedBusinessDate", "Commenced business", .date({ $0.commencedBusiness }, { $0.commencedBusiness = $1 })),
    ]

    /// An address the cover prints: its street (`street` says how the cover words it), its city
    /// or town, state and zip code, and its telephone.
    private static func address(_ name: String, _ label: String, street: String = "street and number",
                                _ place: WritableKeyPath<Cover, Cover.Address?> & Sendable) -> [CoverItem] {
        [
            CoverItem(name + "Street", "\(label) (\(street))",
                      .text({ $0[keyPath: place]?.street }, { $0[keyPath: place].orNew.street = $1 })),
            CoverItem(name + "CityStateZip", "\(label) (city or town, state and zip code)",
                      .text({ $0[keyPath: place]?.cityStateZip }, { $0[keyPath: place].orNew.cityStateZip = $1 })),
            CoverItem(name + "Telephone", "\(label) (telephone)",
                      .text({ $0[keyPath: place]?.telephone }, { $0[keyPath: place].orNew.telephone = $1 })),
        ]
    }

    /// The person to ask about the statement.
    private static let contact: [CoverItem] = [
        CoverItem("StatementContactName", "Statutory statement contact (name)", .text({ $0.contact?.name }, { $0.contact.orNew.name = $1 })),
        CoverItem("StatementContactTelephone", "Statutory statement contact (telephone)", .text({ $0.contact?.telephone }, { $0.contact.orNew.telephone = $1 })),
        CoverItem("StatementContactEmail", "Statutory statement contact (e-mail address)", .text({ $0.contact?.email }, { $0.contact.orNew.email = $1 })),
        CoverItem("StatementContactFax", "Statutory statement contact (fax number)", .text({ $0.contact?.fax }, { $0.contact.orNew.fax = $1 })),
    ]

    /// The jurat's single values after its signatures.
    package static let jurat: [CoverItem] = [
        CoverItem("IsOriginalFiling", "Is this an original filing?", .yesNo({ $0.jurat?.originalFiling }, { $0.jurat.orNew.originalFiling = $1 }), inJurat: true),
        CoverItem("AmendmentNumber", "If no, state the amendment number", .text({ $0.jurat?.amendmentNumber }, { $0.jurat.orNew.amendmentNumber = $1 }), inJurat: true),
        CoverItem("DateFiled", "If no, date filed", .text({ $0.jurat?.dateFiled }, { $0.jurat.orNew.dateFiled = $1 }), inJurat: true),
        CoverItem("NumberOfPagesAttached", "If no, number of pages attached", .text({ $0.jurat?.pagesAttached }, { $0.jurat.orNew.pagesAttached = $1 }), inJurat: true),
    ]

    /// The jurat's state and county, before its signatures.
    package static let juratPlace: [CoverItem] = [
        CoverItem("JuratState", "Jurat: state", .text({ $0.jurat?.state }, { $0.jurat.orNew.state = $1 }), inJurat: true),
        CoverItem("JuratCounty", "Jurat: county", .text({ $0.jurat?.county }, { $0.jurat.orNew.county = $1 }), inJurat: true),
    ]

    /// Every cover item, by name.
    package static let named: [String: CoverItem] = Dictionary(uniqueKeysWithValues: (cover + juratPlace + jurat).map { ($0.name, $0) })
}

/// A list the cover or the jurat prints, an entry per item number (`ItemNumberAxis`): the items
/// of an entry (a name and, for officers, a title), and where the statement model keeps the list.
/// Like ``CoverItem``, this one table gives the taxonomy its items, the fact mapping the facts it
/// writes, and the importer where each fact goes back.
package struct CoverList: Sendable {
    /// Each item of an entry, in the order an entry's facts are written.
    package var items: [(name: String, label: String)]
    /// The entries as the model keeps them, each as its items' values.
    package var entries: @Sendable (Cover) -> [[String?]]
    /// Sets the list from the entries read back (each as its items' values, nil where no fact
    /// gave one), in item number order.
    package var set: @Sendable (inout Cover, [[String?]]) -> Void

    /// The cover's lists, after its single values.
    package static let cover: [CoverList] = [
        CoverList(items: [("OfficerName", "Officer (name)"), ("OfficerTitle", "Officer (title)")],
                  entries: { $0.officers.map { [$0.name, $0.title] } },
                  set: { $0.officers = officers($1) }),
        CoverList(items: [("OtherOfficerName", "Other officer (name)"), ("OtherOfficerTitle", "Other officer (title)")],
                  entries: { $0.otherOfficers.map { [$0.name, $0.title] } },
                  set: { $0.otherOfficers = officers($1) }),
        // A director's fact without a value removes the name.
        CoverList(items: [("DirectorOrTrusteeName", "Director or trustee")],
                  entries: { $0.directors.map { [$0] } },
                  set: { $0.directors = $1.compactMap { $0[0] } }),
    ]

    /// The jurat's signatures, between its place and its single values. A signature read back
    /// makes the jurat.
    package static let jurat: [CoverList] = [
        CoverList(items: [("JuratSignatoryName", "Jurat: signing officer (name)"), ("JuratSignatoryTitle", "Jurat: signing officer (title)")],
                  entries: { $0.jurat?.signatures.map { [$0.name, $0.title] } ?? [] },
                  set: { cover, entries in
                      guard var jurat = cover.jurat else { return }
                      jurat.signatures = officers(entries)
                      cover.jurat = jurat
                  }),
    ]

    /// Officers read back: a missing name or title is empty.
    private static func officers(_ entries: [[String?]]) -> [Cover.Officer] {
        entries.map { Cover.Officer(name: $0[0] ?? "", title: $0[1] ?? "") }
    }

    /// Every list item, by name: its list (the index in ``all``) and its place in an entry.
    package static let named: [String: (list: Int, item: Int)] = {
        var named: [String: (list: Int, item: Int)] = [:]
        for (l, list) in all.enumerated() {
            for (i, item) in list.items.enumerated() { named[item.name] = (l, i) }
        }
        return named
    }()

    /// The cover's lists, then the jurat's.
    package static let all: [CoverList] = cover + jurat
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
