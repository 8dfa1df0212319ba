import Testing
import KeelGenerator

/// Built-in templates and the project's overrides of them.
struct TemplateTests {
    @Test func builtInTemplatesLoad() throws {
        let library = try TemplateLibrary.load(overrideDirectory: nil).get()
        #expect(library.origins.keys.contains("swift/Licensing.swift"))
    }

    @Test func projectOverrideReplacesTheBuiltInTemplate() throws {
        let project = try TestProject(settings: "spec: spec.yaml\ntemplates: templates\noutputs: { swift: gen/swift, openapi: null }\n")
        try project.write("templates/swift/Licensing.swift.mustache", "// our style\n{{#features}}let {{{caseName}}} = \"{{{tierCase}}}\"\n{{/features}}")
        try project.generate()
        #expect(try project.read("gen/swift/Licensing.swift").hasSuffix("// our style\nlet reports = \"professional\"\n"))
    }

    @Test func overrideOfAnUnknownTemplateIsAnError() throws {
        let project = try TestProject(settings: "spec: spec.yaml\ntemplates: templates\n")
        try project.write("templates/swift/Licencing.swift.mustache", "x")
        guard case let .failure(error) = TemplateLibrary.load(overrideDirectory: project.path("templates"), displayRelativeTo: project.root) else {
            Issue.record("an unknown override was accepted")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "templates/swift/Licencing.swift.mustache:1:1: error: template 'swift/Licencing.swift' overrides no built-in template; did you mean 'swift/Licensing.swift'?",
        ])
    }

    @Test func brokenOverrideIsReportedWhereItBreaks() throws {
        let project = try TestProject(settings: "spec: spec.yaml\ntemplates: templates\n")
        try project.write("templates/swift/Licensing.swift.mustache", "line one\n{{#tiers}}\n{{/features}}\n")
        guard case let .failure(error) = TemplateLibrary.load(overrideDirectory: project.path("templates"), displayRelativeTo: project.root) else {
            Issue.record("a broken template was accepted")
            return
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.location?.file == "templates/swift/Licensing.swift.mustache")
        #expect(error.diagnostics.first?.location?.line == 3)
    }
}
