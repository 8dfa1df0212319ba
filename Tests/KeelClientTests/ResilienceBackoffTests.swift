import Foundation
import Testing
@testable import KeelClient

/// Which answers are retried, the jittered exponential backoff and the `Retry-After` header.
@Suite struct ResilienceBackoffTests {
    @Test func onlyTransientStatusesAreRetried() {
        #expect((400...599).filter(RetryPolicy.isRetryable(status:)) == [429, 502, 503, 504])
    }

    @Test func backoffDoublesUpToTheCapWithJitterInItsUpperHalf() {
        let lowest = RetryPolicy(retries: 5, backoff: .milliseconds(100), maxBackoff: .milliseconds(1000), random: { 0 })
        let highest = RetryPolicy(retries: 5, backoff: .milliseconds(100), maxBackoff: .milliseconds(1000), random: { 0.999 })
        #expect((1...5).map { lowest.delay(beforeRetry: $0) } == [50, 100, 200, 400, 500].map { Duration.milliseconds($0) })
        #expect(highest.delay(beforeRetry: 1) > .milliseconds(99))
        #expect(highest.delay(beforeRetry: 1) < .milliseconds(100))
        #expect(highest.delay(beforeRetry: 9) < .milliseconds(1000))
        #expect(highest.delay(beforeRetry: 9) > .milliseconds(999))
    }

    @Test func retryAfterInSecondsOrAsADate() {
        let now = Date(timeIntervalSince1970: 784_111_777) // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.wait("3", now: now) == .seconds(3))
        #expect(RetryAfter.wait("Sun, 06 Nov 1994 08:49:39 GMT", now: now) == .seconds(2))
        #expect(RetryAfter.wait("Sun, 06 Nov 1994 08:49:30 GMT", now: now) == .zero)
        #expect(RetryAfter.wait("-1", now: now) == nil)
        #expect(RetryAfter.wait("soon", now: now) == nil)
        #expect(RetryAfter.wait(nil, now: now) == nil)
    }
}
