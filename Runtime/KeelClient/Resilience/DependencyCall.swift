extension Dependency {
    /// Performs one call to `host` through `attempt` (which sends the request once, and should give up by the
    /// deadline it is passed), with the deadline, retries and circuit breaker of this dependency.
    ///
    /// Only idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS: ``ClientRequest/isIdempotent``) are retried, and only after a connection failure or a 429, 502, 503 or 504 (after
    /// the `Retry-After` the answer asks for, when it fits before the deadline). The answer of the last attempt is
    /// returned whatever its status; the caller turns a non-2xx one into its typed error.
    ///
    /// - Throws: ``ResilienceError/circuitOpen(dependency:host:retryIn:)`` without calling `attempt` while the host's
    ///   circuit is open; ``ResilienceError/deadlineExceeded(dependency:host:)`` when the deadline cuts an attempt;
    ///   else the last attempt's error.
    public func call<Answer: DependencyAnswer>(
        idempotent: Bool,
        host: String,
        attempt: @escaping @Sendable (_ deadline: ContinuousClock.Instant) async throws -> Answer
    ) async throws -> Answer {
        let deadline = CallDeadline.effective(budget: settings.timeout, now: .now)
        let breaker = breaker(for: host)
        let retries = idempotent ? settings.retries : 0
        var retry = 0
        while true {
            let admission: CircuitBreaker.Admission
            switch breaker.admit() {
            case let .success(granted): admission = granted
            case let .failure(open): throw ResilienceError.circuitOpen(dependency: name, host: host, retryIn: open.remaining)
            }
            let answer: Answer
            do {
                answer = try await AttemptTimer.run(until: deadline) { try await attempt(deadline) }
            } catch let error where error is AttemptTimer.Expired || ContinuousClock.now >= deadline {
                // The attempt's own timeout (the transport's) may fire at the deadline before the timer does.
                breaker.failed(admission)
                throw ResilienceError.deadlineExceeded(dependency: name, host: host)
            } catch {
                guard ConnectionFailure.matches(error), !Task.isCancelled else {
                    // Cancelled, or refused before reaching the host (a bad URL, TLS): says nothing about its health.
                    breaker.abandoned(admission)
                    throw error
                }
                breaker.failed(admission)
                retry += 1
                guard retry <= retries, try await AttemptTimer.wait(policy.delay(beforeRetry: retry), before: deadline) else { throw error }
                continue
            }
            if answer.status >= 500 { breaker.failed(admission) } else { breaker.succeeded(admission) }
            retry += 1
            guard retry <= retries, RetryPolicy.isRetryable(status: answer.status) else { return answer }
            let wait = RetryAfter.wait(answer.retryAfter) ?? policy.delay(beforeRetry: retry)
            guard try await AttemptTimer.wait(wait, before: deadline) else { return answer }
        }
    }
}
