import Synchronization
import Testing
@testable import KeelClient

/// The circuit breaker's states on a clock the test moves.
@Suite struct ResilienceBreakerTests {
    /// A clock that stands still until told.
    final class TestClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        func advance(_ duration: Duration) { instant.withLock { $0 += duration } }
        var now: @Sendable () -> ContinuousClock.Instant { { self.instant.withLock { $0 } } }
    }

    static func admitted(_ breaker: CircuitBreaker) throws -> CircuitBreaker.Admission {
        try breaker.admit().get()
    }

    @Test func opensAfterTheFailuresOfOneWindowOnly() throws {
        let clock = TestClock()
        let breaker = CircuitBreaker(failures: 3, window: .seconds(10), cooldown: .seconds(5), now: clock.now)
        breaker.failed(try Self.admitted(breaker))
        breaker.failed(try Self.admitted(breaker))
        clock.advance(.seconds(11))
        // The first two fell out of the window: two more do not open it, a third does.
        breaker.failed(try Self.admitted(breaker))
        breaker.failed(try Self.admitted(breaker))
        #expect(breaker.state == .closed)
        breaker.failed(try Self.admitted(breaker))
        #expect(breaker.state == .open)
        guard case let .failure(open) = breaker.admit() else { Issue.record("an open circuit admitted a call"); return }
        #expect(open.remaining == .seconds(5))
    }

    @Test func oneProbeAfterTheCooldownClosesItOnSuccess() throws {
        let clock = TestClock()
        let breaker = CircuitBreaker(failures: 1, window: .seconds(10), cooldown: .seconds(5), now: clock.now)
        breaker.failed(try Self.admitted(breaker))
        clock.advance(.seconds(5))
        #expect(breaker.state == .halfOpen)
        let probe = try Self.admitted(breaker)
        #expect(probe == .probe)
        guard case let .failure(busy) = breaker.admit() else { Issue.record("a second call passed during the probe"); return }
        #expect(busy.remaining == .zero)
        breaker.succeeded(probe)
        #expect(breaker.state == .closed)
        #expect(try Self.admitted(breaker) == .attempt)
    }

    @Test func aFailedProbeOpensItForAnotherCooldown() throws {
        let clock = TestClock()
        let breaker = CircuitBreaker(failures: 1, window: .seconds(10), cooldown: .seconds(5), now: clock.now)
        breaker.failed(try Self.admitted(breaker))
        clock.advance(.seconds(6))
        breaker.failed(try Self.admitted(breaker))
        #expect(breaker.state == .open)
        clock.advance(.seconds(4))
        #expect(breaker.state == .open)
        clock.advance(.seconds(1))
        #expect(breaker.state == .halfOpen)
    }

    @Test func anAbandonedProbeLetsTheNextCallProbe() throws {
        let clock = TestClock()
        let breaker = CircuitBreaker(failures: 1, window: .seconds(10), cooldown: .seconds(1), now: clock.now)
        breaker.failed(try Self.admitted(breaker))
        clock.advance(.seconds(1))
        breaker.abandoned(try Self.admitted(breaker))
        #expect(try Self.admitted(breaker) == .probe)
    }
}
