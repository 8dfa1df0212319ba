/// Where a service sends its spans, from the standard OpenTelemetry variables: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
/// (used as is) or `OTEL_EXPORTER_OTLP_ENDPOINT` (with `/v1/traces` appended); `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`
/// or `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/protobuf`, the default, or `http/json`); `OTEL_BSP_SCHEDULE_DELAY`
/// (milliseconds between exports, default 5000); `OTEL_SERVICE_NAME` (default: the spec's service name).
struct TracingSettings: Sendable, Equatable {
    /// The URL spans are posted to; nil when neither endpoint variable is set: then no span is made.
    var endpoint: String?
    var usesJSON: Bool
    var scheduleDelay: Duration
    var serviceName: String

    init(environment: [String: String], serviceName: String) throws {
        let reader = EnvironmentReader(environment)
        if let traces = reader.string("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") {
            endpoint = try Self.checked(traces, variable: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        } else if let base = reader.string("OTEL_EXPORTER_OTLP_ENDPOINT") {
            let checked = try Self.checked(base, variable: "OTEL_EXPORTER_OTLP_ENDPOINT")
            endpoint = checked.hasSuffix("/") ? checked + "v1/traces" : checked + "/v1/traces"
        } else {
            endpoint = nil
        }
        let protocolVariable = reader.string("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") != nil ? "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL" : "OTEL_EXPORTER_OTLP_PROTOCOL"
        // gRPC is not offered: it would compile grpc-swift into every service.
        usesJSON = try reader.choice(protocolVariable, default: "http/protobuf", among: ["http/protobuf", "http/json"]) == "http/json"
        scheduleDelay = .milliseconds(try reader.integer("OTEL_BSP_SCHEDULE_DELAY", default: 5000, in: 1...3_600_000))
        self.serviceName = reader.string("OTEL_SERVICE_NAME") ?? serviceName
    }

    private static func checked(_ url: String, variable: String) throws -> String {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ConfigurationError("\(variable)=\(url) is not valid: use an http:// or https:// URL")
        }
        return url
    }
}
