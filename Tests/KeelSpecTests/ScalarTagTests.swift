import Testing
@testable import KeelSpec

/// YAML 1.1 typing of scalars, which every value a spec reads goes through (with its shortcuts for text and null).
struct ScalarTagTests {
    /// Each scalar and the kind it reads as.
    private static let cases: [(yaml: String, kind: String)] = [
        ("~", "null"), ("null", "null"), ("Null", "null"), ("''", "a string"), ("'null'", "a string"), ("!!null x", "null"),
        ("yes", "a boolean"), ("No", "a boolean"), ("OFF", "a boolean"), ("'yes'", "a string"),
        ("0", "an integer"), ("-12", "an integer"), ("1_000", "an integer"), ("0x1F", "an integer"), ("-0x1F", "an integer"),
        ("0o17", "an integer"), ("0b101", "an integer"), ("017", "an integer"), ("!!int 3", "an integer"),
        ("09", "a number"), ("1.5", "a number"), (".5", "a number"), ("-1e3", "a number"), ("_1", "a number"),
        ("+.inf", "a number"), (".NaN", "a number"),
        ("1e", "a string"), ("abc", "a string"), ("1.2.3", "a string"), ("+", "a string"), ("_", "a string"),
        ("'12'", "a string"), ("\"3\"", "a string"), ("2026-01-01", "a string"), ("!!str 12", "a string"), ("! 12", "a string"),
        ("!!timestamp 2026-01-01", "a string"), ("!!float 3", "a number"),
    ]

    @Test func scalarsReadAsTheirYAMLType() throws {
        let yaml = "[" + Self.cases.map(\.yaml).joined(separator: ", ") + "]"
        let items = try #require(YAMLFileReader.parse(yaml, file: "t.yaml", diagnostics: DiagnosticCollector())?.items)
        try #require(items.count == Self.cases.count)
        for (item, expected) in zip(items, Self.cases) {
            #expect(item.kindDescription == expected.kind, "\(expected.yaml)")
            #expect(item.isNull == (expected.kind == "null"), "\(expected.yaml)")
        }
    }
}
