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

    /// Why a call has no answer: not sent, refused, no answer in time, or an answer larger than asked for.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private static let calls = SystemHTTPCalls()

    /// A delegate-driven session: only then does URLSession ask before following a redirect and hand over the body as
    /// it arrives. No cookies, cache or stored credentials: every call stands alone.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        return URLSession(configuration: configuration, delegate: calls, delegateQueue: nil)
    }()

    /// Sends one request and reads its answer.
    ///
    /// - Parameters:
    ///   - timeout: how long the whole call may take, answer included.
    ///   - limit: the largest body accepted; a larger one ends the call as a `Failure` once that much has arrived.
    /// - Throws: `Failure`.
    static func send(_ method: String, _ url: String, headers: [String: String], body: Data? = nil,
                     timeout: Duration, limit: Int) async throws -> Answer {
        guard let target = URL(string: url) else { throw Failure(description: "not a URL") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let task = session.dataTask(with: request)
        // URLSession's timeout counts from the last byte received; the race is a deadline for the whole call, and its
        // cancellation cancels URLSession's task.
        return try await withThrowingTaskGroup(of: Answer.self) { group in
            group.addTask {
                try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { continuation in
                        calls.start(task, limit: limit, continuation: continuation)
                    }
                } onCancel: {
                    task.cancel()
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure(description: "no answer within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
