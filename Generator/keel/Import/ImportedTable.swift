import KeelGenerator

/// A table as the written spec declares it.
struct ImportedTable: Sendable {
    var name: String
    var columns: [ColumnSchema]
    var indexes: [(columns: [String], unique: Bool)]
}
