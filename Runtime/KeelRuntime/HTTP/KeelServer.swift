import Foundation
import Hummingbird
import Logging

/// Builds and runs a generated service: reads the environment, opens the database, applies the migrations,
/// and serves the spec's routes beside the built-in ones until SIGTERM or SIGINT.
public struct KeelServer: Sendable {
    /// Registers the spec's endpoints under the base path; generated code supplies it.
    public typealias Routes = @Sendable (RouterGroup<KeelRequestContext>, ServiceContext) -> Void

    public let description: ServiceDescription
    public var identity: ServiceIdentity { description.identity }
    /// The generated migrations of each dialect.
    public let migrations: @Sendable (DatabaseDialect) throws -> [Migration]
    public let routes: Routes

    public init(description: ServiceDescription, migrations: @escaping @Sendable (DatabaseDialect) throws -> [Migration], routes: @escaping Routes) {
        self.description = description
        self.migrations = migrations
        self.routes = routes
    }

    /// Runs the service with JSON log lines; a bad setting stops start-up with a message naming the variable.
    public func run(environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        let logger = Logger(label: identity.name)
        let started: Started
        do {
            started = try await start(environment: environment, logger: logger)
        } catch {
            logger.critical("start-up failed: \(error)")
            throw error
        }
        // SIGTERM or SIGINT: /readyz fails, the listener closes after the drain delay, the requests in flight finish
        // (RollingShutdown); then the keepalive stops and the database closes.
        let keepalive = Task { await started.service.license.runKeepalive() }
        defer { keepalive.cancel() }
        do {
            try await RollingShutdown.run(started.application, settings: started.shutdownSettings, state: started.shutdown, logger: logger)
        } catch {
            logger.critical("\(ServeFailure.describe(error, listening: started.serverSettings))")
            await started.database.close()
            throw error
        }
        await started.database.close()
        RollingShutdown.logStopped(started.shutdown, logger: logger)
    }

    /// A service ready to serve, and the database it opened (close it when the application ends).
    public struct Started: Sendable {
        public let application: Application<RouterResponder<KeelRequestContext>>
        public let service: ServiceContext
        public var database: any Database { service.database }
        let serverSettings: ServerSettings
        let shutdownSettings: ShutdownSettings
        /// Set by the first SIGTERM or SIGINT; read by `/readyz` and `ShutdownMiddleware`.
        let shutdown: ShutdownState
    }

    /// Reads settings, opens and migrates the database, checks the license, and builds the application without running it.
    public func start(environment: [String: String], logger: Logger = Logger(label: "keel")) async throws -> Started {
        let settings = try ServerSettings(environment: environment)
        let requiredDependencies = try DependencyProbe.probes(of: description.requiredDependencies, environment: environment)
        let shutdownSettings = try ShutdownSettings(environment: environment)
        let configuration = try DatabaseConfiguration(environment: environment)
        let licenseSettings = try LicenseSettings(environment: environment, serviceName: identity.name)
        let authSettings = try AuthSettings(mode: description.auth, environment: environment, releaseMode: licenseSettings.releaseMode)
        // Spans only when OTEL_EXPORTER_OTLP_ENDPOINT is set; without it neither the database nor a request is wrapped.
        let tracing = try ServiceTracing.start(environment: environment, serviceName: identity.name, logger: logger)
        let license = LicenseManager(settings: licenseSettings, model: description.licensing, serviceVersion: identity.version, logger: logger)
        try await license.start()
        let opened = try await DatabaseConnector.open(configuration)
        let database: any Database = tracing.tracer.map { TracedDatabase(base: opened, tracer: $0) } ?? opened
        let service: ServiceContext
        let localAuth: LocalAuth?
        do {
            let all = RuntimeTables.withGenerated(try migrations(configuration.dialect), dialect: configuration.dialect)
            let applied = try await Migrator(database: database, migrations: all).migrate()
            if !applied.isEmpty { logger.info("applied migrations", metadata: ["migrations": .string(applied.joined(separator: ","))]) }
            let config = ConfigStore(database: database, keys: description.config)
            try await config.bootstrap(environment: environment)
            let tokens = description.auth == .local
                ? await TokenService(secret: authSettings.secret, algorithm: authSettings.algorithm, lifetime: authSettings.tokenLifetime) : nil
            var verifier: (any TokenVerifying)? = tokens
            if let identityProvider = authSettings.identityProvider { verifier = await IdentityTokenVerifier.start(identityProvider, logger: logger) }
            localAuth = description.auth == .local ? LocalAuth(database: database, settings: authSettings) : nil
            let rateLimits = RateLimits(limiter: RateLimiter(database: database), license: license, model: description.licensing)
            let access = AccessControl(mode: description.auth, superuser: description.superuser, tokens: tokens, verifier: verifier, license: license,
                                       tokenStates: localAuth?.tokenStates, rateLimits: rateLimits)
            service = ServiceContext(database: database, basePath: identity.basePath, access: access,
                                     license: license, licensing: description.licensing, roles: description.roles, config: config, logger: logger)
            let users = localAuth?.users
            if let users, try await users.bootstrapAdmin(authSettings.initialAdmin, role: description.superuser) {
                logger.info("created the first admin from ADMIN_EMAIL")
            } else if let users, try await users.count() == 0 {
                logger.warning("no user exists: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin")
            }
            if authSettings.secretIsEphemeral { logger.warning("SECRET_KEY is not set: tokens are signed with a random key and end when the process does") }
        } catch {
            await database.close()
            throw error
        }
        let router = Router(context: KeelRequestContext.self)
        let metrics = RequestMetrics()
        let shutdown = ShutdownState()
        // Outside everything else: it counts every request in flight for the shutdown.
        router.middlewares.add(ShutdownMiddleware(state: shutdown))
        // Outermost: the metrics see the final status, after errors became envelopes.
        router.middlewares.add(RequestMetricsMiddleware(metrics: metrics))
        router.middlewares.add(TraceIDMiddleware(tracer: tracing.tracer))
        // Handlers' calls to other services forward the caller's token and keep to its deadline.
        router.middlewares.add(CallScopeMiddleware())
        router.middlewares.add(RequestLogMiddleware())
        if !identity.corsOrigins.isEmpty {
            router.middlewares.add(AllowedOriginsCORSMiddleware(origins: identity.corsOrigins))
        }
        router.middlewares.add(ErrorEnvelopeMiddleware())
        router.middlewares.add(BodyLimitMiddleware(limit: settings.maximumBodySize))
        HealthRoutes(service: identity, database: database, shutdown: shutdown, required: requiredDependencies).register(on: router)
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        let api = router.group(RouterPath(identity.basePath))
        api.add(middleware: RateLimitMiddleware(trustsForwardedFor: authSettings.trustsForwardedFor))
        api.get("/license") { _, _ in try JSONResponse.make(LicenseView(license.current)) }
        if let localAuth, let tokens = service.access.tokens {
            AuthRoutes.register(on: api, service: service, auth: localAuth, tokens: tokens)
        }
        // Without authentication nobody is an admin, so the admin-only settings are not served.
        if description.auth != .none { ConfigRoutes.register(on: api, service: service, store: service.config) }
        routes(api, service)
        // Last: a method a served path does not take is 405 with `Allow`, not the router's 404.
        MethodNotAllowedMiddleware.install(on: router)
        var application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: identity.name),
            logger: logger
        )
        // The exporter runs in the application's service group: it posts spans while serving and flushes at the end.
        if let exporter = tracing.exporter { application.addServices(exporter) }
        return Started(application: application, service: service, serverSettings: settings, shutdownSettings: shutdownSettings, shutdown: shutdown)
    }
}
