import Foundation
import Testing
import KeelGenerator

/// A custom endpoint whose query parameters are all optional and which takes a body: the client method takes
/// `query = {}` before the body, and the hook's tuple must not mark it optional before a required element
/// (tsc: "A required element cannot follow an optional element").
struct TypeScriptOptionalQueryTests {
    @Test func optionalQueryBeforeABodyCompiles() async throws {
        let project = try TestProject(
            spec: TestProject.spec + "\n  - { name: tagProduct, method: POST, path: \"/tag/{id}\", params: { id: int }, query: { note: { type: string, required: false } }, body: { tag: string } }\n",
            settings: TypeScriptCompileTests.typeScriptOnly()
        )
        let hooks = try #require(try project.generation().files.first { $0.path.hasSuffix("hooks.ts") }).contents
        #expect(hooks.contains("[id: number, query: TagProductQuery | undefined, body: TagProductBody]"))
        try await TypeScriptCompileTests().expectCompiles(configPath: project.configPath)
    }
}
