extension KeyedEncodingContainer {
    /// Encodes `value` (`null` when it is nil) for `key`, as `encode(_:forKey:)` does. Generated models call this
    /// once per column because the type checker resolves one generic method in about half the time it weighs
    /// `encode(_:forKey:)`'s overloads (bench/compile-time.md).
    @inlinable
    public mutating func encodeField(_ value: some Encodable, _ key: Key) throws {
        try encode(value, forKey: key)
    }
}
