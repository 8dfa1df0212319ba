/// How a replica stops on SIGTERM (docs/runtime.md, Shutdown and rolling deploys): `SHUTDOWN_DRAIN_DELAY`
/// seconds of answering while `/readyz` says 503 (default 5), then no new connections and the requests in
/// flight finish; `SHUTDOWN_TIMEOUT` seconds after the signal (default 25) the process exits whatever is left.
public struct ShutdownSettings: Sendable, Equatable {
    /// How long the listener stays open after SIGTERM, so load balancers see `/readyz` fail and stop sending.
    public var drainDelay: Duration
    /// From the signal to the exit at the latest; requests still running then are cut.
    public var timeout: Duration

    public static let defaultDrainDelaySeconds = 5
    /// Below the 30 s after which Kubernetes sends SIGKILL by default, so the log says what was cut.
    public static let defaultTimeoutSeconds = 25

    public init(drainDelay: Duration = .seconds(defaultDrainDelaySeconds), timeout: Duration = .seconds(defaultTimeoutSeconds)) {
        self.drainDelay = drainDelay
        self.timeout = timeout
    }

    public init(environment: [String: String]) throws {
        let env = EnvironmentReader(environment)
        let timeout = try env.integer("SHUTDOWN_TIMEOUT", default: Self.defaultTimeoutSeconds, in: 1...3600)
        let delay = try env.integer("SHUTDOWN_DRAIN_DELAY", default: min(Self.defaultDrainDelaySeconds, timeout - 1), in: 0...3600)
        guard delay < timeout else {
            throw ConfigurationError("SHUTDOWN_DRAIN_DELAY=\(delay) is not valid: it must be shorter than SHUTDOWN_TIMEOUT (\(timeout) s)")
        }
        self.init(drainDelay: .seconds(delay), timeout: .seconds(timeout))
    }
}
