import CLibXML2
import Foundation
import NAICXBRLCore

/// One libxml2 job (compiling a schema set, parsing or validating a document) and everything
/// libxml2 reports while it runs.
///
/// libxml2 reports through callbacks: per-context ones for schema parsing and validation, and
/// per-thread global ones for the rest (I/O trouble while loading imports, for instance, goes
/// only to the global handler and is printed to stderr unless caught). `perform(_:)` points all
/// of them at this object for the duration of the job and restores the previous handlers after,
/// so nothing reaches stderr and nothing leaks between jobs. The loader, which gets no user
/// context from libxml2, finds the job through a task-local.
///
/// Documents in `overlay` are served to this job only, ahead of the bundled and registered ones;
/// `InstanceValidator` uses that to compile its variant of the instance schema under the
/// official URL without changing what other jobs see.
final class XMLOperation: @unchecked Sendable {
    // @unchecked: the mutable state below is only touched with `lock` held.
    let overlay: [String: [UInt8]]
    /// Names the document in issues that libxml2 reports without a file.
    let defaultFile: String?
    /// When set, every issue gets this kind (everything that goes wrong while compiling a
    /// schema is a schema problem, whatever libxml2 module reported it).
    let fixedKind: Diagnostic.Code?

    private let lock = NSLock()
    private var recorded: [Diagnostic] = []
    private var loadedURLs: [String] = []
    private var refusedURLs: [String] = []

    init(overlay: [String: [UInt8]] = [:], defaultFile: String? = nil, fixedKind: Diagnostic.Code? = nil) {
        self.overlay = overlay
        self.defaultFile = defaultFile
        self.fixedKind = fixedKind
    }

    /// Issues in the order they were reported.
    var issues: [Diagnostic] { lock.withLock { recorded } }
    /// Documents the loader served to this job, in first-load order, without repeats.
    var loaded: [String] { lock.withLock { loadedURLs } }
    /// Documents the loader refused to this job, without repeats.
    var refused: [String] { lock.withLock { refusedURLs } }

    /// The opaque pointer libxml2 hands back to `collectStructuredError`. Valid while the
    /// operation is alive, which `perform(_:)` guarantees for its body.
    var callbackContext: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func record(_ issue: Diagnostic) {
        lock.withLock { recorded.append(issue) }
    }

    func noteLoaded(_ url: String) {
        lock.withLock { if !loadedURLs.contains(url) { loadedURLs.append(url) } }
    }

    /// Records that `url` was not served. `file` and `line` say where it was referred to, when
    /// the caller knows; the loader does not, and libxml2 then reports the referring line itself.
    func noteRefused(_ url: String, file: String? = nil, line: Int? = nil) {
        let isNew = lock.withLock {
            guard !refusedURLs.contains(url) else { return false }
            refusedURLs.append(url)
            return true
        }
        guard isNew else { return }
        record(Diagnostic(.error, .refused, file: file ?? defaultFile, line: line,
            "refused to load '\(url)': only the bundled XBRL schemas and documents registered with XMLEnvironment.register(url:contents:) are loaded; nothing is read from files or the network"))
    }

    /// Runs `body` with libxml2's thread-global error handlers and the loader pointed at this
    /// operation.
    func perform<R>(_ body: () throws -> R) rethrows -> R {
        XMLEnvironment.prepare()
        return try withExtendedLifetime(self) {
            try XMLEnvironment.$currentOperation.withValue(self) {
                let previousStructured = __xmlStructuredError().pointee
                let previousStructuredContext = __xmlStructuredErrorContext().pointee
                let previousGeneric = __xmlGenericError().pointee
                let previousGenericContext = __xmlGenericErrorContext().pointee
                xmlSetStructuredErrorFunc(callbackContext, collectStructuredError)
                xmlSetGenericErrorFunc(nil, discardGenericError)
                defer {
                    xmlSetStructuredErrorFunc(previousStructuredContext, previousStructured)
                    xmlSetGenericErrorFunc(previousGenericContext, previousGeneric)
                }
                return try body()
            }
        }
    }

    /// Turns a libxml2 error into an issue.
    func record(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        let severity: Diagnostic.Severity
        switch e.level {
        case XML_ERR_WARNING: severity = .warning
        case XML_ERR_ERROR, XML_ERR_FATAL: severity = .error
        default: return
        }
        let kind = fixedKind ?? Self.kind(ofDomain: e.domain)
        var message = e.message.map { String(cString: $0) } ?? "libxml2 error \(e.code)"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = e.file.map { String(cString: $0) } ?? defaultFile
        record(Diagnostic(severity, kind, file: file, line: Self.line(of: e), message))
    }

    private static func kind(ofDomain domain: Int32) -> Diagnostic.Code {
        switch UInt32(bitPattern: domain) {
        case XML_FROM_SCHEMASV.rawValue, XML_FROM_DATATYPE.rawValue, XML_FROM_VALID.rawValue:
            return .schemaInvalid
        case XML_FROM_SCHEMASP.rawValue:
            return .schema
        case XML_FROM_IO.rawValue:
            return .refused
        default:
            return .invalidXML
        }
    }

    /// libxml2 keeps element line numbers in an unsigned short and parks bigger ones elsewhere
    /// (with XML_PARSE_BIG_LINES), so a reported 65535 means "look at the node".
    private static func line(of error: xmlError) -> Int? {
        let reported = Int(error.line)
        if reported > 0 && reported < 65535 { return reported }
        if let node = error.node?.assumingMemoryBound(to: xmlNode.self) {
            let fromNode = Int(xmlGetLineNo(node))
            if fromNode > 0 { return fromNode }
        }
        return reported > 0 ? reported : nil
    }
}

/// libxml2's structured error callback for every operation. Non-capturing, as C callbacks must
/// be; the operation comes back through `context`.
let collectStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let operation = Unmanaged<XMLOperation>.fromOpaque(context).takeUnretainedValue()
    operation.record(UnsafePointer(error))
}

/// Swallows libxml2's printf-style generic errors. Whatever libxml2 reports that matters comes
/// through the structured handler as well; the few messages that only use the generic channel
/// are internal notes that would otherwise go to stderr. Swift cannot define a C variadic
/// function, so this two-argument function is cast to the variadic type: it ignores the
/// variadic arguments, which the C calling conventions of the supported platforms allow.
/// (libxml2's variadic function type comes into Swift as an opaque pointer, hence the cast.)
private var discardGenericError: xmlGenericErrorFunc {
    let discard: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { _, _ in }
    return unsafeBitCast(discard, to: xmlGenericErrorFunc.self)
}
