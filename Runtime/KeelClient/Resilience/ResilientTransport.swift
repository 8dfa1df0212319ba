import Foundation
import HTTPTypes

/// A transport that sends through `base` with the deadline, retries and circuit breaker of a ``Dependency``:
/// what a generated client is given to call another service resiliently, its code unchanged.
public struct ResilientTransport: ClientTransport {
    public let dependency: Dependency
    public let base: any ClientTransport

    public init(_ base: any ClientTransport, dependency: Dependency) {
        self.base = base
        self.dependency = dependency
    }

    public func send(_ request: ClientRequest) async throws -> ClientResponse {
        try await dependency.call(idempotent: request.isIdempotent, host: Self.host(of: request.url)) { deadline in
            var attempt = request
            attempt.timeout = min(request.timeout, ContinuousClock.now.duration(to: deadline))
            // The callee binds it as its own CallDeadline, so its calls onward end by ours.
            attempt.headers[CallDeadline.header] = CallDeadline.headerValue(until: deadline)
            return try await base.send(attempt)
        }
    }

    /// `host:port` of `url`, the key of its circuit breaker (services on one machine have a breaker each).
    static func host(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        let port = components.port ?? (components.scheme == "https" ? 443 : 80)
        return "\(host):\(port)"
    }
}

extension ClientResponse: DependencyAnswer {
    public var retryAfter: String? {
        headers[.retryAfter]
    }
}
