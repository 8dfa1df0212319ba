import Synchronization

/// Whether the replica is shutting down, since when, and how many requests it is answering: read by `/readyz`,
/// the connection handling of `ShutdownMiddleware`, and the log lines of the shutdown.
final class ShutdownState: Sendable {
    private let beganAt = Mutex<ContinuousClock.Instant?>(nil)
    private let running = Atomic<Int>(0)
    private let answeredSince = Atomic<Int>(0)

    /// Marks the start of the shutdown; later calls keep the first instant.
    func begin() {
        beganAt.withLock { $0 = $0 ?? .now }
    }

    var hasBegun: Bool { began != nil }
    var began: ContinuousClock.Instant? { beganAt.withLock { $0 } }
    /// Requests whose handlers have not returned yet.
    var inFlight: Int { running.load(ordering: .relaxed) }
    /// Requests answered after the shutdown began.
    var answeredDuringShutdown: Int { answeredSince.load(ordering: .relaxed) }

    func requestStarted() {
        running.add(1, ordering: .relaxed)
    }

    func requestEnded() {
        running.subtract(1, ordering: .relaxed)
        if hasBegun { answeredSince.add(1, ordering: .relaxed) }
    }
}
