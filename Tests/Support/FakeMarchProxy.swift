import Foundation
import Hummingbird
import KeelRuntime
import Synchronization

/// MarchProxy's api-server as INTEGRATIONS.md describes it, on a free loopback port: a user login
/// (`POST /api/v1/auth/login`) and `GET|POST /api/v1/services`, `GET|PATCH|DELETE /api/v1/services/{id}`,
/// with the server's validation: name 1-100 characters and unique across clusters (400), the cluster must
/// exist (404), protocol tcp/udp/http/https, auth_type none/base64/jwt, health_check_interval >= 5,
/// jwt_expiry >= 300 (422 in FastAPI's shape). Every services route needs the user's bearer token;
/// a cluster API key is not accepted there.
public final class FakeMarchProxy: Sendable {
    public let url: String
    private let state: Store
    private let task: Task<Void, Never>

    struct State {
        var services: [Int: [String: JSONValue]] = [:]
        var nextID = 1
        /// Successful creates, updates and deletes.
        var writes = 0
    }

    /// The server's database, shared by the route handlers.
    final class Store: Sendable {
        private let mutex = Mutex(State())

        func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
            try mutex.withLock { try body(&$0) }
        }
    }

    private init(url: String, state: Store, task: Task<Void, Never>) {
        self.url = url
        self.state = state
        self.task = task
    }

    /// Requests that changed a service.
    public var writes: Int { state.withLock { $0.writes } }

    /// The active services of a cluster, by name.
    public func services(cluster: Int) -> [String: [String: JSONValue]] {
        state.withLock { state in
            var found: [String: [String: JSONValue]] = [:]
            for service in state.services.values where service["cluster_id"] == .integer(Int64(cluster)) && service["is_active"] == .bool(true) {
                if case .string(let name)? = service["name"] { found[name] = service }
            }
            return found
        }
    }

    /// Adds a service directly, as another team or an earlier push would have.
    public func seed(cluster: Int, _ fields: [String: JSONValue]) throws {
        var body = fields
        body["cluster_id"] = .integer(Int64(cluster))
        _ = try Self.store(body, existing: nil, in: state, clusters: [cluster])
    }

    /// Starts serving for the user `user` with `password`; `clusters` are the ids that exist.
    public static func start(user: String, password: String, clusters: Set<Int>) async throws -> FakeMarchProxy {
        let state = Store()
        let token = "token-" + UUID().uuidString
        let router = Router()
        router.post("/api/v1/auth/login") { request, _ -> Response in
            guard let body = await body(request), case .string(let name)? = body["username"], case .string(let secret)? = body["password"] else {
                return invalid([("body", "username and password are required")])
            }
            guard name == user, secret == password else { return detail(.unauthorized, "Incorrect username or password") }
            return json(.ok, ["access_token": .string(token), "refresh_token": .string("refresh-" + token), "token_type": "bearer", "expires_in": 1800])
        }
        let services = router.group("/api/v1/services").add(middleware: BearerCheck(token: token))
        services.get { request, _ -> Response in
            let query = request.uri.queryParameters
            let limit = query["limit"].map { Int(String($0)) } ?? 100
            let skip = query["skip"].map { Int(String($0)) } ?? 0
            guard let limit, (1...1000).contains(limit) else { return invalid([("limit", "Input should be between 1 and 1000")]) }
            guard let skip, skip >= 0 else { return invalid([("skip", "Input should be greater than or equal to 0")]) }
            let cluster = query["cluster_id"].flatMap { Int(String($0)) }
            let activeOnly = query["active_only"].map { $0 == "true" } ?? true
            let matching = state.withLock { state in
                state.services.sorted { $0.key < $1.key }.map(\.value).filter { service in
                    (cluster == nil || service["cluster_id"] == .integer(Int64(cluster!))) && (!activeOnly || service["is_active"] == .bool(true))
                }
            }
            let page = matching.dropFirst(skip).prefix(limit)
            return json(.ok, ["total": .integer(Int64(matching.count)), "services": .array(page.map(JSONValue.object))])
        }
        services.post { request, _ -> Response in
            guard let body = await body(request) else { return invalid([("body", "JSON decode error")]) }
            return respond(status: .created) { try store(body, existing: nil, in: state, clusters: clusters) }
        }
        services.get("{id}") { _, context -> Response in
            guard let id = context.parameters.get("id", as: Int.self), let service = state.withLock({ $0.services[id] }) else {
                return detail(.notFound, "Service not found")
            }
            return json(.ok, service)
        }
        services.patch("{id}") { request, context -> Response in
            guard let body = await body(request) else { return invalid([("body", "JSON decode error")]) }
            guard let id = context.parameters.get("id", as: Int.self), state.withLock({ $0.services[id] != nil }) else {
                return detail(.notFound, "Service not found")
            }
            // The update schema has no cluster_id: a service stays in its cluster.
            var changes = body
            changes["cluster_id"] = nil
            return respond(status: .ok) { try store(changes, existing: id, in: state, clusters: clusters) }
        }
        services.delete("{id}") { request, context -> Response in
            guard let id = context.parameters.get("id", as: Int.self) else { return detail(.notFound, "Service not found") }
            let permanent = request.uri.queryParameters["permanent"] == "true"
            let found = state.withLock { state -> Bool in
                guard state.services[id] != nil else { return false }
                if permanent { state.services[id] = nil } else { state.services[id]?["is_active"] = .bool(false) }
                state.writes += 1
                return true
            }
            return found ? Response(status: .noContent) : detail(.notFound, "Service not found")
        }
        let (url, task) = try await LoopbackServer.start(router, name: "fake MarchProxy api-server")
        return FakeMarchProxy(url: url, state: state, task: task)
    }

    public func stop() async {
        task.cancel()
        await task.value
    }

    /// A refusal the server answers with a status and detail.
    struct Refusal: Error {
        var response: Response
    }

    /// Validates `body` (a whole service, or the changed fields of `existing`) and stores it.
    private static func store(_ body: [String: JSONValue], existing id: Int?, in state: Store, clusters: Set<Int>) throws -> [String: JSONValue] {
        let rules = MarchProxyServiceRules(body: body, creating: id == nil)
        if !rules.errors.isEmpty { throw Refusal(response: invalid(rules.errors)) }
        if id == nil, case .integer(let cluster)? = body["cluster_id"], !clusters.contains(Int(cluster)) {
            throw Refusal(response: detail(.notFound, "Cluster not found"))
        }
        return try state.withLock { state in
            if case .string(let name)? = body["name"],
               state.services.contains(where: { $0.key != id && $0.value["name"] == JSONValue.string(name) }) {
                throw Refusal(response: detail(.badRequest, "Service name '\(name)' already exists"))
            }
            let serviceID = id ?? state.nextID
            var service = state.services[serviceID] ?? MarchProxyServiceRules.defaults
            service.merge(body) { _, new in new }
            service["id"] = .integer(Int64(serviceID))
            service["is_active"] = service["is_active"] ?? .bool(true)
            state.services[serviceID] = service
            if id == nil { state.nextID += 1 }
            state.writes += 1
            return service
        }
    }

    private static func respond(status: HTTPResponse.Status, _ work: () throws -> [String: JSONValue]) -> Response {
        do {
            return json(status, try work())
        } catch let refusal as Refusal {
            return refusal.response
        } catch {
            return detail(.internalServerError, "\(error)")
        }
    }

    private static func body(_ request: Request) async -> [String: JSONValue]? {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: 1 << 20) else { return nil }
        return try? JSONBody.object(from: buffer)
    }

    /// FastAPI's 422: `{"detail": [{"loc": ["body", field], "msg", "type"}]}`.
    private static func invalid(_ errors: [(field: String, message: String)]) -> Response {
        json(.unprocessableContent, ["detail": .array(errors.map { error in
            .object(["loc": .array(["body", .string(error.field)]), "msg": .string(error.message), "type": "value_error"])
        })])
    }

    private static func detail(_ status: HTTPResponse.Status, _ text: String) -> Response {
        json(status, ["detail": .string(text)])
    }

    private static func json(_ status: HTTPResponse.Status, _ object: [String: JSONValue]) -> Response {
        let data = (try? JSONEncoder().encode(JSONValue.object(object))) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `Authorization: Bearer <user token>` on every services route; anything else is FastAPI's 401.
private struct BearerCheck: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
        guard request.headers[.authorization] == "Bearer \(token)" else {
            let data = Data(#"{"detail":"Not authenticated"}"#.utf8)
            return Response(status: .unauthorized, headers: [.contentType: "application/json", .wwwAuthenticate: "Bearer"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return try await next(request, context)
    }
}
