/// A JSON-shaped value whose objects keep their key order, so YAML and JSON output is stable and readable.
public indirect enum StructuredValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    case object([(String, StructuredValue)])
    case array([StructuredValue])
    case string(String)
    case integer(Int64)
    /// A number kept as its literal text, so `0.5` never prints as `0.50000001`.
    case number(String)
    case bool(Bool)
    case null

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(Int64(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: StructuredValue...) { self = .array(elements) }

    public static func == (lhs: StructuredValue, rhs: StructuredValue) -> Bool {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(a), .array(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case let .object(pairs): for (key, value) in pairs { hasher.combine(key); hasher.combine(value) }
        case let .array(items): hasher.combine(items)
        case let .string(text), let .number(text): hasher.combine(text)
        case let .integer(number): hasher.combine(number)
        case let .bool(flag): hasher.combine(flag)
        case .null: hasher.combine(0)
        }
    }
}

/// Builds an object while leaving out absent values, so optional keys read naturally at call sites.
public struct ObjectBuilder {
    public private(set) var pairs: [(String, StructuredValue)] = []

    public init() {}

    public mutating func set(_ key: String, _ value: StructuredValue?) {
        guard let value else { return }
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            pairs[index].1 = value
        } else {
            pairs.append((key, value))
        }
    }

    public var value: StructuredValue { .object(pairs) }
}
