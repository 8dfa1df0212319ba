import Foundation
import Testing
import KeelGenerator
import KeelSpec

/// specs/reserved, whose every name is a reserved word, stays generated and its client compiles; the few names
/// the generated Swift really cannot take are located errors that say what to do.
struct ReservedSpecTests {
    static let root = TestProject.repositoryRoot + "/specs/reserved"

    @Test func committedReservedOutputIsCurrent() throws {
        let plan = try Generation.run(configPath: Self.root + "/keel.yaml", displayRelativeTo: Self.root).get().plan()
        let stale = (plan.creations + plan.updates).map(\.path)
        #expect(stale.isEmpty, "run `swift run keel generate --config specs/reserved/keel.yaml`: \(stale)")
    }

    @Test func reservedClientCompiles() async throws {
        try await TypeScriptCompileTests().expectCompiles(configPath: Self.root + "/keel.yaml")
    }

    /// Reserved words are escaped where they become Swift or TypeScript identifiers, and kept as written on the wire.
    @Test func reservedWordsAreEscapedNotRenamed() throws {
        let generation = try Generation.run(configPath: Self.root + "/keel.yaml", displayRelativeTo: Self.root).get()
        func file(_ suffix: String) throws -> String { try #require(generation.files.first { $0.path.hasSuffix(suffix) }).contents }
        let order = try file("/Models/Order.swift")
        #expect(order.contains("public var `return`: DecimalValue"))
        #expect(order.contains("case `return` = \"return\""))
        #expect(order.contains(#"columns: ["id", "from", "where", "is", "return", "#))
        #expect(try file("/Models/Group.swift").contains("public var self_: String"))
        #expect(try file("/API.swift").contains("func `import`(_ input: ImportInput)"))
        #expect(try file("/Types.swift").contains("public enum TypeValue: String"))
        let migration = try String(contentsOfFile: Self.root + "/generated/migrations/mysql/0001_initial.sql", encoding: .utf8)
        #expect(migration.contains("CREATE TABLE `order` (") && migration.contains("CONSTRAINT `order_user_fkey` FOREIGN KEY (`user`) REFERENCES `user` (`id`)"))
        #expect(try file("types.ts").contains("\n  return: string;\n"))
    }

    @Test func namesTheGeneratedSwiftUsesAreLocatedErrors() throws {
        let project = try TestProject(spec: """
        keel: 1
        service: { name: shop, version: 1.0.0 }
        tables:
          dates:
            columns:
              id: id
              primary_key: int
              values: { type: string, max_length: 10 }
              stock: { type: enum, values: [in_stock, in__stock] }
          repositories:
            model: ModelRepository
            columns: { id: id }
        types:
          Self: { name: string }
          CustomRoute: { name: string }
        endpoints:
          - name: lookup
            method: GET
            path: /lookup/{service}
            params: { service: int }
            query: { service_param: string }
        """)
        let error = try #require(throws: SpecError.self) { try project.generation() }
        let messages = error.diagnostics.map(\.description)
        #expect(messages == [
            "spec.yaml:4:3: error: the model of table 'dates' would be the Swift type 'Date', which Swift reserves or the generated code uses; set 'model:' to another name",
            "spec.yaml:7:7: error: column 'dates.primary_key' would be the Swift property 'primaryKey', which the generated code uses for the model's id accessor (ResourceModel); rename the column (with 'renamed_from: primary_key' to keep its data)",
            "spec.yaml:8:7: error: column 'dates.values' would be the Swift property 'values', which the generated code uses for the column values of its Create and Patch types; rename the column (with 'renamed_from: values' to keep its data)",
            "spec.yaml:10:3: error: the model of table 'repositories' would be the Swift type 'ModelRepository', which Swift reserves or the generated code uses; set 'model:' to another name",
            "spec.yaml:14:3: error: type 'Self' would hide the Swift type of that name, which Swift reserves or the generated code uses; rename it",
            "spec.yaml:15:3: error: type 'CustomRoute' would hide the Swift type of that name, which Swift reserves or the generated code uses; rename it",
            // `service` is the input's own member: the parameter becomes `serviceParam`, which `service_param` is too.
            "spec.yaml:17:11: error: parameters 'service' and 'service_param' of endpoint 'lookup' would both be the Swift name 'serviceParam'; rename one",
            // TypeScript and JSON keep enum values as they are: only Swift's cases meet.
            "spec.yaml:9:7: error: values 'in_stock' and 'in__stock' of 'dates.stock' would both be the Swift case 'inStock'; rename one",
        ])
        // `model:` is the way out for the table; the same spec without Swift output is fine.
        try project.write("keel.yaml", "spec: spec.yaml\noutputs: { swift: null, openapi: gen/openapi.yaml, typescript: null, marchproxy: null, migrations: null }\n")
        _ = try project.generation()
    }
}
