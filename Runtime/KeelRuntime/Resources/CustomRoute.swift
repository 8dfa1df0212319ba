import Hummingbird

/// The route of one custom endpoint. The runtime does what every custom endpoint does (the access rule, the
/// checks of the path, query and body, in that order); the generated code only builds the endpoint's input and
/// calls its handler. Why: when each endpoint's generated closure did all of it, its awaits made most of an
/// endpoint's compiled code, and its rules were built again on every request.
public enum CustomRoute {
    /// Registers an endpoint without a body.
    public static func register<Input>(
        on api: RouterGroup<KeelRequestContext>, _ method: HTTPRequest.Method, _ path: String, service: ServiceContext,
        access: AccessRule, path pathRules: [FieldRule], query queryRules: [FieldRule],
        input: @escaping @Sendable (CheckedRequest) throws -> Input,
        respond: @escaping @Sendable (Input) async throws -> Response
    ) {
        route(on: api, method, path, service: service, access: access, path: pathRules, query: queryRules,
              body: { _, _ in () }, input: { request, _ in try input(request) }, respond: respond)
    }

    /// Registers an endpoint taking a JSON body of type `Body`, checked against its shape before it is decoded.
    public static func register<Body: Decodable & Sendable, Input>(
        on api: RouterGroup<KeelRequestContext>, _ method: HTTPRequest.Method, _ path: String, service: ServiceContext,
        access: AccessRule, path pathRules: [FieldRule], query queryRules: [FieldRule], body: Body.Type,
        input: @escaping @Sendable (CheckedRequest, Body) throws -> Input,
        respond: @escaping @Sendable (Input) async throws -> Response
    ) {
        route(on: api, method, path, service: service, access: access, path: pathRules, query: queryRules,
              body: { request, context in try await JSONResponse.decode(Body.self, from: request, context: context) },
              input: input, respond: respond)
    }

    private static func route<Body, Input>(
        on api: RouterGroup<KeelRequestContext>, _ method: HTTPRequest.Method, _ path: String, service: ServiceContext,
        access: AccessRule, path pathRules: [FieldRule], query queryRules: [FieldRule],
        body readBody: @escaping @Sendable (Request, KeelRequestContext) async throws -> Body,
        input: @escaping @Sendable (CheckedRequest, Body) throws -> Input,
        respond: @escaping @Sendable (Input) async throws -> Response
    ) {
        api.on(RouterPath(path), method: method) { request, context -> Response in
            let principal = try await service.access.check(request, access)
            let query = try EndpointParameters.check(request, context: context, path: pathRules, query: queryRules)
            let body = try await readBody(request, context)
            return try await respond(try input(CheckedRequest(principal: principal, query: query, context: context), body))
        }
    }
}

/// A custom endpoint's request once its access rule and parameters are checked: what its input is built from.
public struct CheckedRequest {
    /// The caller; nil when the endpoint needs no token.
    public let principal: Principal?
    /// The query string, every parameter already checked against the endpoint's rules.
    public let query: QueryParameters
    let context: KeelRequestContext

    /// The path parameter `name`, already checked against its rule.
    public func path<T: QueryValue>(_ name: String, as type: T.Type = T.self) throws -> T {
        try PathParameter.require(context, name, as: type)
    }
}
