import NAICXBRLCore
import NAICXBRLXML
/// One element of the taxonomy: a reported item, or a dimension, hypercube or member.
package struct Concept: Hashable, Sendable {
    package enum DataType: String, Sendable {
        case monetary, string, boolean, date, integer, percent
        /// A number neither money nor a percentage (a factor): `xbrli:pureItemType`, unit `xbrli:pure`.
        case ratio
        /// A whole number of things counted: `xbrli:nonNegativeIntegerItemType`, unit `xbrli:pure`.
        case count
        /// Members, axes, hypercubes and headings: abstract, never reported.
        case abstract
    }

    package enum Kind: Hashable, Sendable {
        case item
        case explicitDimension
        /// A typed dimension whose values are elements named `domain`.
        case typedDimension(domain: String)
        case hypercube
        case member
        case heading
    }

    package enum PeriodType: String, Sendable { case instant, duration }

    package var name: String
    package var kind: Kind
    package var type: DataType
    package var periodType: PeriodType
    package var balance: Balance?
    /// The standard label: the blank's caption.
    package var label: String
    /// Where the item is printed ("Assets, line 28"): the taxonomy's "printed at" label.
    package var printedAt: String?
    /// Where the concept is printed on the blank, for the reference linkbase.
    package var reference: ConceptReference? = nil

    package var isAbstract: Bool { kind != .item }
}

extension Concept.DataType {
    /// Whether facts of this type are numbers, with a unit and decimals.
    package var isNumeric: Bool {
        switch self {
        case .monetary, .percent, .integer, .count, .ratio: true
        case .string, .boolean, .date, .abstract: false
        }
    }
}

