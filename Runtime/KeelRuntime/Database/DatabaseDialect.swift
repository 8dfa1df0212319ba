/// The SQL dialect a database speaks. Its raw value names the migrations folder (`migrations/<dialect>/`)
/// and the `DB_TYPE` value that selects it.
public enum DatabaseDialect: String, Sendable, CaseIterable {
    case postgres
    case mysql
    case sqlite
}
