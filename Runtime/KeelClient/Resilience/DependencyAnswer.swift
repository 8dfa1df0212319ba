/// What the resilience layer reads of an answer to decide on a retry and on the host's health.
public protocol DependencyAnswer: Sendable {
    /// The HTTP status code.
    var status: Int { get }
    /// The `Retry-After` header, when the answer has one.
    var retryAfter: String? { get }
}
