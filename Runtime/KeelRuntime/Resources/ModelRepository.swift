/// What a generated `<Model>Create` or `<Model>Patch` gives a repository: the columns to write, in table order.
public protocol ColumnValuesSource: Sendable {
    var values: ColumnValues { get }
}

/// Typed access to one table for the service's own handlers: each table's `<Model>Repository` is this type for its
/// model, Create and Patch.
///
/// One generic type rather than a struct per table: a repository's methods and value witnesses were about a seventh
/// of the machine code of each generated model (bench/compile-time.md). Values are bound as given: the spec's
/// min/max/length/pattern rules are checked for request bodies, and the database enforces its own constraints.
public struct ModelRepository<Model: ResourceModel, Create: ColumnValuesSource, Patch: ColumnValuesSource>: Sendable {
    /// The table's rows, for lists and for what the typed methods do not cover.
    public let rows: TableRepository<Model>

    public init(database: any Database) {
        rows = TableRepository(database: database, sql: Model.sql(database.dialect))
    }

    public func find(id: Int64) async throws -> Model? {
        try await rows.find(id: id)
    }

    public func create(_ new: Create) async throws -> Model {
        try await rows.insert(new.values)
    }

    /// The changed row, or nil when there is no row with this id.
    public func update(id: Int64, _ patch: Patch) async throws -> Model? {
        try await rows.update(id: id, patch.values)
    }

    /// False when there was no row with this id.
    public func delete(id: Int64) async throws -> Bool {
        try await rows.delete(id: id)
    }

    public func count() async throws -> Int {
        try await rows.count()
    }
}
