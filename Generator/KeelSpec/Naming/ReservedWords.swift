/// Words the generated code's languages reserve. A spec may use any of them as a name: the emitters escape
/// them where they become identifiers (SQL quotes every identifier anyway, so it needs no list).
public enum ReservedWords {
    /// Swift keywords (and contextual keywords) that the Swift emitter writes in backticks as identifiers.
    public static let swift: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "precedencegroup", "private",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "switch", "where", "while", "as", "any", "async", "await", "false", "is", "nil", "some", "super",
        "self", "throw", "throws", "true", "try",
    ]

    /// Swift type names a generated type may not take: the language reserves them (`Self`, `Any`) or gives them
    /// a meaning after a dot (`Foo.Type`, `Foo.Protocol`).
    public static let swiftTypes: Set<String> = ["Self", "Any", "Type", "Protocol"]

    /// TypeScript/JavaScript reserved words.
    public static let typescript: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
        "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
        "var", "void", "while", "with", "implements", "interface", "let", "package", "private",
        "protected", "public", "static", "yield", "await",
    ]
}
