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

    /// Names the generated code gives to its own members and arguments beside a custom endpoint's parameters: the
    /// input's `body`, `principal` and `service`, the client method's `body` and the client's `service`.
    static let endpointMembers: Set<String> = ["body", "principal", "service"]

    /// The Swift name of a custom endpoint's path or query parameter: `identifier(snake)`, with a `Param` suffix
    /// when it is one of `endpointMembers` (`service` gives `serviceParam`), as the TypeScript client does.
    static func parameter(_ snake: String) -> String {
        let name = Inflector.lowerCamel(snake)
        return endpointMembers.contains(name) ? name + "Param" : identifier(snake)
    }

    /// The argument label of `parameter(snake)` at a call.
    static func parameterLabel(_ snake: String) -> String {
        let name = Inflector.lowerCamel(snake)
        return endpointMembers.contains(name) ? name + "Param" : label(snake)
    }

    /// The type nested in a generated type for a field's inline enum: `payment_method` gives `PaymentMethod`.
    /// Swift gives `Foo.Type` and `Foo.Protocol` their own meaning and reserves `Self` and `Any`, so those
    /// four take a `Value` suffix (`type` gives `TypeValue`).
    static func nestedType(_ snake: String) -> String {
        let name = Inflector.upperCamel(snake)
        return ["Type", "Protocol", "Self", "Any"].contains(name) ? name + "Value" : name
    }
}
