import Testing
@testable import KeelGenerator

/// Spec text written into generated Swift as literals: a pattern or a migration must read back exactly.
struct SwiftLiteralTests {
    @Test(arguments: [
        (#"^[a-z]+$"#, ##"#"^[a-z]+$"#"##),
        // `"#` would end the literal.
        (##"a"#b"##, ###"##"a"#b"##"###),
        // `\#` would start an escape: `\#d` is not a backslash and a `d`.
        (##"^\#d+$"##, ###"##"^\#d+$"##"###),
        (####"\##"x"#"####, ####"###"\##"x"#"###"####),
        // A line break cannot stand in a one-line literal, a CRLF included.
        ("a\r\nb", #""a\r\nb""#),
        ("a\nb", #""a\nb""#),
    ])
    func rawStringsNeitherEndNorEscapeEarly(text: String, literal: String) {
        #expect(SwiftLiteral.rawString(text) == literal)
    }

    @Test func multilineRawStringsCountTheirHashes() {
        #expect(SwiftLiteral.multilineRawString("SELECT 1;\n", indent: "  ") == "#\"\"\"\n  SELECT 1;\n\n  \"\"\"#")
        #expect(SwiftLiteral.multilineRawString(##"x = '\#'"##, indent: "") == "##\"\"\"\nx = '\\#'\n\"\"\"##")
        #expect(SwiftLiteral.multilineRawString(##""""#"##, indent: "") == "##\"\"\"\n\"\"\"#\n\"\"\"##")
    }

    /// The byte loop splits lines as splitting Characters at "\n" did: a CRLF is one Character, so not a line end.
    @Test(arguments: ["", "\n", "\n\n", "a", "a\nb\n", "\na\n\nb", "a\r\nb\nc", "\r\n\n", "\r\n", "é\n👍🏽 x\n", "\"\"\"#\n\\##"])
    func multilineRawStringsSplitLinesAsCharactersDid(text: String) {
        let hashes = String(SwiftLiteral.multilineRawString(text, indent: "").prefix { $0 == "#" })
        let lines: [String] = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        let expected: String = hashes + "\"\"\"\n" + lines.joined(separator: "\n") + "\n    \"\"\"" + hashes
        #expect(SwiftLiteral.multilineRawString(text, indent: "    ") == expected)
    }
}
