/// The readers of the statement's non-tabular sections.
enum SectionReaders {
    static func cover(_ lines: [SourceText.Line], context: ParseContext) -> Cover {
        Cover()
    }

    static func notes(_ lines: [SourceText.Line], context: ParseContext) -> [Note] {
        []
    }

    static func interrogatories(_ lines: [SourceText.Line], part: String, context: ParseContext) -> [Interrogatory] {
        []
    }
}
