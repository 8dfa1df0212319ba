/// Tells a statement that only reads from one that may write, by its first keyword.
enum SQLStatementKind {
    private static let readingKeywords: Set<String> = ["SELECT", "SHOW", "WITH", "EXPLAIN", "DESCRIBE", "DESC", "VALUES"]

    /// True for `SELECT`, `SHOW`, `WITH` (MariaDB's `WITH` only selects), `EXPLAIN`, `DESCRIBE` and `VALUES`;
    /// leading spaces and parentheses are skipped. Anything else may write.
    static func onlyReads(_ sql: String) -> Bool {
        let keyword = sql.drop { $0.isWhitespace || $0 == "(" }.prefix { $0.isLetter }
        return readingKeywords.contains(keyword.uppercased())
    }
}
