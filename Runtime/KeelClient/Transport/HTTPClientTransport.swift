#if ServiceClients
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The transport over AsyncHTTPClient: one request, one answer, no retries. Keel's `ServiceClients` trait compiles it
/// (and AsyncHTTPClient with its TLS stack); a service that calls no other service leaves it out.
public struct HTTPClientTransport: ClientTransport {
    public let httpClient: HTTPClient
    /// The largest answer body read; a longer one fails the call rather than filling memory.
    public let maxResponseBytes: Int

    /// - Parameters:
    ///   - httpClient: the client whose connection pool the calls share (default: AsyncHTTPClient's shared one).
    ///   - maxResponseBytes: the largest answer body read (default 16 MiB).
    public init(httpClient: HTTPClient = .shared, maxResponseBytes: Int = 16 << 20) {
        self.httpClient = httpClient
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: ClientRequest) async throws -> ClientResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let answer = try await httpClient.execute(outgoing, timeout: .nanoseconds(Self.nanoseconds(request.timeout)))
        let body = try await answer.body.collect(upTo: maxResponseBytes)
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        return ClientResponse(status: Int(answer.status.code), headers: headers, body: Data(buffer: body))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension ServiceClient {
    /// A client of the service at `baseURL` over AsyncHTTPClient's shared client; see
    /// ``init(baseURL:transport:credentials:headers:timeout:logger:)``.
    public init(baseURL: String, credentials: ClientCredentials = .none, headers: HTTPFields = [:], timeout: Duration = .seconds(30),
                logger: Logger = Logger(label: "keel.client")) {
        self.init(baseURL: baseURL, transport: HTTPClientTransport(), credentials: credentials, headers: headers, timeout: timeout, logger: logger)
    }
}
#endif
