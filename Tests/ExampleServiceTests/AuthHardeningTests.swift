import ExampleService
import Foundation
import HTTPTypes
import KeelRuntime
import Testing

/// `auth: local` under attack and after an admin's change: failed logins are throttled per account and per
/// address in the database (so replicas share the count), bcrypt leaves other requests alone, and tokens follow
/// their account and die at logout.
@Suite(.serialized)
struct AuthHardeningTests {
    static let wrong = "wrong-password"

    @Test(arguments: DatabaseDialect.allCases)
    func failedLoginsAreThrottledPerAccount(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_auth_throttle")
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()
            _ = try await client.user("other@shop.example", roles: ["viewer"], admin: admin)
            for _ in 0..<5 {
                #expect(try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": Self.wrong]).code == "INVALID_CREDENTIALS")
            }
            // Throttled before the password is checked: the right one is refused too.
            let refused = try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail.uppercased(), "password": ShopHarness.adminPassword])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.code == "TOO_MANY_ATTEMPTS")
            #expect(refused.object["status_code"] as? Int == 429)
            #expect((refused.object["trace_id"] as? String)?.isEmpty == false)
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect((890...900).contains(retryAfter))
            Self.expectRateLimitHeaders(refused, limit: 5)
            // Refused again from the replica's memory of the refusal, with the same headers.
            Self.expectRateLimitHeaders(try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": Self.wrong]), limit: 5)
            #expect(try await Self.failures(in: client.service.database, subject: "account:" + ShopHarness.adminEmail) == 5)
            // Another account from the same address still logs in, and its success leaves the address's count alone.
            _ = try await client.login("other@shop.example", "password-123")
            #expect(try await Self.failures(in: client.service.database, subject: "address:127.0.0.1") == 5)
            // An unknown email is counted the same way, so a refusal does not tell whether the account exists.
            for _ in 0..<5 {
                #expect(try await client.send(.post, "/api/v1/auth/login", json: ["email": "nobody@shop.example", "password": Self.wrong]).status == .unauthorized)
            }
            #expect(try await client.send(.post, "/api/v1/auth/login", json: ["email": "nobody@shop.example", "password": Self.wrong]).status == .tooManyRequests)
        }
    }

    /// A refusal carries the headers of every other 429: the limit reached, none left, and its wait as the reset.
    static func expectRateLimitHeaders(_ refused: ShopHarness.Client.Reply, limit: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(refused.status == .tooManyRequests, sourceLocation: sourceLocation)
        #expect(refused.headers[HTTPField.Name("RateLimit-Limit")!] == String(limit), sourceLocation: sourceLocation)
        #expect(refused.headers[HTTPField.Name("RateLimit-Remaining")!] == "0", sourceLocation: sourceLocation)
        #expect(refused.headers[HTTPField.Name("RateLimit-Reset")!] != nil, sourceLocation: sourceLocation)
        #expect(refused.headers[HTTPField.Name("RateLimit-Reset")!] == refused.headers[.retryAfter], sourceLocation: sourceLocation)
    }

    /// Failures older than the window stop counting, and a right password forgives the account's failures.
    @Test func theWindowSlidesAndASuccessClearsTheAccount() async throws {
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_auth_window", extra: ["LOGIN_FAILURE_WINDOW_SECONDS": "2"])
        try await ShopHarness.run(environment) { client in
            for _ in 0..<4 { _ = try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": Self.wrong]) }
            _ = try await client.login()
            #expect(try await Self.failures(in: client.service.database, subject: "account:" + ShopHarness.adminEmail) == 0)
            for _ in 0..<5 { _ = try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": Self.wrong]) }
            let refused = try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": ShopHarness.adminPassword])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "2" || refused.headers[.retryAfter] == "1")
            try await Task.sleep(for: .milliseconds(2100))
            _ = try await client.login()
        }
    }

    /// Two replicas on one database count the same failures.
    @Test(arguments: DatabaseDialect.allCases)
    func replicasShareTheCount(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_auth_replicas")
        try await Self.replicas(environment, environment) { first, second async throws in
                for client in [first, second, first, second, first] {
                    #expect(try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": Self.wrong]).status == .unauthorized)
                }
                #expect(try await second.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": ShopHarness.adminPassword]).status == .tooManyRequests)
                #expect(try await first.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": ShopHarness.adminPassword]).status == .tooManyRequests)
        }
    }

    /// Logins sent at the same time cannot pass the limit together: each counts the others' rows.
    @Test(arguments: DatabaseDialect.allCases)
    func concurrentFailuresStopAtTheLimit(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_auth_burst")
        try await ShopHarness.run(environment, testing: .ahc()) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": Self.wrong]).status }
                }
                return try await group.reduce(into: [HTTPResponse.Status: Int]()) { $0[$1, default: 0] += 1 }
            }
            #expect((statuses[.unauthorized] ?? 0) <= 5)
            #expect((statuses[.unauthorized] ?? 0) + (statuses[.tooManyRequests] ?? 0) == 20)
            #expect(try await Self.failures(in: client.service.database, subject: "account:" + ShopHarness.adminEmail) <= 5)
        }
    }

    /// Per address: the peer, or behind the gateway the last `X-Forwarded-For` entry (the one the gateway added).
    @Test func failuresAreCountedPerClientAddress() async throws {
        let trusted = try await ShopHarness.environment(.sqlite, name: "shop_auth_address",
                                                        extra: ["LOGIN_MAX_FAILURES_PER_ADDRESS": "3", "TRUST_FORWARDED_FOR": "true"])
        try await ShopHarness.run(trusted) { client in
            func attempt(_ email: String, from forwarded: String) async throws -> ShopHarness.Client.Reply {
                try await client.send(.post, "/api/v1/auth/login", json: ["email": email, "password": Self.wrong], headers: [HTTPField.Name("X-Forwarded-For")!: forwarded])
            }
            for index in 0..<3 {
                #expect(try await attempt("user\(index)@shop.example", from: "10.9.9.9, 203.0.113.7").status == .unauthorized)
            }
            // A spoofed first entry changes nothing: the last one is the gateway's.
            let refused = try await attempt("fresh@shop.example", from: "198.51.100.1, 203.0.113.7")
            #expect(refused.status == .tooManyRequests)
            #expect((refused.object["detail"] as? String)?.contains("address") == true)
            #expect(try await attempt("fresh@shop.example", from: "203.0.113.8").status == .unauthorized)
        }
        // Not behind the gateway: the header is the client's word and is ignored; the peer is counted.
        let direct = try await ShopHarness.environment(.sqlite, name: "shop_auth_peer", extra: ["LOGIN_MAX_FAILURES_PER_ADDRESS": "3"])
        try await ShopHarness.run(direct) { client in
            for index in 0..<3 {
                let reply = try await client.send(.post, "/api/v1/auth/login", json: ["email": "user\(index)@shop.example", "password": Self.wrong],
                                                  headers: [HTTPField.Name("X-Forwarded-For")!: "203.0.113.\(index)"])
                #expect(reply.status == .unauthorized)
            }
            let refused = try await client.send(.post, "/api/v1/auth/login", json: ["email": "fresh@shop.example", "password": Self.wrong],
                                                headers: [HTTPField.Name("X-Forwarded-For")!: "203.0.113.99"])
            #expect(refused.status == .tooManyRequests)
            #expect(try await Self.failures(in: client.service.database, subject: "address:127.0.0.1") == 3)
        }
    }

    /// An unknown email costs the same statements and the same bcrypt as a wrong password (cost 10 here, so
    /// a missing hash would be some hundred times faster).
    @Test func anUnknownEmailTakesAsLongAsAWrongPassword() async throws {
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_auth_timing", extra: [
            "BCRYPT_COST": "10", "LOGIN_MAX_FAILURES_PER_ACCOUNT": "1000", "LOGIN_MAX_FAILURES_PER_ADDRESS": "1000",
        ])
        try await ShopHarness.run(environment) { client in
            func seconds(_ email: String) async throws -> Double {
                let started = ContinuousClock.now
                #expect(try await client.send(.post, "/api/v1/auth/login", json: ["email": email, "password": Self.wrong]).status == .unauthorized)
                let elapsed = ContinuousClock.now - started
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
            var known: [Double] = [], unknown: [Double] = []
            for _ in 0..<9 {
                known.append(try await seconds(ShopHarness.adminEmail))
                unknown.append(try await seconds("nobody@shop.example"))
            }
            let ratio = unknown.sorted()[4] / known.sorted()[4]
            #expect((0.67...1.5).contains(ratio), "median unknown / wrong password = \(ratio)")
        }
    }

    /// bcrypt runs off the request executor: during a burst of logins, a request that needs no hashing is answered
    /// in a fraction of one hash's time.
    @Test func aLoginBurstLeavesOtherRequestsAlone() async throws {
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_auth_burst_latency", extra: [
            "BCRYPT_COST": "12", "LOGIN_MAX_FAILURES_PER_ACCOUNT": "1000", "LOGIN_MAX_FAILURES_PER_ADDRESS": "1000",
        ])
        try await ShopHarness.run(environment, testing: .ahc()) { client in
            let started = ContinuousClock.now
            #expect(try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": Self.wrong]).status == .unauthorized)
            let oneLogin = ContinuousClock.now - started
            let burst = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<8 {
                        group.addTask { _ = try await client.send(.post, "/api/v1/auth/login", json: ["email": ShopHarness.adminEmail, "password": Self.wrong]) }
                    }
                    try await group.waitForAll()
                }
            }
            try await Task.sleep(for: .milliseconds(100))
            // For two logins' time, while the burst runs: run on the request executor, its hashes held every GET.
            var times: [Duration] = []
            let measuring = ContinuousClock.now
            repeat {
                let sent = ContinuousClock.now
                #expect(try await client.send(.get, "/api/v1/license").status == .ok)
                times.append(ContinuousClock.now - sent)
            } while ContinuousClock.now - measuring < oneLogin * 2
            try await burst.value
            #expect(times.sorted()[times.count / 2] < oneLogin / 4, "GETs during the burst: \(times); one login \(oneLogin)")
        }
    }

    /// Disabling, deleting or changing the roles of an account acts on its tokens at once on the replica that
    /// made the change.
    @Test(arguments: DatabaseDialect.allCases)
    func tokensFollowTheirAccount(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_auth_follow")
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()
            let maintainer = try await client.user("maint@shop.example", roles: ["maintainer"], admin: admin)
            let viewer = try await client.user("viewer@shop.example", roles: ["viewer"], admin: admin)
            let product: [String: Any] = ["sku": "F-1", "name": "File", "price_cents": 100, "title": "File"]
            #expect(try await client.send(.post, "/api/v1/products", json: product, token: maintainer).status == .created)
            let ids = try await Self.userIDs(client, admin: admin)

            // Roles: the account's current ones, not those at login, both ways.
            _ = try await client.send(.patch, "/api/v1/users/\(ids["maint@shop.example"]!)", json: ["roles": ["viewer"]], token: admin)
            #expect(try await client.send(.post, "/api/v1/products", json: ["sku": "F-2", "name": "File", "price_cents": 100, "title": "File"], token: maintainer).status == .forbidden)
            _ = try await client.send(.patch, "/api/v1/users/\(ids["viewer@shop.example"]!)", json: ["roles": ["maintainer"]], token: admin)
            #expect(try await client.send(.post, "/api/v1/products", json: ["sku": "F-3", "name": "File", "price_cents": 100, "title": "File"], token: viewer).status == .created)

            // Disabled, then enabled again.
            _ = try await client.send(.patch, "/api/v1/users/\(ids["viewer@shop.example"]!)", json: ["is_active": false], token: admin)
            let disabled = try await client.send(.get, "/api/v1/products", token: viewer)
            #expect(disabled.status == .unauthorized)
            #expect(disabled.code == "UNAUTHORIZED")
            #expect(try await client.send(.get, "/api/v1/auth/me", token: viewer).status == .unauthorized)
            _ = try await client.send(.patch, "/api/v1/users/\(ids["viewer@shop.example"]!)", json: ["is_active": true], token: admin)
            #expect(try await client.send(.get, "/api/v1/products", token: viewer).status == .ok)

            // Deleted.
            #expect(try await client.send(.delete, "/api/v1/users/\(ids["maint@shop.example"]!)", token: admin).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/products", token: maintainer).status == .unauthorized)
        }
    }

    /// Another replica sees the change within `AUTH_STATE_SECONDS`.
    @Test(arguments: DatabaseDialect.allCases)
    func otherReplicasFollowWithinTheBound(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_auth_bound")
        let lagging = environment.merging(["AUTH_STATE_SECONDS": "1"]) { _, new in new }
        try await Self.replicas(environment, lagging) { first, second in
                let admin = try await first.login()
                let viewer = try await first.user("viewer@shop.example", roles: ["viewer"], admin: admin)
                let other = try await first.login("viewer@shop.example", "password-123")
                #expect(try await second.send(.get, "/api/v1/products", token: viewer).status == .ok)
                let id = try #require(try await Self.userIDs(first, admin: admin)["viewer@shop.example"])
                _ = try await first.send(.patch, "/api/v1/users/\(id)", json: ["is_active": false], token: admin)
                try await Task.sleep(for: .milliseconds(1100))
                #expect(try await second.send(.get, "/api/v1/products", token: viewer).status == .unauthorized)
                _ = try await first.send(.patch, "/api/v1/users/\(id)", json: ["is_active": true], token: admin)

                // A logout on the first replica reaches the second within the bound.
                #expect(try await second.send(.get, "/api/v1/products", token: other).status == .ok)
                #expect(try await first.send(.post, "/api/v1/auth/logout", token: other).status == .noContent)
                try await Task.sleep(for: .milliseconds(1100))
                #expect(try await second.send(.get, "/api/v1/products", token: other).status == .unauthorized)
                #expect(try await second.send(.get, "/api/v1/products", token: viewer).status == .ok)
        }
    }

    @Test(arguments: DatabaseDialect.allCases)
    func logoutRevokesTheTokenUsed(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_auth_logout")
        try await ShopHarness.run(environment) { client in
            let first = try await client.login()
            let second = try await client.login()
            #expect(first != second)
            let logout = try await client.send(.post, "/api/v1/auth/logout", token: first)
            #expect(logout.status == .noContent)
            #expect(logout.body.isEmpty)
            let revoked = try await client.send(.get, "/api/v1/auth/me", token: first)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.code == "UNAUTHORIZED")
            #expect(try await client.send(.post, "/api/v1/auth/logout", token: first).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/auth/me", token: second).status == .ok)
            #expect(try await client.send(.post, "/api/v1/auth/logout").code == "UNAUTHORIZED")
            // The digest is stored, never the token.
            let stored = try await client.service.database.query("SELECT token_digest FROM keel_revoked_tokens").compactMap { $0["token_digest"]?.text }
            #expect(stored.count == 1)
            #expect(stored.first?.count == 64)
            #expect(stored.first.map { first.contains($0) } == false)
        }
    }

    @Test func badSettingsStopStartUpNamingTheVariable() throws {
        for (name, value) in [("AUTH_STATE_SECONDS", "61"), ("LOGIN_MAX_FAILURES_PER_ACCOUNT", "0"), ("LOGIN_FAILURE_WINDOW_SECONDS", "soon"), ("TRUST_FORWARDED_FOR", "maybe")] {
            do {
                _ = try AuthSettings(mode: .local, environment: [name: value], releaseMode: false)
                Issue.record("\(name)=\(value) was accepted")
            } catch {
                #expect("\(error)".hasPrefix("\(name)=\(value) is not valid"))
            }
        }
    }

    /// Two replicas of the service on one database.
    static func replicas(_ first: [String: String], _ second: [String: String],
                         _ body: @escaping @Sendable (ShopHarness.Client, ShopHarness.Client) async throws -> Void) async throws {
        try await ShopHarness.run(first) { one in
            try await ShopHarness.run(second) { two in try await body(one, two) }
        }
    }

    static func failures(in database: any Database, subject: String) async throws -> Int {
        let placeholder = database.dialect == .postgres ? "$1" : "?"
        let rows = try await database.query("SELECT COUNT(*) AS n FROM keel_login_failures WHERE subject = \(placeholder)", [.text(subject)])
        return Int(rows.first?["n"]?.int ?? -1)
    }

    static func userIDs(_ client: ShopHarness.Client, admin: String) async throws -> [String: Int] {
        let page = try await client.send(.get, "/api/v1/users", token: admin)
        return Dictionary(uniqueKeysWithValues: page.items.compactMap { item in
            (item["email"] as? String).flatMap { email in (item["id"] as? Int).map { (email, $0) } }
        })
    }
}
