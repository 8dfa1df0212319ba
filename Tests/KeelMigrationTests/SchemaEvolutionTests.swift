import Foundation
import Testing
import KeelGenerator
import KeelSpec

/// A spec evolves through eight versions covering every kind of change; after each, the new migrations are
/// applied to real SQLite, PostgreSQL and MariaDB databases and the live catalog is compared with the spec.
@Suite(.serialized)
struct SchemaEvolutionTests {
    static let service = "keel: 1\nservice: { name: library, version: 1.0.0 }\n"

    /// Each step: the tables section, and whether it needs --allow-destructive.
    static let steps: [(name: String, tables: String, destructive: Bool)] = [
        ("create tables", """
        authors:
          columns:
            id: id
            name: { type: string, max_length: 100, unique: true }
            bio: { type: text, nullable: true }
        books:
          columns:
            id: id
            title: { type: string, max_length: 200 }
            author_id: { type: ref, table: authors, on_delete: cascade }
            status: { type: enum, values: [draft, published], default: draft }
            pages: { type: int32, nullable: true }
          indexes: [[status]]
        """, false),
        ("add columns and a table", """
        authors:
          columns:
            id: id
            name: { type: string, max_length: 100, unique: true }
            bio: { type: text, nullable: true }
            joined_at: { type: timestamp, default: now }
            profile: { type: json, nullable: true }
        books:
          columns:
            id: id
            title: { type: string, max_length: 200 }
            author_id: { type: ref, table: authors, on_delete: cascade }
            status: { type: enum, values: [draft, published], default: draft }
            pages: { type: int32, nullable: true }
            isbn: { type: string, max_length: 20, nullable: true, unique: true }
          indexes: [[status]]
        tags:
          columns:
            id: id
            label: { type: string, max_length: 50 }
        """, false),
        ("rename columns", """
        authors:
          columns:
            id: id
            full_name: { type: string, max_length: 100, unique: true, renamed_from: name }
            bio: { type: text, nullable: true }
            joined_at: { type: timestamp, default: now }
            profile: { type: json, nullable: true }
        books:
          columns:
            id: id
            name: { type: string, max_length: 200, renamed_from: title }
            author_id: { type: ref, table: authors, on_delete: cascade }
            status: { type: enum, values: [draft, published], default: draft }
            pages: { type: int32, nullable: true }
            isbn: { type: string, max_length: 20, nullable: true, unique: true }
          indexes: [[status]]
        tags:
          columns:
            id: id
            label: { type: string, max_length: 50 }
        """, false),
        ("widen types and add an enum value", """
        authors:
          columns:
            id: id
            full_name: { type: string, max_length: 150, unique: true }
            bio: { type: text, nullable: true }
            joined_at: { type: timestamp, default: now }
            profile: { type: json, nullable: true }
        books:
          columns:
            id: id
            name: { type: string, max_length: 200 }
            author_id: { type: ref, table: authors, on_delete: cascade }
            status: { type: enum, values: [draft, published, archived], default: draft }
            pages: { type: int, nullable: true }
            isbn: { type: string, max_length: 20, nullable: true, unique: true }
          indexes: [[status]]
        tags:
          columns:
            id: id
            label: { type: string, max_length: 50 }
        """, false),
        ("nullability and defaults", """
        authors:
          columns:
            id: id
            full_name: { type: string, max_length: 150, unique: true }
            bio: { type: text }
            joined_at: { type: timestamp, default: now }
            profile: { type: json, nullable: true }
        books:
          columns:
            id: id
            name: { type: string, max_length: 200 }
            author_id: { type: ref, table: authors, on_delete: cascade }
            status: { type: enum, values: [draft, published, archived], default: published }
            pages: { type: int, nullable: true }
            isbn: { type: string, max_length: 20, nullable: true, unique: true }
          indexes: [[status]]
        tags:
          columns:
            id: id
            label: { type: string, max_length: 50 }
        """, true),
        ("unique and indexes", """
        authors:
          columns:
            id: id
            full_name: { type: string, max_length: 150, unique: true }
            bio: { type: text }
            joined_at: { type: timestamp, default: now }
            profile: { type: json, nullable: true }
        books:
          columns:
            id: id
            name: { type: string, max_length: 200 }
            author_id: { type: ref, table: authors, on_delete: cascade }
            status: { type: enum, values: [draft, published, archived], default: published }
            pages: { type: int, nullable: true }
            isbn: { type: string, max_length: 20, nullable: true }
          indexes: [[author_id, name]]
        tags:
          columns:
            id: id
            label: { type: string, max_length: 50 }
        """, false),
        ("foreign keys", """
        authors:
          columns:
            id: id
            full_name: { type: string, max_length: 150, unique: true }
            bio: { type: text }
            joined_at: { type: timestamp, default: now }
            profile: { type: json, nullable: true }
        books:
          columns:
            id: id
            name: { type: string, max_length: 200 }
            author_id: { type: ref, table: authors, on_delete: restrict }
            editor_id: { type: ref, table: authors, on_delete: set_null, nullable: true }
            status: { type: enum, values: [draft, published, archived], default: published }
            pages: { type: int, nullable: true }
            isbn: { type: string, max_length: 20, nullable: true }
          indexes: [[author_id, name]]
        tags:
          columns:
            id: id
            label: { type: string, max_length: 50 }
        """, false),
        ("drop and narrow", """
        authors:
          columns:
            id: id
            full_name: { type: string, max_length: 120, unique: true }
            bio: { type: text }
            joined_at: { type: timestamp, default: now }
            profile: { type: json, nullable: true }
        books:
          columns:
            id: id
            name: { type: string, max_length: 200 }
            author_id: { type: ref, table: authors, on_delete: restrict }
            editor_id: { type: ref, table: authors, on_delete: set_null, nullable: true }
            status: { type: enum, values: [draft, published], default: published }
            pages: { type: int, nullable: true }
          indexes: [[author_id, name]]
        """, true),
    ]

