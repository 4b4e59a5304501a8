import ArgumentParser
import Foundation
import NAICXBRL

struct NAICXBRLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naicxbrl",
        abstract: "Turns NAIC statutory financial statements into XBRL 2.1 and back.",
        discussion: """
        Exit codes: 0 success; 1 the input or output is invalid (validation or check errors); \
        2 the tool could not do the job (unusable input, bad arguments, I/O).
        """,
        version: "0.1.0",
        subcommands: [ParseCommand.self, ConvertCommand.self, ValidateCommand.self, ImportCommand.self, CheckCommand.self, TaxonomyCommand.self, BlanksCommand.self]
    )
}

/// The documented exit codes.
enum ToolExit: Int32 {
    case success = 0
    case invalid = 1
    case unusable = 2

    var code: ExitCode { ExitCode(rawValue) }
}

enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func diagnostics(_ diagnostics: [Diagnostic], minimum: Diagnostic.Severity) {
        var text = ""
        for d in diagnostics where d.severity >= minimum { text += d.description + "\n" }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
