/// The bounds a value must keep to, as the options `min`, `max`, `min_length`, `max_length` and `pattern` state
/// them: on a column, a custom endpoint's path or query parameter, or a field of `types:`.
public struct ValueBounds: Codable, Hashable, Sendable {
    public var min: Double?
    public var max: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?

    public init(min: Double? = nil, max: Double? = nil, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil) {
        self.min = min
        self.max = max
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
    }
}

extension Column {
    /// The column's bounds, as parameters and fields of `types:` carry theirs.
    public var bounds: ValueBounds {
        ValueBounds(min: min, max: max, minLength: minLength, maxLength: maxLength, pattern: pattern)
    }
}
