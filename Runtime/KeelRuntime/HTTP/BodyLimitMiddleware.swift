import Hummingbird

/// Refuses a body declared larger than the limit with 413 before it is read, and caps what handlers may read
/// of a body without a declared length (Hummingbird answers 413 when a decode runs past it).
public struct BodyLimitMiddleware: RouterMiddleware {
    public typealias Context = KeelRequestContext
    let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError(.contentTooLarge, code: "PAYLOAD_TOO_LARGE", detail: "The request body is over \(CountText.of(limit, "byte"))")
        }
        var context = context
        context.bodyLimit = limit
        return try await next(request, context)
    }
}
