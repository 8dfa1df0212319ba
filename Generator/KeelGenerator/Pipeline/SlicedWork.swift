import Foundation

/// Work cut into slices that the calling thread and idle cores share, for an emitter much longer than the others.
///
/// Not `DispatchQueue.concurrentPerform`: the emitters already run inside one, and libdispatch runs a nested one on
/// the calling thread alone. Nor the global queue: with every worker busy, libdispatch started a queued helper
/// only half a second after a core fell idle. Helper threads of their own start at once and take slices while
/// the caller works through them too; the scheduler shares the cores, and once the other emitters are done, every
/// core works on the slices.
enum SlicedWork {
    /// `body` of each of the `count` slices, in slice order.
    static func map<Result: Sendable>(slices count: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
        let work = Slices(count: count, body: body)
        let finished = DispatchSemaphore(value: 0)
        let helpers = max(0, min(ProcessInfo.processInfo.activeProcessorCount - 1, count - 1))
        for _ in 0 ..< helpers {
            Thread {
                work.run()
                finished.signal()
            }.start()
        }
        work.run()
        for _ in 0 ..< helpers { finished.wait() }
        return work.results()
    }
}

/// The slices still to take and the results so far, shared by the threads of one `SlicedWork.map`.
private final class Slices<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let body: @Sendable (Int) -> Result
    private var next = 0
    private var done: [Result?]

    init(count: Int, body: @escaping @Sendable (Int) -> Result) {
        self.body = body
        done = Array(repeating: nil, count: count)
    }

    /// Takes and runs slices until none is left.
    func run() {
        while let slice = take() {
            let result = body(slice)
            lock.withLock { done[slice] = result }
        }
    }

    func results() -> [Result] {
        lock.withLock { done.map { $0! } }
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < done.count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
