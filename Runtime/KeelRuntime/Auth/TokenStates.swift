import Crypto
import Foundation
import Synchronization

/// What a replica knows of the account behind each token (`auth: local`), and whether the token was revoked by
/// a logout. Read from the database at most once per token per `lifetime` (`AUTH_STATE_SECONDS`), so an admin's
/// change or a logout on another replica takes effect within it; on this replica, at once.
final class TokenStates: Sendable {
    enum State: Sendable {
        case active(Principal)
        case revoked
        /// Disabled or deleted.
        case closed
    }

    private struct Entry {
        let userID: String
        let state: State
        let checked: ContinuousClock.Instant
    }

    private struct Entries {
        var byToken: [String: Entry] = [:]
        /// Bumped by every local change, so a read that started before one does not store what it read.
        var generation = 0
    }

    /// Past this many tokens, the stale ones are dropped when one is added.
    private static let pruneAbove = 10_000

    let database: any Database
    let lifetime: Duration
    private let entries = Mutex(Entries())

    init(database: any Database, lifetime: Duration) {
        self.database = database
        self.lifetime = lifetime
    }

    /// The account's current principal for a verified token; 401 when it was revoked or its account is
    /// disabled or gone.
    func principal(for token: String, claimed: Principal) async throws -> Principal {
        let digest = Self.digest(token)
        let now = ContinuousClock.now
        let (cached, generation) = entries.withLock { ($0.byToken[digest], $0.generation) }
        var state = cached?.state
        if cached.map({ now - $0.checked >= lifetime }) ?? true {
            let read = try await read(userID: claimed.subject, digest: digest)
            store(Entry(userID: claimed.subject, state: read, checked: now), for: digest, ifStill: generation)
            state = read
        }
        switch state {
        case .active(let principal)?: return principal
        case .revoked?: throw APIError(.unauthorized, code: "UNAUTHORIZED", detail: "The bearer token was revoked by a logout")
        case .closed?, nil: throw APIError(.unauthorized, code: "UNAUTHORIZED", detail: "The token's account is disabled or no longer exists")
        }
    }

    /// The account changed (roles, state, email) or is gone: its tokens are read again on their next request.
    func forget(userID: Int64) {
        let id = String(userID)
        entries.withLock { entries in
            entries.byToken = entries.byToken.filter { $0.value.userID != id }
            entries.generation += 1
        }
    }

    /// Revokes the token until it expires: its digest (never the token) is stored for every replica to see.
    func revoke(_ token: String, userID: String, expiresAt: Date) async throws {
        let digest = Self.digest(token)
        let now = Int64(Date().timeIntervalSince1970)
        _ = try await database.runtimeExecute("DELETE FROM keel_revoked_tokens WHERE expires_at < ?", [.int(now)])
        do {
            _ = try await database.runtimeExecute("INSERT INTO keel_revoked_tokens (token_digest, expires_at) VALUES (?, ?)",
                                                  [.text(digest), .int(Int64(expiresAt.timeIntervalSince1970.rounded(.up)))])
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            // A logout of the same token at the same time stored it first.
        }
        entries.withLock { entries in
            entries.byToken[digest] = Entry(userID: userID, state: .revoked, checked: .now)
            entries.generation += 1
        }
    }

    private func read(userID: String, digest: String) async throws -> State {
        guard let id = Int64(userID) else { return .closed }
        let sql = "SELECT email, roles, is_active, (SELECT COUNT(*) FROM keel_revoked_tokens WHERE token_digest = ?) AS revoked FROM keel_users WHERE id = ?"
        guard let row = try await database.read(RuntimeSQL.numbered(sql, for: database.dialect), [.text(digest), .int(id)]).first else {
            return .closed
        }
        if (row["revoked"]?.int ?? 0) > 0 { return .revoked }
        guard try row.decode("is_active", as: Bool.self) else { return .closed }
        let roles = try row.decode("roles", as: String.self).split(separator: ",").map(String.init)
        return .active(Principal(subject: userID, email: try row.decode("email", as: String.self), roles: roles))
    }

    private func store(_ entry: Entry, for digest: String, ifStill generation: Int) {
        entries.withLock { entries in
            guard entries.generation == generation else { return }
            if entries.byToken.count >= Self.pruneAbove {
                let now = ContinuousClock.now
                entries.byToken = entries.byToken.filter { now - $0.value.checked < lifetime }
            }
            entries.byToken[digest] = entry
        }
    }

    /// SHA-256 of the token in lower-case hex.
    static func digest(_ token: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
