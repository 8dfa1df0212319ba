import Logging
import Tracing
#if OpenTelemetry
import OTel

extension ServiceTracing {
    /// swift-otel's tracer (W3C propagation, parent-based sampling) and its batching OTLP/HTTP exporter. The other
    /// standard `OTEL_*` variables of the process (headers, timeout, sampler) apply too.
    static func exporting(to endpoint: String, settings: TracingSettings, logger: Logger) throws -> ServiceTracing {
        var configuration = OTel.Configuration.default
        configuration.serviceName = settings.serviceName
        configuration.diagnosticLogger = .custom(logger)
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.otlpExporter.endpoint = endpoint
        configuration.traces.otlpExporter.protocol = settings.usesJSON ? .httpJSON : .httpProtobuf
        configuration.traces.batchSpanProcessor.scheduleDelay = settings.scheduleDelay
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        let wrapped = OffLoopTracer.wrapping(backend.factory, service: backend.service)
        return ServiceTracing(tracer: wrapped.tracer, exporter: wrapped.service)
    }
}
#else
extension ServiceTracing {
    /// Built without the OpenTelemetry trait: nothing can export, which start-up says rather than failing.
    static func exporting(to endpoint: String, settings: TracingSettings, logger: Logger) throws -> ServiceTracing {
        logger.warning("OTEL_EXPORTER_OTLP_ENDPOINT is set but KeelRuntime was built without its OpenTelemetry trait: no spans are exported")
        return .off
    }
}
#endif
