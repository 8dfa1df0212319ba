/// A scalar value type usable for parameters and fields of named types.
public enum ScalarType: String, Codable, Hashable, Sendable, CaseIterable {
    case int, int32, float, decimal, bool, string, text, date, timestamp, uuid, json, bytes
}

/// The type of a field, body or response.
public indirect enum TypeReference: Codable, Hashable, Sendable {
    case scalar(ScalarType)
    /// A table's model, named by the table (`products`).
    case model(table: String)
    /// A type of the `types` section.
    case named(String)
    case array(TypeReference)
    case enumeration(values: [String])
}

extension TypeReference {
    /// The values of an inline enum anywhere in the reference (an array of an enum, say), or nil.
    public var enumValues: [String]? {
        switch self {
        case .enumeration(let values): values
        case .array(let element): element.enumValues
        case .scalar, .model, .named: nil
        }
    }
}

/// A named shape from the `types` section (or the inline body of a custom endpoint).
public struct TypeDefinition: Codable, Hashable, Sendable {
    public struct Field: Codable, Hashable, Sendable {
        public var name: String
        /// lowerCamelCase name in Swift and TypeScript; JSON keeps `name`.
        public var fieldName: String
        public var type: TypeReference
        public var required: Bool
        public var description: String?
        /// The column options a scalar field's value keeps to.
        public var bounds = ValueBounds()
    }

    /// UpperCamelCase name, e.g. `RevenueReport`.
    public var name: String
    public var fields: [Field]
    /// Set when the type is the inline body of that custom endpoint.
    public var inlineBodyOf: String?
    public var location: SourceLocation
}
