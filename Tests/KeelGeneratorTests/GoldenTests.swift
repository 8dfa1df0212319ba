import Foundation
import Testing
import KeelGenerator
import KeelSpec
import KeelTestSupport

/// The example project against committed expected files (set KEEL_UPDATE_GOLDEN=1 to rewrite them, then review).
struct GoldenTests {
    static let exampleRoot = TestProject.repositoryRoot + "/specs/example"

    func example() throws -> Generation {
        try Generation.run(configPath: Self.exampleRoot + "/keel.yaml", displayRelativeTo: Self.exampleRoot).get()
    }

    func expectGolden(_ actual: String, _ name: String) throws {
        let path = TestProject.goldenDirectory + "/" + name
        if ProcessInfo.processInfo.environment["KEEL_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOfFile: path, encoding: .utf8)), "\(name) differs from the golden file")
    }

    @Test func resolvedModel() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(try example().spec), as: UTF8.self) + "\n"
        try expectGolden(json, "example.model.json")
    }

    @Test func openAPIDocument() throws {
        let generation = try example()
        let openapi = try #require(generation.files.first { $0.path.hasSuffix("openapi.yaml") })
        try expectGolden(openapi.contents, "example.openapi.yaml")
    }

    @Test func committedExampleOutputIsCurrent() throws {
        let plan = try example().plan()
        #expect(plan.isUpToDate, "run `swift run keel generate --config specs/example/keel.yaml`")
    }

    /// The example's first migration per dialect, generated from scratch, is byte for byte the committed one.
    @Test(arguments: Dialect.allCases)
    func initialMigration(_ dialect: Dialect) throws {
        let copy = NSTemporaryDirectory() + "keel-golden-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.exampleRoot + "/keel.yaml", toPath: copy + "/keel.yaml")
        try FileManager.default.copyItem(atPath: Self.exampleRoot + "/spec", toPath: copy + "/spec")
        let generation = try Generation.run(configPath: copy + "/keel.yaml", displayRelativeTo: copy).get()
        let relative = "generated/migrations/\(dialect.rawValue)/0001_initial.sql"
        let fresh = try #require(generation.files.first { $0.path == copy + "/" + relative })
        #expect(fresh.contents == (try String(contentsOfFile: Self.exampleRoot + "/" + relative, encoding: .utf8)))
    }

    @Test func generationIsDeterministic() throws {
        let first = try example().files
        let second = try example().files
        #expect(first == second)
    }

    /// openapi-spec-validator (PyPI) is the referee; the test script installs it.
    @Test func openAPIPassesTheValidator() async throws {
        let generation = try example()
        let openapi = try #require(generation.files.first { $0.path.hasSuffix("openapi.yaml") })
        let file = NSTemporaryDirectory() + "keel-openapi-\(UUID().uuidString).yaml"
        try openapi.contents.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try await ProcessRunner.run("/usr/bin/env", ["python3", "-m", "openapi_spec_validator", file])
        #expect(result.status == 0, "openapi-spec-validator: \(result.output)")
    }
}
