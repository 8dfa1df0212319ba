import Foundation
import Testing
import Yams
@testable import KeelGenerator

/// YAML and JSON output must read back as exactly the values written.
struct RendererTests {
    static let tricky: StructuredValue = .object([
        ("plain", "hello world"),
        ("looks_like_bool", "yes"),
        ("looks_like_number", "1.0"),
        ("null_word", "null"),
        ("colon", "a: b"),
        ("hash", "a #comment"),
        ("quote", "say \"hi\"\n"),
        ("leading_dash", "- item"),
        ("$ref", "#/components/schemas/X"),
        ("200", "status key"),
        ("number", .number("9.99")),
        ("int", 42),
        ("flag", false),
        ("nothing", .null),
        ("empty_list", []),
        ("empty_map", .object([])),
        ("list_of_maps", [.object([("a", 1), ("b", ["x", "y"])]), .object([("c", "d")])]),
    ])

    @Test func yamlReadsBackAsWritten() throws {
        let text = YAMLRenderer.render(Self.tricky)
        let loaded = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(loaded["looks_like_bool"] as? String == "yes")
        #expect(loaded["looks_like_number"] as? String == "1.0")
        #expect(loaded["null_word"] as? String == "null")
        #expect(loaded["colon"] as? String == "a: b")
        #expect(loaded["hash"] as? String == "a #comment")
        #expect(loaded["quote"] as? String == "say \"hi\"\n")
        #expect(loaded["leading_dash"] as? String == "- item")
        #expect(loaded["200"] as? String == "status key")
        #expect(loaded["number"] as? Double == 9.99)
        #expect(loaded["int"] as? Int == 42)
        #expect(loaded["flag"] as? Bool == false)
        #expect(loaded["empty_list"] as? [Any] != nil)
        let maps = try #require(loaded["list_of_maps"] as? [[String: Any]])
        #expect(maps.count == 2 && maps[0]["b"] as? [String] == ["x", "y"] && maps[1]["c"] as? String == "d")
    }

    @Test func jsonReadsBackAsWritten() throws {
        let text = JSONRenderer.render(Self.tricky)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["quote"] as? String == "say \"hi\"\n")
        #expect(object["nothing"] is NSNull)
        #expect(text.hasSuffix("}\n"))
    }
}
