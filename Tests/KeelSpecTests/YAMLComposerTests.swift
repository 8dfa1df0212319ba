import Testing
@testable import KeelSpec

/// How spec files become nodes: what libyaml reads, what Keel refuses on the way, and where it says so.
struct YAMLComposerTests {
    private func read(_ yaml: String) -> (value: YAMLValue?, messages: [String]) {
        let diagnostics = DiagnosticCollector()
        let value = YAMLFileReader.parse(yaml, file: "t.yaml", diagnostics: diagnostics)
        return (value, diagnostics.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" })
    }

    @Test func mappingsKeepTheirOrderAndPlaces() throws {
        let (value, messages) = read("b: 1\na:\n  - x\n  - 'y'\n")
        #expect(messages.isEmpty)
        let entries = try #require(value?.entries)
        #expect(entries.map(\.key) == ["b", "a"])
        #expect(entries[1].value.items?.map(\.location.line) == [3, 4])
        #expect(entries[1].value.items?.map(\.location.column) == [5, 5])
        #expect(entries[1].value.items?.map(\.kindDescription) == ["a string", "a string"])
    }

    @Test func aliasesStandForTheirAnchor() throws {
        let (value, messages) = read("roles: &r [admin, staff]\nagain: *r\n")
        #expect(messages.isEmpty)
        let entries = try #require(value?.entries)
        #expect(entries[1].value.items?.compactMap(\.text) == ["admin", "staff"])
    }

    /// A quoted key is the same key as a plain one: both are text.
    @Test func aKeyTwiceIsReportedAtItsFirstPlace() {
        let (_, messages) = read("a: 1\nb: 2\n'a': 3\nb: 4\n")
        #expect(messages == ["1:1 key 'a', 'b' appears twice in this mapping; keep one"])
    }

    @Test func anUndefinedAliasIsReportedWhereItStands() {
        #expect(read("a: *nowhere\n").messages == ["1:4 invalid YAML: found undefined alias"])
    }

    @Test func aSecondDocumentIsRefused() {
        #expect(read("a: 1\n---\nb: 2\n").messages == ["2:1 invalid YAML: but found another document (expected a single document in the stream at line 1)"])
    }

    /// Each alias weighs as much as the values its anchor stands for, so nesting them multiplies.
    @Test func aliasesThatMultiplyArePastTheLimit() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...6 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let messages = read(yaml).messages
        #expect(messages.count == 1)
        #expect(messages.first?.hasSuffix("aliases make this file more than 100000 values larger; use fewer aliases") == true)
    }

    @Test func anEmptyFileHasNoRoot() {
        let (value, messages) = read("# only a comment\n")
        #expect(value == nil)
        #expect(messages.isEmpty)
    }
}
