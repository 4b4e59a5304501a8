import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// The command line as a careless pipeline or a hostile user drives it: closed pipes, full
/// disks, standard input, names that look like options, outputs that are inputs.
final class CommandLineReliabilityTests: XCTestCase {
    var tool: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("naicxbrl")
    }

    /// Runs the tool through the shell, so redirections (`>/dev/full`, `>&-`, `| head`) are
    /// exactly what a user types; `$T` is the tool. Returns the exit status and standard error.
    @discardableResult
    func shell(_ script: String, in folder: URL? = nil, environment: [String: String] = [:]) throws -> (code: Int32, stdout: String, stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw XCTSkip("the naicxbrl binary is not built next to the tests (\(tool.path))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var env = ProcessInfo.processInfo.environment
        env["T"] = tool.path
        env["FX"] = Fixture.referencePath
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are read at once, so a child that fills one cannot block on it.
        let errors = ReadAll(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// A folder holding `base.xbrl`, the reference statement's instance.
    func folderWithInstance() throws -> URL {
        let folder = try Fixture.temporaryFolder("cli-reliability")
        let result = try shell("\"$T\" convert \"$FX\" -o base.xbrl", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        return folder
    }

    // MARK: standard output and error

    func testClosedPipeEndsQuietlyWithoutATrap() throws {
        let folder = try folderWithInstance()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["convert \"$FX\"", "parse \"$FX\" --format json", "import base.xbrl", "check \"$FX\" --verbose"] {
            let result = try shell("\"$T\" \(command) | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}", in: folder)
            XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "2", command)
            XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
            XCTAssertEqual(result.stderr, "", "quiet: \(command)")
        }
    }

    func testFullOrClosedOutputIsAnIOError() throws {
        let folder = try folderWithInstance()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["parse \"$FX\" --format json >/dev/full", "import base.xbrl >/dev/full", "check \"$FX\" >/dev/full",
                        "convert \"$FX\" >&-", "validate base.xbrl >/dev/full"] {
            let result = try shell("\"$T\" \(command)", in: folder)
            XCTAssertEqual(result.code, 2, command)
            XCTAssertTrue(result.stderr.contains("cannot write to standard output"), "\(command): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
        }
        // Standard error full: nobody can be told, and the exit code says so.
        let result = try shell("\"$T\" validate nowhere.xbrl 2>/dev/full", in: folder)
        XCTAssertEqual(result.code, 2)
        let helpToFull = try shell("\"$T\" --help >/dev/full", in: folder)
        XCTAssertEqual(helpToFull.code, 2)
        // Nothing was written by a convert whose output was closed.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["base.xbrl"])
    }

    /// The command-line tool writes to standard output and error through `Output` only.
    func testEveryWriteGoesThroughOutput() throws {
        let folder = Fixture.root.appendingPathComponent("Sources/naicxbrl")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "Output.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for forbidden in ["FileHandle.standard", "print(", "fputs(", "fwrite(", "FileHandle("] {
                XCTAssertFalse(text.contains(forbidden), "\(name) writes with \(forbidden)")
            }
        }
    }

    // MARK: standard input

    func testStandardInputAndPipesAreRead() throws {
        let folder = try folderWithInstance()
        defer { try? FileManager.default.removeItem(at: folder) }
        var result = try shell("\"$T\" validate - <base.xbrl", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertEqual(result.stdout, "<stdin>: valid\n")
        result = try shell("\"$T\" import - <base.xbrl >/dev/null", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        result = try shell("\"$T\" validate /dev/stdin <base.xbrl", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        result = try shell("\"$T\" validate <(cat base.xbrl)", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        result = try shell("mkfifo pipe; (cat base.xbrl > pipe &); \"$T\" import pipe --format text >/dev/null", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        result = try shell("\"$T\" check - <\"$FX\" >/dev/null", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        result = try shell("\"$T\" validate missing.xbrl", in: folder)
        XCTAssertEqual(result.code, 2)
        XCTAssertEqual(result.stderr, "missing.xbrl: error: cannot read missing.xbrl: no such file [io]\n")
    }

    func testInputLimitIsEnforcedWhileReading() throws {
        let folder = try folderWithInstance()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("head -c 50000000 /dev/zero | \"$T\" validate -", in: folder, environment: ["NAICXBRL_MAX_INPUT_BYTES": "1000000"])
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("larger than 1000000 bytes (NAICXBRL_MAX_INPUT_BYTES"), result.stderr)
    }

    // MARK: arguments

    func testFileNamedLikeAnOptionIsNotHelp() throws {
        let folder = try folderWithInstance()
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try shell("cp base.xbrl ./-h.xbrl", in: folder).code, 0)
        var result = try shell("\"$T\" validate -h.xbrl", in: folder)
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("put -- before file names"), result.stderr)
        result = try shell("\"$T\" validate -- -h.xbrl", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        result = try shell("\"$T\" validate --help", in: folder)
        XCTAssertEqual(result.code, 0)
        XCTAssertTrue(result.stdout.contains("USAGE"), result.stdout)
    }

    // MARK: outputs that are inputs

    func testConvertRefusesToOverwriteItsInput() throws {
        let folder = try Fixture.temporaryFolder("cli-overwrite")
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try shell("cp \"$FX\" in.txt && ln -s in.txt link.txt", in: folder).code, 0)
        for output in ["in.txt", "./in.txt", "link.txt"] {
            let result = try shell("\"$T\" convert in.txt -o \(output)", in: folder)
            XCTAssertEqual(result.code, 2, output)
            XCTAssertTrue(result.stderr.contains("the output is the input"), result.stderr)
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("in.txt")), try Data(contentsOf: URL(fileURLWithPath: Fixture.referencePath)))
        }
        XCTAssertEqual(try shell("\"$T\" convert in.txt -o base.xbrl && \"$T\" import base.xbrl --format xbrl -o base.xbrl", in: folder).code, 2)
    }

    /// `check` of an instance that cannot be imported is invalid input, exit code 1, as for `import`.
    func testCheckAndImportAgreeOnABadInstance() throws {
        let folder = try folderWithInstance()
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try shell("sed 's/naiclq:TotalAssets /naiclq:NoSuchConcept /; s/<\\/naiclq:TotalAssets>/<\\/naiclq:NoSuchConcept>/' base.xbrl > bad.xbrl", in: folder).code, 0)
        let imported = try shell("\"$T\" import bad.xbrl >/dev/null", in: folder)
        let checked = try shell("\"$T\" check bad.xbrl >/dev/null", in: folder)
        XCTAssertEqual(imported.code, 1, imported.stderr)
        XCTAssertEqual(checked.code, 1, checked.stderr)
    }

    // MARK: batches

    func testBatchNamesNeverCollide() throws {
        let folder = try Fixture.temporaryFolder("cli-batch-names")
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = """
        mkdir d1 d2 d3 && cp "$FX" d1/a.txt && cp "$FX" d2/a.txt
        sed 's/MML Bay State Life Insurance Company/Third Company/' "$FX" > d3/a-2.txt
        sed 's/MML Bay State Life Insurance Company/Fourth Company/' "$FX" > d3/a-3
        """
        XCTAssertEqual(try shell(setup, in: folder).code, 0)
        let result = try shell("\"$T\" convert d1/a.txt d2/a.txt d3/a-2.txt d3/a-3 --output-dir out --no-validate", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted()
        XCTAssertEqual(names, ["a-2.xbrl", "a-3.xbrl", "a-4.xbrl", "a.xbrl", "summary.jsonl"])
        let summary = try String(contentsOf: folder.appendingPathComponent("out/summary.jsonl"), encoding: .utf8)
        let outputs = summary.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["output"] as? String
        }
        XCTAssertEqual(Set(outputs).count, 4, summary)
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("out/a-2.xbrl"), encoding: .utf8).contains("Third Company"))
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("out/a-3.xbrl"), encoding: .utf8).contains("Fourth Company"))
        XCTAssertEqual(BatchConverter.outputNames(for: ["x/a.txt", "y/a.txt", "z/a-2.txt"], in: "o"), ["o/a.xbrl", "o/a-3.xbrl", "o/a-2.xbrl"])
    }

    func testBatchRefusesToOverwriteAnInput() throws {
        let folder = try folderWithInstance()
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try shell("mkdir in && cp \"$FX\" in/s.txt && cp base.xbrl in/base.xbrl", in: folder).code, 0)
        let before = try Data(contentsOf: folder.appendingPathComponent("in/base.xbrl"))
        let result = try shell("\"$T\" convert in --output-dir in", in: folder)
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("would overwrite this input"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("in/base.xbrl")), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("in").path).sorted(), ["base.xbrl", "s.txt"])
    }

    /// SIGTERM mid-batch leaves no temporary file; a SIGKILL's are removed by the next run, and
    /// the previous run's summary does not stand beside a new run's instances.
    func testInterruptedBatchLeavesNoTemporaryFiles() throws {
        let folder = try Fixture.temporaryFolder("cli-batch-term")
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try shell("mkdir in && for i in $(seq 1 80); do cp \"$FX\" in/s$i.txt; done", in: folder).code, 0)
        for delay in ["0.3", "0.6", "0.9"] {
            let result = try shell("""
            rm -rf out; "$T" convert in --output-dir out --jobs 2 2>/dev/null & p=$!
            sleep \(delay); kill -TERM $p; wait $p; echo $?
            """, in: folder)
            XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "143")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)) ?? []
            XCTAssertFalse(names.contains { $0.hasSuffix(".tmp") }, "\(names)")
            XCTAssertFalse(names.contains("summary.jsonl"))
        }
        // What a SIGKILL leaves: a temporary file of a process that is gone, and an old summary.
        XCTAssertEqual(try shell("mkdir -p out && touch out/.s1.xbrl.99999999.7.tmp && echo old > out/summary.jsonl", in: folder).code, 0)
        let result = try shell("\"$T\" convert in/s1.txt in/s2.txt --output-dir out --no-validate", in: folder)
        XCTAssertEqual(result.code, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        XCTAssertFalse(names.contains { $0.hasSuffix(".tmp") }, "\(names)")
        let summary = try String(contentsOf: folder.appendingPathComponent("out/summary.jsonl"), encoding: .utf8)
        XCTAssertEqual(summary.split(separator: "\n").count, 2)
    }

    func testJobsAreCapped() throws {
        let folder = try Fixture.temporaryFolder("cli-jobs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("\"$T\" convert \"$FX\" --output-dir out --jobs 10000", in: folder)
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("NAICXBRL_MAX_JOBS"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    func testBatchFailureNamesTheReasonPlainly() throws {
        let folder = try Fixture.temporaryFolder("cli-batch-missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("mkdir in && cp \"$FX\" in/a.txt && chmod 000 in/a.txt && \"$T\" convert in --output-dir out; chmod 644 in/a.txt", in: folder)
        let summary = (try? String(contentsOf: folder.appendingPathComponent("out/summary.jsonl"), encoding: .utf8)) ?? ""
        if getuid() != 0 {
            XCTAssertEqual(result.code, 1)
            XCTAssertTrue(summary.contains("\"failure\":\"cannot read in/a.txt: permission denied\""), summary)
        }
        XCTAssertFalse(summary.contains("NSCocoaErrorDomain") || summary.contains("Error Domain"), summary)
    }

    // MARK: blank recognition

    func testUTF16AndCommentedInstancesValidateAndImport() throws {
        let folder = try folderWithInstance()
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = """
        (printf '\\xff\\xfe'; sed 's/encoding="UTF-8"/encoding="UTF-16"/' base.xbrl | iconv -f UTF-8 -t UTF-16LE) > u16.xbrl
        (sed -n 1p base.xbrl; printf '<!--%070000d-->\\n' 0; echo '<!-- "http://taxonomy.naicxbrl.org/life-ah-annual/2024" -->'; sed 1d base.xbrl) > commented.xbrl
        """
        XCTAssertEqual(try shell(setup, in: folder).code, 0)
        for file in ["u16.xbrl", "commented.xbrl"] {
            let validated = try shell("\"$T\" validate \(file)", in: folder)
            XCTAssertEqual(validated.code, 0, "\(file): \(validated.stderr)")
            let imported = try shell("\"$T\" import \(file) --format xbrl | cmp - base.xbrl", in: folder)
            XCTAssertEqual(imported.code, 0, "\(file): \(imported.stderr)")
        }
    }

    /// Control characters from the input (a file name, a caption) reach the terminal escaped.
    func testEscapeSequencesAreNotSentRaw() throws {
        let folder = try Fixture.temporaryFolder("cli-escapes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("\"$T\" validate $'\\e]0;owned\\a\\e[31mred.xbrl'", in: folder)
        XCTAssertEqual(result.code, 2)
        XCTAssertFalse(result.stderr.contains("\u{1B}") || result.stderr.contains("\u{07}"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\\u{1B}]0;owned\\u{7}\\u{1B}[31mred.xbrl"), result.stderr)
        let caption = try shell("sed 's/^\\(1\\.\\)\\([^0-9]\\)/\\1\\x1b[2J\\2/' \"$FX\" > esc.txt && \"$T\" parse esc.txt --verbose >/dev/null", in: folder)
        XCTAssertFalse(caption.stderr.contains("\u{1B}"), caption.stderr)
    }
}

/// Reads a pipe to its end on another thread.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
