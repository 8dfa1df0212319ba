import AsyncHTTPClient
import ExampleService
import Foundation
import HTTPTypes
import Hummingbird
import KeelClient
import KeelRuntime
import KeelTestSupport
import StorefrontService
import Synchronization

/// Two generated services from two specs calling each other over real HTTP on loopback, in this process: the shop
/// (specs/example, the callee) and the storefront (specs/storefront, the caller), whose handlers call the shop
/// through its generated `ShopClient` with the resilience of the dependency `shop` (`dependencySettings`).
///
/// `try await ServicePair.run(name:) { pair in … }` (or `start(name:)`) starts both (the shop licensed `professional`, so its `advanced_analytics`
/// is 403) and logs in the shop's admin (`adminToken`); `storefront(token:traceID:)` is a client of the caller;
/// `stopShop()` and `restartShop()` take the callee away and bring it back on the same port; `gate` makes the shop
/// answer 503 and counts what reaches it; `shopLog` and `storefrontLog` hold each service's log lines (debug level,
/// one line per request with its `trace_id`). End with `await pair.stop()`.
final class ServicePair: Sendable {
    /// The storefront's settings of its dependency `shop`: generous timeouts for a loaded machine, a short cool-down.
    static let dependencySettings = [
        "KEEL_DEP_SHOP_TIMEOUT_MS": "15000", "KEEL_DEP_SHOP_RETRIES": "2", "KEEL_DEP_SHOP_BACKOFF_MS": "50",
        "KEEL_DEP_SHOP_BREAKER_FAILURES": "4", "KEEL_DEP_SHOP_BREAKER_WINDOW_MS": "60000", "KEEL_DEP_SHOP_BREAKER_COOLDOWN_MS": "1500",
    ]

    let shopURL: String
    let storefrontURL: String
    let adminToken: String
    let gate: ShopGate
    let shopLog: CapturedLog
    let storefrontLog: CapturedLog
    private let shopEnvironment: [String: String]
    private let license: FakeLicenseServer
    private let shop: Mutex<RunningService?>
    private let storefrontService: RunningService

    /// A started service and the task serving it; cancelling the task stops it.
    struct RunningService: Sendable {
        let started: KeelServer.Started
        let task: Task<Void, Never>

        func stop() async {
            task.cancel()
            await task.value
            await started.database.close()
        }
    }

    private init(shopURL: String, storefrontURL: String, adminToken: String, gate: ShopGate, shopLog: CapturedLog, storefrontLog: CapturedLog,
                 shopEnvironment: [String: String], license: FakeLicenseServer, shop: RunningService, storefront: RunningService) {
        self.shopURL = shopURL
        self.storefrontURL = storefrontURL
        self.adminToken = adminToken
        self.gate = gate
        self.shopLog = shopLog
        self.storefrontLog = storefrontLog
        self.shopEnvironment = shopEnvironment
        self.license = license
        self.shop = Mutex(shop)
        storefrontService = storefront
    }

    /// Starts the shop, then the storefront calling it; `name` keeps their databases apart from other tests';
    /// `environment` is added to both services' (tracing settings, say).
    static func start(name: String, environment extra: [String: String] = [:]) async throws -> ServicePair {
        let licenseKey = "PENG-PAIR-PRO2-PRO3-PRO4-PRO5"
        let license = try await FakeLicenseServer.start(licenses: [licenseKey: FakeLicense(product: "shop", tier: "professional")])
        let gate = ShopGate(), shopLog = CapturedLog(), storefrontLog = CapturedLog()
        let shopPort = try LoopbackPort.free()
        let shopEnvironment = try await ShopHarness.environment(.sqlite, name: "\(name)_shop", extra: [
            "HOST": "127.0.0.1", "PORT": String(shopPort), "RELEASE_MODE": "true", "LICENSE_KEY": licenseKey, "LICENSE_SERVER_URL": license.url,
        ].merging(extra) { $1 })
        let shop = try await serve(shopServer(gate: gate), environment: shopEnvironment, log: shopLog, label: "shop")
        let shopURL = "http://127.0.0.1:\(shopPort)"
        do {
            let storefrontPort = try LoopbackPort.free()
            var environment = TestDatabases.environment(for: try await TestDatabases.fresh(.sqlite, name: "\(name)_storefront"))
            environment.merge(dependencySettings) { $1 }
            environment.merge(["HOST": "127.0.0.1", "PORT": String(storefrontPort), "KEEL_DEP_SHOP_URL": shopURL]) { $1 }
            environment.merge(extra) { $1 }
            let handlers = StorefrontHandlers(shop: try ShopClient(environment: environment))
            let server = StorefrontService.server(handlers: handlers, migrationsDirectory: StorefrontResources.migrationsDirectory)
            let storefront = try await serve(server, environment: environment, log: storefrontLog, label: "storefront")
            let token = try await login(shopURL)
            return ServicePair(shopURL: shopURL, storefrontURL: "http://127.0.0.1:\(storefrontPort)", adminToken: token, gate: gate, shopLog: shopLog,
                               storefrontLog: storefrontLog, shopEnvironment: shopEnvironment, license: license, shop: shop, storefront: storefront)
        } catch {
            await shop.stop()
            await license.stop()
            throw error
        }
    }

