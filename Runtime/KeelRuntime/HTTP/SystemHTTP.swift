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

    /// Why a call has no answer: not sent, no answer in time (a refused connection is tried again until then), or an
    /// answer larger than asked for.
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
        // URLSession's timeout counts from the last byte received; the race is a deadline for the whole call, and its
        // cancellation cancels URLSession's task.
        return try await withThrowingTaskGroup(of: Answer.self) { group in
            group.addTask { [request] in try await attempts(request, limit: limit) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure(description: "no answer within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    /// Sends `request` until it is answered; a refused connection (nothing sent yet) is tried again after a pause,
    /// so a server that is still starting (a license server beside a deploy) is reached within the deadline.
    private static func attempts(_ request: URLRequest, limit: Int) async throws -> Answer {
        var pause = Duration.milliseconds(100)
        while true {
            let task = session.dataTask(with: request)
            do {
                return try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { continuation in
                        calls.start(task, limit: limit, continuation: continuation)
                    }
                } onCancel: {
                    calls.cancel(task)
                }
            } catch let error as URLError where error.code == .cannotConnectToHost {
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(1))
            } catch let error as URLError {
                throw Failure(description: reason(error))
            }
        }
    }

    /// What went wrong, in words: URLSession's errors print as an opaque code on Linux, and with the URL (and any
    /// password in it) elsewhere.
    private static func reason(_ error: URLError) -> String {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .timedOut: "timed out"
        case .networkConnectionLost: "the connection was closed"
        case .secureConnectionFailed: "TLS handshake failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid:
            "the server's TLS certificate is not trusted"
        case .cancelled: "cancelled"
        default: "URL error \(error.code.rawValue)"
        }
    }
}
