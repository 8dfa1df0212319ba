import AsyncHTTPClient
import Foundation
import KeelGenerator
import KeelRuntime
import NIOCore
import NIOFoundationCompat

/// The routes of MarchProxy's api-server that `keel marchproxy push` uses, as INTEGRATIONS.md describes them:
/// a user login for a bearer token, then list, create and PATCH under `/api/v1/services`.
struct MarchProxyAPI {
    /// A request the server answered with an error, or could not answer.
    struct Refusal: Error, CustomStringConvertible {
        var action: String
        var reason: String
        var description: String { "MarchProxy refused to \(action): \(reason)" }
    }

    let base: String
    let token: String
    let client: HTTPClient

    /// `address` is the api-server's root (`http://marchproxy:8000`) or its `/api/v1`.
    static func login(address: String, user: String, password: String, client: HTTPClient) async throws -> MarchProxyAPI {
        var base = address
        while base.hasSuffix("/") { base.removeLast() }
        if !base.hasSuffix("/api/v1") { base += "/api/v1" }
        let answer = try await send(client, "POST", base + "/auth/login", token: nil, body: .object([("username", .string(user)), ("password", .string(password))]),
                                    action: "log in as MARCHPROXY_USER '\(user)'")
        guard case .string(let token)? = answer["access_token"] else {
            throw Refusal(action: "log in as MARCHPROXY_USER '\(user)'", reason: "the answer has no access_token")
        }
        return MarchProxyAPI(base: base, token: token, client: client)
    }

    /// Every service of the cluster, a page of 1,000 (the server's largest) at a time.
    func services(clusterID: Int) async throws -> [MarchProxyPlan.Existing] {
        var found: [MarchProxyPlan.Existing] = []
        while true {
            let answer = try await Self.send(client, "GET", base + "/services?cluster_id=\(clusterID)&skip=\(found.count)&limit=1000", token: token, body: nil,
                                             action: "list the services of cluster \(clusterID)")
            guard case .array(let items)? = answer["services"] else {
                throw Refusal(action: "list the services of cluster \(clusterID)", reason: "the answer has no services list")
            }
            for case .object(let fields) in items {
                guard case .integer(let id)? = fields["id"], case .string(let name)? = fields["name"] else { continue }
                found.append(MarchProxyPlan.Existing(id: Int(id), name: name, fields: fields.mapValues(\.structured)))
            }
            let total = answer["total"].flatMap { if case .integer(let count) = $0 { Int(count) } else { nil } } ?? found.count
            if items.isEmpty || found.count >= total { return found }
        }
    }

    /// Creates the service in the cluster and answers its id.
    func create(_ service: MarchProxyConfig.Service, clusterID: Int) async throws -> Int {
        let answer = try await Self.send(client, "POST", base + "/services", token: token, body: .object(service.fields + [("cluster_id", .integer(Int64(clusterID)))]),
                                         action: "create \(service.name)")
        guard case .integer(let id)? = answer["id"] else { throw Refusal(action: "create \(service.name)", reason: "the answer has no id") }
        return Int(id)
    }

    /// Sends only the changed fields; the server keeps the rest.
    func update(id: Int, name: String, changes: [MarchProxyPlan.FieldChange]) async throws {
        _ = try await Self.send(client, "PATCH", base + "/services/\(id)", token: token, body: .object(changes.map { ($0.field, $0.wanted) }),
                                action: "update \(name)")
    }

    private static func send(_ client: HTTPClient, _ method: String, _ url: String, token: String?, body: StructuredValue?, action: String) async throws -> [String: JSONValue] {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Accept", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSONRenderer.render(body)))
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await client.execute(request, timeout: .seconds(15))
            bytes = try await response.body.collect(upTo: 16 << 20)
        } catch {
            throw Refusal(action: action, reason: "\(url) did not answer (\(error))")
        }
        let object = (try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: bytes))) ?? [:]
        guard (200..<300).contains(response.status.code) else {
            throw Refusal(action: action, reason: "\(response.status.code) \(detail(object) ?? response.status.reasonPhrase)")
        }
        return object
    }

    /// FastAPI's `detail`: a message, or a list of validation errors.
    private static func detail(_ object: [String: JSONValue]) -> String? {
        switch object["detail"] {
        case .string(let text)?: return text
        case .array(let errors)?:
            return errors.compactMap { error -> String? in
                guard case .object(let fields) = error, case .string(let message)? = fields["msg"] else { return nil }
                if case .array(let location)? = fields["loc"], case .string(let field)? = location.last { return "\(field): \(message)" }
                return message
            }.joined(separator: "; ")
        default: return nil
        }
    }
}

private extension JSONValue {
    /// The same value in the generator's terms, so the plan compares like with like.
    var structured: StructuredValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .integer(let number): .integer(number)
        case .number(let number): .number(String(number))
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(\.structured))
        case .object(let fields): .object(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value.structured) })
        }
    }
}
