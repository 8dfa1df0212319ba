import Foundation
import KeelGenerator
import KeelTestSupport
import Testing
import Yams

/// The health checks answer 503 with the `Health` body (`"status": "unhealthy"` and what is down), not the error
/// envelope, and the OpenAPI document says so.
struct HealthResponsesTests {
    @Test(arguments: ["/healthz", "/readyz"])
    func unavailableIsTheHealthBody(_ path: String) throws {
        let root = GoldenTests.exampleRoot
        let generation = try Generation.run(configPath: root + "/keel.yaml", displayRelativeTo: root).get()
        let openapi = try #require(generation.files.first { $0.path.hasSuffix("openapi.yaml") })
        let document = try #require(try Yams.load(yaml: openapi.contents) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        let operation = try #require((paths[path] as? [String: Any])?["get"] as? [String: Any])
        let responses = try #require(operation["responses"] as? [String: Any])
        let unavailable = try #require(responses["503"] as? [String: Any])
        let content = unavailable["content"] as? [String: Any]
        let schema = (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        #expect(schema?["$ref"] as? String == "#/components/schemas/Health", "\(path) 503: \(unavailable)")
    }
}
