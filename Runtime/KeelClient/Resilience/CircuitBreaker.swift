import Synchronization

/// The circuit breaker of one host: closed, open after `failures` failed attempts within `window`, and after
/// `cooldown` one probe at a time until an attempt succeeds (closed again) or fails (open again, a new cool-down).
final class CircuitBreaker: Sendable {
    /// What `admit` grants: an ordinary attempt, or the one probe of a half-open circuit.
    enum Admission: Sendable {
        case attempt
        case probe
    }

    private struct Inner {
        /// When each failure counted now happened, oldest first.
        var failures: [ContinuousClock.Instant] = []
        /// When the circuit opened; nil while closed.
        var openedAt: ContinuousClock.Instant?
        /// A probe is under way: the others still fail fast.
        var probing = false
    }

    let failureThreshold: Int
    let window: Duration
    let cooldown: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let inner = Mutex(Inner())

    init(failures: Int, window: Duration, cooldown: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        failureThreshold = failures
        self.window = window
        self.cooldown = cooldown
        self.now = now
    }

    /// The state as `/metrics` shows it: an open circuit whose cool-down has passed is half-open.
    var state: CircuitState {
        let at = now()
        return inner.withLock { inner in
            guard let openedAt = inner.openedAt else { return .closed }
            return inner.probing || at >= openedAt + cooldown ? .halfOpen : .open
        }
    }

    /// Lets an attempt through, or says how long the circuit stays open (zero while another call probes).
    func admit() -> Result<Admission, CircuitOpen> {
        let at = now()
        return inner.withLock { inner in
            guard let openedAt = inner.openedAt else { return .success(.attempt) }
            let reopens = openedAt + cooldown
            if at < reopens { return .failure(CircuitOpen(remaining: reopens - at)) }
            if inner.probing { return .failure(CircuitOpen(remaining: .zero)) }
            inner.probing = true
            return .success(.probe)
        }
    }

    /// The attempt reached the host and it answered as a healthy host does.
    func succeeded(_ admission: Admission) {
        guard case .probe = admission else { return }
        inner.withLock { $0 = Inner() }
    }

    /// The attempt failed in a way that counts against the host: no connection, a timeout, a 5xx.
    func failed(_ admission: Admission) {
        let at = now()
        inner.withLock { inner in
            if case .probe = admission {
                inner.openedAt = at
                inner.probing = false
                return
            }
            // Failures of attempts admitted before the circuit opened change nothing more.
            guard inner.openedAt == nil else { return }
            inner.failures.removeAll { $0 <= at - window }
            inner.failures.append(at)
            if inner.failures.count >= failureThreshold {
                inner.failures.removeAll()
                inner.openedAt = at
            }
        }
    }

    /// The attempt ended without a verdict on the host (the caller cancelled it): a probe's turn passes to the next call.
    func abandoned(_ admission: Admission) {
        guard case .probe = admission else { return }
        inner.withLock { $0.probing = false }
    }
}

/// Why `CircuitBreaker.admit` refused: the circuit is open for `remaining` more (zero: a probe is under way).
struct CircuitOpen: Error {
    let remaining: Duration
}
