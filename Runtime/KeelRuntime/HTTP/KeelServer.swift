import Foundation
import Hummingbird
import Logging

/// Builds and runs a generated service: reads the environment, opens the database, applies the migrations,
/// and serves the spec's routes beside the built-in ones until SIGTERM or SIGINT.
public struct KeelServer: Sendable {
    /// Registers the spec's endpoints under the base path; generated code supplies it.
    public typealias Routes = @Sendable (RouterGroup<KeelRequestContext>, any Database) -> Void

    public let identity: ServiceIdentity
    /// The generated migrations of each dialect.
    public let migrations: @Sendable (DatabaseDialect) -> [Migration]
    public let routes: Routes

    public init(identity: ServiceIdentity, migrations: @escaping @Sendable (DatabaseDialect) -> [Migration], routes: @escaping Routes) {
        self.identity = identity
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
        // SIGTERM or SIGINT ends runService after in-flight requests finish; then the database closes.
        do {
            try await started.application.runService()
        } catch {
            await started.database.close()
            throw error
        }
        await started.database.close()
    }

    /// A service ready to serve, and the database it opened (close it when the application ends).
    public struct Started: Sendable {
        public let application: Application<RouterResponder<KeelRequestContext>>
        public let database: any Database
    }

    /// Reads settings, opens and migrates the database, and builds the application without running it.
    public func start(environment: [String: String], logger: Logger) async throws -> Started {
        let settings = try ServerSettings(environment: environment)
        let configuration = try DatabaseConfiguration(environment: environment)
        let database = try await DatabaseConnector.open(configuration)
        do {
            let applied = try await Migrator(database: database, migrations: migrations(configuration.dialect)).migrate()
            if !applied.isEmpty { logger.info("applied migrations", metadata: ["migrations": .string(applied.joined(separator: ","))]) }
        } catch {
            await database.close()
            throw error
        }
        let router = Router(context: KeelRequestContext.self)
        let metrics = RequestMetrics()
        // Outermost: the metrics see the final status, after errors became envelopes.
        router.middlewares.add(RequestMetricsMiddleware(metrics: metrics))
        router.middlewares.add(TraceIDMiddleware())
        if !identity.corsOrigins.isEmpty {
            router.middlewares.add(AllowedOriginsCORSMiddleware(origins: identity.corsOrigins))
        }
        router.middlewares.add(ErrorEnvelopeMiddleware())
        router.middlewares.add(BodyLimitMiddleware(limit: settings.maximumBodySize))
        HealthRoutes(service: identity, database: database).register(on: router)
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        routes(router.group(RouterPath(identity.basePath)), database)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: identity.name),
            logger: logger
        )
        return Started(application: application, database: database)
    }
}
