import Foundation

/// Answers within a time limit even when the work does not: used where a caller must not wait on a
/// database that stopped answering (postgres-nio's pool retries a dead server for about a minute).
enum Deadline {
    /// The result of `work`, or nil when `limit` passes first; late work finishes on its own and is ignored.
    static func result<T: Sendable>(within limit: Duration, of work: @escaping @Sendable () async -> T) async -> T? {
        let once = ResumeOnce<T?>()
        return await withCheckedContinuation { continuation in
            once.start(continuation)
            Task { once.resume(with: await work()) }
            Task {
                try? await Task.sleep(for: limit)
                once.resume(with: nil)
            }
        }
    }
}

/// A continuation resumed by whichever of two tasks gets there first.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?

    func start(_ continuation: CheckedContinuation<T, Never>) {
        lock.withLock { self.continuation = continuation }
    }

    func resume(with value: T) {
        let waiting: CheckedContinuation<T, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: value)
    }
}
