import Foundation
import HTTPTypes
import Logging

/// What every generated client calls through: where the service is, how calls travel and which token they carry.
///
/// A generated client (`InventoryClient`) holds one and turns each endpoint into a typed method; the methods
/// end in ``call(_:_:query:body:authenticated:as:)``, which encodes, sends through ``transport`` and decodes,
/// throwing ``KeelClientError`` for every answer that is not 2xx.
public struct ServiceClient: Sendable {
    /// The service's origin, e.g. `http://inventory:8080`, without the spec's `base_path` (the paths carry it).
    public var baseURL: String
    /// How requests travel, e.g. ``HTTPClientTransport``; resilience wraps it.
    public var transport: any ClientTransport
    public var credentials: ClientCredentials
    /// Headers sent with every request, e.g. a `User-Agent`.
    public var headers: HTTPFields
    /// How long one call may take.
    public var timeout: Duration
    public var logger: Logger

    /// - Parameters:
    ///   - baseURL: the service's origin, e.g. `http://inventory:8080`; a trailing `/` is dropped.
    ///   - transport: how requests travel (`init(baseURL:credentials:headers:timeout:logger:)` picks AsyncHTTPClient's
    ///     shared client).
    ///   - credentials: the token sent to endpoints that need one (default: none).
    ///   - headers: headers sent with every request.
    ///   - timeout: how long one call may take (default 30 s).
    ///   - logger: where failed calls are logged, at debug level.
    public init(baseURL: String, transport: any ClientTransport, credentials: ClientCredentials = .none,
                headers: HTTPFields = [:], timeout: Duration = .seconds(30), logger: Logger = Logger(label: "keel.client")) {
        var origin = baseURL
        while origin.hasSuffix("/") { origin.removeLast() }
        self.baseURL = origin
        self.transport = transport
        self.credentials = credentials
        self.headers = headers
        self.timeout = timeout
        self.logger = logger
    }

    /// Sends one request and decodes its 2xx answer as `Answer`.
    ///
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - path: the path with its parameters filled in and percent-encoded (``URLText/segment(_:)``).
    ///   - query: query parameters; those without a value are left out.
    ///   - body: the JSON body, if any.
    ///   - authenticated: whether the endpoint needs a token: only then are ``credentials`` sent.
    /// - Throws: ``KeelClientError`` for an answer that is not 2xx; the transport's error when no answer came;
    ///   `DecodingError` for a 2xx answer that is not an `Answer`.
    public func call<Answer: Decodable>(_ method: HTTPRequest.Method, _ path: String, query: [QueryItem] = [], body: (any Encodable & Sendable)? = nil,
                                        authenticated: Bool, as answer: Answer.Type) async throws -> Answer {
        let response = try await send(method, path, query: query, body: body, authenticated: authenticated)
        return try ClientJSON.decoder().decode(Answer.self, from: response.body)
    }

    /// Sends one request whose 2xx answer has no body to read (204 No Content).
    public func call(_ method: HTTPRequest.Method, _ path: String, query: [QueryItem] = [], body: (any Encodable & Sendable)? = nil,
                     authenticated: Bool) async throws {
        _ = try await send(method, path, query: query, body: body, authenticated: authenticated)
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, query: [QueryItem], body: (any Encodable & Sendable)?,
                      authenticated: Bool) async throws -> ClientResponse {
        var request = ClientRequest(method: method, url: baseURL + path + QueryItem.queryString(query), headers: headers, timeout: timeout)
        request.headers[.accept] = "application/json"
        if authenticated, let token = try await credentials.token() {
            request.headers[.authorization] = "Bearer " + token
        }
        if let body {
            request.body = try ClientJSON.encoder().encode(body)
            request.headers[.contentType] = "application/json"
        }
        let response = try await transport.send(request)
        guard (200..<300).contains(response.status) else {
            let error = KeelClientError(status: response.status, body: response.body, traceID: response.headers[ServiceClient.traceIDHeader])
            logger.debug("call failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(error)"])
            throw error
        }
        return response
    }

    /// The header a Keel service names its trace id in.
    static let traceIDHeader = HTTPField.Name("X-Trace-ID")!
}
