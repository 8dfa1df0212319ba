import Logging
import ServiceLifecycle
import Tracing

/// The tracing of one service: a tracer and the exporter beside it when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
/// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set, nothing otherwise, so a service that does not trace pays nothing.
struct ServiceTracing: Sendable {
    /// Makes the spans of requests, statements and calls; nil when the service does not trace.
    let tracer: (any Tracer)?
    /// Posts finished spans in batches; it runs beside the server and flushes when the server stops.
    let exporter: (any Service)?

    static let off = ServiceTracing(tracer: nil, exporter: nil)

    /// The tracing `environment` asks for; a malformed setting throws a message naming the variable.
    static func start(environment: [String: String], serviceName: String, logger: Logger) throws -> ServiceTracing {
        let settings = try TracingSettings(environment: environment, serviceName: serviceName)
        guard let endpoint = settings.endpoint else { return .off }
        return try exporting(to: endpoint, settings: settings, logger: logger)
    }
}
