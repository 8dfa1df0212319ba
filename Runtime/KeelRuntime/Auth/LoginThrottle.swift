import Foundation

/// Failed logins, counted in `keel_login_failures` so every replica sees the same count. An account (the email
/// sent, lower-cased, whether or not it exists: refusing only known ones would tell which exist) with
/// `perAccount` failures within the window, or a client address with `perAddress`, is refused before its
/// password is checked.
///
/// An attempt writes its rows before the password is checked, and deletes them when the password is right, so
/// attempts at the same time count each other: one goes on only while the rows, its own included, are within
/// the limit, and a refused one deletes its rows. So no more than the limit ever go on; of many at the same
/// time, fewer may.
struct LoginThrottle: Sendable {
    /// A refused attempt: which subject reached which limit, and the seconds until one of its failures stops counting.
    struct Refusal: Error {
        let subject: String
        let limit: Int
        let retryAfter: Int

        var byAddress: Bool { subject.hasPrefix("address:") }
    }

    /// An attempt that may go on to the password check, known by its rows.
    struct Attempt: Sendable {
        let id: String
        let account: String
    }

    let database: any Database
    let limits: LoginLimits
    let recent = RecentRefusals()

    /// Records the attempt as a failure until `succeeded`; throws `Refusal` when a limit is reached.
    func begin(email: String, address: String, now: Date = Date()) async throws -> Attempt {
        let account = "account:" + email.lowercased(), client = "address:" + address
        let at = Self.milliseconds(now)
        let cutoff = at - Self.milliseconds(limits.window)
        if let refusal = recent.refusal(of: [account, client], at: at) { throw refusal }
        // Checked before writing anything: a storm against a full account costs at most one read a request.
        do {
            try refuse(try await failures(account, client, after: cutoff), now: at, ownIncluded: false)
        } catch let refusal as Refusal {
            recent.remember(refusal, at: at)
            throw refusal
        }
        let id = UUID().uuidString.lowercased()
        try await execute("DELETE FROM keel_login_failures WHERE failed_at <= ?", [.int(cutoff)])
        try await execute("INSERT INTO keel_login_failures (attempt, subject, failed_at) VALUES (?, ?, ?), (?, ?, ?)",
                          [.text(id), .text(account), .int(at), .text(id), .text(client), .int(at)])
        do {
            try refuse(try await failures(account, client, after: cutoff), now: at, ownIncluded: true)
        } catch {
            try await execute("DELETE FROM keel_login_failures WHERE attempt = ?", [.text(id)])
            throw error
        }
        return Attempt(id: id, account: account)
    }

    /// The password was right: the attempt was no failure, and the account's earlier failures are forgiven
    /// (the address's are not, or one account of its own would let an address try forever).
    func succeeded(_ attempt: Attempt) async throws {
        try await execute("DELETE FROM keel_login_failures WHERE attempt = ? OR subject = ?", [.text(attempt.id), .text(attempt.account)])
    }

    private struct Count {
        let failures: Int
        let oldest: Int64
    }

    /// Failures (and attempts under way) after `cutoff`, per subject.
    private func failures(_ account: String, _ client: String, after cutoff: Int64) async throws -> [String: Count] {
        let sql = "SELECT subject, COUNT(*) AS failures, MIN(failed_at) AS oldest FROM keel_login_failures WHERE subject IN (?, ?) AND failed_at > ? GROUP BY subject"
        let rows = try await database.read(RuntimeSQL.numbered(sql, for: database.dialect), [.text(account), .text(client), .int(cutoff)])
        var counts: [String: Count] = [:]
        for row in rows {
            guard let subject = row["subject"]?.text else { continue }
            counts[subject] = Count(failures: Int(row["failures"]?.int ?? 0), oldest: row["oldest"]?.int ?? 0)
        }
        return counts
    }

    /// Throws the refusal with the longer wait when either subject has reached its limit (passed it, when the
    /// counts include this attempt's own rows).
    private func refuse(_ counts: [String: Count], now: Int64, ownIncluded: Bool) throws {
        let window = Self.milliseconds(limits.window)
        var refusal: Refusal?
        for (subject, count) in counts {
            let limit = subject.hasPrefix("address:") ? limits.perAddress : limits.perAccount
            guard count.failures >= limit + (ownIncluded ? 1 : 0) else { continue }
            // When the oldest failure leaves the window, one more attempt may count.
            let wait = max(1, Int((count.oldest + window - now + 999) / 1000))
            if wait > refusal?.retryAfter ?? 0 { refusal = Refusal(subject: subject, limit: limit, retryAfter: wait) }
        }
        if let refusal { throw refusal }
    }

    private func execute(_ sql: String, _ binds: [DatabaseValue]) async throws {
        _ = try await database.runtimeExecute(sql, binds)
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
