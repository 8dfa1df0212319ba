import KeelSpec

extension DiffContext {
    func diffTables() {
        diffNamed(old.tables, new.tables, by: \.name) { table in
            add(.tableDropped, "table '\(table.name)' is dropped while the previous version still queries it; contract in two releases: first ship a version that no longer uses it, then drop it", subject: "tables.\(table.name)", at: .old(table.location))
        } added: { table in
            add(.tableAdded, "table '\(table.name)' added", subject: "tables.\(table.name)", at: .new(table.location))
        } changed: { before, table in
            diffColumns(before, table)
            diffIndexes(before, table)
            if before.description != table.description {
                add(.descriptionChanged, "table '\(table.name)': description changed", subject: "tables.\(table.name)", at: .new(table.location))
            }
        }
    }

    private func diffIndexes(_ old: Table, _ new: Table) {
        let subject = "tables.\(new.name).indexes"
        let usage = surface.tables[new.name] ?? []
        let oldNames = Set(old.indexes.map(\.name)), newNames = Set(new.indexes.map(\.name))
        for index in new.indexes where !oldNames.contains(index.name) {
            if index.unique {
                let columns = index.columns.joined(separator: ", ")
                if usage.contains(.request) {
                    add(.uniqueAdded, "table '\(new.name)': unique index on (\(columns)) added; creates and updates that repeat a value now fail with 409", subject: subject, at: .new(index.location))
                }
                add(.uniqueConstraintAdded, "table '\(new.name)': unique index on (\(columns)) added; the previous version still inserts duplicates, which now fail (and the index cannot be built while any exist): de-duplicate, ship a version that checks before writing, then add the index", subject: subject, at: .new(index.location))
            } else {
                add(.indexChanged, "table '\(new.name)': index \(index.name) added", subject: subject, at: .new(index.location))
            }
        }
        for index in old.indexes where !newNames.contains(index.name) {
            add(.indexChanged, "table '\(new.name)': index \(index.name) removed", subject: subject, at: .new(new.location))
        }
    }
}
