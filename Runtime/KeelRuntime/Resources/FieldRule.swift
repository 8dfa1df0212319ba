import Foundation

/// What the spec allows in one writable column, custom endpoint parameter or field of `types:`; generated code
/// declares one for each, and every body, filter and parameter value is checked against it before any SQL or
/// handler runs.
public struct FieldRule: Sendable {
    /// The column's spec type, with its type-specific bounds.
    public enum Kind: Sendable {
        case int, int32, float, bool, text, date, timestamp, uuid, json, bytes, reference
        case decimal(precision: Int, scale: Int)
        case string(maxLength: Int)
        case enumeration([String])

        /// A decimal of any size: fields of `types:` declare no precision.
        public static let anyDecimal = Kind.decimal(precision: .max, scale: .max / 2)
    }

    public let name: String
    public let kind: Kind
    public let nullable: Bool
    /// Whether a create may leave the field out (it has a default or is nullable).
    public let optionalOnCreate: Bool
    public let minimum: Double?
    public let maximum: Double?
    public let minLength: Int?
    public let maxLength: Int?
    public let pattern: NSRegularExpression?

    public init(_ name: String, _ kind: Kind, nullable: Bool = false, hasDefault: Bool = false, min: Double? = nil, max: Double? = nil,
                minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil) {
        self.name = name
        self.kind = kind
        self.nullable = nullable
        optionalOnCreate = nullable || hasDefault
        minimum = min
        maximum = max
        self.minLength = minLength
        if case .string(let limit) = kind { self.maxLength = Swift.min(maxLength ?? limit, limit) } else { self.maxLength = maxLength }
        self.pattern = pattern.flatMap(CompiledPatterns.regularExpression)
    }
}
