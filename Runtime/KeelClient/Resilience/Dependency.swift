import Foundation
import Synchronization

/// One service this one calls, with the resilience of docs/services.md around every call: a deadline, retries of
/// idempotent requests with jittered exponential backoff, a circuit breaker per host.
public final class Dependency: Sendable {
    /// The name of the dependency: its `KEEL_DEP_<NAME>_*` variables and its `dependency` label in `/metrics`.
    public let name: String
    public let settings: DependencySettings
    let policy: RetryPolicy
    private let breakers = Mutex<[String: CircuitBreaker]>([:])
    private let now: @Sendable () -> ContinuousClock.Instant

    /// A dependency with `settings`, listed in `board` (by default the one `/metrics` shows).
    public convenience init(name: String, settings: DependencySettings, board: DependencyBoard = .shared) {
        self.init(name: name, settings: settings, board: board, random: { Double.random(in: 0..<1) }, now: { .now })
    }

    /// A dependency whose settings are `defaults` overridden by its `KEEL_DEP_<NAME>_*` environment variables.
    public convenience init(
        name: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        defaults: DependencySettings = DependencySettings(),
        board: DependencyBoard = .shared
    ) throws {
        self.init(name: name, settings: try DependencySettings(dependency: name, environment: environment, defaults: defaults), board: board)
    }

    /// With the jitter's random numbers and the breakers' clock given, for tests.
    init(name: String, settings: DependencySettings, board: DependencyBoard, random: @escaping @Sendable () -> Double, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.name = name
        self.settings = settings
        self.now = now
        policy = RetryPolicy(retries: settings.retries, backoff: settings.backoff, maxBackoff: settings.maxBackoff, random: random)
        board.add(self)
    }

    /// The circuit state of each host called so far.
    public var circuitStates: [String: CircuitState] {
        breakers.withLock { $0 }.mapValues(\.state)
    }

    /// The circuit state of `host` (closed for a host not called yet).
    public func circuitState(host: String) -> CircuitState {
        breakers.withLock { $0[host] }?.state ?? .closed
    }

    /// The breaker of `host`, made on its first call.
    func breaker(for host: String) -> CircuitBreaker {
        breakers.withLock { breakers in
            if let breaker = breakers[host] { return breaker }
            let breaker = CircuitBreaker(failures: settings.breakerFailures, window: settings.breakerWindow, cooldown: settings.breakerCooldown, now: now)
            breakers[host] = breaker
            return breaker
        }
    }
}
