/// The point by which the work of the current task must be done, carried to every call it makes to a dependency.
///
/// A server sets it per incoming request (`CallDeadline.$current.withValue(...)`), so a call to a dependency
/// never outlives the request that made it: a call's deadline is the earlier of its own timeout and this one.
public enum CallDeadline {
    /// The caller's deadline; nil when nothing above the call set one.
    @TaskLocal public static var current: ContinuousClock.Instant?

    /// Runs `operation` with a deadline `budget` from now, or the caller's deadline when that comes sooner.
    public static func within<T>(_ budget: Duration, _ operation: () async throws -> T) async rethrows -> T {
        try await $current.withValue(effective(budget: budget, now: .now), operation: operation)
    }

    /// The earlier of `now + budget` and the caller's deadline.
    static func effective(budget: Duration, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let own = now.advanced(by: budget)
        guard let inherited = current else { return own }
        return min(own, inherited)
    }
}
