import ArgumentParser
import NAICXBRL

struct NAICXBRLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naicxbrl",
        abstract: "Turns NAIC statutory financial statements into XBRL 2.1 and back.",
        subcommands: []
    )
}