    /// Starts the pair, runs `body` with it, and stops it whether `body` throws or not.
    static func run(name: String, environment: [String: String] = [:], _ body: (ServicePair) async throws -> Void) async throws {
        let pair = try await start(name: name, environment: environment)
        do {
            try await body(pair)
        } catch {
            await pair.stop()
            throw error
        }
        await pair.stop()
    }

    /// A client of the storefront sending `token` (which the storefront forwards to the shop) and `traceID`.
    func storefront(token: String? = nil, traceID: String? = nil) -> StorefrontClient {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let traceID { headers[HTTPField.Name("X-Trace-ID")!] = traceID }
        return StorefrontClient(ServiceClient(baseURL: storefrontURL, transport: HTTPClientTransport(), headers: headers))
    }

    /// Stops the shop; the storefront's calls then find nothing listening on its port.
    func stopShop() async {
        let running = shop.withLock { running in
            defer { running = nil }
            return running
        }
        await running?.stop()
    }

    /// Starts the shop again on the same port and database.
    func restartShop() async throws {
        let running = try await Self.serve(Self.shopServer(gate: gate), environment: shopEnvironment, log: shopLog, label: "shop")
        shop.withLock { $0 = running }
    }

    func stop() async {
        await storefrontService.stop()
        await stopShop()
        await license.stop()
    }

    /// The status and body of `GET url`; nil when nothing answered within 10 s.
    static func get(_ url: String) async -> (status: Int, body: String)? {
        guard let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10)),
              let body = try? await response.body.collect(upTo: 4 << 20) else { return nil }
        return (Int(response.status.code), String(buffer: body))
    }

    /// The shop's routes behind the test hook `gate`: the real generated shop, its handlers and migrations.
    private static func shopServer(gate: ShopGate) -> KeelServer {
        KeelServer(description: ShopService.description, migrations: { try Migration.load(from: ExampleResources.migrationsDirectory, dialect: $0) }) { api, service in
            api.add(middleware: gate)
            ShopRoutes.register(on: api, service: service, handlers: ShopHandlers())
        }
    }

    /// Starts `server` and returns once its `/healthz` answers.
    private static func serve(_ server: KeelServer, environment: [String: String], log: CapturedLog, label: String) async throws -> RunningService {
        let started = try await server.start(environment: environment, logger: log.logger(label: label))
        let task = Task { _ = try? await started.application.run() }
        let url = "http://127.0.0.1:\(environment["PORT"] ?? "")/healthz"
        let giveUp = ContinuousClock.now + .seconds(30)
        while await get(url)?.status != 200 {
            guard ContinuousClock.now < giveUp else {
                await RunningService(started: started, task: task).stop()
                throw HarnessError("\(label) did not answer \(url) within 30 s")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return RunningService(started: started, task: task)
    }

    /// The shop admin's token.
    private static func login(_ shopURL: String) async throws -> String {
        var request = HTTPClientRequest(url: shopURL + "/api/v1/auth/login")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let credentials = try JSONSerialization.data(withJSONObject: ["email": ShopHarness.adminEmail, "password": ShopHarness.adminPassword])
        request.body = .bytes(ByteBuffer(bytes: credentials))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any], let token = object["access_token"] as? String else {
            throw HarnessError("the shop's login answered \(response.status.code): \(String(buffer: body))")
        }
        return token
    }
}
