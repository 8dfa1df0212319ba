import Synchronization

/// The throttle's refusals this replica answered, until their `Retry-After` passes. A throttled subject's
/// failures only leave the window with time (a refused attempt never reaches the password check, so no success
/// forgives them), so until then the answer is known without reading the database: a storm against a throttled
/// account or address costs no statement.
final class RecentRefusals: Sendable {
    /// Past this many subjects, the ended ones are dropped when one is added.
    private static let pruneAbove = 10_000
    /// Subject → end of its refusal, in Unix milliseconds, and the limit it reached.
    private let ends = Mutex<[String: (end: Int64, limit: Int)]>([:])

    /// The remembered refusal of the subjects with the longer wait, if one is still running at `now`.
    func refusal(of subjects: [String], at now: Int64) -> LoginThrottle.Refusal? {
        ends.withLock { ends in
            subjects.compactMap { subject -> LoginThrottle.Refusal? in
                guard let (end, limit) = ends[subject], end > now else { return nil }
                return LoginThrottle.Refusal(subject: subject, limit: limit, retryAfter: Int((end - now + 999) / 1000))
            }.max { $0.retryAfter < $1.retryAfter }
        }
    }

    func remember(_ refusal: LoginThrottle.Refusal, at now: Int64) {
        ends.withLock { ends in
            if ends.count >= Self.pruneAbove { ends = ends.filter { $0.value.end > now } }
            ends[refusal.subject] = (now + Int64(refusal.retryAfter) * 1000, refusal.limit)
        }
    }
}
