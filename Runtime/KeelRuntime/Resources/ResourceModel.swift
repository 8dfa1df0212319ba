/// A generated table model: read from a result row, written as the JSON of the API.
public protocol ResourceModel: Encodable, Sendable {
    init(row: DatabaseRow) throws
    /// The value of the table's `id` column.
    var primaryKey: Int64 { get }
}
