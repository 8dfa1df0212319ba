import Foundation
import Testing
import KeelGenerator
import KeelSpec

/// A table whose primary key is not called `id` (`person_id: id`) is referred to by its real key name, so the
/// migration applies and the foreign key holds on real SQLite, PostgreSQL and MariaDB.
@Suite(.serialized)
struct PrimaryKeyNameTests {
    static let spec = """
    keel: 1
    service: { name: keys, version: 1.0.0 }
    tables:
      people:
        columns:
          person_id: id
          name: { type: string, max_length: 40 }
      pets:
        columns:
          id: id
          owner: { type: ref, table: people, on_delete: cascade }

    """

    @Test func aReferenceUsesTheTargetsPrimaryKeyName() async throws {
        let project = try MigrationProject()
        try project.write(spec: Self.spec)
        let generation = try project.generate()
        let databases: [any LiveDatabase] = [
            SQLiteCatalog(path: project.root + "/test.sqlite"),
            try PostgresCatalog.fresh("keel_primary_key"),
            try MariaDBCatalog.fresh("keel_primary_key"),
        ]
        for database in databases {
            do {
                try await database.migrate(project.migrationsDirectory)
            } catch {
                Issue.record("\(database.dialect): \(error)")
                continue
            }
            #expect(try database.schema() == LiveSchema(spec: generation.spec), "\(database.dialect)")
            _ = try database.query("INSERT INTO people (name) VALUES ('Ada')")
            _ = try database.query("INSERT INTO pets (owner) VALUES (1)")
            // The key refers to people's person_id: a pet of nobody is refused, and deleting its owner deletes it.
            #expect(throws: (any Error).self, "\(database.dialect)") { try database.query("INSERT INTO pets (owner) VALUES (2)") }
            _ = try database.query("DELETE FROM people")
            #expect(try database.query("SELECT COUNT(*) FROM pets") == [["0"]], "\(database.dialect)")
        }
    }
}
