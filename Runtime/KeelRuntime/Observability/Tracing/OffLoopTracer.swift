import ServiceLifecycle
import Tracing

/// A tracer and its exporting service that share one `OffLoopRelease`: whichever of the two goes last, on whatever
/// thread, the backend they wrap is freed off the event loops.
struct OffLoopTracer<Inner: Tracer>: Tracer {
    typealias Span = Inner.Span

    let backend: OffLoopRelease<(tracer: Inner, service: any Service)>

    /// The tracer, and the service to run beside the server.
    static func wrapping(_ tracer: Inner, service: any Service) -> (tracer: OffLoopTracer, service: any Service) {
        let backend = OffLoopRelease((tracer: tracer, service: service))
        return (OffLoopTracer(backend: backend), OffLoopService(backend: backend))
    }

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> Inner.Span {
        backend.value.tracer.startSpan(operationName, context: context(), ofKind: kind, at: instant(), function: function, file: fileID, line: line)
    }

    func activeSpan(identifiedBy context: InstrumentationContext) -> Inner.Span? {
        backend.value.tracer.activeSpan(identifiedBy: context)
    }

    @available(*, deprecated)
    func forceFlush() {
        backend.value.tracer.forceFlush()
    }

    func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
    where Extract.Carrier == Carrier {
        backend.value.tracer.extract(carrier, into: &context, using: extractor)
    }

    func inject<Carrier, Inject: Injector>(_ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject)
    where Inject.Carrier == Carrier {
        backend.value.tracer.inject(context, into: &carrier, using: injector)
    }
}

/// The exporting service of an `OffLoopTracer`.
private struct OffLoopService<Inner: Tracer>: Service {
    let backend: OffLoopRelease<(tracer: Inner, service: any Service)>

    func run() async throws {
        try await backend.value.service.run()
    }
}
