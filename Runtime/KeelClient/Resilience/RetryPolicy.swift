/// Which failed attempts are tried again, and how long to wait first.
struct RetryPolicy: Sendable {
    let retries: Int
    let backoff: Duration
    let maxBackoff: Duration
    /// A number in 0..<1 per use; injected so tests can pin the jitter.
    let random: @Sendable () -> Double

    /// The answers that say "try later" rather than "no": a gateway that found no healthy upstream, overload, a rate limit.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 502 || status == 503 || status == 504
    }

    /// The wait before retry number `retry` (1 for the first): half of `backoff * 2^(retry-1)`, capped at
    /// `maxBackoff`, plus a random part up to the other half, so callers that failed together do not retry together.
    func delay(beforeRetry retry: Int) -> Duration {
        let doubled = backoff * (1 << min(retry - 1, 30))
        let ceiling = min(doubled, maxBackoff)
        return ceiling / 2 + (ceiling / 2) * random()
    }
}
