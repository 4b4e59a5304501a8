import ArgumentParser
import Foundation

// Exit codes are part of the interface: 0 success, 1 invalid input or output (validation or
// check errors), 2 the job could not be done (unusable input, bad arguments, I/O).
do {
    var command = try NAICXBRLCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = NAICXBRLCommand.exitCode(for: error)
    if code == .success {
        // --help and --version.
        print(NAICXBRLCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((NAICXBRLCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(ToolExit.unusable.rawValue)
}
