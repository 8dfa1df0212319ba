/// What a database's catalog says about its tables, as read before any mapping to Keel's types.
struct LiveSchema: Sendable {
    var tables: [LiveTable]
    var views: [String]
    /// Triggers by table.
    var triggers: [(table: String, name: String)]
}

struct LiveTable: Sendable {
    var name: String
    /// In table order.
    var columns: [LiveColumn]
    var primaryKey: [String]
    var foreignKeys: [LiveForeignKey]
    /// Unique constraints and indexes, except the primary key's.
    var indexes: [LiveIndex]
    /// CHECK constraints, as the catalog prints them.
    var checks: [String]
}

struct LiveColumn: Sendable {
    var name: String
    /// The declared type, lowercased as the catalog prints it: `character varying(512)`, `int(11)`, `varchar(512)`.
    var type: String
    var nullable: Bool
    /// The DEFAULT expression as the catalog prints it.
    var defaultSQL: String?
    /// Filled by a sequence, identity or AUTO_INCREMENT.
    var autoIncrement: Bool
    /// Computed by the database (GENERATED ALWAYS AS …): it takes no writes.
    var generated = false
}

struct LiveForeignKey: Sendable {
    var name: String
    var columns: [String]
    var table: String
    var referencedColumns: [String]
    /// `CASCADE`, `SET NULL`, `SET DEFAULT`, `RESTRICT` or `NO ACTION`.
    var onDelete: String
}

struct LiveIndex: Sendable {
    var name: String
    /// Empty for an index over an expression.
    var columns: [String]
    var unique: Bool
    /// Partial (WHERE) or over expressions: Keel's indexes are neither.
    var isPlain: Bool
}
