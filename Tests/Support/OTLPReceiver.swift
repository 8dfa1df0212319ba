import Foundation
import Hummingbird
import NIOCore

/// A span as an OTLP/HTTP JSON export carries it, with the service that sent it.
public struct ReceivedSpan: Sendable, Equatable {
    public var service: String
    public var traceID: String
    public var spanID: String
    public var parentSpanID: String
    public var name: String
    /// OTLP's SpanKind: 2 server, 3 client.
    public var kind: Int
    public var attributes: [String: String]
}

/// A local OTLP/HTTP collector for tests: accepts `POST /v1/traces` in the JSON encoding and keeps every span.
public struct OTLPReceiver: Sendable {
    /// The base URL, for `OTEL_EXPORTER_OTLP_ENDPOINT`.
    public let url: String
    private let received: Received
    private let task: Task<Void, Never>

    private actor Received {
        var spans: [ReceivedSpan] = []
        func add(_ more: [ReceivedSpan]) { spans += more }
    }

    public static func start() async throws -> OTLPReceiver {
        let received = Received()
        let router = Router()
        router.post("/v1/traces") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            await received.add(try decode(Data(buffer: body)))
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        let (url, task) = try await LoopbackServer.start(router, name: "OTLP receiver")
        return OTLPReceiver(url: url, received: received, task: task)
    }

    /// The spans received so far.
    public func spans() async -> [ReceivedSpan] {
        await received.spans
    }

    /// Waits (up to `timeout`) until `done` holds for the spans received, and returns them.
    public func spans(within timeout: Duration, until done: ([ReceivedSpan]) -> Bool) async throws -> [ReceivedSpan] {
        let end = ContinuousClock.now + timeout
        while true {
            let spans = await received.spans
            if done(spans) || ContinuousClock.now >= end { return spans }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    public func stop() {
        task.cancel()
    }

    /// The spans of one `ExportTraceServiceRequest` in the OTLP JSON encoding.
    public static func decode(_ body: Data) throws -> [ReceivedSpan] {
        guard let root = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { return [] }
        var spans: [ReceivedSpan] = []
        for resourceSpans in root["resourceSpans"] as? [[String: Any]] ?? [] {
            let resource = attributes((resourceSpans["resource"] as? [String: Any])?["attributes"])
            for scopeSpans in resourceSpans["scopeSpans"] as? [[String: Any]] ?? [] {
                for span in scopeSpans["spans"] as? [[String: Any]] ?? [] {
                    spans.append(ReceivedSpan(
                        service: resource["service.name"] ?? "",
                        traceID: hexID(span["traceId"]), spanID: hexID(span["spanId"]), parentSpanID: hexID(span["parentSpanId"]),
                        name: span["name"] as? String ?? "", kind: (span["kind"] as? NSNumber)?.intValue ?? 0,
                        attributes: attributes(span["attributes"])
                    ))
                }
            }
        }
        return spans
    }

    /// OTLP/JSON asks for ids in hex; the protobuf JSON mapping writes bytes in base64: either is read.
    private static func hexID(_ value: Any?) -> String {
        guard let text = value as? String, !text.isEmpty else { return "" }
        if [32, 16].contains(text.count), text.allSatisfy(\.isHexDigit) { return text.lowercased() }
        guard let bytes = Data(base64Encoded: text) else { return text }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// `[{key, value: {stringValue | intValue | boolValue | doubleValue}}]` as text by key.
    private static func attributes(_ value: Any?) -> [String: String] {
        var result: [String: String] = [:]
        for attribute in value as? [[String: Any]] ?? [] {
            guard let key = attribute["key"] as? String, let value = (attribute["value"] as? [String: Any])?.values.first else { continue }
            result[key] = "\(value)"
        }
        return result
    }
}
