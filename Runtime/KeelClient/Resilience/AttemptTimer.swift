/// Bounds attempts and waits by a call's deadline.
enum AttemptTimer {
    /// The deadline passed while the attempt ran; the attempt was cancelled.
    struct Expired: Error {}

    /// The result of `work`, unless `deadline` comes first: then `work` is cancelled and ``Expired`` thrown.
    static func run<T: Sendable>(until deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else { throw Expired() }
            return result
        }
    }

    /// Sleeps `duration` and returns true, or returns false at once when the sleep would end past `deadline`
    /// (an attempt after it could not finish in time).
    static func wait(_ duration: Duration, before deadline: ContinuousClock.Instant) async throws -> Bool {
        guard ContinuousClock.now.advanced(by: duration) < deadline else { return false }
        try await Task.sleep(for: duration)
        return true
    }
}
