/// Where a host's circuit breaker stands.
public enum CircuitState: String, Sendable, CaseIterable {
    /// Calls go through; failures are counted.
    case closed
    /// The cool-down has passed: the next call is let through as a probe, the others still fail fast.
    case halfOpen = "half_open"
    /// Too many failures in the window: calls fail fast without reaching the host until the cool-down ends.
    case open

    /// The value of the `keel_dependency_circuit_state` gauge: 0 closed, 1 half-open, 2 open.
    public var gaugeValue: Int {
        switch self {
        case .closed: 0
        case .halfOpen: 1
        case .open: 2
        }
    }
}
