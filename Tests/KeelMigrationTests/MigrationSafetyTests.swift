import Foundation
import Testing
import KeelGenerator
import KeelSpec

/// Destructive changes are never planned silently; applied history is never rewritten.
struct MigrationSafetyTests {
    let project: MigrationProject
    var root: String { project.root }

    static let v1 = """
    keel: 1
    service: { name: shop, version: 1.0.0 }
    tables:
      products:
        columns:
          id: id
          sku: { type: string, max_length: 64 }
          status: { type: enum, values: [draft, live, gone] }
          notes: { type: text, nullable: true }
      tags:
        columns:
          id: id
          label: string
    """

    init() throws {
        project = try MigrationProject(output: "db", dialects: [.sqlite, .postgres])
        try write(Self.v1)
        try project.generate()
    }

    func write(_ spec: String) throws {
        try project.write(spec: spec)
    }

    func generate(allowDestructive: Bool = false) throws -> Generation {
        try project.generation(allowDestructive: allowDestructive).get()
    }

    func diagnostics() -> [String] {
        guard case let .failure(error) = project.generation() else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test func destructiveChangesNeedTheFlagAndNameTheirRisk() throws {
        try write("""
        keel: 1
        service: { name: shop, version: 1.0.0 }
        tables:
          products:
            columns:
              id: id
              sku: { type: string, max_length: 32 }
              status: { type: enum, values: [draft, live] }
        """)
        #expect(diagnostics() == [
            "db/schema-snapshot.json:1:1: error: KEEL-M001: table 'tags' is no longer in the spec; dropping it deletes all its rows; pass --allow-destructive to generate it",
            "spec.yaml:4:3: error: KEEL-M002: column 'products.notes' is no longer in the spec; dropping it deletes its data (to keep the data under a new name, use 'renamed_from'); pass --allow-destructive to generate it",
            "spec.yaml:7:7: error: KEEL-M003: column 'products.sku': changing the type from string(64) to string(32) may truncate or reject existing values; pass --allow-destructive to generate it",
            "spec.yaml:8:7: error: KEEL-M004: column 'products.status': removing enum value 'gone' fails on rows that hold it; pass --allow-destructive to generate it",
        ])
        let plan = try generate(allowDestructive: true).plan()
        #expect(plan.creations.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["0002_drop_products_notes_alter_products_sku_and_2_more.sql", "0002_drop_products_notes_alter_products_sku_and_2_more.sql"])
    }

    @Test func notNullColumnWithoutDefaultIsRefusedEvenWithTheFlag() throws {
        try write(Self.v1.replacingOccurrences(of: "notes: { type: text, nullable: true }", with: "notes: { type: text, nullable: true }\n      weight: int"))
        let expected = "spec.yaml:10:7: error: KEEL-M010: column 'products.weight' is added to an existing table as NOT NULL without a default, so existing rows would have no value; add a default, or add it with 'nullable: true', fill it, and drop 'nullable' in a later change"
        #expect(diagnostics() == [expected])
        #expect(throws: SpecError.self) { try generate(allowDestructive: true) }
    }

    @Test func unchangedSpecPlansNothingAndChangedSpecIsReportedByCheck() throws {
        #expect(try generate().plan().isUpToDate)
        try write(Self.v1.replacingOccurrences(of: "label: string", with: "label: string\n      color: { type: string, nullable: true }"))
        let plan = try generate().plan()
        #expect(plan.creations.map { $0.path.replacingOccurrences(of: root + "/", with: "") } == ["db/postgres/0002_add_tags_color.sql", "db/sqlite/0002_add_tags_color.sql"])
        #expect(plan.updates.map { $0.path.replacingOccurrences(of: root + "/", with: "") } == ["db/keel.sum", "db/schema-snapshot.json"])
    }

    @Test func aDialectAddedLaterStartsFromTheWholeSchema() throws {
        try project.configure(dialects: [.sqlite, .postgres, .mysql])
        let plan = try generate().plan()
        #expect(plan.creations.map { $0.path.replacingOccurrences(of: root + "/", with: "") } == ["db/mysql/0002_initial.sql"])
        let sql = try #require(plan.creations.first?.contents)
        #expect(sql.contains("CREATE TABLE `products`") && sql.contains("CREATE TABLE `tags`"))
        try FileWriter.apply(plan)
        #expect(try generate().plan().isUpToDate)
    }

    @Test func editedOrDeletedMigrationsStopGeneration() throws {
        let migration = root + "/db/sqlite/0001_initial.sql"
        let original = try String(contentsOfFile: migration, encoding: .utf8)
        // Line endings do not count: the checksum normalises them.
        try original.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: migration, atomically: true, encoding: .utf8)
        #expect(diagnostics().isEmpty)
        try (original + "DROP TABLE tags;\n").write(toFile: migration, atomically: true, encoding: .utf8)
        #expect(diagnostics() == ["db/sqlite/0001_initial.sql:1:1: error: KEEL-M020: migration was edited after it was generated (its checksum differs from keel.sum); restore it from version control and put the change in the spec, so a new migration carries it"])
        try FileManager.default.removeItem(atPath: migration)
        #expect(diagnostics() == ["db/keel.sum:1:1: error: KEEL-M021: migration sqlite/0001_initial.sql listed in keel.sum is missing; restore it from version control"])
        try FileManager.default.removeItem(atPath: root + "/db/schema-snapshot.json")
        #expect(diagnostics().first == "keel: error: KEEL-M023: db/schema-snapshot.json is missing but migrations exist; restore it from version control")
    }
}
