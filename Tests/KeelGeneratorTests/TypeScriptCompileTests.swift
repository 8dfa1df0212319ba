import Foundation
import Testing
import KeelGenerator
import KeelTestSupport

/// The generated TypeScript client compiles with `tsc --strict` (Debian's node-typescript) and React's types
/// (node-react, node-csstype, node-prop-types), without a single error, for the example spec and for a spec
/// using every type and option of the spec language. A missing tool fails the test: `scripts/setup.sh` installs them.
struct TypeScriptCompileTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("TypeScript").path

    /// Writes the TypeScript output of `configPath` beside the test's tsconfig and runs `tsc` on it.
    func compile(configPath: String) async throws -> ProcessRunner.Result {
        let root = (configPath as NSString).deletingLastPathComponent
        let generation = try Generation.run(configPath: configPath, displayRelativeTo: root).get()
        let directory = NSTemporaryDirectory() + "keel-tsc-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outputs = try #require(generation.settings.outputs.typescript)
        let files = generation.files.filter { $0.path.hasPrefix(outputs + "/") }
        #expect(files.map { ($0.path as NSString).lastPathComponent }.sorted() == ["client.ts", "hooks.ts", "types.ts"])
        for file in files {
            try file.contents.write(toFile: directory + "/" + (file.path as NSString).lastPathComponent, atomically: true, encoding: .utf8)
        }
        try FileManager.default.copyItem(atPath: Self.resources + "/tsconfig.json", toPath: directory + "/tsconfig.json")
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/tsc"), "tsc is missing: run scripts/setup.sh (Debian node-typescript)")
        #expect(FileManager.default.fileExists(atPath: "/usr/share/nodejs/@types/react/index.d.ts"), "React's types are missing: run scripts/setup.sh (node-react)")
        return try await ProcessRunner.run("/usr/bin/tsc", ["--strict", "--noEmit", "-p", directory + "/tsconfig.json"])
    }

    /// `tsc` passes on the project's client and prints nothing.
    func expectCompiles(configPath: String) async throws {
        let result = try await compile(configPath: configPath)
        #expect(result.status == 0, "tsc: \(result.output)")
        #expect(result.output.isEmpty, "tsc: \(result.output)")
    }

    /// Project settings with only the TypeScript output on.
    static func typeScriptOnly(dialects: String? = nil) -> String {
        "spec: spec.yaml\n" + (dialects.map { "dialects: \($0)\n" } ?? "")
            + "outputs: { swift: null, openapi: null, marchproxy: null, migrations: null, typescript: gen/ts }\n"
    }

    @Test func exampleClientCompiles() async throws {
        try await expectCompiles(configPath: GoldenTests.exampleRoot + "/keel.yaml")
    }

    @Test func everyTypeClientCompiles() async throws {
        let project = try TestProject(
            spec: try String(contentsOfFile: Self.resources + "/every-type.yaml", encoding: .utf8),
            settings: Self.typeScriptOnly(dialects: "[sqlite, postgres]")
        )
        try await expectCompiles(configPath: project.configPath)
    }

    /// With local auth a custom endpoint may take and answer the built-in user model (`users`).
    @Test func builtInUserModelInABodyCompiles() async throws {
        let project = try TestProject(
            spec: TestProject.spec + "\n  - { name: importUsers, method: POST, path: /import, body: { users: { type: array, items: users } }, response: [users] }\n",
            settings: Self.typeScriptOnly()
        )
        try await expectCompiles(configPath: project.configPath)
    }

    /// Without authentication there is no login, no users and no token to send.
    @Test func clientWithoutAuthCompiles() async throws {
        let project = try TestProject(
            spec: TestProject.spec.replacingOccurrences(of: "base_path: /api/v1 }", with: "base_path: /api/v1, auth: none }"),
            settings: Self.typeScriptOnly()
        )
        let generated = try project.generation().files.map(\.contents).joined()
        #expect(!generated.contains("login("))
        try await expectCompiles(configPath: project.configPath)
    }
}
