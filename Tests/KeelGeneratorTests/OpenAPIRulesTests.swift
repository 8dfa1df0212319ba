import Foundation
import Testing
@testable import KeelGenerator

/// The patterns the OpenAPI document states take exactly what the runtime takes (FieldValidator's rules).
struct OpenAPIRulesTests {
    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// decimal(5, 2): three digits before the point once leading zeros are dropped, two after, a sign unless refused.
    @Test func decimalDigits() throws {
        let signed = OpenAPIRules.decimal(precision: 5, scale: 2, signed: true)
        for text in ["0", "123", "123.45", "-123.4", "000123.40", "-0"] { #expect(try Self.matches(signed, text), "\(text)") }
        for text in ["1234", "1.234", ".5", "1.", "", "1e3", "+1", "12a"] { #expect(try !Self.matches(signed, text), "\(text)") }
        let unsigned = OpenAPIRules.decimal(precision: 5, scale: 2, signed: false)
        #expect(try Self.matches(unsigned, "12.5"))
        #expect(try !Self.matches(unsigned, "-12.5"))
        let fractionOnly = OpenAPIRules.decimal(precision: 4, scale: 4, signed: true)
        #expect(try Self.matches(fractionOnly, "0.1234"))
        #expect(try !Self.matches(fractionOnly, "1.5"))
        let whole = OpenAPIRules.decimal(precision: 3, scale: 0, signed: true)
        #expect(try Self.matches(whole, "999"))
        #expect(try !Self.matches(whole, "1.0"))
        #expect(OpenAPIRules.largestWhole(digits: 3) == 999)
        #expect(OpenAPIRules.largestWhole(digits: 0) == 0)
        #expect(OpenAPIRules.largestWhole(digits: 30) == .max)
    }

    @Test func base64AsFoundationReadsIt() throws {
        for text in ["", "QQ==", "QUI=", "QUJD", "+/+/"] {
            #expect(try Self.matches(OpenAPIRules.base64, text) == (Data(base64Encoded: text) != nil), "\(text)")
        }
        // (Not "QUJD\n": ICU's `$` also matches before a final line break, ECMA-262's does not; Foundation refuses it.)
        for text in ["QQ", "QUI", "Q===", "QU JD", "-_-_"] {
            #expect(try !Self.matches(OpenAPIRules.base64, text), "\(text)")
            #expect(Data(base64Encoded: text) == nil, "\(text)")
        }
    }

    @Test func noNUL() throws {
        #expect(try Self.matches(OpenAPIRules.noNUL, "plain text é"))
        #expect(try !Self.matches(OpenAPIRules.noNUL, "a\u{0}b"))
    }

    /// ICU's `\s` holds U+0085; ECMA-262's does not, so the document's pattern names it.
    @Test func whiteSpaceAsTheRuntimeReadsIt() {
        #expect(OpenAPIRules.ecmaPattern(#"^[^@\s]+@[^@\s]+$"#) == #"^[^@\s\u0085]+@[^@\s\u0085]+$"#)
        #expect(OpenAPIRules.ecmaPattern(#"^a\sb\.c$"#) == #"^a[\s\u0085]b\.c$"#)
        #expect(OpenAPIRules.ecmaPattern(#"^\+?[0-9 ()-]{6,31}$"#) == #"^\+?[0-9 ()-]{6,31}$"#)
    }
}
