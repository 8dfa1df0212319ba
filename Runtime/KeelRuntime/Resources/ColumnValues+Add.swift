extension Array where Element == (column: String, value: DatabaseValue) {
    /// Appends a column and its value. Generated models call this once per column because the type checker
    /// resolves it in about half the time of `append((name, value.databaseValue))` (bench/compile-time.md).
    @inlinable
    public mutating func add(_ column: String, _ value: some DatabaseBindable) {
        append((column: column, value: value.databaseValue))
    }
}
