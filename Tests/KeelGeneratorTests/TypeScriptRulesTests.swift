@testable import KeelGenerator
import KeelSpec
import Testing

/// The JSDoc line of a field's length bounds reads as English for a bound of one too.
struct TypeScriptRulesTests {
    @Test func lengthsOfOneAreSingular() {
        #expect(TypeScriptTypes.rules(ValueBounds(minLength: 1)) == "At least 1 character.")
        #expect(TypeScriptTypes.rules(ValueBounds(maxLength: 1)) == "At most 1 character.")
        #expect(TypeScriptTypes.rules(ValueBounds(minLength: 1, maxLength: 1)) == "Exactly 1 character.")
        #expect(TypeScriptTypes.rules(ValueBounds(minLength: 0, maxLength: 1)) == "0 to 1 characters.")
        #expect(TypeScriptTypes.rules(ValueBounds(minLength: 2, maxLength: 8)) == "2 to 8 characters.")
    }
}
