import ArgumentParser
import Foundation
import NAICXBRL
@_spi(Stages) import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

// Exit codes are part of the interface: 0 success, 1 invalid input or output (validation or
// check errors), 2 the job could not be done (unusable input, bad arguments, I/O).
Output.reserveStandardDescriptors()
// A write to a closed pipe fails with EPIPE, which Output turns into a quiet exit, rather than
// ending the process with a signal.
signal(SIGPIPE, SIG_IGN)
AtomicFile.removeTemporaryFilesOnTermination()

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    var command = try NAICXBRLCommand.parseAsRoot(arguments)
    try command.run()
    // Findings asked for with --findings are written whatever the outcome.
    if !Output.writeRecordedFindings() { Foundation.exit(ToolExit.unusable.rawValue) }
} catch let exit as ExitCode {
    if !Output.writeRecordedFindings() { Foundation.exit(ToolExit.unusable.rawValue) }
    Foundation.exit(exit.rawValue)
} catch {
    _ = Output.writeRecordedFindings()
    let code = NAICXBRLCommand.exitCode(for: error)
    if code == .success {
        // Help and the version are printed only when asked for by name: an argument such as a
        // file named -h.xbrl that the parser reads as a request for help is a bad argument.
        let asked = arguments.prefix { $0 != "--" }.contains { ["-h", "--help", "help", "--version"].contains($0) }
        if asked {
            Output.standardOutput(NAICXBRLCommand.fullMessage(for: error) + "\n")
            Foundation.exit(0)
        }
        let suspect = arguments.prefix { $0 != "--" }.first { $0.hasPrefix("-") && $0 != "-" } ?? ""
        Output.error("error: unknown option '\(suspect)'; put -- before file names that start with - (naicxbrl validate -- -h.xbrl)")
        Foundation.exit(ToolExit.unusable.rawValue)
    }
    Output.error(NAICXBRLCommand.fullMessage(for: error))
    Foundation.exit(ToolExit.unusable.rawValue)
}
