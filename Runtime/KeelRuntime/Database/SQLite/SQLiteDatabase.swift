// Compiled with the SQLite package trait only (Package.swift).
#if SQLite
import Foundation
import GRDB

/// SQLite through GRDB: one file in WAL mode with foreign keys on.
///
/// Sessions run on GRDB's single writer connection. A transaction spans several async steps, so the driver
/// keeps its own lock around every session: no other task's statement can land inside someone's transaction.
/// Reads go to GRDB's reader connections instead, side by side and without the lock: in WAL mode they see
/// committed data only.
public final class SQLiteDatabase: Database {
    public let dialect = DatabaseDialect.sqlite
    public let path: String
    private let pool: DatabasePool
    private let lock = AsyncLock()

    /// Opens (or creates) the database file; other processes on the same file wait up to `busyTimeout`.
    public init(path: String, busyTimeout: TimeInterval = 10) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        // Transactions are opened and closed by separate steps of one session, under `lock`.
        configuration.allowsUnsafeTransactions = true
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw SQLiteErrors.translate(error)
        }
        self.path = path
    }

    public func withSession<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await lock.withLock { try await body(SQLiteSession(pool: pool, connection: .writer)) }
    }

    public func reading<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await body(SQLiteSession(pool: pool, connection: .reader))
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await withSession { try await $0.inTransaction(begin: "BEGIN IMMEDIATE", body) }
    }

    public func close() async {
        try? pool.close()
    }
}

/// The writer connection, lent while the database's lock is held, or a reader connection per statement.
struct SQLiteSession: DatabaseSession {
    enum Connection {
        case writer, reader
    }

    let pool: DatabasePool
    let connection: Connection

    func query(_ sql: String, _ binds: [DatabaseValue]) async throws -> [DatabaseRow] {
        let arguments = StatementArguments(binds.map(\.sqliteValue))
        return try await run { db in
            // Kept prepared per connection; GRDB drops its cache when the schema changes.
            let statement = try db.cachedStatement(sql: sql)
            let columns = statement.columnNames
            let cursor = try Row.fetchCursor(statement, arguments: arguments)
            var rows: [DatabaseRow] = []
            while let row = try cursor.next() {
                rows.append(DatabaseRow(columns: columns, values: row.databaseValues.map(DatabaseValue.init(sqlite:))))
            }
            return rows
        }
    }

    func execute(_ sql: String, _ binds: [DatabaseValue]) async throws -> Int {
        let arguments = StatementArguments(binds.map(\.sqliteValue))
        return try await run { db in
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
    }

    func executeScript(_ sql: String) async throws {
        try await run { db in try db.execute(sql: sql) }
    }

    private func run<T: Sendable>(_ work: @Sendable (GRDB.Database) throws -> T) async throws -> T {
        do {
            switch connection {
            case .writer: return try await pool.writeWithoutTransaction(work)
            case .reader: return try await pool.read(work)
            }
        } catch {
            throw SQLiteErrors.translate(error)
        }
    }
}

extension DatabaseValue {
    /// SQLite's storage for the value: booleans as 0/1, instants as UTC ISO-8601 text with microseconds.
    var sqliteValue: GRDB.DatabaseValue {
        switch self {
        case .null: .null
        case .bool(let value): (value ? 1 : 0).databaseValue
        case .int(let value): value.databaseValue
        case .double(let value): value.databaseValue
        case .text(let value): value.databaseValue
        // Through GRDB's protocol: `Data` also has KeelRuntime's `databaseValue`.
        case .bytes(let value): (Data(value) as any GRDB.DatabaseValueConvertible).databaseValue
        case .timestamp(let value): DatabaseTimestamp.iso8601(value).databaseValue
        case .uuid(let value): value.uuidString.lowercased().databaseValue
        }
    }

    init(sqlite value: GRDB.DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .bytes([UInt8](data))
        }
    }
}

/// Classifies GRDB's errors by SQLite's extended result codes.
enum SQLiteErrors {
    static func translate(_ error: Error) -> Error {
        guard let error = error as? GRDB.DatabaseError else { return error }
        let code = error.extendedResultCode
        let kind: KeelRuntime.DatabaseError.Kind = switch code {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: .uniqueViolation
        case .SQLITE_CONSTRAINT_FOREIGNKEY: .foreignKeyViolation
        // ON DELETE RESTRICT runs as a trigger inside SQLite, so its refusal carries the trigger code.
        case .SQLITE_CONSTRAINT_TRIGGER where error.message?.contains("FOREIGN KEY") == true: .foreignKeyViolation
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL: .constraintViolation
        case .SQLITE_CANTOPEN, .SQLITE_IOERR: .unavailable
        default: .other
        }
        return KeelRuntime.DatabaseError(kind, "SQLite error \(code.rawValue): \(error.message ?? "\(error)")", code: String(code.rawValue))
    }
}
#endif
