/// Words a table or column may not be named, because some target language reserves them.
///
/// Generated SQL quotes every identifier, but a reserved name still forces quoting on every
/// hand-written query and breaks tools; so Keel refuses them and asks for another name.
public enum ReservedWords {
    /// The languages that reserve `name`, e.g. `["SQL", "Swift"]`; empty when the name is free.
    static func languages(reserving name: String) -> [String] {
        var found: [String] = []
        if sql.contains(name) { found.append("SQL") }
        if swift.contains(name) { found.append("Swift") }
        if typescript.contains(name) { found.append("TypeScript") }
        return found
    }

    /// Reserved in PostgreSQL, MySQL/MariaDB or SQLite (the union of their reserved keyword lists).
    static let sql: Set<String> = [
        "abort", "all", "alter", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
        "autoincrement", "between", "bigint", "binary", "both", "by", "call", "cascade", "case", "cast",
        "change", "char", "character", "check", "collate", "column", "condition", "constraint", "continue",
        "convert", "create", "cross", "current_catalog", "current_date", "current_role", "current_time",
        "current_timestamp", "current_user", "cursor", "database", "databases", "dec", "decimal", "declare",
        "default", "deferrable", "delete", "desc", "describe", "distinct", "div", "do", "double", "drop",
        "each", "else", "elseif", "end", "escape", "except", "exists", "exit", "explain", "false", "fetch",
        "float", "for", "force", "foreign", "freeze", "from", "full", "fulltext", "glob", "grant", "group",
        "having", "if", "ilike", "in", "index", "initially", "inner", "inout", "insert", "int", "integer",
        "intersect", "interval", "into", "is", "isnull", "join", "key", "keys", "kill", "lateral", "leading",
        "leave", "left", "like", "limit", "lines", "load", "localtime", "localtimestamp", "lock", "long",
        "loop", "match", "natural", "not", "notnull", "null", "numeric", "of", "offset", "on", "only",
        "optimize", "option", "or", "order", "out", "outer", "over", "overlaps", "partition", "placing",
        "pragma", "precision", "primary", "procedure", "purge", "range", "read", "real", "references",
        "regexp", "reindex", "release", "rename", "repeat", "replace", "require", "restrict", "return",
        "returning", "revoke", "right", "rlike", "row", "rows", "schema", "schemas", "select", "session_user",
        "set", "show", "similar", "smallint", "some", "spatial", "sql", "ssl", "starting", "symmetric",
        "table", "tablesample", "then", "to", "trailing", "trigger", "true", "undo", "union", "unique",
        "unlock", "unsigned", "update", "usage", "use", "user", "using", "vacuum", "values", "varchar",
        "variadic", "verbose", "when", "where", "while", "window", "with", "write", "xor", "zerofill",
    ]

    /// Swift keywords that cannot be used as identifiers without backticks.
    static let swift: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while",
        "as", "any", "catch", "false", "is", "nil", "super", "self", "throw", "throws", "true", "try",
    ]

    /// TypeScript/JavaScript reserved words.
    public static let typescript: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
        "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
        "var", "void", "while", "with", "implements", "interface", "let", "package", "private",
        "protected", "public", "static", "yield", "await",
    ]
}
