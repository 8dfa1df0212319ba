import Foundation
import KeelRuntime
import KeelTestSupport
import Testing

/// An instant keeps its microsecond through every driver: what a response shows filters back to the same row.
/// postgres-nio's own Date encoding truncates, which stored some instants a microsecond early.
struct TimestampPrecisionTests {
    @Test(arguments: [DatabaseDialect.sqlite, .postgres, .mysql])
    func boundInstantsKeepTheirMicrosecond(_ dialect: DatabaseDialect) async throws {
        let database = try await TestDatabases.open(dialect, name: "timestamp_precision")
        defer { Task { await database.close() } }
        let type = switch dialect {
        case .postgres: "TIMESTAMPTZ"
        case .mysql: "DATETIME(6)"
        case .sqlite: "TEXT"
        }
        _ = try await database.execute("CREATE TABLE instants (n INTEGER PRIMARY KEY, at \(type) NOT NULL)")
        let placeholders = dialect == .postgres ? ("$1", "$2") : ("?", "?")
        // Every microsecond of a stretch of one second, far from the epoch, where a Double's error is largest.
        let instants = (0..<200).map { Date(timeIntervalSince1970: 1_780_000_000 + Double($0 * 4_999 % 1_000_000) / 1_000_000) }
        for (n, instant) in instants.enumerated() {
            _ = try await database.execute("INSERT INTO instants (n, at) VALUES (\(placeholders.0), \(placeholders.1))", [.int(Int64(n)), .timestamp(instant)])
        }
        var missed: [Int] = []
        for (n, instant) in instants.enumerated() {
            let rows = try await database.read("SELECT n FROM instants WHERE at = \(placeholders.0)", [.timestamp(instant)])
            if rows.first?.values.first?.int != Int64(n) { missed.append(n) }
            let back = try #require(try await database.read("SELECT at FROM instants WHERE n = \(placeholders.0)", [.int(Int64(n))]).first?.values.first)
            let micros = { (date: Date) in Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }
            switch back {
            case .timestamp(let stored): #expect(micros(stored) == micros(instant), "instant \(n)")
            default: break
            }
        }
        #expect(missed.isEmpty, "instants not found by their own value: \(missed)")
    }
}
