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
}
