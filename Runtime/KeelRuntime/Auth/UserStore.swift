import Foundation
import HummingbirdBcrypt

/// The `keel_users` table: accounts, bcrypt hashes and roles. Its SQL is the runtime's own, with `?` marks
/// numbered for PostgreSQL, and unquoted names that no dialect reserves. Hashing runs on its `PasswordHasher`'s
/// threads, never on the request executor.
public struct UserStore: Sendable {
    let database: any Database
    let bcryptCost: UInt8
    private let hasher: PasswordHasher
    /// A hash to verify against when the email is unknown, so a miss costs as long as a wrong password.
    private let decoyHash: String
    /// Told of every change to an account, so this replica's tokens of it follow at once.
    private let tokenStates: TokenStates?

    public init(database: any Database, bcryptCost: UInt8) {
        self.init(database: database, bcryptCost: bcryptCost, tokenStates: nil)
    }

    init(database: any Database, bcryptCost: UInt8, tokenStates: TokenStates?) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.tokenStates = tokenStates
        hasher = PasswordHasher()
        decoyHash = Bcrypt.hash(UUID().uuidString, cost: bcryptCost)
    }

    private static let columns = "id, email, roles, is_active, created_at"

    public func count() async throws -> Int {
        Int(try await database.runtimeQuery("SELECT COUNT(*) FROM keel_users").first?.values.first?.int ?? 0)
    }

    public func find(id: Int64) async throws -> UserAccount? {
        try await database.runtimeQuery("SELECT \(Self.columns) FROM keel_users WHERE id = ?", [.int(id)]).first.map(UserAccount.init(row:))
    }

    /// The account whose password matches, or nil; the time taken does not tell whether the email exists.
    public func authenticate(email: String, password: String) async throws -> UserAccount? {
        let rows = try await database.runtimeQuery("SELECT \(Self.columns), password_hash FROM keel_users WHERE email = ?", [.text(email.lowercased())])
        guard let row = rows.first, let hash = row["password_hash"]?.text else {
            _ = try await hasher.verify(password, hash: decoyHash)
            return nil
        }
        let account = try UserAccount(row: row)
        return try await hasher.verify(password, hash: hash) && account.isActive ? account : nil
    }

    public func list(limit: Int, offset: Int) async throws -> (items: [UserAccount], total: Int) {
        let rows = try await database.runtimeQuery("SELECT \(Self.columns) FROM keel_users ORDER BY id LIMIT ? OFFSET ?", [.int(Int64(limit)), .int(Int64(offset))])
        return (try rows.map(UserAccount.init(row:)), try await count())
    }

    /// Adds an account; with a `rowLimit`, only while fewer accounts than that exist, even against concurrent
    /// creates (nil when the table is full).
    public func create(email: String, password: String, roles: [String], isActive: Bool = true, rowLimit: Int? = nil) async throws -> UserAccount? {
        // Hashed before any transaction starts: bcrypt is slow on purpose, and nothing should wait for it.
        let hash = try await hasher.hash(password, cost: bcryptCost)
        let dialect = database.dialect
        let insert: @Sendable (any DatabaseSession) async throws -> UserAccount = { session in
            _ = try await session.runtimeExecute("INSERT INTO keel_users (email, password_hash, roles, is_active, created_at) VALUES (?, ?, ?, ?, ?)",
                                                 [.text(email.lowercased()), .text(hash), .text(roles.joined(separator: ",")), .bool(isActive), .timestamp(Date())],
                                                 dialect: dialect)
            guard let row = try await session.runtimeQuery("SELECT \(Self.columns) FROM keel_users WHERE email = ?", [.text(email.lowercased())], dialect: dialect).first else {
                throw DatabaseError(.other, "the new user could not be read back")
            }
            return try UserAccount(row: row)
        }
        guard let rowLimit else { return try await database.withSession(insert) }
        return try await database.insert(whileFewerThan: rowLimit, rowsIn: "keel_users", count: "SELECT COUNT(*) FROM keel_users", insert)
    }

    /// Changes what is given; nil when there is no such user.
    public func update(id: Int64, email: String?, password: String?, roles: [String]?, isActive: Bool?) async throws -> UserAccount? {
        defer { tokenStates?.forget(userID: id) }
        if let email {
            _ = try await database.runtimeExecute("UPDATE keel_users SET email = ? WHERE id = ?", [.text(email.lowercased()), .int(id)])
        }
        if let password {
            _ = try await database.runtimeExecute("UPDATE keel_users SET password_hash = ? WHERE id = ?", [.text(try await hasher.hash(password, cost: bcryptCost)), .int(id)])
        }
        if let roles {
            _ = try await database.runtimeExecute("UPDATE keel_users SET roles = ? WHERE id = ?", [.text(roles.joined(separator: ",")), .int(id)])
        }
        if let isActive {
            _ = try await database.runtimeExecute("UPDATE keel_users SET is_active = ? WHERE id = ?", [.bool(isActive), .int(id)])
        }
        return try await find(id: id)
    }

    public func delete(id: Int64) async throws -> Bool {
        defer { tokenStates?.forget(userID: id) }
        return try await database.runtimeExecute("DELETE FROM keel_users WHERE id = ?", [.int(id)]) > 0
    }

    /// Creates the first user from `ADMIN_EMAIL`/`ADMIN_PASSWORD`, with the spec's superuser role, when there is no user yet.
    public func bootstrapAdmin(_ admin: (email: String, password: String)?, role: String) async throws -> Bool {
        guard let admin, try await count() == 0 else { return false }
        _ = try await create(email: admin.email, password: admin.password, roles: [role])
        return true
    }
}
