import Tracing

/// A database whose statements are spans of the requests running them; only a service that traces wraps its
/// database in it, so one that does not pays nothing per statement.
struct TracedDatabase: Database {
    let base: any Database
    let tracer: any Tracer

    var dialect: DatabaseDialect { base.dialect }

    func withSession<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await base.withSession { try await body(traced($0)) }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await base.transaction { try await body(traced($0)) }
    }

    func reading<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await base.reading { try await body(traced($0)) }
    }

    func ping() async -> Bool {
        await base.ping()
    }

    func close() async {
        await base.close()
    }

    private func traced(_ session: any DatabaseSession) -> TracedSession {
        TracedSession(base: session, system: base.dialect.tracingSystem, tracer: tracer)
    }
}

// The row-limited insert and `/readyz` ask the database about Galera: the wrapper answers for its base.
extension TracedDatabase: GaleraClusterMember {
    var galeraMode: Bool { (base as? any GaleraClusterMember)?.galeraMode ?? false }

    func galeraNodeState() async throws -> GaleraNodeState? {
        try await (base as? any GaleraClusterMember)?.galeraNodeState()
    }
}

/// A session of a ``TracedDatabase``: each statement in its own span.
struct TracedSession: DatabaseSession {
    let base: any DatabaseSession
    let system: String
    let tracer: any Tracer

    func query(_ sql: String, _ binds: [DatabaseValue]) async throws -> [DatabaseRow] {
        try await StatementSpan.run(sql, system: system, tracer: tracer) { try await base.query(sql, binds) }
    }

    @discardableResult
    func execute(_ sql: String, _ binds: [DatabaseValue]) async throws -> Int {
        try await StatementSpan.run(sql, system: system, tracer: tracer) { try await base.execute(sql, binds) }
    }

    func executeScript(_ sql: String) async throws {
        try await StatementSpan.run(sql, system: system, tracer: tracer) { try await base.executeScript(sql) }
    }
}
