import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeelRuntime
import Testing

/// The server reads an incoming `traceparent` exactly as KeelClient does (one W3C parser): a header the client
/// would reject names no trace, so the request gets a new trace id rather than one taken from a malformed header.
struct IncomingTraceparentTests {
    static let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"

    /// The trace id the server answered a request carrying `traceparent` with.
    func answeredTraceID(_ client: some TestClientProtocol, traceparent: String) async throws -> String? {
        try await client.execute(uri: "/api/nowhere", method: .get, headers: [HTTPField.Name("traceparent")!: traceparent]) { response in
            response.headers[HTTPField.Name("X-Trace-ID")!]
        }
    }

    @Test func onlyAValidTraceparentNamesTheTrace() async throws {
        try await ServerTests().withServer { client in
            #expect(try await answeredTraceID(client, traceparent: "00-\(Self.traceID)-00f067aa0ba902b7-01") == Self.traceID)
            // A later version is read by its first four fields.
            #expect(try await answeredTraceID(client, traceparent: "01-\(Self.traceID)-00f067aa0ba902b7-01-later") == Self.traceID)
            for invalid in [
                "00-\(Self.traceID.uppercased())-00f067aa0ba902b7-01", // upper-case hex
                "ff-\(Self.traceID)-00f067aa0ba902b7-01", // the forbidden version
                "00-\(Self.traceID)-0000000000000000-01", // zero parent id
                "00-\(Self.traceID)-00f067aa0ba902b7", // no flags
            ] {
                let answered = try await answeredTraceID(client, traceparent: invalid)
                #expect(answered != Self.traceID, "\(invalid)")
                #expect(answered?.count == 32, "a new W3C trace id for \(invalid)")
            }
        }
    }
}
