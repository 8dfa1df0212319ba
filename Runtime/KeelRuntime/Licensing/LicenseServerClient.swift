import Foundation

/// The calls the runtime makes to the PenguinTech license server; tests substitute a fake.
public protocol LicenseServer: Sendable {
    /// `POST /api/v2/validate`; throws `LicenseServerError`, including `.rejected` for `valid: false`.
    func validate() async throws -> LicenseResponse
    /// `POST /api/v2/keepalive`.
    func keepalive(_ report: KeepaliveReport) async throws
}

/// Why a license-server call failed: the answer decides whether cached entitlements may stay in force.
public enum LicenseServerError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The server answered and refused: unknown or expired key (404), product not licensed (403),
    /// bad request (400), or `valid: false`.
    case rejected(status: Int, message: String)
    /// No usable answer: connection error, timeout, 5xx, or a body that is not the documented JSON.
    case unreachable(String)

    public var description: String {
        switch self {
        case .rejected(let status, let message): "license server refused (HTTP \(status)): \(message)"
        case .unreachable(let reason): "license server unreachable: \(reason)"
        }
    }
}

/// What a keepalive reports besides the product.
public struct KeepaliveReport: Sendable, Equatable {
    public var serverID: String
    public var hostname: String
    public var version: String
    public var uptimeSeconds: Int
    public var activeUsers: Int
    /// Feature name -> uses since the last keepalive.
    public var featureUsage: [String: Int]

    public init(serverID: String, hostname: String, version: String, uptimeSeconds: Int, activeUsers: Int = 0, featureUsage: [String: Int] = [:]) {
        self.serverID = serverID
        self.hostname = hostname
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.activeUsers = activeUsers
        self.featureUsage = featureUsage
    }
}

/// The license server over HTTP: JSON bodies, `Authorization: Bearer <LICENSE_KEY>`, 10 s per call.
public struct LicenseServerClient: LicenseServer {
    public let serverURL: String
    public let productName: String
    private let key: String

    public init(serverURL: String, productName: String, key: String) {
        self.serverURL = serverURL
        self.productName = productName
        self.key = key
    }

    public func validate() async throws -> LicenseResponse {
        let body = try await post("/api/v2/validate", ["product": productName])
        let response: LicenseResponse
        do {
            response = try JSONDecoder().decode(LicenseResponse.self, from: body)
        } catch {
            // A garbled answer is the server's fault, not the key's: treat it like an outage, so the cache may serve.
            throw LicenseServerError.unreachable("\(serverURL)/api/v2/validate answered unreadable JSON: \(error)")
        }
        guard response.valid else { throw LicenseServerError.rejected(status: 200, message: response.message ?? "the license is not valid") }
        return response
    }

    public func keepalive(_ report: KeepaliveReport) async throws {
        _ = try await post("/api/v2/keepalive", KeepaliveBody(product: productName, report: report))
    }

    /// Sends `body` as JSON and returns the answer's body when the status is 2xx.
    private func post(_ path: String, _ body: some Encodable) async throws -> Data {
        let headers = ["Authorization": "Bearer \(key)", "Content-Type": "application/json", "Accept": "application/json"]
        let payload = try JSONEncoder().encode(body)
        let answer: SystemHTTP.Answer
        do {
            answer = try await SystemHTTP.send("POST", serverURL + path, headers: headers, body: payload, timeout: .seconds(10), limit: 1 << 20)
        } catch {
            throw LicenseServerError.unreachable("\(serverURL)\(path): \(error)")
        }
        let status = answer.status
        switch status {
        case 200..<300:
            return answer.body
        // Timeouts and rate limits say nothing about the key; like 5xx they leave the cache in force.
        case 400..<500 where status != 408 && status != 429:
            throw LicenseServerError.rejected(status: status, message: Self.reason(in: answer.body) ?? "HTTP \(status)")
        default:
            throw LicenseServerError.unreachable("\(serverURL)\(path) answered HTTP \(status)")
        }
    }

    /// The server's explanation in an error body: `detail` (or `message`, `error`), with `available_products` for a 403.
    private static func reason(in body: Data) -> String? {
        struct ErrorBody: Decodable {
            var detail: String?
            var message: String?
            var error: String?
            var availableProducts: [String]?

            enum CodingKeys: String, CodingKey {
                case detail, message, error
                case availableProducts = "available_products"
            }
        }
        guard let parsed = try? JSONDecoder().decode(ErrorBody.self, from: body),
              let reason = parsed.detail ?? parsed.message ?? parsed.error
        else { return nil }
        guard let products = parsed.availableProducts, !products.isEmpty else { return reason }
        return "\(reason) (available products: \(products.joined(separator: ", ")))"
    }
}

/// The keepalive body of INTEGRATIONS.md.
private struct KeepaliveBody: Encodable {
    let product: String
    let report: KeepaliveReport

    enum CodingKeys: String, CodingKey {
        case product, hostname, version
        case serverID = "server_id"
        case uptimeSeconds = "uptime_seconds"
        case usageStats = "usage_stats"
        case activeUsers = "active_users"
        case featureUsage = "feature_usage"
    }

    func encode(to encoder: any Encoder) throws {
        var body = encoder.container(keyedBy: CodingKeys.self)
        try body.encode(product, forKey: .product)
        try body.encode(report.serverID, forKey: .serverID)
        try body.encode(report.hostname, forKey: .hostname)
        try body.encode(report.version, forKey: .version)
        try body.encode(report.uptimeSeconds, forKey: .uptimeSeconds)
        var usage = body.nestedContainer(keyedBy: CodingKeys.self, forKey: .usageStats)
        try usage.encode(report.activeUsers, forKey: .activeUsers)
        try usage.encode(report.featureUsage, forKey: .featureUsage)
    }
}