    @Test func everyStepReachesTheSpecOnEveryDatabase() async throws {
        let project = try MigrationProject()
        let databases: [any LiveDatabase] = [
            SQLiteCatalog(path: project.root + "/test.sqlite"),
            try PostgresCatalog.fresh("keel_evolution"),
            try MariaDBCatalog.fresh("keel_evolution"),
        ]
        for (number, step) in Self.steps.enumerated() {
            try project.write(spec: Self.service + "tables:\n" + step.tables.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n")
            if step.destructive {
                #expect(throws: SpecError.self, "step \(number + 1) (\(step.name)) must need --allow-destructive") {
                    try project.generation().get()
                }
            }
            let generation = try project.generate(allowDestructive: step.destructive)
            for database in databases {
                do {
                    let applied = try await database.migrate(project.migrationsDirectory)
                    #expect(applied.count == 1, "step \(number + 1) (\(step.name)) on \(database.dialect) applied \(applied)")
                } catch {
                    Issue.record("step \(number + 1) (\(step.name)) on \(database.dialect): \(error)")
                    return
                }
                let live = try database.schema()
                let expected = LiveSchema(spec: generation.spec)
                #expect(live == expected, "step \(number + 1) (\(step.name)) on \(database.dialect):\nlive:\n\(live)\nspec:\n\(expected)")
            }
            try checkData(after: number, databases: databases)
        }
    }

    /// Rows written early must survive renames and SQLite's table rebuilds.
    private func checkData(after step: Int, databases: [any LiveDatabase]) throws {
        for database in databases {
            switch step {
            case 0:
                _ = try database.query("INSERT INTO authors (name, bio) VALUES ('Ann Leckie', 'Writes space opera')")
                _ = try database.query("INSERT INTO books (title, author_id, pages) VALUES ('Ancillary Justice', 1, 386)")
            case 2:
                #expect(try database.query("SELECT full_name FROM authors") == [["Ann Leckie"]], "\(database.dialect)")
                #expect(try database.query("SELECT name, pages FROM books") == [["Ancillary Justice", "386"]], "\(database.dialect)")
            case 7:
                #expect(try database.query("SELECT b.name, a.full_name, b.status FROM books b JOIN authors a ON a.id = b.author_id") == [["Ancillary Justice", "Ann Leckie", "draft"]], "\(database.dialect)")
            default:
                #expect(try database.query("SELECT COUNT(*) FROM books") == [["1"]], "\(database.dialect) lost rows at step \(step + 1)")
            }
        }
    }
}

/// Tables that refer to each other are created on every database (their keys are added once both exist).
struct CyclicReferenceTests {
    @Test func tablesReferringToEachOtherAreCreated() async throws {
        let project = try MigrationProject()
        try project.write(spec: """
        keel: 1
        service: { name: org, version: 1.0.0 }
        tables:
          teams:
            columns:
              id: id
              lead_id: { type: ref, table: members, on_delete: set_null, nullable: true }
          members:
            columns:
              id: id
              team_id: { type: ref, table: teams, on_delete: cascade }
              mentor_id: { type: ref, table: members, on_delete: set_null, nullable: true }
        """)
        let generation = try project.generate()
        let databases: [any LiveDatabase] = [SQLiteCatalog(path: project.root + "/test.sqlite"), try PostgresCatalog.fresh("keel_cycle"), try MariaDBCatalog.fresh("keel_cycle")]
        for database in databases {
            #expect(try await database.migrate(project.migrationsDirectory) == ["0001_initial.sql"])
            #expect(try database.schema() == LiveSchema(spec: generation.spec), "\(database.dialect)")
            _ = try database.query("INSERT INTO teams (lead_id) VALUES (NULL)")
            _ = try database.query("INSERT INTO members (team_id) VALUES (1)")
            _ = try database.query("UPDATE teams SET lead_id = 1")
            #expect(throws: (any Error).self, "\(database.dialect) must enforce the deferred key") {
                try database.query("INSERT INTO members (team_id) VALUES (99)")
            }
        }
    }
}

/// Renaming every column of an index in one migration keeps the index, under its new name, on every database.
struct IndexRenameTests {
    @Test func renamingAllColumnsOfAnIndex() async throws {
        let project = try MigrationProject()
        let versions = [
            "events: { columns: { id: id, kind: string, happened_on: date }, indexes: [[kind, happened_on]] }",
            "events: { columns: { id: id, category: { type: string, renamed_from: kind }, day: { type: date, renamed_from: happened_on } }, indexes: [[category, day]] }",
        ]
        let databases: [any LiveDatabase] = [SQLiteCatalog(path: project.root + "/test.sqlite"), try PostgresCatalog.fresh("keel_rename"), try MariaDBCatalog.fresh("keel_rename")]
        for (step, tables) in versions.enumerated() {
            try project.write(spec: "keel: 1\nservice: { name: log, version: 1.0.0 }\ntables:\n  \(tables)\n")
            let generation = try project.generate()
            for database in databases {
                let file = try #require(try project.migrations(database.dialect).last)
                #expect(try await database.migrate(project.migrationsDirectory) == [file])
                if step == 0 { _ = try database.query("INSERT INTO events (kind, happened_on) VALUES ('deploy', '2024-05-01')") }
                #expect(try database.schema() == LiveSchema(spec: generation.spec), "\(database.dialect) after step \(step + 1)")
            }
        }
        for database in databases {
            #expect(try database.query("SELECT category, day FROM events") == [["deploy", "2024-05-01"]], "\(database.dialect)")
        }
    }
}
