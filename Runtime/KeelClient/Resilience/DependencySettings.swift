/// How calls to one dependency (a callee service) are bounded: the deadline, the retries, the circuit breaker and
/// the connections (docs/services.md, Resilience settings).
///
/// Each setting has a default and can be overridden by an environment variable named after the dependency:
/// `KEEL_DEP_<NAME>_<SETTING>`, with `<NAME>` the dependency's name in upper case, anything but letters and
/// digits becoming `_` (the dependency `catalog-service` reads `KEEL_DEP_CATALOG_SERVICE_TIMEOUT_MS`).
public struct DependencySettings: Sendable, Equatable {
    /// The budget of one call, every attempt and wait between them included; a shorter deadline of the caller wins.
    public var timeout: Duration
    /// Attempts after the first, for idempotent methods only (GET, HEAD, PUT, DELETE, OPTIONS).
    public var retries: Int
    /// The backoff before the first retry; each later one doubles it, up to ``maxBackoff``, and is jittered.
    public var backoff: Duration
    /// The longest backoff between two attempts (a `Retry-After` may ask for longer; the deadline still bounds it).
    public var maxBackoff: Duration
    /// Failures within ``breakerWindow`` that open the circuit of a host.
    public var breakerFailures: Int
    /// How far back failures count towards opening the circuit.
    public var breakerWindow: Duration
    /// How long an open circuit fails calls fast before it lets one probe through.
    public var breakerCooldown: Duration
    /// The most HTTP/1 connections open to one host at once; further calls wait for a free connection.
    public var maxConnections: Int

    public static let defaultTimeout = Duration.milliseconds(5000)
    public static let defaultRetries = 2
    public static let defaultBackoff = Duration.milliseconds(100)
    public static let defaultMaxBackoff = Duration.milliseconds(2000)
    public static let defaultBreakerFailures = 5
    public static let defaultBreakerWindow = Duration.milliseconds(10_000)
    public static let defaultBreakerCooldown = Duration.milliseconds(5000)
    public static let defaultMaxConnections = 8

    public init(
        timeout: Duration = defaultTimeout,
        retries: Int = defaultRetries,
        backoff: Duration = defaultBackoff,
        maxBackoff: Duration = defaultMaxBackoff,
        breakerFailures: Int = defaultBreakerFailures,
        breakerWindow: Duration = defaultBreakerWindow,
        breakerCooldown: Duration = defaultBreakerCooldown,
        maxConnections: Int = defaultMaxConnections
    ) {
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.breakerFailures = breakerFailures
        self.breakerWindow = breakerWindow
        self.breakerCooldown = breakerCooldown
        self.maxConnections = maxConnections
    }

    /// The environment variable of one setting of `dependency`: `KEEL_DEP_<NAME>_<SETTING>`, e.g. `KEEL_DEP_INVENTORY_URL`.
    public static func variable(_ setting: String, dependency: String) -> String {
        DependencyEnvironment(dependency: dependency, values: [:]).prefix + setting
    }

    /// The settings of `dependency`: `defaults`, each overridden by its `KEEL_DEP_<NAME>_*` variable when set.
    ///
    /// - Throws: ``DependencySettingsError`` naming the variable when a value is not a whole number in its range.
    public init(dependency: String, environment: [String: String], defaults: DependencySettings = DependencySettings()) throws {
        let reader = DependencyEnvironment(dependency: dependency, values: environment)
        self.init(
            timeout: try reader.milliseconds("TIMEOUT_MS", default: defaults.timeout, in: 1...3_600_000),
            retries: try reader.integer("RETRIES", default: defaults.retries, in: 0...10),
            backoff: try reader.milliseconds("BACKOFF_MS", default: defaults.backoff, in: 0...60_000),
            maxBackoff: try reader.milliseconds("MAX_BACKOFF_MS", default: defaults.maxBackoff, in: 0...600_000),
            breakerFailures: try reader.integer("BREAKER_FAILURES", default: defaults.breakerFailures, in: 1...10_000),
            breakerWindow: try reader.milliseconds("BREAKER_WINDOW_MS", default: defaults.breakerWindow, in: 1...3_600_000),
            breakerCooldown: try reader.milliseconds("BREAKER_COOLDOWN_MS", default: defaults.breakerCooldown, in: 1...3_600_000),
            maxConnections: try reader.integer("MAX_CONNECTIONS", default: defaults.maxConnections, in: 1...10_000)
        )
    }
}
