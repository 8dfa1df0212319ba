import KeelSpec

/// Swift spellings of spec names.
enum SwiftNames {
    /// lowerCamelCase identifier, backticked when Swift reserves it (`default` becomes `` `default` ``); `self`
    /// becomes `self_`, since a parameter named `self` would hide the instance in the initialisers Keel writes
    /// (spec names cannot end in `_`, so no other name becomes `self_`).
    static func identifier(_ snake: String) -> String {
        escaped(Inflector.lowerCamel(snake))
    }

    /// `name` as it is, backticked when Swift reserves it (`self` becomes `self_`).
    static func escaped(_ name: String) -> String {
        if name == "self" { return "self_" }
        return ReservedWords.swift.contains(name) ? "`\(name)`" : name
    }

    /// The argument label of `identifier(snake)` at a call: Swift takes keywords there bare (and warns about
    /// backticks), except `inout`.
    static func label(_ snake: String) -> String {
        let name = Inflector.lowerCamel(snake)
        if name == "self" { return "self_" }
        return name == "inout" ? "`inout`" : name
    }

    /// The type nested in a generated type for a field's inline enum: `payment_method` gives `PaymentMethod`.
    /// Swift gives `Foo.Type` and `Foo.Protocol` their own meaning and reserves `Self` and `Any`, so those
    /// four take a `Value` suffix (`type` gives `TypeValue`).
    static func nestedType(_ snake: String) -> String {
        let name = Inflector.upperCamel(snake)
        return ["Type", "Protocol", "Self", "Any"].contains(name) ? name + "Value" : name
    }
}
