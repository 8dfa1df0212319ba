import KeelSpec

/// Finds the changes that take a database from the previous schema snapshot to the spec's tables.
///
/// Works from the snapshot alone: no "dev database" is needed. Changes that can lose data are reported
/// with stable codes and planned only when the caller allows them; changes that cannot work are refused.
public struct MigrationPlanner: Sendable {
    /// A change that can lose data, reported unless destructive changes are allowed.
    public struct Risk: Hashable, Sendable {
        /// Stable code, e.g. `KEEL-M001`.
        public var code: String
        public var message: String
        public var location: SourceLocation?

        var diagnostic: Diagnostic { Diagnostic(.error, at: location, "\(code): \(message); pass --allow-destructive to generate it") }
    }

    public struct Plan: Sendable {
        public var changes: [SchemaChange] = []
        public var risks: [Risk] = []
        /// Changes that no flag makes safe, e.g. a NOT NULL column without default on a table with rows.
        public var refusals: [Diagnostic] = []
    }

    /// Where problems with no place in the spec (a dropped table) are reported.
    public var snapshotLocation: SourceLocation

    public init(snapshotLocation: SourceLocation) {
        self.snapshotLocation = snapshotLocation
    }

    public func plan(from old: DatabaseSchema, to spec: Spec) -> Plan {
        var plan = Plan()
        let new = DatabaseSchema(spec)
        let oldNames = Set(old.tables.map(\.name)), newNames = Set(new.tables.map(\.name))
        // By name, as `old.table(named:)` finds them (the first of a name), without searching the list for each table.
        let oldTables = Dictionary(old.tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        var indexDrops: [SchemaChange] = [], indexCreates: [SchemaChange] = [], columnChanges: [SchemaChange] = []
        for table in new.tables where oldNames.contains(table.name) {
            guard let before = oldTables[table.name], let specTable = spec.table(named: table.name) else { continue }
            let changes = tableChanges(from: before, to: table, spec: specTable, plan: &plan)
            indexDrops += changes.indexDrops
            columnChanges += changes.columns
            indexCreates += changes.indexCreates
        }
        let created = Self.dependencyOrder(new.tables.filter { !oldNames.contains($0.name) })
        let dropped = Self.dependencyOrder(old.tables.filter { !newNames.contains($0.name) }).reversed()
        for table in dropped {
            plan.risks.append(Risk(code: "KEEL-M001", message: "table '\(table.name)' is no longer in the spec; dropping it deletes all its rows", location: snapshotLocation))
        }
        // Indexes go first (a dropped column may be in one), new tables before columns that refer to them,
        // dropped tables last (after the columns that referred to them are gone).
        plan.changes = indexDrops + created.map(SchemaChange.createTable) + columnChanges + indexCreates + dropped.map(SchemaChange.dropTable)
        return plan
    }

    private struct TableChanges {
        var indexDrops: [SchemaChange] = []
        var columns: [SchemaChange] = []
        var indexCreates: [SchemaChange] = []
    }

    private func tableChanges(from before: TableSchema, to after: TableSchema, spec table: Table, plan: inout Plan) -> TableChanges {
        var changes = TableChanges()
        var old = before
        // Renames first, so the rest compares columns under their new names.
        for column in table.columns {
            guard let previous = column.renamedFrom, old.column(named: column.name) == nil,
                  let index = old.columns.firstIndex(where: { $0.name == previous }) else { continue }
            changes.columns.append(.renameColumn(table: table.name, from: previous, to: column.name))
            old.columns[index].name = column.name
            // An index over a renamed column keeps its old name here, so it is dropped (by that name, before
            // the renames) and created under its new name: safe whatever else the migration renames.
            for i in old.indexes.indices where old.indexes[i].columns.contains(previous) {
                old.indexes[i].columns = old.indexes[i].columns.map { $0 == previous ? column.name : $0 }
            }
        }
        let oldIndexes = Set(old.indexes), newIndexes = Set(after.indexes)
        changes.indexDrops = old.indexes.filter { !newIndexes.contains($0) }.map { .dropIndex(table: table.name, $0) }
        changes.indexCreates = after.indexes.filter { !oldIndexes.contains($0) }.map { .createIndex(table: table.name, $0) }

        for column in old.columns where after.column(named: column.name) == nil {
            plan.risks.append(Risk(code: "KEEL-M002", message: "column '\(table.name).\(column.name)' is no longer in the spec; dropping it deletes its data (to keep the data under a new name, use 'renamed_from')", location: table.location))
            changes.columns.append(.dropColumn(table: table.name, column))
        }
        for column in after.columns {
            let location = table.column(named: column.name)?.location ?? table.location
            guard let previous = old.column(named: column.name) else {
                if !column.nullable, column.defaultValue == nil {
                    plan.refusals.append(Diagnostic(.error, at: location, "KEEL-M010: column '\(table.name).\(column.name)' is added to an existing table as NOT NULL without a default, so existing rows would have no value; add a default, or add it with 'nullable: true', fill it, and drop 'nullable' in a later change"))
                }
                changes.columns.append(.addColumn(table: table.name, column))
                continue
            }
            guard previous != column else { continue }
            if let risk = Self.narrowing(from: previous, to: column) {
                plan.risks.append(Risk(code: risk.code, message: "column '\(table.name).\(column.name)': \(risk.message)", location: location))
            }
            changes.columns.append(.alterColumn(table: table.name, old: previous, new: column))
        }
        return changes
    }

    /// Why a column change can lose or reject existing data, if it can.
    public static func narrowing(from old: ColumnSchema, to new: ColumnSchema) -> (code: String, message: String)? {
        if case let .enumeration(oldValues) = old.type, case let .enumeration(newValues) = new.type {
            let removed = oldValues.filter { !newValues.contains($0) }
            if !removed.isEmpty {
                return ("KEEL-M004", "removing enum value\(removed.count == 1 ? "" : "s") \(removed.map { "'\($0)'" }.joined(separator: ", ")) fails on rows that hold \(removed.count == 1 ? "it" : "them")")
            }
        } else if !widens(from: old, to: new) {
            return ("KEEL-M003", "changing the type from \(describe(old)) to \(describe(new)) may truncate or reject existing values")
        }
        if old.nullable, !new.nullable {
            return ("KEEL-M005", "making it NOT NULL fails while any row holds NULL; fill those rows first")
        }
        return nil
    }

    /// Whether every value of the old type fits the new one unchanged.
    private static func widens(from old: ColumnSchema, to new: ColumnSchema) -> Bool {
        switch (old.type, new.type) {
        case (.string, .string): (new.maxLength ?? 0) >= (old.maxLength ?? 0)
        case (.string, .text), (.int32, .int), (.int32, .float): true
        case let (.decimal(p1, s1), .decimal(p2, s2)): p2 - s2 >= p1 - s1 && s2 >= s1
        case (.int, .decimal(let p, let s)), (.int32, .decimal(let p, let s)): p - s >= 19
        case let (.ref(t1, _), .ref(t2, _)): t1 == t2
        case (.ref, .int), (.int, .ref): true
        default: old.type == new.type
        }
    }

    private static func describe(_ column: ColumnSchema) -> String {
        switch column.type {
        case .string: "string(\(column.maxLength ?? 255))"
        case let .decimal(precision, scale): "decimal(\(precision),\(scale))"
        default: column.type.keyword
        }
    }

    /// Tables ordered so each comes after the tables it refers to (cycles keep spec order).
    static func dependencyOrder(_ tables: [TableSchema]) -> [TableSchema] {
        var ordered: [TableSchema] = [], placed: Set<String> = [], visiting: Set<String> = []
        let byName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func visit(_ table: TableSchema) {
            guard !placed.contains(table.name), !visiting.contains(table.name) else { return }
            visiting.insert(table.name)
            for reference in table.references where reference != table.name {
                if let target = byName[reference] { visit(target) }
            }
            visiting.remove(table.name)
            placed.insert(table.name)
            ordered.append(table)
        }
        tables.forEach(visit)
        return ordered
    }
}
