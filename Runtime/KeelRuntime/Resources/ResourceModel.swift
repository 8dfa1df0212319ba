/// A generated table model: read from a result row, written as the JSON of the API (by `JSONWriter` in the
/// resource routes, and as `Encodable` wherever a service returns it itself).
public protocol ResourceModel: Encodable, JSONWritable, Sendable {
    init(row: DatabaseRow) throws
    /// The value of the table's `id` column.
    var primaryKey: Int64 { get }
    /// The model's table: its name and columns, from which the runtime writes its SQL.
    static var table: TableLayout { get }
}

extension ResourceModel {
    /// The SQL of the model's table in `dialect`.
    public static func sql(_ dialect: DatabaseDialect) -> TableSQL {
        TableSQLCache.sql(of: Self.self, dialect)
    }
}
