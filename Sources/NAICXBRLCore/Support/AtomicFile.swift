import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in
/// the same folder, are flushed to the disk (`fsync`), and the file is then renamed over the
/// target. A failure leaves no temporary file behind and the target as it was.
///
/// - A replaced file keeps its permissions and, where the process may set them, its owner and
///   group.
/// - A target that is a symbolic link has the file it points to replaced (or created, when the
///   link dangles), and the link kept.
/// - A target that exists and is not a regular file (`/dev/stdout`, `/dev/null`, a named pipe)
///   is written to directly: it cannot be replaced, and a rename would put a file in its place.
/// - Temporary files are named `.NAME.PID.RANDOM.tmp`. Those of the running process are
///   removed when it is terminated (``removeTemporaryFilesOnTermination()``), and those a
///   killed process left are removed by ``removeStaleTemporaryFiles(in:)``.
@_spi(Stages) public enum AtomicFile {
    @_spi(Stages) public static func write(_ bytes: [UInt8], to path: String) throws {
        var target = stat()
        if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFREG {
            return try writeInPlace(bytes, to: path)
        }
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = resolveLink(path) else { throw Failure(path: path, reason: "the symbolic link cannot be followed") }
            return try replace(resolved, with: bytes, reportedAs: path)
        }
        try replace(path, with: bytes, reportedAs: path)
    }

    /// Where the chain of symbolic links at `path` ends, whether or not a file is there; nil
    /// for a loop or a chain longer than 32 links.
    static func resolveLink(_ path: String) -> String? {
        var current = path
        for _ in 0..<32 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return nil }
            let destination = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return nil
    }

    /// Whether `a` and `b` name the same existing file (after symbolic links): an output that
    /// would overwrite an input.
    @_spi(Stages) public static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Writes `bytes` to what `path` opens (a device or a pipe), as they are.
    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var problem = writeAll(bytes, to: descriptor)
        if close(descriptor) != 0, problem == 0 { problem = errno }
        if problem != 0 { throw failure(path, problem) }
    }

    /// Writes all of `bytes` to `descriptor`; 0, or the `errno` of the failure.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    /// Writes all of `buffer` to `descriptor`, again after an interrupted write; 0, or the
    /// `errno` of the failure. The command line's standard output and error go through it too.
    package static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    private static func replace(_ path: String, with bytes: [UInt8], reportedAs name: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        var existing = stat()
        let replacing = stat(path, &existing) == 0
        // Written from the caller's buffer, without a copy into `Data`: a batch writes
        // instances of about a megabyte hundreds of times a second.
        guard let descriptor = InFlight.shared.create(temporary) else { throw failure(name, errno) }
        var problem = writeAll(bytes, to: descriptor)
        if problem == 0, replacing {
            // The owner first: changing it may clear the set-id bits the mode then restores.
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { problem = errno }
        }
        if problem == 0, fsync(descriptor) != 0 { problem = errno }
        if close(descriptor) != 0, problem == 0 { problem = errno }
        if problem == 0, rename(temporary, path) != 0 { problem = errno }
        if problem != 0 { unlink(temporary) }
        InFlight.shared.done(temporary)
        if problem != 0 { throw failure(name, problem) }
    }

    /// Removes the temporary files this process is writing. For a process about to end.
    @_spi(Stages) public static func removeTemporaryFiles() {
        InFlight.shared.removeAll()
    }

    /// On SIGTERM, SIGINT or SIGHUP, removes the temporary files being written, then ends the
    /// process by the same signal. Call once, early, in a program that writes files.
    @_spi(Stages) public static func removeTemporaryFilesOnTermination() {
        InFlight.shared.installSignalHandlers()
    }

    /// Removes temporary files in `directory` that a process which no longer runs left there
    /// (a process killed with SIGKILL cannot remove its own). Returns their names.
    @discardableResult
    @_spi(Stages) public static func removeStaleTemporaryFiles(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 5, let pid = Int32(parts[parts.count - 3]), UInt32(parts[parts.count - 2]) != nil, pid > 0 else { continue }
            if pid == getpid() { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            if unlink((directory as NSString).appendingPathComponent(name)) == 0 { removed.append(name) }
        }
        return removed
    }

    /// Why a file could not be written: the path and the system's reason.
    @_spi(Stages) public struct Failure: LocalizedError, CustomStringConvertible {
        @_spi(Stages) public var path: String
        @_spi(Stages) public var reason: String
        @_spi(Stages) public var errorDescription: String? { reason }
        @_spi(Stages) public var description: String { "cannot write \(path): \(reason)" }
    }

    private static func failure(_ path: String, _ code: Int32) -> Failure {
        Failure(path: path, reason: String(cString: strerror(code)))
    }

    /// The temporary files being written, so a terminating process can remove them.
    private final class InFlight: @unchecked Sendable {
        static let shared = InFlight()
        private let lock = NSLock()
        private var paths: Set<String> = []
        private var terminating = false
        private var sources: [DispatchSourceSignal] = []

        /// Creates `path` (which must not exist) for writing; nil, with `errno` set, when it
        /// cannot be or the process is terminating.
        func create(_ path: String) -> Int32? {
            lock.lock()
            defer { lock.unlock() }
            guard !terminating else {
                errno = EINTR
                return nil
            }
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { return nil }
            paths.insert(path)
            return descriptor
        }

        func done(_ path: String) {
            lock.lock()
            paths.remove(path)
            lock.unlock()
        }

        func removeAll() {
            lock.lock()
            terminating = true
            for path in paths { unlink(path) }
            paths = []
            lock.unlock()
        }

        func installSignalHandlers() {
            lock.lock()
            defer { lock.unlock() }
            guard sources.isEmpty else { return }
            let queue = DispatchQueue(label: "naicxbrl.termination")
            for number in [SIGTERM, SIGINT, SIGHUP] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [weak self] in
                    self?.removeAll()
                    // Ended by the signal itself, as without the handler; should the signal
                    // stay blocked in this thread, by the shell's code for it (128 + signal).
                    signal(number, SIG_DFL)
                    kill(getpid(), number)
                    usleep(100_000)
                    _exit(128 + number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
