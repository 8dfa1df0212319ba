import Hummingbird

/// CORS for the origins of `service.cors_origins` only: Hummingbird's middleware answers for an allowed
/// origin (echoing it), and a request from any other origin gets no CORS headers, so browsers refuse it.
struct AllowedOriginsCORSMiddleware: RouterMiddleware {
    typealias Context = KeelRequestContext
    let origins: Set<String>
    private let cors = CORSMiddleware<KeelRequestContext>(
        allowOrigin: .originBased,
        allowHeaders: [.accept, .authorization, .contentType, .traceID],
        allowMethods: [.get, .post, .put, .patch, .delete, .options],
        exposedHeaders: ["X-Trace-ID", "Location"]
    )

    init(origins: [String]) {
        self.origins = Set(origins)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) else {
            return try await next(request, context)
        }
        return try await cors.handle(request, context: context, next: next)
    }
}
