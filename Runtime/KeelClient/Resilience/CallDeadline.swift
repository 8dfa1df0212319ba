import HTTPTypes

/// The point by which the work of the current task must be done, carried to every call it makes to a dependency.
///
/// A server sets it per incoming request (`CallDeadline.$current.withValue(...)`), so a call to a dependency
/// never outlives the request that made it: a call's deadline is the earlier of its own timeout and this one.
/// Between services it travels as ``header``: ``ResilientTransport`` sends the time left, and KeelRuntime binds
/// `current` from it for the handling of the request.
public enum CallDeadline {
    /// The caller's deadline; nil when nothing above the call set one.
    @TaskLocal public static var current: ContinuousClock.Instant?

    /// `X-Keel-Deadline-Ms`: the milliseconds the caller still waits for the answer. A duration rather than a point
    /// in time, so the clocks of the two machines need not agree.
    public static let header = HTTPField.Name("X-Keel-Deadline-Ms")!

    /// The longest deadline a request may carry (one hour); a longer or malformed value is ignored.
    static let longest = 3_600_000

    /// Runs `operation` with a deadline `budget` from now, or the caller's deadline when that comes sooner.
    public static func within<T>(_ budget: Duration, _ operation: () async throws -> T) async rethrows -> T {
        try await $current.withValue(effective(budget: budget, now: .now), operation: operation)
    }

    /// The deadline a request's ``header`` value gives, counted from `now`; nil when the value is not a whole
    /// number of milliseconds from 0 to one hour.
    public static func instant(headerValue: String, now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant? {
        guard let milliseconds = Int(headerValue), (0...longest).contains(milliseconds) else { return nil }
        return now.advanced(by: .milliseconds(milliseconds))
    }

    /// The ``header`` value of a call that must end by `deadline`: the whole milliseconds left, at least 0.
    static func headerValue(until deadline: ContinuousClock.Instant, now: ContinuousClock.Instant = .now) -> String {
        String(max(0, now.duration(to: deadline).milliseconds))
    }

    /// The earlier of `now + budget` and the caller's deadline.
    static func effective(budget: Duration, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let own = now.advanced(by: budget)
        guard let inherited = current else { return own }
        return min(own, inherited)
    }
}
