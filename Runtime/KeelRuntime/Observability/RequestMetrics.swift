import KeelClient
import Prometheus

/// The request metrics of SPEC.md in Prometheus's text format:
/// `http_requests_total{method,endpoint,status}` and `http_request_duration_seconds{method,endpoint}`.
/// The endpoint label is the route template (`/api/v1/products/{id}`), so ids never grow the label set.
public final class RequestMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    // Built per use: the descriptor type is not Sendable, so it cannot be stored here.
    private var requests: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "http_requests", unitName: "total", helpText: "HTTP requests answered, by method, route and status")
    }
    private var durations: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "http_request_duration", unitName: "seconds", helpText: "Time to answer HTTP requests, by method and route")
    }
    private static let buckets: [Duration] = [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5)]

    private let dependencies: DependencyBoard

    /// - Parameter dependencies: the board whose circuits `/metrics` shows (default: the one every `Dependency` joins).
    public init(dependencies: DependencyBoard = .shared) {
        self.dependencies = dependencies
    }

    func record(method: String, endpoint: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: requests, labels: [("method", method), ("endpoint", endpoint), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: durations, labels: [("method", method), ("endpoint", endpoint)], buckets: Self.buckets).record(duration)
    }

    /// Every metric in the exposition format, for `GET /metrics`: the requests', then the circuit state of each
    /// dependency host this process has called (`keel_dependency_circuit_state`).
    public func exposition() -> String {
        registry.emitToString() + dependencies.exposition()
    }
}
