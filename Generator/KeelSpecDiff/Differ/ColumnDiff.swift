import KeelGenerator
import KeelSpec

extension DiffContext {
    /// A table's columns, as fields of its model (API) and as columns the previous version reads and writes.
    func diffColumns(_ oldTable: Table, _ newTable: Table) {
        let table = newTable.name
        let usage = surface.tables[table] ?? []
        let oldColumns = Self.index(oldTable.columns, by: \.name)
        let newNames = Set(newTable.columns.map(\.name))
        var renamedAway: Set<String> = []
        for column in newTable.columns {
            let subject = "tables.\(table).columns.\(column.name)"
            if let before = oldColumns[column.name] {
                diffColumn(before, column, table: table, usage: usage)
            } else if let previous = column.renamedFrom, let before = oldColumns[previous], !newNames.contains(previous) {
                renamedAway.insert(previous)
                if !usage.isEmpty {
                    add(.fieldRenamed, "field '\(table).\(previous)' renamed to '\(column.name)'; \(usage.readers) by the old name break", subject: subject, at: .new(column.location))
                }
                add(.columnRenamed, "column '\(table).\(previous)' renamed to '\(column.name)' while the previous version still reads and writes '\(previous)'; expand and contract instead: add '\(column.name)' beside '\(previous)', backfill it and write both, switch reads to '\(column.name)', then drop '\(previous)' in a later release", subject: subject, at: .new(column.location))
                diffColumn(before, column, table: table, usage: usage)
            } else {
                columnAdded(column, table: table, usage: usage, subject: subject)
            }
        }
        for column in oldTable.columns where !newNames.contains(column.name) && !renamedAway.contains(column.name) {
            let subject = "tables.\(table).columns.\(column.name)"
            if usage.contains(.response) {
                add(.fieldRemoved, "response field '\(table).\(column.name)' removed; clients reading it break", subject: subject, at: .new(newTable.location))
            } else if usage.contains(.request) {
                add(.fieldDropped, "request field '\(table).\(column.name)' removed", subject: subject, at: .new(newTable.location))
            }
            add(.columnDropped, "column '\(table).\(column.name)' is dropped while the previous version still reads and writes it; contract in two releases: first ship a version that no longer uses it (keep it, nullable or with a default), then drop it once no old replica runs", subject: subject, at: .new(newTable.location))
        }
    }

    /// Whether creating a row must send the column.
    private static func requiredOnCreate(_ column: Column) -> Bool {
        column.type != .id && !column.nullable && column.defaultValue == nil
    }

    private func columnAdded(_ column: Column, table: String, usage: Usage, subject: String) {
        if usage.contains(.request), Self.requiredOnCreate(column) {
            add(.requiredFieldAdded, "required request field '\(table).\(column.name)' added; creates from clients that do not send it fail with 422", subject: subject, at: .new(column.location))
        } else {
            add(.fieldAdded, "field '\(table).\(column.name)' added", subject: subject, at: .new(column.location))
        }
        if !column.nullable, column.defaultValue == nil {
            add(.notNullWithoutDefault, "column '\(table).\(column.name)' is NOT NULL without a default, so the previous version's inserts fail; add it nullable (or with a default), backfill it, ship the version that writes it, then make it NOT NULL", subject: subject, at: .new(column.location))
        }
    }

    private func diffColumn(_ old: Column, _ new: Column, table: String, usage: Usage) {
        guard old != new else { return }
        let what = "field '\(table).\(new.name)'"
        let subject = "tables.\(table).columns.\(new.name)"
        let place = Place.new(new.location)
        switch (old.type, new.type) {
        case let (.enumeration(before), .enumeration(after)):
            diffEnumValues(before, after, what: what, subject: subject, usage: usage, at: place)
        case let (.ref(before, onDelete), .ref(after, newOnDelete)) where before == after:
            if onDelete != newOnDelete {
                add(.onDeleteChanged, "\(what): on_delete \(onDelete.rawValue) -> \(newOnDelete.rawValue); deleting a '\(before)' row now has another effect", subject: subject, at: place)
            }
        case (.string, .string), (.string, .text), (.text, .string):
            // The same JSON string either way; a length bound that changes is compared with the other bounds.
            break
        default:
            if old.type != new.type, !usage.isEmpty {
                add(.fieldRetyped, "\(what) retyped from \(Self.describe(old.type)) to \(Self.describe(new.type)); \(usage.readers) break", subject: subject, at: place)
            }
        }
        diffRollout(old, new, table: table, subject: subject, at: place)
        diffNullability(old, new, what: what, subject: subject, usage: usage, at: place)
        diffDefault(old, new, what: what, subject: subject, usage: usage, at: place)
        if !old.unique, new.unique {
            if usage.contains(.request) {
                add(.uniqueAdded, "\(what) made unique; creates and updates that repeat a value now fail with 409", subject: subject, at: place)
            }
            add(.uniqueConstraintAdded, "column '\(table).\(new.name)' made unique while the previous version still inserts duplicates (and the index cannot be built while any exist): de-duplicate, ship a version that checks before writing, then add the constraint", subject: subject, at: place)
        }
        diffBounds(old.bounds, new.bounds, what: what, subject: subject, usage: usage, at: place)
        if old.description != new.description {
            add(.descriptionChanged, "\(what): description changed", subject: subject, at: place)
        }
    }

