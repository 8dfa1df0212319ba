import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KeelRuntime
import KeelTestSupport
import Testing

/// `keel marchproxy push` against a fake api-server that follows INTEGRATIONS.md: create, no-op, update,
/// dry run, and a server that refuses part way.
struct MarchProxyPushTests {
    static let exampleConfig = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../specs/example/keel.yaml").standardizedFileURL.path
    static let credentials = ["MARCHPROXY_USER": "admin", "MARCHPROXY_PASSWORD": "proxy-password"]

    func push(_ server: FakeMarchProxy, cluster: Int = 1, _ extra: [String] = [], environment: [String: String] = credentials) async throws -> CLITests.Run {
        try await CLITests.keel(["marchproxy", "push", "--config", Self.exampleConfig, "--api", server.url, "--cluster-id", String(cluster)] + extra,
                          in: NSTemporaryDirectory(), environment: environment)
    }

    /// The service fields of the example's generated `services.json`, by name.
    static func generatedServices() throws -> [String: [String: JSONValue]] {
        let path = URL(fileURLWithPath: exampleConfig).deletingLastPathComponent().appendingPathComponent("generated/marchproxy/services.json")
        let file = try JSONDecoder().decode([String: JSONValue].self, from: Data(contentsOf: path))
        guard case .array(let services)? = file["services"] else { return [:] }
        return Dictionary(uniqueKeysWithValues: services.compactMap { service -> (String, [String: JSONValue])? in
            guard case .object(let fields) = service, case .string(let name)? = fields["name"] else { return nil }
            return (name, fields)
        })
    }

    /// Every generated service passes the api-server's rules field by field, and names no field the server would
    /// silently ignore; every mapping uses what the manager API accepts.
    @Test func exampleFilesFollowTheServersRules() throws {
        let services = try Self.generatedServices()
        #expect(services.count == 3)
        for (name, fields) in services {
            #expect(Set(fields.keys).isSubset(of: MarchProxyServiceRules.fields), "\(name): \(fields.keys.sorted())")
            let rules = MarchProxyServiceRules(body: fields.merging(["cluster_id": 1]) { own, _ in own }, creating: true)
            #expect(rules.errors.isEmpty, "\(name): \(rules.errors)")
        }
        let path = URL(fileURLWithPath: Self.exampleConfig).deletingLastPathComponent().appendingPathComponent("generated/marchproxy/mappings.json")
        let file = try JSONDecoder().decode([String: JSONValue].self, from: Data(contentsOf: path))
        guard case .array(let mappings)? = file["mappings"] else { Issue.record("no mappings"); return }
        #expect(mappings.count == 3)
        for case .object(let mapping) in mappings {
            #expect(["tcp", "udp", "icmp", "http", "https"].contains(mapping["protocol"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? ""))
            guard case .integer(let port)? = mapping["listen_port"] else { Issue.record("no listen_port"); continue }
            #expect((1...65535).contains(port))
            guard case .array(let destinations)? = mapping["dest_services"] else { Issue.record("no dest_services"); continue }
            for destination in destinations {
                guard case .string(let name) = destination else { continue }
                #expect(services[name] != nil, "mapping to \(name), which services.json lacks")
            }
        }
    }

    /// The gateway takes a stopping replica out during its drain delay: the service is checked on `/readyz` (503 from
    /// SIGTERM on; `/healthz` stays 200) every 5 s, the shortest interval the api-server accepts.
    @Test func theServiceIsCheckedForReadinessAsOftenAsMarchProxyAllows() throws {
        let api = try #require(try Self.generatedServices()["shop-api"])
        #expect(api["health_check_enabled"] == .bool(true))
        #expect(api["health_check_path"] == .string("/readyz"))
        #expect(api["health_check_interval"] == .integer(5))
        #expect(!MarchProxyServiceRules(body: ["health_check_interval": .integer(4)], creating: false).errors.isEmpty)
    }

    @Test func createsThenChangesNothingThenUpdatesWhatDiffers() async throws {
        let server = try await FakeMarchProxy.start(user: "admin", password: "proxy-password", clusters: [1])
        defer { Task { await server.stop() } }

        let first = try await push(server)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("MarchProxy cluster 1: 3 of 3 services to change"))
        #expect(first.stdout.contains("  create shop-api (http shop-api:8080)"))
        #expect(first.stdout.contains("mappings not pushed (external-api, external-webui, api-worker)"))
        #expect(first.stdout.contains("keel: 3 services changed, 0 unchanged"))
        let wanted = try Self.generatedServices()
        let held = server.services(cluster: 1)
        #expect(Set(held.keys) == ["shop-api", "shop-webui", "shop-worker"])
        for (name, fields) in wanted {
            for (field, value) in fields {
                #expect(held[name]?[field] == value, "\(name).\(field)")
            }
        }

