import Foundation
import NAICXBRLService

let usage = """
usage: naicxbrl-serve [--host ADDRESS] [--port N] [--token-file FILE] [--max-body-bytes N]
                      [--time-limit SECONDS] [--slots N] [--queue N]

Serves naicxbrl over HTTP: POST /v1/convert, /v1/validate, /v1/check, /v1/import; GET
/v1/taxonomy, /v1/blanks, /healthz, /metrics. Binds 127.0.0.1:8080 by default; binding any
other address requires --token-file. SIGTERM or SIGINT stops accepting, lets requests in
flight finish, and exits 0.

"""

/// Every conversion allocates and frees blocks of a megabyte or so (the instance and its copy
/// into the response, the parser's buffers). With glibc's defaults the freed memory at the top
/// of a heap is given back to the system at once and faulted in (and zeroed) again by the next
/// request, about 330 page faults per conversion; blocks up to 4 MiB from the heap, and up to
/// 32 MiB of free heap kept, bring that to about 20.
func retainLargeBlocks() {
    #if os(Linux)
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(nil, "mallopt") else { return }
    let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
    let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1  // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD in <malloc.h>
    _ = mallopt(mmapThreshold, 4 << 20)
    _ = mallopt(trimThreshold, 32 << 20)
    #endif
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("naicxbrl-serve: error: \(message)\n\n\(usage)".utf8))
    exit(2)
}

var configuration = ServiceConfiguration()
var arguments = CommandLine.arguments.dropFirst()
var tokenFile: String?
while let argument = arguments.popFirst() {
    func value() -> String {
        guard let value = arguments.popFirst() else { fail("\(argument) needs a value") }
        return value
    }
    func number(_ minimum: Int) -> Int {
        let text = value()
        guard let n = Int(text), n >= minimum else { fail("\(argument) must be a whole number of at least \(minimum), not \(text)") }
        return n
    }
    switch argument {
    case "--host": configuration.host = value()
    case "--port": configuration.port = number(0)
    case "--token-file": tokenFile = value()
    case "--max-body-bytes": configuration.maxBodyBytes = number(1)
    case "--time-limit":
        let text = value()
        guard let seconds = Double(text), seconds > 0 else { fail("--time-limit must be a number of seconds above 0, not \(text)") }
        configuration.timeLimitSeconds = seconds
    case "--slots": configuration.slots = number(1)
    case "--queue": configuration.queue = number(0)
    case "-h", "--help":
        FileHandle.standardOutput.write(Data(usage.utf8))
        exit(0)
    default: fail("unknown argument \(argument)")
    }
}
if let tokenFile {
    guard let data = FileManager.default.contents(atPath: tokenFile) else { fail("cannot read the token file \(tokenFile)") }
    let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard token.utf8.count >= 16 else { fail("the token in \(tokenFile) must be at least 16 characters") }
    configuration.token = token
}
if !configuration.bindsLoopback, configuration.token == nil {
    fail("binding \(configuration.host), which is not loopback, requires --token-file")
}
retainLargeBlocks()
let host = configuration.host
let app = Service.application(configuration) { port in
    FileHandle.standardError.write(Data("naicxbrl-serve: listening on \(host):\(port)\n".utf8))
}
do {
    try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
} catch {
    FileHandle.standardError.write(Data("naicxbrl-serve: error: \(error)\n".utf8))
    exit(1)
}
