import Hummingbird

/// Answers 405 with `Allow` (RFC 9110) when the path is served but not with the request's method, where
/// Hummingbird's router would answer 404. Added after every route, it runs only on requests no route took
/// (the router wraps its not-found responder in every middleware, and each route only in those added before it).
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = KeelRequestContext

    /// One served path and the methods it takes, as `Allow` lists them.
    struct Route: Sendable {
        let path: RouterPath
        let allow: String
    }

    /// Most specific first, as the router matches: a constant segment before a `{parameter}`.
    let routes: [Route]

    /// Adds the middleware for the routes registered on `router` so far: call it after the last one.
    static func install(on router: Router<Context>) {
        var methods: [String: (path: RouterPath, methods: Set<String>)] = [:]
        for route in router.routes {
            methods[route.path.description, default: (route.path, [])].methods.insert(route.method.rawValue)
        }
        let routes = methods.values
            .map { Route(path: $0.path, allow: $0.methods.sorted().joined(separator: ", ")) }
            .sorted { specificity($0.path).lexicographicallyPrecedes(specificity($1.path)) }
        router.middlewares.add(MethodNotAllowedMiddleware(routes: routes))
    }

    /// 0 for a constant segment, 1 for a capture, per segment.
    private static func specificity(_ path: RouterPath) -> [Int] {
        path.components.map { $0 == $0.description ? 0 : 1 }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
        guard let route = routes.first(where: { matches($0.path, segments) }) else { return try await next(request, context) }
        let error = APIError(.methodNotAllowed, code: "METHOD_NOT_ALLOWED", detail: "\(request.method.rawValue) is not served here; use \(route.allow)")
        var response = ErrorEnvelopeMiddleware.response(for: error, traceID: context.traceID)
        response.headers[.allow] = route.allow
        return response
    }

    private func matches(_ path: RouterPath, _ segments: [Substring]) -> Bool {
        path.components.count == segments.count && zip(path.components, segments).allSatisfy { $0 ~= $1 }
    }
}
