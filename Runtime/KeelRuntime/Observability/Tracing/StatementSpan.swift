import Tracing

/// One database statement as a client span of the request running it (OpenTelemetry database conventions).
/// Statements outside a request (migrations, background work) make none.
enum StatementSpan {
    static func run<T>(_ sql: String, system: String, tracer: any Tracer, _ body: () async throws -> T) async throws -> T {
        guard let parent = InstrumentationContext.current else { return try await body() }
        let operation = Self.operation(of: sql)
        let span = tracer.startSpan(operation, context: parent, ofKind: .client)
        defer { span.end() }
        span.attributes["db.system.name"] = system
        span.attributes["db.operation.name"] = operation
        // The text with its placeholders: bound values never reach the span.
        span.attributes["db.query.text"] = sql
        do {
            return try await body()
        } catch {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }

    /// The statement's first keyword in capitals (`SELECT`, `INSERT`, `BEGIN`…), the span's name.
    static func operation(of sql: String) -> String {
        let keyword = sql.drop(while: { $0.isWhitespace || $0 == "(" }).prefix(while: { $0.isLetter })
        return keyword.isEmpty ? "SQL" : keyword.uppercased()
    }
}

extension DatabaseDialect {
    /// The `db.system.name` of the OpenTelemetry conventions.
    var tracingSystem: String {
        switch self {
        case .postgres: "postgresql"
        case .mysql: "mysql"
        case .sqlite: "sqlite"
        }
    }
}
