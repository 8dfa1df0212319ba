import KeelGenerator

/// A table as the written spec declares it.
struct ImportedTable: Sendable {
    var name: String
    /// The model's name where the table's own would clash with one Keel gives its own types.
    var model: String?
    /// The resource endpoint's name: the table's, unless that clashes with a built-in endpoint.
    var resource: String
    var columns: [ColumnSchema]
    var indexes: [(columns: [String], unique: Bool)]
}