/// The non-tabular items every blank shares: cover, notes, interrogatories and the printed form
/// of pages. They follow the statement model, which is the same for every blank.
package enum CommonConcepts {
    /// Typed dimensions and their domain elements.
    static let typedAxes: [(axis: String, domain: String, label: String)] = [
        ("ItemNumberAxis", "ItemNumber", "Item number in a printed list"),
        ("PageAxis", "PageIdentifier", "Page"),
        ("LineAxis", "LineNumber", "Line number"),
        ("NoteAxis", "NoteNumber", "Note number"),
        ("BlockAxis", "BlockNumber", "Paragraph or table number within a note"),
        ("TableRowAxis", "TableRow", "Table row"),
        ("TableColumnAxis", "TableColumn", "Table column"),
        ("InterrogatoryAxis", "InterrogatoryNumber", "Interrogatory (part:number)"),
    ]

    /// Item name, type, period type, label, and the typed axes its facts carry.
    static let items: [(name: String, type: Concept.DataType, period: Concept.PeriodType, label: String, axes: [String])] =
        coverItems(CoverItem.cover) + coverLists(CoverList.cover)
      + coverItems(CoverItem.juratPlace) + coverLists(CoverList.jurat)
      + coverItems(CoverItem.jurat) + [
        ("PrintedCaption", .string, .duration, "Caption as printed (write-in lines, and captions that differ from the blank)", ["PageAxis", "LineAxis"]),
        ("PrintedColumnHeadings", .string, .duration, "Column headings as printed, cells separated by tabs", ["PageAxis", "TableRowAxis"]),
        ("PrintedFootnote", .string, .duration, "Footnote or legend printed under a page", ["PageAxis", "TableRowAxis"]),
        ("PageIsNone", .boolean, .duration, "The page is printed with a NONE mark", ["PageAxis"]),
        ("LinesNotPrinted", .string, .duration, "Lines of the blank a printed page leaves out", ["PageAxis"]),
        ("LinesReadByOCR", .string, .duration, "Lines of a page read by optical character recognition (its text layer is not text): their values are as recognized and checked by the statement's arithmetic", ["PageAxis"]),
        ("TextOfCell", .string, .duration, "A cell printed where the blank expects an amount, as printed", ["PageAxis", "LineAxis", "TableColumnAxis"]),
        ("NoteTitle", .string, .duration, "Note title", ["NoteAxis"]),
        ("NoteParagraph", .string, .duration, "Note paragraph", ["NoteAxis", "BlockAxis"]),
        ("NoteTableScale", .string, .duration, "Scale stated in a note table's headings", ["NoteAxis", "BlockAxis"]),
        ("NoteTableHeadings", .string, .duration, "Note table heading row, cells separated by tabs", ["NoteAxis", "BlockAxis", "TableRowAxis"]),
        ("NoteTableRowLabel", .string, .duration, "Note table row label", ["NoteAxis", "BlockAxis", "TableRowAxis"]),
        ("InterrogatoryText", .string, .duration, "Interrogatory question as printed", ["InterrogatoryAxis"]),
        ("InterrogatoryAnswerYesNo", .boolean, .duration, "Interrogatory answer (yes or no)", ["InterrogatoryAxis"]),
        ("InterrogatoryAnswerYesNoNotApplicable", .string, .duration, "Interrogatory answer (yes, no or n/a)", ["InterrogatoryAxis"]),
        ("InterrogatoryAnswerDate", .date, .duration, "Interrogatory answer (date)", ["InterrogatoryAxis"]),
        ("InterrogatoryAnswerAmount", .monetary, .duration, "Interrogatory answer (amount)", ["InterrogatoryAxis", "TableColumnAxis"]),
        ("InterrogatoryAnswerPercent", .percent, .duration, "Interrogatory answer (percent)", ["InterrogatoryAxis"]),
        ("InterrogatoryAnswerText", .string, .duration, "Interrogatory answer (text)", ["InterrogatoryAxis"]),
        ("InterrogatoryDetail", .string, .duration, "Text printed under an interrogatory", ["InterrogatoryAxis", "TableRowAxis"]),
        ("InterrogatoryTableScale", .string, .duration, "Scale stated in an interrogatory table's headings", ["InterrogatoryAxis"]),
        ("InterrogatoryTableHeadings", .string, .duration, "Interrogatory table heading row, cells separated by tabs", ["InterrogatoryAxis", "TableRowAxis"]),
        ("InterrogatoryTableRowLabel", .string, .duration, "Interrogatory table row label", ["InterrogatoryAxis", "TableRowAxis"]),
    ] + tableCells(prefix: "Note", label: "Note table", axes: ["NoteAxis", "BlockAxis", "TableRowAxis"])
      + tableCells(prefix: "Interrogatory", label: "Interrogatory table", axes: ["InterrogatoryAxis", "TableRowAxis"])

    /// Cover items as taxonomy items: instants with no axes.
    static func coverItems(_ items: [CoverItem]) -> [(name: String, type: Concept.DataType, period: Concept.PeriodType, label: String, axes: [String])] {
        items.map { ($0.name, $0.type, .instant, $0.label, []) }
    }

    /// Cover lists' items as taxonomy items: instants numbered by item.
    static func coverLists(_ lists: [CoverList]) -> [(name: String, type: Concept.DataType, period: Concept.PeriodType, label: String, axes: [String])] {
        lists.flatMap { $0.items.map { ($0.name, .string, .instant, $0.label, ["ItemNumberAxis"]) } }
    }

    /// The widest printed table the taxonomy has items for.
    package static let maxTableColumns = 16

    /// One amount item and one text item per column of a printed table. A column is an item
    /// rather than a dimension so that a row's cells share one context: a table of 7 columns
    /// needs a seventh of the contexts.
    static func tableCells(prefix: String, label: String, axes: [String]) -> [(name: String, type: Concept.DataType, period: Concept.PeriodType, label: String, axes: [String])] {
        (1...maxTableColumns).flatMap { n in
            [("\(prefix)TableAmountColumn\(n)", Concept.DataType.monetary, Concept.PeriodType.duration, "\(label) amount, column \(n)", axes),
             ("\(prefix)TableTextColumn\(n)", Concept.DataType.string, Concept.PeriodType.duration, "\(label) text, column \(n)", axes),
             ("\(prefix)TablePercentColumn\(n)", Concept.DataType.percent, Concept.PeriodType.duration, "\(label) percentage, column \(n)", axes)]
        }
    }
}

/// Where a concept is printed on its blank's edition: the page (or the part of the statement,
/// for concepts that are on no tabular page) and its printed page number, the line, the column.
package struct ConceptReference: Hashable, Sendable {
    /// The page's printed title, or the part of the statement ("Cover and jurat").
    package var page: String
    /// The page number printed at the foot of the page (``PageDescription/printedPage``), where
    /// the description has one.
    package var pageNumber: String?
    package var line: String?
    package var column: String?
    /// What on the line it is, where the line prints more than one amount ("amount 1 printed in the caption").
    package var detail: String?

    package init(page: String, pageNumber: String? = nil, line: String? = nil, column: String? = nil, detail: String? = nil) {
        self.page = page
        self.pageNumber = pageNumber
        self.line = line
        self.column = column
        self.detail = detail
    }
}
