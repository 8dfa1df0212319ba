/// Reads and writes one table through its generated SQL; the generated repositories wrap it with typed methods.
public struct TableRepository<Model: ResourceModel>: Sendable {
    public let database: any Database
    public let sql: TableSQL

    public init(database: any Database, sql: TableSQL) {
        self.database = database
        self.sql = sql
    }

    /// One page of a list, and how many rows match in all.
    public struct Page: Sendable {
        public let items: [Model]
        public let total: Int
    }

    private var selectByID: String { sql.select + " WHERE " + sql.id + " = " + sql.parameter(1) }

    public func find(id: Int64) async throws -> Model? {
        try await database.read(selectByID, [.int(id)]).first.map(Model.init(row:))
    }

    /// Rows equal to every filter, ordered by `sort` (column, descending) and then by id, so pages never overlap.
    ///
    /// The page and the total come from one statement (the count as a subquery), so they agree and a remote
    /// database answers in one round trip. Only a page past the end asks again for the total.
    public func list(filters: ColumnValues, sort: [(column: String, descending: Bool)], limit: Int, offset: Int) async throws -> Page {
        let order = (try sort.map { try sql.quoted($0.column) + ($0.descending ? " DESC" : " ASC") } + [sql.id + " ASC"]).joined(separator: ", ")
        // The subquery's parameters come first in the statement; PostgreSQL's numbered ones count on from there.
        let counted = try whereClause(filters, from: 1)
        let paged = try whereClause(filters, from: counted.binds.count + 1)
        let bound = counted.binds.count + paged.binds.count
        let page = "SELECT " + sql.selected + ", (" + sql.count + counted.sql + ") AS keel_total FROM " + sql.table
            + paged.sql + " ORDER BY " + order + " LIMIT " + sql.parameter(bound + 1) + " OFFSET " + sql.parameter(bound + 2)
        let rows = try await database.read(page, counted.binds + paged.binds + [.int(Int64(limit)), .int(Int64(offset))])
        // The total is the last column: read by position, a table column of the same name cannot shadow it.
        if let total = rows.first?.values.last?.int {
            return Page(items: try rows.map(Model.init(row:)), total: Int(total))
        }
        // No row on this page: none matches at all, or the page is past the end (or holds no rows at all).
        let total = offset == 0 && limit > 0 ? 0 : try await database.read(sql.count + counted.sql, counted.binds).first?.values.first?.int ?? 0
        return Page(items: [], total: Int(total))
    }

    /// ` WHERE a = ? AND b = ?` for the filters (nothing without any), numbering parameters from `first`, and its binds.
    ///
    /// SQLite keeps instants as text: the runtime writes microseconds (`….123000Z`), but a column's `DEFAULT` now
    /// writes milliseconds (`….123Z`), so an instant on a whole millisecond is looked for in both forms.
    private func whereClause(_ filters: ColumnValues, from first: Int) throws -> (sql: String, binds: [DatabaseValue]) {
        guard !filters.isEmpty else { return ("", []) }
        var conditions: [String] = []
        var binds: [DatabaseValue] = []
        for (column, value) in filters {
            let name = try sql.quoted(column)
            if database.dialect == .sqlite, case .timestamp(let date) = value, let milliseconds = DatabaseTimestamp.millisecondForm(date) {
                conditions.append(name + " IN (?, ?)")
                binds += [value, .text(milliseconds)]
            } else {
                conditions.append(name + " = " + sql.parameter(first + binds.count, for: column))
                binds.append(value)
            }
        }
        return (" WHERE " + conditions.joined(separator: " AND "), binds)
    }

    public func count() async throws -> Int {
        Int(try await database.read(sql.count).first?.values.first?.int ?? 0)
    }

    /// Inserts the given columns (the rest take their defaults) and answers the stored row.
    public func insert(_ values: ColumnValues) async throws -> Model {
        try await database.withSession { try await insert(values, on: $0) }
    }

    /// Inserts as `insert(_:)` does, but with a `rowLimit` only while the table holds fewer rows than that, even
    /// against concurrent creates; nil when it is full.
    public func insert(_ values: ColumnValues, rowLimit: Int?) async throws -> Model? {
        guard let rowLimit else { return try await insert(values) }
        return try await database.insert(whileFewerThan: rowLimit, rowsIn: sql.table, count: sql.count) { try await insert(values, on: $0) }
    }

    private func insert(_ values: ColumnValues, on session: any DatabaseSession) async throws -> Model {
        let statement: String
        if values.isEmpty {
            statement = sql.insertDefaults
        } else {
            let columns = try values.map { try sql.quoted($0.column) }.joined(separator: ", ")
            let parameters = values.enumerated().map { sql.parameter($0.offset + 1, for: $0.element.column) }.joined(separator: ", ")
            statement = sql.insert + " (" + columns + ") VALUES (" + parameters + ")"
        }
        let binds = values.map(\.value)
        if let returning = sql.returning {
            guard let row = try await session.query(statement + returning, binds).first else { throw DatabaseError(.other, "the insert returned no row") }
            return try Model(row: row)
        }
        _ = try await session.execute(statement, binds)
        guard let id = try await session.query("SELECT LAST_INSERT_ID()", []).first?.values.first?.int,
              let row = try await session.query(selectByID, [.int(id)]).first
        else { throw DatabaseError(.other, "the inserted row could not be read back") }
        return try Model(row: row)
    }

    /// Sets the given columns of one row; nil when there is no such row.
    public func update(id: Int64, _ values: ColumnValues) async throws -> Model? {
        guard !values.isEmpty else { return try await find(id: id) }
        let assignments = try values.enumerated().map { try sql.quoted($0.element.column) + " = " + sql.parameter($0.offset + 1, for: $0.element.column) }
        let statement = sql.update + assignments.joined(separator: ", ") + " WHERE " + sql.id + " = " + sql.parameter(values.count + 1)
        _ = try await database.execute(statement, values.map(\.value) + [.int(id)])
        // Read back rather than trust the affected count: MySQL counts only rows whose values changed.
        return try await find(id: id)
    }

    /// Deletes one row; false when there was none.
    public func delete(id: Int64) async throws -> Bool {
        try await database.execute(sql.delete, [.int(id)]) > 0
    }
}
