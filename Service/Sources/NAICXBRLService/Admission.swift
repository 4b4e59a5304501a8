import Foundation

/// At most `slots` operations run at once, each on one of `slots` threads the service keeps; up
/// to `queue` more wait; beyond that a request is refused at once (503 with Retry-After).
public final class Admission: @unchecked Sendable {
    public let slots: Int
    public let queue: Int
    private let condition = NSCondition()
    private var running = 0
    private var waiting: [Job] = []
    private var head = 0

    /// An operation waiting for a thread.
    private struct Job {
        var work: () -> Void
        /// Whether its answer has been given already (the time limit passed while it waited).
        var isAnswered: () -> Bool
    }

    public init(slots: Int, queue: Int) {
        self.slots = max(1, slots)
        self.queue = max(0, queue)
        // The threads wait for work as long as the process lives.
        for index in 0..<self.slots {
            let thread = Thread { self.serve() }
            thread.name = "naicxbrl-work-\(index)"
            // libxml2's validation and the parser's recursion want more than a secondary thread's default.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Queues `work`; false when every slot and the queue are taken.
    private func enter(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard running + (waiting.count - head) < slots + queue else { return false }
        if head > 64, head * 2 > waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
        waiting.append(job)
        condition.signal()
        return true
    }

    /// One of the threads: takes the next job, skipping those already answered, and runs it.
    private func serve() {
        while true {
            condition.lock()
            while head == waiting.count { condition.wait() }
            let job = waiting[head]
            head += 1
            if head == waiting.count {
                waiting.removeAll(keepingCapacity: true)
                head = 0
            }
            let skip = job.isAnswered()
            if !skip { running += 1 }
            condition.unlock()
            guard !skip else { continue }
            job.work()
            condition.lock()
            running -= 1
            condition.unlock()
        }
    }

    /// Whether every slot and the queue are taken: a request is then refused before its body is read.
    var isFull: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running + (waiting.count - head) >= slots + queue
    }

    /// Work running and waiting, for /metrics.
    var load: (running: Int, waiting: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (running, waiting.count - head)
    }
}

/// A result delivered once: by the work, by the time limit, or by the refusal, whichever comes first.
final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?
    init(_ continuation: CheckedContinuation<T, Never>) { self.continuation = continuation }
    func resume(_ value: T) {
        let taken = lock.withLock { () -> CheckedContinuation<T, Never>? in defer { continuation = nil }; return continuation }
        taken?.resume(returning: value)
    }
    var isResumed: Bool { lock.withLock { continuation == nil } }
}

extension Admission {
    public enum Refusal: Error { case busy, timedOut }

    /// Runs `work` on one of the service's threads once one is free. The answer is `.timedOut`
    /// when `deadline` passes first, whether the work was waiting or running; work still waiting
    /// then is never started, and work running keeps its slot until it really ends, so no more
    /// than `slots` operations ever run at once. (A PDF's pdftotext is stopped at the deadline.)
    func run<T: Sendable>(until deadline: DispatchTime, _ work: @escaping @Sendable () -> T) async -> Result<T, Refusal> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, Refusal>, Never>) in
            let once = Once(continuation)
            guard deadline > .now() else {
                once.resume(.failure(.timedOut))
                return
            }
            // A timer source, not `asyncAfter`: a cancelled source is released at once, where a
            // cancelled `asyncAfter` item stays queued (with what it holds) until its deadline.
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: deadline)
            timer.setEventHandler {
                once.resume(.failure(.timedOut))
                timer.cancel()
            }
            let job = Job(work: {
                let value = work()
                timer.cancel()
                // Work that ends once the deadline has passed was stopped by it (a PDF's pdftotext
                // is stopped then, and its parse fails): the answer is the time limit's, whichever
                // of the two resumes first on a loaded machine.
                once.resume(DispatchTime.now() >= deadline ? .failure(.timedOut) : .success(value))
            }, isAnswered: { once.isResumed })
            timer.activate()
            guard enter(job) else {
                timer.cancel()
                once.resume(.failure(.busy))
                return
            }
        }
    }
}
