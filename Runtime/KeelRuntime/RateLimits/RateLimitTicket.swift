import Synchronization

/// One request's dealings with the rate limit: who sent it, and the outcome once access control counted it, for
/// `RateLimitMiddleware` to answer in headers. Access control finds it as a task-local value.
final class RateLimitTicket: Sendable {
    @TaskLocal static var current: RateLimitTicket?

    /// The client address, for callers that did not authenticate.
    let address: String
    private let recorded = Mutex<RateLimitOutcome?>(nil)

    init(address: String) {
        self.address = address
    }

    var outcome: RateLimitOutcome? { recorded.withLock { $0 } }

    /// Keeps the first outcome: a request counts once, however often its handler checks access.
    func record(_ outcome: RateLimitOutcome) -> Bool {
        recorded.withLock { current in
            guard current == nil else { return false }
            current = outcome
            return true
        }
    }
}
