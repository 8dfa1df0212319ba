import Foundation

/// One login account of an `auth: local` service, as `{base}/users` and `{base}/auth/me` show it.
public struct UserAccount: Codable, Sendable, Equatable {
    public let id: Int64
    public let email: String
    public let roles: [String]
    public let isActive: Bool
    public let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, email, roles
        case isActive = "is_active"
        case createdAt = "created_at"
    }

    init(row: DatabaseRow) throws {
        id = try row.decode("id")
        email = try row.decode("email")
        roles = (try row.decode("roles", as: String.self)).split(separator: ",").map(String.init)
        isActive = try row.decode("is_active")
        createdAt = try row.decode("created_at")
    }

    var principal: Principal { Principal(subject: String(id), email: email, roles: roles) }
}
