@testable import KeelRuntime
import Testing

/// A bound of one reads as English in a field's message: "1 character", not "1 characters".
struct FieldValidatorMessageTests {
    static func problem(_ json: JSONValue, _ rule: FieldRule) -> String? {
        guard case .failure(let problem) = FieldValidator.value(json, for: rule) else { return nil }
        return problem.message
    }

    @Test func oneIsSingular() {
        #expect(Self.problem("", FieldRule("name", .text, minLength: 1)) == "must be at least 1 character long")
        #expect(Self.problem("ab", FieldRule("code", .text, maxLength: 1)) == "must be at most 1 character long")
        #expect(Self.problem("1.25", FieldRule("rate", .decimal(precision: 4, scale: 1))) == "must have at most 1 digit after the point")
        #expect(Self.problem("12.5", FieldRule("rate", .decimal(precision: 2, scale: 1))) == "must have at most 1 digit before the point")
    }

    @Test func otherCountsArePlural() {
        #expect(Self.problem("a", FieldRule("name", .text, minLength: 2)) == "must be at least 2 characters long")
        #expect(Self.problem("abc", FieldRule("code", .string(maxLength: 2))) == "must be at most 2 characters long")
        #expect(Self.problem("1.5", FieldRule("whole", .decimal(precision: 4, scale: 0))) == "must have at most 0 digits after the point")
    }
}
