import Foundation
import Hummingbird
import KeelRuntime
import Logging
import Synchronization

/// A license the fake server knows, by key.
public struct FakeLicense: Sendable {
    public var product: String
    public var tier: String
    public var features: [(name: String, entitled: Bool)]
    public var customer: String

    public init(product: String, tier: String, features: [(name: String, entitled: Bool)] = [], customer: String = "Example Customer") {
        self.product = product
        self.tier = tier
        self.features = features
        self.customer = customer
    }
}

/// The PenguinTech license server as INTEGRATIONS.md documents it, on a free loopback port: `POST /api/v2/validate`,
/// `/api/v2/features` and `/api/v2/keepalive`, each needing `Authorization: Bearer <key>` and a JSON body.
/// Unknown key: 404; product not licensed: 403 with `available_products`; missing or malformed body: 400.
public final class FakeLicenseServer: Sendable {
    /// The base URL, for `LICENSE_SERVER_URL`.
    public let url: String
    private let calls: Calls
    private let task: Task<Void, Never>

    private final class Calls: Sendable {
        let validate = Atomic(0)
        let keepalive = Atomic(0)
    }

    private init(url: String, calls: Calls, task: Task<Void, Never>) {
        self.url = url
        self.calls = calls
        self.task = task
    }

    /// Validate requests received, answered or not.
    public var validateCalls: Int { calls.validate.load(ordering: .relaxed) }
    /// Keepalives accepted: right key, licensed product, complete body.
    public var keepaliveCalls: Int { calls.keepalive.load(ordering: .relaxed) }

    /// Starts serving `licenses` (key -> license); returns once the port is bound.
    public static func start(licenses: [String: FakeLicense]) async throws -> FakeLicenseServer {
        let calls = Calls()
        let router = Router()
        router.post("/api/v2/validate") { request, _ -> Response in
            calls.validate.wrappingAdd(1, ordering: .relaxed)
            return await Self.answer(request, licenses, needing: []) { key, license, _ in Self.validation(key: key, license: license) }
        }
        router.post("/api/v2/features") { request, _ -> Response in
            await Self.answer(request, licenses, needing: ["feature"]) { _, license, body in
                let name = body["feature"] as? String ?? ""
                let entitled = license.features.first { $0.name == name }?.entitled ?? false
                return Self.json(.ok, ["features": [Self.feature(name, entitled: entitled)]])
            }
        }
        router.post("/api/v2/keepalive") { request, _ -> Response in
            let response = await Self.answer(request, licenses, needing: ["server_id", "hostname", "version"]) { _, _, body in
                guard body["uptime_seconds"] is Int, let usage = body["usage_stats"] as? [String: Any],
                      usage["active_users"] is Int, usage["feature_usage"] is [String: Any]
                else { return Self.detail(.badRequest, "uptime_seconds and usage_stats {active_users, feature_usage} are required") }
                return Self.json(.ok, ["success": true])
            }
            if response.status == .ok { calls.keepalive.wrappingAdd(1, ordering: .relaxed) }
            return response
        }

        let (url, task) = try await LoopbackServer.start(router, name: "fake license server")
        return FakeLicenseServer(url: url, calls: calls, task: task)
    }

    /// Stops serving (again is harmless); later requests find the port closed, as when the real server is unreachable.
    public func stop() async {
        task.cancel()
        await task.value
    }

    /// The checks every endpoint shares, in order: a JSON body with `product` and the `needing` fields (400),
    /// a known bearer key (404), the key's product (403); then `body` makes the answer.
    private static func answer(
        _ request: Request, _ licenses: [String: FakeLicense], needing fields: [String],
        _ body: (String, FakeLicense, [String: Any]) -> Response
    ) async -> Response {
        guard let object = await jsonObject(request), (["product"] + fields).allSatisfy({ (object[$0] as? String)?.isEmpty == false }) else {
            return detail(.badRequest, "the body must be JSON with \((["product"] + fields).joined(separator: ", "))")
        }
        guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") else {
            return detail(.badRequest, "Authorization: Bearer <license key> is required")
        }
        let key = String(authorization.dropFirst("Bearer ".count))
        guard let license = licenses[key] else { return detail(.notFound, "License key not found or expired") }
        guard license.product == object["product"] as? String else {
            return json(.forbidden, ["detail": "Product not licensed for this key", "available_products": [license.product]])
        }
        return body(key, license, object)
    }

    /// The full validate answer, with every documented field.
    private static func validation(key: String, license: FakeLicense) -> Response {
        let issued = Date().addingTimeInterval(-30 * 86400)
        let expires = Date().addingTimeInterval(365 * 86400)
        return json(.ok, [
            "valid": true,
            "customer": license.customer,
            "product": license.product,
            "license_version": "2.0",
            "license_key": key,
            "issued_at": issued.formatted(.iso8601),
            "expires_at": expires.formatted(.iso8601),
            "tier": license.tier,
            "features": license.features.map { feature($0.name, entitled: $0.entitled) },
            "limits": ["max_servers": -1, "max_users": -1, "data_retention_days": -1],
            "metadata": ["server_id": "server-\(key.suffix(4).lowercased())", "support_tier": license.tier, "custom_fields": [String: Any]()] as [String: Any],
        ])
    }

    private static func feature(_ name: String, entitled: Bool) -> [String: Any] {
        ["name": name, "entitled": entitled, "units": 0, "description": "The \(name) feature", "metadata": [String: Any]()]
    }

    private static func jsonObject(_ request: Request) async -> [String: Any]? {
        var request = request
        guard let body = try? await request.collectBody(upTo: 1 << 16) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
    }

    private static func detail(_ status: HTTPResponse.Status, _ text: String) -> Response {
        json(status, ["detail": text])
    }

    private static func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
