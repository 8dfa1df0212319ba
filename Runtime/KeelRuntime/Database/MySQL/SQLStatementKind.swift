/// Tells a statement that only reads from one that may write, and DDL, by its first keyword.
enum SQLStatementKind {
    private static let readingKeywords: Set<String> = ["SELECT", "SHOW", "WITH", "EXPLAIN", "DESCRIBE", "DESC", "VALUES"]

    private static let committingKeywords: Set<String> = ["CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE"]

    /// True for DDL, which commits by itself: it cannot run inside a transaction of its own.
    static func commitsItself(_ sql: String) -> Bool {
        committingKeywords.contains(firstKeyword(sql))
    }

    /// True for `SELECT`, `SHOW`, `WITH` (MariaDB's `WITH` only selects), `EXPLAIN`, `DESCRIBE` and `VALUES`;
    /// leading spaces and parentheses are skipped. Anything else may write.
    static func onlyReads(_ sql: String) -> Bool {
        readingKeywords.contains(firstKeyword(sql))
    }

    private static func firstKeyword(_ sql: String) -> String {
        sql.drop { $0.isWhitespace || $0 == "(" }.prefix { $0.isLetter }.uppercased()
    }
}
