import Foundation
import Testing
import KeelGenerator
import KeelSpec

/// Tables and columns named by SQL's reserved words go through every kind of change (create, add, rename, widen an
/// enum's CHECK, index, change a foreign key, drop) on real SQLite (its table rebuild included), PostgreSQL and
/// MariaDB; each step reaches the spec and the row written first survives.
@Suite(.serialized)
struct ReservedNameEvolutionTests {
    static let service = "keel: 1\nservice: { name: reserved, version: 1.0.0 }\n"

    static let steps: [(name: String, tables: String, destructive: Bool)] = [
        ("create", """
        group:
          columns:
            id: id
            select: { type: enum, values: [from, where], default: from }
        order:
          columns:
            id: id
            key: { type: string, max_length: 40, unique: true }
            group: { type: ref, table: group, on_delete: cascade }
            limit: { type: int, default: 0 }
          indexes: [[group, limit]]
        """, false),
        ("add, rename, widen and index", """
        group:
          columns:
            id: id
            select: { type: enum, values: [from, where, is], default: from }
            check: { type: bool, default: false }
        order:
          columns:
            id: id
            default: { type: string, max_length: 80, unique: true, renamed_from: key }
            group: { type: ref, table: group, on_delete: restrict }
            limit: { type: int, default: 0 }
            where: { type: text, nullable: true }
          indexes: [[group, limit], { columns: [limit], unique: false }]
        """, false),
        ("drop", """
        group:
          columns:
            id: id
            select: { type: enum, values: [from, where, is], default: is }
            check: { type: bool, default: false }
        order:
          columns:
            id: id
            default: { type: string, max_length: 80, unique: true }
            group: { type: ref, table: group, on_delete: restrict }
            where: { type: text, nullable: true }
        """, true),
    ]

    @Test func reservedNamesMigrateOnEveryDatabase() async throws {
        let project = try MigrationProject()
        let databases: [any LiveDatabase] = [
            SQLiteCatalog(path: project.root + "/test.sqlite"),
            try PostgresCatalog.fresh("keel_reserved"),
            try MariaDBCatalog.fresh("keel_reserved"),
        ]
        for (number, step) in Self.steps.enumerated() {
            try project.write(spec: Self.service + "tables:\n" + step.tables.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n")
            let generation = try project.generate(allowDestructive: step.destructive)
            for database in databases {
                do {
                    let applied = try await database.migrate(project.migrationsDirectory)
                    #expect(applied.count == 1, "step \(number + 1) (\(step.name)) on \(database.dialect) applied \(applied)")
                } catch {
                    Issue.record("step \(number + 1) (\(step.name)) on \(database.dialect): \(error)")
                    return
                }
                #expect(try database.schema() == LiveSchema(spec: generation.spec), "step \(number + 1) (\(step.name)) on \(database.dialect)")
                let q = database.dialect == .mysql ? "`" : "\""
                switch number {
                case 0:
                    _ = try database.query("INSERT INTO \(q)group\(q) (\(q)select\(q)) VALUES ('where')")
                    _ = try database.query("INSERT INTO \(q)order\(q) (\(q)key\(q), \(q)group\(q), \(q)limit\(q)) VALUES ('k', 1, 5)")
                case 1:
                    #expect(try database.query("SELECT \(q)default\(q), \(q)limit\(q) FROM \(q)order\(q)") == [["k", "5"]], "\(database.dialect)")
                default:
                    #expect(try database.query("SELECT o.\(q)default\(q), g.\(q)select\(q) FROM \(q)order\(q) o JOIN \(q)group\(q) g ON g.id = o.\(q)group\(q)") == [["k", "where"]], "\(database.dialect)")
                    // The restrict key, renamed with its column's table, still holds.
                    #expect(throws: (any Error).self, "\(database.dialect)") { try database.query("DELETE FROM \(q)group\(q)") }
                }
            }
        }
    }
}
