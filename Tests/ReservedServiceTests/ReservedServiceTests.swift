import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeelClient
import KeelRuntime
import KeelTestSupport
import Logging
import ReservedClient
import ReservedService
import Testing

/// The service of specs/reserved, whose every table, column, type, field, enum value, role, feature and tier is
/// a reserved word of SQL, Swift or TypeScript, migrated and served on each database: CRUD, every filter and every
/// sort, a foreign key's ON DELETE, and the custom endpoint with its reserved path, query and body names.
@Suite(.serialized)
struct ReservedServiceTests {
    static let adminEmail = "admin@reserved.example"
    static let adminPassword = "admin-" + TestSecrets.password

    @Test(arguments: [DatabaseDialect.sqlite, .postgres, .mysql])
    func reservedNamesServeCRUDFiltersAndSort(_ dialect: DatabaseDialect) async throws {
        try await Self.run(dialect) { client in
            let token = try await client.login(Self.adminEmail, Self.adminPassword)

            // `group`: `import` is set, not left to its default: an instant the database makes has microseconds a
            // Double-based Date may not give back exactly. The typed repository takes the Swift names (`self_`, backticked keywords), the JSON the spec's.
            let firstGroup = try await GroupRepository(database: client.database).create(GroupCreate(
                self_: "g-1", enum: .func, import: Date(timeIntervalSince1970: 1_780_000_000.25), func: 1.5, var: 3))
            #expect(firstGroup.self_ == "g-1" && firstGroup.enum == .func && firstGroup.var == 3)
            let secondGroup = try await client.create("/group", ["self": "g-2", "enum": "let", "import": "2026-07-01T00:00:00.5Z", "func": 0.25, "var": 1], token: token)
            #expect(secondGroup["self"] as? String == "g-2")
            #expect(Set(secondGroup.keys) == ["id", "self", "enum", "import", "func", "let", "var"])
            let groupIDs = [Int(firstGroup.id), try #require(secondGroup["id"] as? Int)]
            try await client.expectFiltersAndSorts("/group", rows: groupIDs, filters: ["self", "enum", "import", "func", "let", "var"],
                                                   sorts: ["self", "enum", "import", "func", "let", "var"], token: token)

            // `user` (model Member): `limit`, `offset` and `order` are columns here, and still page the list.
            let firstUser = try await client.create("/user", [
                "key": "k-1", "internal": true, "order": 2, "default": "x", "group": groupIDs[0], "limit": 5, "offset": 7, "select": "where",
            ], token: token)
            let secondUser = try await client.create("/user", ["key": "k-2", "order": 1, "group": groupIDs[1], "limit": 3, "select": "self"], token: token)
            #expect(secondUser["default"] is NSNull && secondUser["internal"] as? Bool == false && secondUser["offset"] as? Int == 0)
            let userIDs = [try #require(firstUser["id"] as? Int), try #require(secondUser["id"] as? Int)]
            try await client.expectFiltersAndSorts("/user", rows: userIDs, filters: ["id", "internal", "order", "key", "group", "select"],
                                                   sorts: ["id", "order", "key", "limit", "offset", "select"], token: token)
            let page = try await client.send(.get, "/api/v1/user?sort=limit&limit=1&offset=1", token: token)
            #expect(page.items.compactMap { $0["key"] as? String } == ["k-1"])
            #expect(page.object["total"] as? Int == 2 && page.object["limit"] as? Int == 1 && page.object["offset"] as? Int == 1)
            #expect(try await client.ids("/user?default=x", token: token) == [userIDs[0]])

            // `order`.
            let firstOrder = try await client.create("/order", [
                "from": "2026-01-02", "where": "here", "return": "12.50", "public": true, "class": "abc", "protocol": "p", "user": userIDs[0],
            ], token: token)
            let secondOrder = try await client.create("/order", ["from": "2026-03-04", "where": "there", "is": false, "return": "7.25", "class": "xyz", "user": userIDs[1]], token: token)
            #expect(firstOrder["is"] as? Bool == true && secondOrder["protocol"] is NSNull)
            let orderIDs = [try #require(firstOrder["id"] as? Int), try #require(secondOrder["id"] as? Int)]
            try await client.expectFiltersAndSorts("/order", rows: orderIDs, filters: ["from", "where", "is", "return", "public", "class", "user"],
                                                   sorts: ["from", "where", "return", "class", "user"], token: token)

            // Update and delete; the foreign keys' ON DELETE acts on the quoted columns.
            let patched = try await client.send(.patch, "/api/v1/user/\(userIDs[0])", json: ["default": NSNull(), "select": "class", "order": 9], token: token)
            #expect(patched.status == .ok)
            #expect(patched.object["default"] is NSNull && patched.object["select"] as? String == "class" && patched.object["order"] as? Int == 9)
            #expect((try await client.send(.patch, "/api/v1/order/\(orderIDs[0])", json: ["class": "NOT-LOWER"], token: token)).fieldErrors == ["class"])
            #expect((try await client.send(.delete, "/api/v1/group/\(groupIDs[1])", token: token)).status == .noContent)
            #expect((try await client.send(.get, "/api/v1/user/\(userIDs[1])", token: token)).object["group"] is NSNull)
            #expect((try await client.send(.delete, "/api/v1/user/\(userIDs[1])", token: token)).status == .noContent)
            #expect(try await client.ids("/order", token: token) == [orderIDs[0]])

            // The custom endpoint: path `self`, query `where`, a body of type `Protocol` with reserved fields.
            let echoed = try await client.send(.post, "/api/v1/protocol/41?where=abc", json: [
                "class": "c", "enum": "let", "type": "any", "default": [try await client.send(.get, "/api/v1/group/\(groupIDs[0])", token: token).object],
            ], token: token)
            #expect(echoed.status == .ok, "\(String(decoding: echoed.body, as: UTF8.self))")
            #expect(echoed.object["self"] as? Int == 41 && echoed.object["class"] as? String == "abc" && echoed.object["type"] as? String == "any")
            #expect(((echoed.object["default"] as? [[String: Any]])?.first?["self"] as? String) == "g-1")

            // The same endpoint through the generated Swift client. The query parameters `body`, `principal` and
            // `service` are `bodyParam`, `principalParam` and `serviceParam` in Swift, and keep their names on the wire.
            let reserved = ReservedClient(baseURL: "http://127.0.0.1:\(try #require(client.client.port))", transport: HTTPClientTransport(),
                                          credentials: .service(token: token))
            let typed = try await reserved.`import`(self_: 42, where: "a", bodyParam: "b", principalParam: "c", serviceParam: "d",
                                                    body: .init(class: "c", enum: .let, default: []))
            #expect(typed.self_ == 42 && typed.`class` == "a,b,c,d" && typed.`default`.isEmpty)
        }
    }

    /// Starts the service on a fresh database of `dialect` and runs `body` against it over HTTP.
    static func run(_ dialect: DatabaseDialect, _ body: @Sendable (Client) async throws -> Void) async throws {
        var environment = TestDatabases.environment(for: try await TestDatabases.fresh(dialect, name: "reserved"))
        environment.merge([
            "PORT": "0", "BCRYPT_COST": "4", "SECRET_KEY": TestSecrets.signingKey, "ADMIN_EMAIL": adminEmail, "ADMIN_PASSWORD": adminPassword,
            "LICENSE_CACHE_PATH": NSTemporaryDirectory() + "keel-license-\(UUID().uuidString).json",
        ]) { _, new in new }
        let server = ReservedService.server(handlers: ReservedHandlers(), migrationsDirectory: ReservedResources.migrationsDirectory)
        let started = try await server.start(environment: environment, logger: Logger(label: "test"))
        do {
            try await started.application.test(.live) { client in
                try await body(Client(client: client, database: started.service.database))
            }
        } catch {
            await started.database.close()
            throw error
        }
        await started.database.close()
    }

    /// A JSON client of the service.
    struct Client: Sendable {
        let client: any TestClientProtocol
        let database: any Database

        struct Reply: Sendable {
            let status: HTTPResponse.Status
            let body: Data

            var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
            var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
            var fieldErrors: [String] { (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
        }

        func send(_ method: HTTPRequest.Method, _ uri: String, json: Any? = nil, token: String? = nil) async throws -> Reply {
            var headers: HTTPFields = [:]
            if let token { headers[.authorization] = "Bearer \(token)" }
            var buffer: ByteBuffer?
            if let json {
                buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
                headers[.contentType] = "application/json"
            }
            return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
                Reply(status: response.status, body: Data(buffer: response.body))
            }
        }

        func login(_ email: String, _ password: String) async throws -> String {
            let reply = try await send(.post, "/api/v1/auth/login", json: ["email": email, "password": password])
            return try #require(reply.object["access_token"] as? String, "login answered \(reply.status)")
        }

        /// POSTs a row and answers it as the service shows it (201 expected).
        func create(_ path: String, _ row: [String: Any], token: String) async throws -> [String: Any] {
            let reply = try await send(.post, "/api/v1" + path, json: row, token: token)
            #expect(reply.status == .created, "\(path): \(String(decoding: reply.body, as: UTF8.self))")
            return reply.object
        }

        /// The ids of a list's rows, in order (200 expected).
        func ids(_ pathAndQuery: String, token: String) async throws -> [Int] {
            let reply = try await send(.get, "/api/v1" + pathAndQuery, token: token)
            #expect(reply.status == .ok, "\(pathAndQuery): \(String(decoding: reply.body, as: UTF8.self))")
            return reply.items.compactMap { $0["id"] as? Int }
        }

        static let flags: Set<String> = ["internal", "is", "public"]

        /// Each filter, given the value the first row shows, finds exactly that row; each sort runs both ways over
        /// `rows` (two rows whose sorted columns all differ).
        func expectFiltersAndSorts(_ path: String, rows: [Int], filters: [String], sorts: [String], token: String) async throws {
            let shown = try await send(.get, "/api/v1\(path)/\(rows[0])", token: token).object
            for column in filters {
                // Foundation reads JSON booleans as numbers: the spec's boolean columns say which are flags.
                let text = Self.flags.contains(column) ? String(shown[column] as? Bool ?? false)
                    : (shown[column] as? String) ?? (shown[column] as? NSNumber)?.stringValue ?? "\(shown[column] ?? "")"
                let value = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
                #expect(try await ids("\(path)?\(column)=\(value)", token: token) == [rows[0]], "\(path)?\(column)=\(text)")
            }
            for column in sorts {
                let ascending = try await ids("\(path)?sort=\(column)", token: token)
                #expect(Set(ascending) == Set(rows), "\(path)?sort=\(column)")
                #expect(try await ids("\(path)?sort=-\(column)", token: token) == ascending.reversed(), "\(path)?sort=-\(column)")
            }
        }
    }
}
