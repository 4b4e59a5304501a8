import Foundation
import NAICXBRL
@_spi(Stages) import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

/// Every byte the tool writes to standard output or standard error goes through here.
///
/// A reader that closes the pipe early (`naicxbrl convert x.pdf | head`) ends the run quietly
/// with exit code 2: the output was not all delivered, and there is nobody to tell. Any other
/// failure to write (a full disk, a closed descriptor, an I/O error) is reported on standard
/// error, when that still works, and ends the run with exit code 2. Either way temporary files
/// are removed first.
enum Output {
    enum Stream: Int32 {
        case standardOutput = 1
        case standardError = 2

        var name: String { self == .standardOutput ? "standard output" : "standard error" }
    }

    /// Writes `bytes` to `stream`, or ends the process as described above.
    static func write(_ bytes: some Collection<UInt8>, to stream: Stream) {
        let problem: Int32 = bytes.withContiguousStorageIfAvailable { write($0, to: stream.rawValue) }
            ?? Array(bytes).withUnsafeBufferPointer { write($0, to: stream.rawValue) }
        guard problem != 0 else { return }
        AtomicFile.removeTemporaryFiles()
        if problem != EPIPE, stream == .standardOutput {
            let message = "error: cannot write to \(stream.name): \(String(cString: strerror(problem))) [io]\n"
            _ = Array(message.utf8).withUnsafeBufferPointer { write($0, to: Stream.standardError.rawValue) }
        }
        exit(ToolExit.unusable.rawValue)
    }

    /// 0, or the `errno` of the failure.
    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
        AtomicFile.writeAll(UnsafeRawBufferPointer(buffer), to: descriptor)
    }

    static func standardOutput(_ text: String) {
        write(Array(text.utf8), to: .standardOutput)
    }

    static func error(_ text: String) {
        write(Array(TerminalText.safe(text + "\n").utf8), to: .standardError)
    }

    /// Prints the findings of at least `minimum` severity on standard error, and records them all
    /// for `--findings`.
    static func diagnostics(_ diagnostics: [Diagnostic], minimum: Diagnostic.Severity) {
        recorded?.append(contentsOf: diagnostics)
        var text = ""
        for d in diagnostics where d.severity >= minimum { text += d.description + "\n" }
        if !text.isEmpty { write(Array(TerminalText.safe(text).utf8), to: .standardError) }
    }

    /// A finding of the command itself (an argument, a file it cannot write, a taxonomy it cannot
    /// find): printed like every other (`FILE: error: MESSAGE [CODE]`), and recorded.
    static func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, file: String?, _ message: String) {
        let finding = Diagnostic(severity, code, file: file, line: nil, message)
        recorded?.append(finding)
        error(file == nil ? "\(severity.rawValue): \(message) [\(code.rawValue)]" : finding.description)
    }

    /// The findings printed so far, when a command was asked for them (`--findings`); nil otherwise.
    nonisolated(unsafe) static var recorded: [Diagnostic]?
    /// Where the recorded findings go, and the input they are about.
    nonisolated(unsafe) static var findingsDestination: (path: String, input: String)?

    /// Starts recording for `--findings PATH` about `input`.
    static func recordFindings(to path: String?, about input: String) {
        guard let path else { return }
        recorded = []
        findingsDestination = (path, input)
    }

    /// Writes the recorded findings, at the end of a command, whatever its outcome; false when
    /// they cannot be written (reported).
    static func writeRecordedFindings() -> Bool {
        guard let (path, input) = findingsDestination, let recorded else { return true }
        findingsDestination = nil
        if input != "-", AtomicFile.sameFile(input, path) {
            report(.error, .io, file: path, "the findings file is the input \(input); it would be overwritten")
            return false
        }
        do {
            try AtomicFile.write(Findings(file: InputFile.displayName(input), findings: recorded).json, to: path)
            return true
        } catch {
            report(.error, .io, file: path, "cannot write the findings: \(error.localizedDescription)")
            return false
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Makes sure descriptors 0, 1 and 2 are open before anything else opens a file: a closed
    /// one would be handed to the next file opened, and the tool's output would go into it. A
    /// closed standard output or error is opened read-only on /dev/null, so writing to it fails
    /// (and is reported) rather than going anywhere; a closed standard input reads as empty.
    static func reserveStandardDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
