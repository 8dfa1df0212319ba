import Foundation
@testable import KeelRuntime
import Testing

/// A field's pattern is compiled once per service, not each time generated code builds the field's rule again.
struct FieldRulePatternTests {
    @Test func rulesOfOnePatternShareOneCompiledExpression() throws {
        let first = try #require(FieldRule("sku", .text, pattern: #"^[A-Z]{3}-\d+$"#).pattern)
        let again = try #require(FieldRule("code", .text, pattern: #"^[A-Z]{3}-\d+$"#).pattern)
        #expect(first === again)
        let other = try #require(FieldRule("sku", .text, pattern: #"^\d+$"#).pattern)
        #expect(other !== first)
        #expect(other.pattern == #"^\d+$"#)
    }

    @Test func theSharedExpressionStillChecksValues() {
        let rule = FieldRule("sku", .text, pattern: #"^[A-Z]{3}-\d+$"#)
        #expect((try? FieldValidator.value("ABC-12", for: rule).get()) != nil)
        #expect((try? FieldValidator.value("abc-12", for: rule).get()) == nil)
    }
}
