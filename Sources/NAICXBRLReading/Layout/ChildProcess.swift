import Foundation

/// Runs a helper program with bytes on its standard input and collects its standard output, with
/// a time limit and a bound on what it may write: poppler's `pdftotext`, `pdfinfo`, `pdftohtml`
/// and `pdftoppm`, and `tesseract`.
///
/// Standard input is written on a thread of its own and standard error is read on another, so
/// no pipe can fill and block the child. At `deadline` the child is stopped with SIGKILL (a
/// SIGTERM is lost when this process ignores SIGTERM, as a server that handles it through a
/// dispatch source may, since children inherit that). A write to a pipe the child has closed
/// fails with EPIPE instead of ending this process.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var output: [UInt8]
        var errors: String
        /// Stopped at the deadline.
        var timedOut: Bool
        /// Stopped for writing more than the bound.
        var tooLong: Bool
    }

    private final class Collected: @unchecked Sendable {
        var errors = Data()
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// The path of `name` in `PATH`, or nil.
    static func find(_ name: String) -> String? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String], input: [UInt8], environment: [String: String] = [:],
                    deadline: DispatchTime, outputLimit: Int) throws -> Outcome {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let stopped = Collected()
        var timedOut = false
        // A timer source: once cancelled it is released at once, with the process it holds.
        let watchdog = DispatchSource.makeTimerSource(queue: .global())
        watchdog.schedule(deadline: deadline)
        watchdog.setEventHandler {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        watchdog.activate()
        let errorsRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stopped.errors = stderr.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }
        var output: [UInt8] = []
        var tooLong = false
        let reading = stdout.fileHandleForReading.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(reading, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            output.append(contentsOf: chunk[..<count])
            if output.count > outputLimit {
                tooLong = true
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                output = []
                break
            }
        }
        errorsRead.wait()
        process.waitUntilExit()
        watchdog.cancel()
        if process.terminationReason == .uncaughtSignal, !tooLong { timedOut = true }
        return Outcome(status: process.terminationStatus, output: output,
                       errors: String(decoding: stopped.errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                       timedOut: timedOut, tooLong: tooLong)
    }
}
