import Foundation
import HTTPTypes

/// One HTTP request of a client, complete: what the transport sends as is.
public struct ClientRequest: Sendable {
    public var method: HTTPRequest.Method
    /// The absolute URL, query string included.
    public var url: String
    public var headers: HTTPFields
    /// The JSON body; nil sends none.
    public var body: Data?
    /// How long the whole exchange may take, from sending to the last byte of the answer.
    public var timeout: Duration

    public init(method: HTTPRequest.Method, url: String, headers: HTTPFields = [:], body: Data? = nil, timeout: Duration = .seconds(30)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// Whether sending the request twice does what sending it once does (RFC 9110 9.2.2): only these may be retried.
    public var isIdempotent: Bool {
        [.get, .head, .put, .delete, .options, .trace].contains(method)
    }
}

/// The answer to a ``ClientRequest``, whatever its status.
public struct ClientResponse: Sendable {
    /// The HTTP status code, e.g. 200.
    public var status: Int
    public var headers: HTTPFields
    public var body: Data

    public init(status: Int, headers: HTTPFields = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
