/// A call to a dependency that the resilience layer ended before any answer could be used.
public enum ResilienceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The host's circuit is open: the call failed fast without reaching it. `retryIn` is the rest of the cool-down
    /// (zero when another call is probing the host right now).
    case circuitOpen(dependency: String, host: String, retryIn: Duration)
    /// The call's deadline (its timeout, or the caller's sooner deadline) passed before an answer came.
    case deadlineExceeded(dependency: String, host: String)

    public var description: String {
        switch self {
        case let .circuitOpen(dependency, host, retryIn):
            let wait = retryIn == .zero ? "a probe is under way" : "retry in \(retryIn.milliseconds) ms"
            return "\(dependency) (\(host)): circuit open after repeated failures; \(wait)"
        case let .deadlineExceeded(dependency, host):
            return "\(dependency) (\(host)): no answer before the deadline"
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a wait of a fraction of one does not read as none.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
