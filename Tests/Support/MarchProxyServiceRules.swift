import KeelRuntime

/// The api-server's service schema (`api-server/app/schemas/service.py`, per INTEGRATIONS.md): the rule of
/// every field, and the defaults a created service gets.
public struct MarchProxyServiceRules {
    /// Every field of the schema; pydantic ignores any other.
    public static let fields: Set<String> = [
        "name", "ip_fqdn", "port", "cluster_id", "protocol", "auth_type", "collection", "tls_enabled", "tls_verify",
        "health_check_enabled", "health_check_path", "health_check_interval", "jwt_expiry", "jwt_algorithm", "is_active",
    ]

    static let defaults: [String: JSONValue] = [
        "protocol": "tcp", "auth_type": "none", "tls_enabled": false, "tls_verify": true, "health_check_enabled": false,
        "health_check_interval": 30, "jwt_expiry": 3600, "jwt_algorithm": "HS256", "collection": .null, "health_check_path": .null,
    ]

    public private(set) var errors: [(field: String, message: String)] = []

    /// Checks the fields present; on create, also that the required ones are.
    public init(body: [String: JSONValue], creating: Bool) {
        if creating {
            for field in ["name", "ip_fqdn", "port", "cluster_id"] where body[field] == nil {
                errors.append((field, "Field required"))
            }
        }
        for (field, value) in body.sorted(by: { $0.key < $1.key }) {
            if let message = Self.check(field, value) { errors.append((field, message)) }
        }
    }

    private static func check(_ field: String, _ value: JSONValue) -> String? {
        switch field {
        case "name": text(value, 1...100)
        case "ip_fqdn": text(value, 1...255)
        case "collection": value == .null ? nil : text(value, 0...100)
        case "health_check_path", "jwt_algorithm": value == .null || value.isString ? nil : "Input should be a valid string"
        case "port": integer(value, 1...65535)
        case "cluster_id": integer(value, Int64.min...Int64.max)
        case "health_check_interval": integer(value, 5...Int64.max)
        case "jwt_expiry": integer(value, 300...Int64.max)
        case "protocol": choice(value, ["tcp", "udp", "http", "https"])
        case "auth_type": choice(value, ["none", "base64", "jwt"])
        case "tls_enabled", "tls_verify", "health_check_enabled", "is_active":
            if case .bool = value { nil } else { "Input should be a valid boolean" }
        default: nil // pydantic ignores extra fields
        }
    }

    private static func text(_ value: JSONValue, _ length: ClosedRange<Int>) -> String? {
        guard case .string(let text) = value else { return "Input should be a valid string" }
        if text.count < length.lowerBound { return "String should have at least \(length.lowerBound) character" }
        if text.count > length.upperBound { return "String should have at most \(length.upperBound) characters" }
        return nil
    }

    private static func integer(_ value: JSONValue, _ range: ClosedRange<Int64>) -> String? {
        guard case .integer(let number) = value else { return "Input should be a valid integer" }
        if number < range.lowerBound { return "Input should be greater than or equal to \(range.lowerBound)" }
        if number > range.upperBound { return "Input should be less than or equal to \(range.upperBound)" }
        return nil
    }

    private static func choice(_ value: JSONValue, _ allowed: [String]) -> String? {
        guard case .string(let text) = value, allowed.contains(text) else {
            return "Input should be " + allowed.map { "'\($0)'" }.joined(separator: ", ")
        }
        return nil
    }
}

private extension JSONValue {
    var isString: Bool { if case .string = self { true } else { false } }
}
