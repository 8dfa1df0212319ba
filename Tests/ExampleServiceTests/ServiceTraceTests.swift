#if OpenTelemetry
import Foundation
import HTTPTypes
import KeelClient
import KeelTestSupport
import StorefrontService
import Testing

/// Issue 16's "done means", its last part: with a local OTLP receiver, one request to the storefront makes one trace
/// that holds the spans of both generated services, each parented as the call went.
struct ServiceTraceTests {
    @Test func oneTraceHoldsTheSpansOfBothServices() async throws {
        let receiver = try await OTLPReceiver.start()
        defer { receiver.stop() }
        let traceID = UUID().uuidString.lowercased().filter { $0 != "-" }
        let parentID = "00f067aa0ba902b7"
        let tracing = ["OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/json", "OTEL_BSP_SCHEDULE_DELAY": "100"]
        // Each service exports its own spans, every 100 ms while it runs: wait for both services' server spans.
        // Generous: a loaded CI machine.
        var trace: [ReceivedSpan] = []
        try await ServicePair.run(name: "pair_trace", environment: tracing) { pair in
            let headers: HTTPFields = [.authorization: "Bearer \(pair.adminToken)", HTTPField.Name("traceparent")!: "00-\(traceID)-\(parentID)-01"]
            let storefront = StorefrontClient(ServiceClient(baseURL: pair.storefrontURL, transport: HTTPClientTransport(), headers: headers))
            _ = try await storefront.addItem(body: .init(sku: "trace-mug", name: "Trace mug", priceCents: 990))
            trace = try await receiver.spans(within: .seconds(30)) { spans in
                ["storefront", "shop"].allSatisfy { service in spans.contains { $0.traceID == traceID && $0.service == service && $0.kind == 2 } }
            }.filter { $0.traceID == traceID }
        }
        let storefrontServer = try #require(trace.first { $0.service == "storefront" && $0.kind == 2 }, "\(trace)")
        #expect(storefrontServer.parentSpanID == parentID)
        #expect(storefrontServer.attributes["http.route"]?.hasSuffix("/items") == true)
        let call = try #require(trace.first { $0.service == "storefront" && $0.kind == 3 && $0.attributes["http.request.method"] == "POST" }, "\(trace)")
        #expect(call.parentSpanID == storefrontServer.spanID)
        let shopServer = try #require(trace.first { $0.service == "shop" && $0.kind == 2 }, "\(trace)")
        #expect(shopServer.parentSpanID == call.spanID)
        #expect(shopServer.attributes["http.request.method"] == "POST")
        let statements = trace.filter { $0.service == "shop" && $0.attributes["db.system.name"] != nil }
        #expect(!statements.isEmpty && statements.allSatisfy { $0.parentSpanID == shopServer.spanID })
    }
}
#endif