    /// What the migration planner calls narrowing, from the side of the replicas still writing the old way.
    private func diffRollout(_ old: Column, _ new: Column, table: String, subject: String, at place: Place) {
        let before = ColumnSchema(old), after = ColumnSchema(new)
        switch MigrationPlanner.narrowing(from: before, to: ColumnSchema(new: after, nullable: before.nullable))?.code {
        case "KEEL-M003":
            add(.typeNarrowed, "column '\(table).\(new.name)' narrowed from \(Self.describe(old)) to \(Self.describe(new)) while the previous version still writes values that may not fit; expand and contract: add a column of the new type, backfill and check it, switch writes to it, then drop the old one", subject: subject, at: place)
        case "KEEL-M004":
            add(.enumValueDropped, "column '\(table).\(new.name)' loses enum values the previous version may still write; first ship a version that stops writing them, update the rows holding them, then remove the values", subject: subject, at: place)
        default:
            break
        }
        if old.nullable, !new.nullable {
            add(.columnMadeNotNull, "column '\(table).\(new.name)' made NOT NULL while the previous version may still write NULL; ship the version that always writes it first, backfill the NULL rows, then make it NOT NULL", subject: subject, at: place)
        }
    }

    private func diffNullability(_ old: Column, _ new: Column, what: String, subject: String, usage: Usage, at place: Place) {
        if old.nullable, !new.nullable {
            if usage.contains(.request), new.defaultValue == nil {
                add(.fieldRequired, "\(what) is now required; creates from clients that leave it out fail with 422", subject: subject, at: place)
            } else if !usage.isEmpty {
                add(.fieldOptional, "\(what) is never null any more", subject: subject, at: place)
            }
        } else if !old.nullable, new.nullable {
            if usage.contains(.response) {
                add(.fieldNullable, "\(what) may now be null; clients reading it as always set break", subject: subject, at: place)
            } else if !usage.isEmpty {
                add(.fieldOptional, "\(what) is now optional", subject: subject, at: place)
            }
        }
    }

    private func diffDefault(_ old: Column, _ new: Column, what: String, subject: String, usage: Usage, at place: Place) {
        switch (old.defaultValue, new.defaultValue) {
        case let (before?, after?) where before != after:
            if usage.contains(.request) {
                add(.defaultChanged, "\(what): default \(Self.describe(before)) -> \(Self.describe(after)); clients that leave it out now get another value", subject: subject, at: place)
            } else {
                add(.defaultSet, "\(what): default \(Self.describe(before)) -> \(Self.describe(after))", subject: subject, at: place)
            }
        case let (nil, after?):
            add(.defaultSet, "\(what): default \(Self.describe(after)) added", subject: subject, at: place)
        case let (before?, nil):
            if usage.contains(.request), !new.nullable {
                add(.fieldRequired, "\(what): default \(Self.describe(before)) removed, so creates must send it; clients that leave it out fail with 422", subject: subject, at: place)
            } else {
                add(.defaultSet, "\(what): default \(Self.describe(before)) removed", subject: subject, at: place)
            }
        default:
            break
        }
    }

    static func describe(_ type: ColumnType) -> String {
        switch type {
        case let .decimal(precision, scale): "decimal(\(precision),\(scale))"
        case let .enumeration(values): "enum [\(values.joined(separator: ", "))]"
        case let .ref(table, _): "ref \(table)"
        default: type.keyword
        }
    }

    private static func describe(_ column: Column) -> String {
        column.type == .string ? "string(\(column.maxLength ?? 255))" : describe(column.type)
    }

    private static func describe(_ value: DefaultValue) -> String {
        switch value {
        case .now: "now"
        case .uuid: "uuid"
        case let .string(text): "'\(text)'"
        case let .integer(number): String(number)
        case let .number(text): text
        case let .bool(flag): String(flag)
        case let .json(text): text
        }
    }
}

private extension ColumnSchema {
    /// `schema` with its nullability replaced: the planner's narrowing check without its NOT NULL part,
    /// which the rollout check words on its own.
    init(new schema: ColumnSchema, nullable: Bool) {
        self = schema
        self.nullable = nullable
    }
}
