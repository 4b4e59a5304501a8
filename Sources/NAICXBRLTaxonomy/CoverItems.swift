import NAICXBRLCore

/// A value the cover or the jurat prints once, as an item: its name and label, and where the
/// statement model keeps it. This one table gives the taxonomy its cover items, the fact mapping
/// the facts it writes, and the importer where each fact goes back.
package struct CoverItem: Sendable {
    /// How the model's value is read and set.
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
    /// cover prints them: the statement itself as its title prints it (the blank's edition,
    /// quarterly or annual, the date it is as of); who files (the name printed under the title and
    /// the codes beside it); where the company is organized and domiciled; when it was
    /// incorporated and began business (dates as printed, read as calendar dates); its addresses;
    /// its web site; and the person to ask about the statement.
    package static let cover: [CoverItem] = texts([
        ("EditionTitle", "Blank edition", \.edition),
        ("StatementKind", "Kind of statement (quarterly or annual)", \.kindName),
    ])
        + dates([("StatementDate", "Statement date", \.statementDate)])
        + texts([
            ("CompanyName", "Name of the reporting entity", \.companyName),
            ("NAICGroupCode", "NAIC group code (current)", \.groupCode),
            ("NAICGroupCodePrior", "NAIC group code (prior)", \.priorGroupCode),
            ("NAICCompanyCode", "NAIC company code", \.companyCode),
            ("EmployerIdentificationNumber", "Employer's ID number", \.employerID),
            ("OrganizedUnderLawsOf", "Organized under the laws of", \.organizedUnderLawsOf),
            ("StateOfDomicile", "State of domicile or port of entry", \.stateOfDomicile),
            ("CountryOfDomicile", "Country of domicile", \.countryOfDomicile),
        ])
        + dates([
            ("IncorporationDate", "Incorporated/organized", \.incorporated),
            ("CommencedBusinessDate", "Commenced business", \.commencedBusiness),
        ])
        + address("StatutoryHomeOffice", "Statutory home office", \.statutoryHomeOffice)
        + address("MainAdministrativeOffice", "Main administrative office", \.mainAdministrativeOffice)
        + address("MailAddress", "Mail address", street: "street and number or P.O. box", \.mailAddress)
        + address("BooksAndRecords", "Primary location of books and records", \.booksAndRecords)
        + texts([("InternetWebSiteAddress", "Internet web site address", \.webSite)])
        + texts(of: \.contact, [
            ("StatementContactName", "Statutory statement contact (name)", \.name),
            ("StatementContactTelephone", "Statutory statement contact (telephone)", \.telephone),
            ("StatementContactEmail", "Statutory statement contact (e-mail address)", \.email),
            ("StatementContactFax", "Statutory statement contact (fax number)", \.fax),
        ])

    /// An address the cover prints: its street (`street` says how the cover words it), its city
    /// or town, state and zip code, and its telephone.
    private static func address(_ name: String, _ label: String, street: String = "street and number",
                                _ place: WritableKeyPath<Cover, Cover.Address?> & Sendable) -> [CoverItem] {
        texts(of: place, [
            (name + "Street", "\(label) (\(street))", \.street),
            (name + "CityStateZip", "\(label) (city or town, state and zip code)", \.cityStateZip),
            (name + "Telephone", "\(label) (telephone)", \.telephone),
        ])
    }

    /// The jurat's single values after its signatures.
    package static let jurat: [CoverItem] = [
        CoverItem("IsOriginalFiling", "Is this an original filing?",
                  .yesNo({ $0.jurat?.originalFiling }, { $0.jurat.orNew.originalFiling = $1 }), inJurat: true),
    ]
        + texts(of: \.jurat, inJurat: true, [
            ("AmendmentNumber", "If no, state the amendment number", \.amendmentNumber),
            ("DateFiled", "If no, date filed", \.dateFiled),
            ("NumberOfPagesAttached", "If no, number of pages attached", \.pagesAttached),
        ])

    /// The jurat's state and county, before its signatures.
    package static let juratPlace: [CoverItem] = texts(of: \.jurat, inJurat: true, [
        ("JuratState", "Jurat: state", \.state),
        ("JuratCounty", "Jurat: county", \.county),
    ])

    /// Texts the cover keeps as values of its own: each item's name, label and value.
    private static func texts(_ items: [(String, String, WritableKeyPath<Cover, String?> & Sendable)]) -> [CoverItem] {
        items.map { name, label, value in CoverItem(name, label, .text({ $0[keyPath: value] }, { $0[keyPath: value] = $1 })) }
    }

    /// Dates the cover keeps as values of its own.
    private static func dates(_ items: [(String, String, WritableKeyPath<Cover, CalendarDate?> & Sendable)]) -> [CoverItem] {
        items.map { name, label, value in CoverItem(name, label, .date({ $0[keyPath: value] }, { $0[keyPath: value] = $1 })) }
    }

    /// Texts of a part of the cover (an address, the contact, the jurat): the part is made when one
    /// of them is set.
    private static func texts<Part: CoverPart>(of part: WritableKeyPath<Cover, Part?> & Sendable, inJurat: Bool = false,
                                               _ items: [(String, String, WritableKeyPath<Part, String?> & Sendable)]) -> [CoverItem] {
        items.map { name, label, value in
            CoverItem(name, label, .text({ $0[keyPath: part]?[keyPath: value] }, { $0[keyPath: part].orNew[keyPath: value] = $1 }),
                      inJurat: inJurat)
        }
    }

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
package protocol CoverPart: SendableMetatype { init() }
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
