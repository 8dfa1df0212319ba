import Testing
import KeelGenerator
import KeelSpec

/// keel.yaml: defaults, turning outputs off, and mistakes.
struct ProjectSettingsTests {
    @Test func defaultsAndDisabledOutputs() throws {
        let project = try TestProject(settings: "outputs: { typescript: null }\n")
        let settings = try ProjectLoader.load(configPath: project.configPath).get()
        #expect(settings.spec == project.path("specs"))
        #expect(settings.dialects == [.sqlite, .postgres, .mysql])
        #expect(settings.outputs.swift == project.path("Sources/App/Generated"))
        #expect(settings.outputs.openapi == project.path("openapi.yaml"))
        #expect(settings.outputs.typescript == nil)
    }

    @Test func overlappingOutputsAndUnknownDialectsAreErrors() throws {
        let project = try TestProject(settings: "spec: spec.yaml\ndialects: [sqlite, postgress]\noutputs: { swift: gen, migrations: gen/migrations }\n")
        guard case let .failure(error) = ProjectLoader.load(configPath: project.configPath, displayRelativeTo: project.root) else {
            Issue.record("bad settings were accepted")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "keel.yaml:2:20: error: unknown dialect 'postgress'; did you mean 'postgres'?",
            "keel.yaml:3:10: error: outputs.swift and outputs.migrations overlap (\(project.path("gen")), \(project.path("gen/migrations"))); give each output its own directory",
        ])
    }
}
