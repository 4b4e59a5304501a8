import ArgumentParser
import Foundation
import NAICXBRL
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

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
