import NAICXBRLCore
/// The readers of the statement's non-tabular sections.
enum SectionReaders {
    static func cover(_ lines: [SourceText.Line], context: ParseContext, blank: Blank) -> Cover {
        CoverParser.parse(lines, context: context, vocabulary: .of(blank))
    }

    static func notes(_ lines: [SourceText.Line], context: ParseContext, blank: Blank) -> [Note] {
        NotesParser.parse(lines, context: context, titles: blank.sections.filter { $0.kind == .notes }.flatMap(\.titles))
    }

    static func interrogatories(_ lines: [SourceText.Line], part: String, context: ParseContext, blank: Blank) -> [Interrogatory] {
        InterrogatoriesParser.parse(lines, part: part, context: context, titles: .init(blank))
    }
}
