import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in
/// the same folder, are flushed to the disk (`fsync`), and the file is then renamed over the
/// target. A failure leaves no temporary file behind and the target as it was.
///
/// A target that is a symbolic link has the file it points to replaced, and the link kept. A
/// target that exists and is not a regular file (`/dev/stdout`, `/dev/null`, a named pipe) is
/// written to directly: it cannot be replaced, and a rename would put a file in its place.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        var target = stat()
        if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFREG {
            return try writeInPlace(bytes, to: path)
        }
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return try replace(String(cString: resolved), with: bytes, reportedAs: path)
        }
        try replace(path, with: bytes, reportedAs: path)
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
        bytes.withUnsafeBytes { buffer in
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
    }

    private static func replace(_ path: String, with bytes: [UInt8], reportedAs name: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        // Written from the caller's buffer, without a copy into `Data`: a batch writes
        // instances of about a megabyte hundreds of times a second.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(name, errno) }
        var problem = writeAll(bytes, to: descriptor)
        if problem == 0, fsync(descriptor) != 0 { problem = errno }
        if close(descriptor) != 0, problem == 0 { problem = errno }
        if problem == 0, rename(temporary, path) != 0 { problem = errno }
        if problem != 0 {
            unlink(temporary)
            throw failure(name, problem)
        }
    }

    /// Why a file could not be written: the path and the system's reason.
    public struct Failure: LocalizedError, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var errorDescription: String? { reason }
        public var description: String { "cannot write \(path): \(reason)" }
    }

    private static func failure(_ path: String, _ code: Int32) -> Failure {
        Failure(path: path, reason: String(cString: strerror(code)))
    }
}
