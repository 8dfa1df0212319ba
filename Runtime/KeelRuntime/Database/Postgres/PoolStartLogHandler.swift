// Compiled with the PostgreSQL package trait only (Package.swift).
#if PostgreSQL
import Logging

/// The pool's background log, less one warning that is never true of `PostgresDatabase`.
///
/// postgres-nio warns when a connection is leased before `PostgresClient.run()` has begun. `PostgresDatabase` starts
/// `run()` before its first lease, but on a loaded machine that lease can still get there first by a few
/// instructions; it then waits for the pool, as it should. The warning reached `keel import`'s output and the
/// service's log. Every other message passes unchanged.
struct PoolStartLogHandler: LogHandler {
    static let raceWarning = "Trying to lease connection from `PostgresClient`, but `PostgresClient.run()` hasn't been called yet."

    var wrapped: any LogHandler

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.level != .warning || event.message.description != Self.raceWarning else { return }
        wrapped.log(event: event)
    }

    /// `logger` with its handler wrapped.
    static func background(_ logger: Logger) -> Logger {
        var background = logger
        background.handler = PoolStartLogHandler(wrapped: logger.handler)
        return background
    }
}
#endif
