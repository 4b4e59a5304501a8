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

struct BlanksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blanks",
        abstract: "List the blanks and their editions, or what changed between two editions.",
        subcommands: [List.self, Diff.self],
        defaultSubcommand: List.self
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the blanks and their editions.")

        @Option(help: "text or json.")
        var format: Format = .text

        func run() throws {
            let listed = BlankCatalog.bundledListing
            let out: Data
            switch format {
            case .json:
                out = try Output.json(listed) + Data([0x0A])
            case .text:
                var text = ""
                for blank in listed {
                    text += "\(blank.id)  \(blank.title) (\(blank.kind))\n"
                    for edition in blank.editions {
                        text += "  \(edition.year)  \(edition.pages) pages, \(edition.lines) lines  \(edition.entryPoint)\n"
                    }
                }
                out = Data(text.utf8)
            }
            Output.write(out, to: .standardOutput)
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "diff", abstract: """
            Print what changed between two editions of a blank: pages, and lines added, removed, renumbered or recaptioned.
            """)

        @Argument(help: "The blank's id (see naicxbrl blanks).")
        var blank: String

        @Argument(help: "The older edition's year.")
        var from: Int

        @Argument(help: "The newer edition's year.")
        var to: Int

        @Option(help: "text or json.")
        var format: Format = .text

        func run() throws {
            let catalog = BlankCatalog.bundled
            let old: Blank, new: Blank
            do {
                old = try catalog.blank(blank, year: from)
                new = try catalog.blank(blank, year: to)
            } catch {
                Output.report(.error, .arguments, file: nil, "\(error.message); naicxbrl blanks lists the blanks and editions")
                throw ToolExit.unusable.code
            }
            let diff = EditionDiff(from: old, to: new)
            let out = format == .json ? try Output.json(diff) + Data([0x0A]) : Data(diff.text.utf8)
            Output.write(out, to: .standardOutput)
        }
    }
}
