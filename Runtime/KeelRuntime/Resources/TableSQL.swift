/// The SQL of one table in one dialect, written from its model's `TableLayout`. The runtime only joins these fragments
/// (a patch sets the columns it has, a list filters on the parameters it was given); every identifier comes
/// from here and every value is bound.
public struct TableSQL: Sendable {
    /// How the dialect writes the n-th parameter.
    public enum Placeholders: Sendable {
        /// `$1, $2` (PostgreSQL)
        case numbered
        /// `?` (MySQL, SQLite)
        case question
    }

    public let placeholders: Placeholders
    /// The quoted table name.
    public let table: String
    /// The selected columns, quoted and comma-separated.
    public let selected: String
    /// `SELECT <columns> FROM <table>`
    public let select: String
    /// The quoted `id` column.
    public let id: String
    /// `INSERT INTO <table>`
    public let insert: String
    /// The whole insert of a row where every column takes its default.
    public let insertDefaults: String
    /// ` RETURNING <columns>`; nil where the dialect lacks it (MySQL reads the row back by `LAST_INSERT_ID()`).
    public let returning: String?
    /// `UPDATE <table> SET `
    public let update: String
    /// `DELETE FROM <table> WHERE <id> = <first parameter>`
    public let delete: String
    /// `SELECT COUNT(*) FROM <table>`
    public let count: String
    /// Each column's quoted name, the id's included (lists filter and sort on it; bodies only hold the
    /// resource's writable `fields`).
    public let columns: [String: String]
    /// A cast after a column's parameter, where the driver binds text the column does not take as is (`::NUMERIC`).
    public let casts: [String: String]

    public init(placeholders: Placeholders, table: String, selected: String, id: String, insert: String, insertDefaults: String, returning: String?,
                update: String, delete: String, columns: [String: String], casts: [String: String] = [:]) {
        self.placeholders = placeholders
        self.table = table
        self.selected = selected
        self.select = "SELECT " + selected + " FROM " + table
        self.count = "SELECT COUNT(*) FROM " + table
        self.id = id
        self.insert = insert
        self.insertDefaults = insertDefaults
        self.returning = returning
        self.update = update
        self.delete = delete
        self.columns = columns
        self.casts = casts
    }

    /// The n-th parameter (1-based) of a statement, cast for `column` when it needs one.
    func parameter(_ number: Int, for column: String? = nil) -> String {
        let mark = placeholders == .numbered ? "$\(number)" : "?"
        return mark + (column.flatMap { casts[$0] } ?? "")
    }

    /// The quoted name of `column`. The generator writes every column the spec lets a request name, so a miss is
    /// a bug of Keel's: it fails that request (500), not the process.
    func quoted(_ column: String) throws -> String {
        guard let name = columns[column] else { throw DatabaseError(.other, "\(column) is not a column of \(table)") }
        return name
    }
}
