import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The runtime's own calls out (the license server, an identity provider's keys, the `/healthz` of required
/// dependencies) over the system's HTTP client: URLSession, on Linux libcurl with the system's TLS and CA store.
/// So a service compiles no HTTP client or TLS stack for them; calls to other services go through KeelClient.
enum SystemHTTP {
    /// A status and a body read whole.
    struct Answer: Sendable {
        let status: Int
        let body: Data
    }

    /// Why a call has no answer: not sent, no answer in time, or an answer larger than asked for.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// No cookies, cache or stored credentials: every call stands alone, as a service's start-up and probes expect.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }()

    /// Sends one request and reads its answer.
    ///
    /// - Parameters:
    ///   - timeout: how long the whole call may take, answer included.
    ///   - limit: the largest body accepted; a larger one is a `Failure`.
    /// - Throws: `Failure` when no answer came in time or it was too large; URLSession's error otherwise.
    static func send(_ method: String, _ url: String, headers: [String: String], body: Data? = nil,
                     timeout: Duration, limit: Int) async throws -> Answer {
        guard let target = URL(string: url) else { throw Failure(description: "not a URL") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        // URLSession's timeout counts from the last byte received; the race is a deadline for the whole call, and its
        // cancellation cancels URLSession's task.
        let (data, response) = try await withThrowingTaskGroup(of: (Data, URLResponse).self) { group in
            group.addTask { [request] in try await session.data(for: request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure(description: "no answer within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
        guard let http = response as? HTTPURLResponse else { throw Failure(description: "the answer is not HTTP") }
        guard data.count <= limit else { throw Failure(description: "the answer's body is larger than \(limit) bytes") }
        return Answer(status: http.statusCode, body: data)
    }
}
