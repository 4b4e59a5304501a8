import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in
/// the same folder, are flushed to the disk (`fsync`), and the file is then renamed over the
/// target. A failure leaves no temporary file behind and the target as it was.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        // Written from the caller's buffer, without a copy into `Data`: a batch writes
        // instances of about a megabyte hundreds of times a second.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var problem: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    problem = errno
                    return
                }
                offset += written
            }
        }
        if problem == 0, fsync(descriptor) != 0 { problem = errno }
        if close(descriptor) != 0, problem == 0 { problem = errno }
        if problem == 0, rename(temporary, path) != 0 { problem = errno }
        if problem != 0 {
            unlink(temporary)
            throw failure(path, problem)
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
