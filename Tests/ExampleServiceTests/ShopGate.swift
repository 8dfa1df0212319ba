import Hummingbird
import KeelRuntime
import Synchronization

/// A test hook in front of the shop's API: counts the requests that reach it by method, and while `failing` is set
/// answers each with 503 (the error envelope) instead of the shop, as an overloaded replica would.
final class ShopGate: RouterMiddleware, Sendable {
    typealias Context = KeelRequestContext

    private struct State {
        var failing = false
        var seen: [String: Int] = [:]
    }

    private let state = Mutex(State())

    var failing: Bool {
        get { state.withLock { $0.failing } }
        set { state.withLock { $0.failing = newValue } }
    }

    /// The requests with `method` (e.g. `POST`) that reached the shop's API so far.
    func seen(_ method: String) -> Int {
        state.withLock { $0.seen[method, default: 0] }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let failing = state.withLock { state in
            state.seen[request.method.rawValue, default: 0] += 1
            return state.failing
        }
        guard failing else { return try await next(request, context) }
        throw APIError(.serviceUnavailable, code: "SERVICE_UNAVAILABLE", detail: "The shop is overloaded (test hook)")
    }
}
