import ExampleService
import Foundation
import KeelRuntime
import KeelTestSupport
import Testing

/// A column that a table's generated SQL does not name fails the one statement with an error (500 at the edge),
/// never the process: the runtime once trapped there, and every client was cut off.
struct TableSQLMissTests {
    @Test func aColumnTheSQLDoesNotNameIsAnErrorNotATrap() async throws {
        let database = try await TestDatabases.open(.sqlite, name: "table_sql_miss")
        defer { Task { await database.close() } }
        let full = Category.sql(.sqlite)
        // The generated SQL as it was before lists could sort on the id: without the id among its columns.
        let lacking = TableSQL(placeholders: full.placeholders, table: full.table, selected: full.selected, id: full.id, insert: full.insert,
                               insertDefaults: full.insertDefaults, returning: full.returning, update: full.update, delete: full.delete,
                               columns: full.columns.filter { $0.key != "id" }, casts: full.casts)
        let repository = TableRepository<Category>(database: database, sql: lacking)
        let misses: [@Sendable () async throws -> Void] = [
            { _ = try await repository.list(filters: [], sort: [("id", true)], limit: 10, offset: 0) },
            { _ = try await repository.list(filters: [("id", .int(1))], sort: [], limit: 10, offset: 0) },
            { _ = try await repository.update(id: 1, [("id", .int(2))]) },
        ]
        for miss in misses {
            do {
                try await miss()
                Issue.record("a statement on a column the SQL does not name ran")
            } catch let error as DatabaseError {
                #expect(error.message == #"id is not a column of "categories""#)
            }
        }
    }
}
