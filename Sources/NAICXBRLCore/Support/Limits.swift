import Foundation

/// The limits on resources that grow with the input. Each is enforced while the input is read,
/// not after, and each can be set by an environment variable (a positive whole number); README
/// lists them with their defaults.
public struct Limits: Sendable, Equatable {
    /// Bytes of one input file (a statement or an instance): `NAICXBRL_MAX_INPUT_BYTES`.
    public var inputBytes: Int
    /// Bytes of one line of a statement's text, which bounds every text cell and caption:
    /// `NAICXBRL_MAX_LINE_BYTES`.
    public var lineBytes: Int
    /// Attributes on one XML element, namespace declarations included: `NAICXBRL_MAX_XML_ATTRIBUTES`.
    public var xmlAttributes: Int
    /// Namespace declarations on one XML element: `NAICXBRL_MAX_XML_NAMESPACES`.
    public var xmlNamespaces: Int
    /// Bytes of one XML text node or attribute value: `NAICXBRL_MAX_XML_TEXT_BYTES`. libxml2
    /// refuses more than 10,000,000 whatever this says; the default is below that, so the
    /// refusal names this limit.
    public var xmlTextBytes: Int
    /// Bytes of the text `pdftotext` writes for one PDF: `NAICXBRL_MAX_PDF_TEXT_BYTES`.
    public var pdfTextBytes: Int
    /// Pages of one PDF read: `NAICXBRL_MAX_PDF_PAGES`.
    public var pdfPages: Int
    /// Statements a batch converts at once (`--jobs`): `NAICXBRL_MAX_JOBS`.
    public var jobs: Int

    public static let defaults = Limits(inputBytes: 256 << 20, lineBytes: 1 << 20, xmlAttributes: 256, xmlNamespaces: 64,
                                        xmlTextBytes: 8_000_000, pdfTextBytes: 256 << 20, pdfPages: 2_000, jobs: 64)

    /// The defaults, with each one the environment sets.
    public static let current: Limits = from(environment: ProcessInfo.processInfo.environment)

    public static func from(environment: [String: String]) -> Limits {
        var limits = defaults
        func read(_ name: String, _ keyPath: WritableKeyPath<Limits, Int>) {
            if let text = environment[name], let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 {
                limits[keyPath: keyPath] = value
            }
        }
        read("NAICXBRL_MAX_INPUT_BYTES", \.inputBytes)
        read("NAICXBRL_MAX_LINE_BYTES", \.lineBytes)
        read("NAICXBRL_MAX_XML_ATTRIBUTES", \.xmlAttributes)
        read("NAICXBRL_MAX_XML_NAMESPACES", \.xmlNamespaces)
        read("NAICXBRL_MAX_XML_TEXT_BYTES", \.xmlTextBytes)
        read("NAICXBRL_MAX_PDF_TEXT_BYTES", \.pdfTextBytes)
        read("NAICXBRL_MAX_PDF_PAGES", \.pdfPages)
        read("NAICXBRL_MAX_JOBS", \.jobs)
        return limits
    }
}

/// Reads an input whole: a regular file, a named pipe, a device, `/dev/stdin`, process
/// substitution, or `-` for standard input. At most `Limits.inputBytes` bytes are read; a longer
/// input is refused when the limit is passed, without reading the rest.
@_spi(Stages) public enum InputFile {
    @_spi(Stages) public struct Failure: Error, CustomStringConvertible, Sendable {
        @_spi(Stages) public var path: String
        @_spi(Stages) public var reason: String
        @_spi(Stages) public var description: String { "cannot read \(path): \(reason)" }
    }

    /// The name diagnostics use for `path`: `<stdin>` for `-`.
    @_spi(Stages) public static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// Reads files by name from the folder `path` is in: only a plain file name (no folder, no
    /// `..`), each within the input size limit. Nil for standard input.
    @_spi(Stages) public static func beside(_ path: String) -> (@Sendable (String) -> [UInt8]?)? {
        guard path != "-" else { return nil }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        return { name in
            guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), name != ".", name != ".." else { return nil }
            return try? read(folder + "/" + name)
        }
    }

    @_spi(Stages) public static func read(_ path: String, limit: Int = Limits.current.inputBytes) throws(Failure) -> [UInt8] {
        var descriptor = STDIN_FILENO
        if path != "-" {
            repeat { descriptor = open(path, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
            guard descriptor >= 0 else { throw Failure(path: path, reason: reason(errno)) }
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw Failure(path: path, reason: "it is a folder")
        }
        var bytes: [UInt8] = []
        if status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 { bytes.reserveCapacity(min(Int(status.st_size), limit) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: reason(errno))
            }
            if count == 0 { break }
            chunk.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
            if bytes.count > limit {
                throw Failure(path: path, reason: "it is larger than \(limit) bytes (NAICXBRL_MAX_INPUT_BYTES sets the limit)")
            }
        }
        return bytes
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a folder"
        case ENOTDIR: return "a folder in the path is not a folder"
        case ELOOP: return "too many levels of symbolic links"
        default: return String(cString: strerror(code))
        }
    }
}