        let writes = server.writes
        let second = try await push(server)
        #expect(second.status == 0)
        #expect(second.stdout.contains("MarchProxy cluster 1: 0 of 3 services to change"))
        #expect(second.stdout.contains("  unchanged shop-worker"))
        #expect(server.writes == writes)

        // Someone changed the web UI's port and health check by hand: the push puts back only those fields.
        let webui = try #require(held["shop-webui"])
        guard case .integer(let id)? = webui["id"] else { Issue.record("no id"); return }
        try server.seed(cluster: 1, ["name": "shop-other", "ip_fqdn": "other", "port": 1])
        try await Self.patch(server, id: Int(id), ["port": 8081, "health_check_enabled": false])
        let dryRun = try await push(server, ["--dry-run"])
        #expect(dryRun.stdout.contains("  update shop-webui (id \(id)): port 8081 -> 80, health_check_enabled false -> true"))
        #expect(dryRun.stdout.contains("dry run: nothing was changed"))
        #expect(server.services(cluster: 1)["shop-webui"]?["port"] == 8081)

        let third = try await push(server)
        #expect(third.status == 0)
        #expect(third.stdout.contains("updated shop-webui"))
        #expect(third.stdout.contains("keel: 1 service changed, 2 unchanged"))
        #expect(server.services(cluster: 1)["shop-webui"]?["port"] == 80)
        #expect(server.services(cluster: 1)["shop-other"] != nil, "services the spec does not name are left alone")
    }

    @Test func aRefusalSaysWhatWasAndWasNotApplied() async throws {
        let server = try await FakeMarchProxy.start(user: "admin", password: "proxy-password", clusters: [1, 2])
        defer { Task { await server.stop() } }
        // Names are unique across clusters: another cluster already has the worker.
        try server.seed(cluster: 2, ["name": "shop-worker", "ip_fqdn": "worker", "port": 9090])

        let run = try await push(server)
        #expect(run.status == 1)
        #expect(run.stderr.contains("keel: error: MarchProxy refused to create shop-worker: 400 Service name 'shop-worker' already exists"))
        #expect(run.stderr.contains("keel: applied 2 of 3 changes; not applied: create shop-worker (tcp worker:9090)"))
        #expect(run.stdout.contains("created shop-api (id"))
        #expect(!run.stdout.contains("services changed"))
        #expect(Set(server.services(cluster: 1).keys) == ["shop-api", "shop-webui"])
    }

    @Test func badCredentialsAndMissingSettingsAreNamed() async throws {
        let server = try await FakeMarchProxy.start(user: "admin", password: "proxy-password", clusters: [1])
        defer { Task { await server.stop() } }
        let wrong = try await push(server, environment: ["MARCHPROXY_USER": "admin", "MARCHPROXY_PASSWORD": "nope"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("keel: error: MarchProxy refused to log in as MARCHPROXY_USER 'admin': 401 Incorrect username or password"))
        let missingCluster = try await push(server, cluster: 7)
        #expect(missingCluster.status == 1)
        #expect(missingCluster.stderr.contains("MarchProxy refused to create shop-api: 404 Cluster not found"))
        #expect(server.writes == 0)

        let unset = try await CLITests.keel(["marchproxy", "push", "--config", Self.exampleConfig, "--api", server.url, "--cluster-id", "1"],
                                      in: NSTemporaryDirectory(), environment: ["MARCHPROXY_USER": ""])
        #expect(unset.status == 2)
        #expect(unset.stderr.contains("MARCHPROXY_USER is not set"))
    }

    /// A change made outside Keel, through the server's own PATCH route.
    static func patch(_ server: FakeMarchProxy, id: Int, _ fields: [String: JSONValue]) async throws {
        let login = try await send(server.url + "/api/v1/auth/login", "POST", ["username": "admin", "password": "proxy-password"], token: nil)
        guard case .string(let token)? = login["access_token"] else { throw ConfigurationError("no token") }
        _ = try await send(server.url + "/api/v1/services/\(id)", "PATCH", fields, token: token)
    }

    private static func send(_ url: String, _ method: String, _ body: [String: JSONValue], token: String?) async throws -> [String: JSONValue] {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = try JSONEncoder().encode(JSONValue.object(body))
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONDecoder().decode([String: JSONValue].self, from: data)
    }
}
