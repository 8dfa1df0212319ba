import Foundation
import Synchronization

/// The dependencies of a process and the state of their circuits, for `/metrics`.
public final class DependencyBoard: Sendable {
    /// One host's circuit.
    public struct Reading: Hashable, Sendable {
        public var dependency: String
        public var host: String
        public var state: CircuitState
    }

    /// Where a ``Dependency`` is listed unless told otherwise; the service's `/metrics` shows it.
    public static let shared = DependencyBoard()

    private let dependencies = Mutex<[Dependency]>([])

    public init() {}

    func add(_ dependency: Dependency) {
        dependencies.withLock { $0.append(dependency) }
    }

    /// Every host called so far, by dependency then host.
    public func readings() -> [Reading] {
        dependencies.withLock { $0 }.flatMap { dependency in
            dependency.circuitStates.map { Reading(dependency: dependency.name, host: $0.key, state: $0.value) }
        }
        .sorted { ($0.dependency, $0.host) < ($1.dependency, $1.host) }
    }

    /// The gauge `keel_dependency_circuit_state{dependency,host}` (0 closed, 1 half-open, 2 open) in Prometheus's
    /// text format; empty when no dependency has been called.
    public func exposition() -> String {
        let readings = readings()
        guard !readings.isEmpty else { return "" }
        var text = "# HELP keel_dependency_circuit_state Circuit breaker of each dependency host: 0 closed, 1 half-open, 2 open\n"
        text += "# TYPE keel_dependency_circuit_state gauge\n"
        for reading in readings {
            text += "keel_dependency_circuit_state{dependency=\"\(Self.escaped(reading.dependency))\",host=\"\(Self.escaped(reading.host))\"} \(reading.state.gaugeValue)\n"
        }
        return text
    }

    /// A label value as the text format wants it: backslash, quote and newline escaped.
    private static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
