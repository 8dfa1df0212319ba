/// The one seam every call of a ``ServiceClient`` goes through: send one request, return its answer.
///
/// A transport answers every status it receives (a 503 is a response, not an error) and throws only when no
/// answer arrived (connection refused, reset, timed out). Resilience (deadlines, retries, a circuit breaker)
/// wraps a transport in another transport, so generated clients never change for it.
public protocol ClientTransport: Sendable {
    /// Sends `request` once and returns the answer, of any status.
    func send(_ request: ClientRequest) async throws -> ClientResponse
}
