import AsyncHTTPClient
import HTTPTypes
import Testing
@testable import KeelClient

/// The trace of the running work reaches the called service: `X-Trace-ID` and a W3C `traceparent` per call.
@Suite struct TracePropagationTests {
    static let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    @Test func readsOnlyWellFormedTraceparents() {
        let expected = Traceparent(traceID: Self.traceID, parentID: "00f067aa0ba902b7", flags: "01")
        #expect(Traceparent(Self.incoming) == expected)
        // A later version is read by its first four fields (W3C Trace Context, "versioning of traceparent").
        #expect(Traceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") == expected)
        #expect(Traceparent("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next") == expected)
        for bad in [
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // the forbidden version
            "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // a version that is not hex
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has four fields only
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x", // a later version's fields end at a dash
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero parent id
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01", // upper case parent id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0G", // flags that are not hex
            "00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01", // short trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        ] {
            #expect(Traceparent(bad) == nil, "\(bad)")
        }
    }

    @Test func aFreeFormTraceIDHasNoTraceparent() {
        #expect(TraceContext(traceID: "order-17").traceparent(spanID: "00f067aa0ba902b7") == nil)
        #expect(TraceContext(traceID: Self.traceID).traceparent(spanID: "00f067aa0ba902b7") == "00-\(Self.traceID)-00f067aa0ba902b7-01")
        // The caller's X-Trace-ID names the trace in logs; its traceparent still names the W3C trace.
        let both = TraceContext(traceID: "order-17", traceparent: "00-\(Self.traceID)-00f067aa0ba902b7-00")
        #expect(both.traceparent(spanID: "1111111111111111") == "00-\(Self.traceID)-1111111111111111-00")
    }

    /// The `X-Trace-ID` and `traceparent` the server received for one GET sent in `context`.
    static func echoed(in context: TraceContext?) async throws -> (traceID: String?, traceparent: String?) {
        let server = try await ResilienceTestServer.start()
        defer { server.stop() }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let transport = TracePropagatingTransport(HTTPClientTransport(httpClient: client))
        do {
            let response = try await TraceContext.$current.withValue(context) {
                try await transport.send(ClientRequest(method: .get, url: server.url + "/echo"))
            }
            try await client.shutdown()
            return (response.headers[HTTPField.Name("Echo-X-Trace-ID")!], response.headers[HTTPField.Name("Echo-Traceparent")!])
        } catch {
            try await client.shutdown()
            throw error
        }
    }

    @Test func anOutgoingCallCarriesTheTrace() async throws {
        let echoed = try await Self.echoed(in: TraceContext(traceID: Self.traceID, traceparent: Self.incoming))
        #expect(echoed.traceID == Self.traceID)
        let parent = try #require(echoed.traceparent.flatMap(Traceparent.init))
        #expect(parent.traceID == Self.traceID)
        #expect(parent.flags == "01")
        // The call is a new span of the trace, not the caller's span again.
        #expect(parent.parentID != "00f067aa0ba902b7")
    }

    @Test func withoutATraceNothingIsAdded() async throws {
        let echoed = try await Self.echoed(in: nil)
        #expect(echoed.traceID == nil)
        #expect(echoed.traceparent == nil)
    }
}
