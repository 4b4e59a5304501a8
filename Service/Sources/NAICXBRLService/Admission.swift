import Foundation

/// At most `slots` conversions run at once; up to `queue` more wait; beyond that a request is
/// refused at once (503 with Retry-After).
public final class Admission: @unchecked Sendable {
    public let slots: Int
    public let queue: Int
    private let lock = NSLock()
    private var running = 0
    private var waiting: [CheckedContinuation<Bool, Never>] = []

    public init(slots: Int, queue: Int) {
        self.slots = max(1, slots)
        self.queue = max(0, queue)
    }

    /// True when a slot was granted (release it once the work ends); false when the queue is full.
    func acquire() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let granted: Bool? = lock.withLock {
                if running < slots { running += 1; return true }
                if waiting.count < queue { waiting.append(continuation); return nil }
                return false
            }
            if let granted { continuation.resume(returning: granted) }
        }
    }

    func release() {
        let next: CheckedContinuation<Bool, Never>? = lock.withLock {
            if waiting.isEmpty { running -= 1; return nil }
            return waiting.removeFirst()
        }
        next?.resume(returning: true)
    }

    /// Work running and waiting, for /metrics.
    var load: (running: Int, waiting: Int) { lock.withLock { (running, waiting.count) } }
}

/// A result delivered once: by the work, or by the time limit, whichever comes first.
final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T?, Never>?
    init(_ continuation: CheckedContinuation<T?, Never>) { self.continuation = continuation }
    func resume(_ value: T?) {
        let taken = lock.withLock { () -> CheckedContinuation<T?, Never>? in defer { continuation = nil }; return continuation }
        taken?.resume(returning: value)
    }
}

extension Admission {
    public enum Refusal: Error { case busy, timedOut }

    /// Runs `work` on a thread of its own once a slot is free. The answer is `.timedOut` when the
    /// work outlasts `seconds`; the slot stays taken until the work really ends, so no more than
    /// `slots` conversions ever run at once. (A PDF's pdftotext child is killed at the same limit.)
    func run<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () -> T) async -> Result<T, Refusal> {
        guard await acquire() else { return .failure(.busy) }
        let value: T? = await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let once = Once(continuation)
            let thread = Thread {
                let result = work()
                self.release()
                once.resume(result)
            }
            thread.stackSize = 8 << 20
            thread.start()
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { once.resume(nil) }
        }
        return value.map { .success($0) } ?? .failure(.timedOut)
    }
}
