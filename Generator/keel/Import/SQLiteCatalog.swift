import Foundation
import KeelRuntime

/// Reads a SQLite database's tables from `sqlite_master` and its table-valued pragmas.
enum SQLiteCatalog {
    static func read(_ database: any Database) async throws -> LiveSchema {
        let objects = try await database.query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        var tables: [LiveTable] = []
        for object in objects where object.string("type") == "table" {
            guard let name = object.string("name") else { continue }
            let columns = try await database.query("SELECT name, type, \"notnull\" AS not_null, dflt_value, pk, hidden FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid", [.text(name)])
            let keys = try await database.query("SELECT id, \"table\" AS target, \"from\" AS source, \"to\" AS target_column, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq", [.text(name)])
            let indexList = try await database.query("SELECT name, \"unique\" AS is_unique, origin, partial FROM pragma_index_list(?)", [.text(name)])
            let primaryKey = columns.filter { ($0["pk"]?.int ?? 0) > 0 }.sorted { ($0["pk"]?.int ?? 0) < ($1["pk"]?.int ?? 0) }.compactMap { $0.string("name") }
            // Only INTEGER PRIMARY KEY is the rowid, which SQLite fills itself.
            let rowid = primaryKey.count == 1 ? primaryKey[0] : nil
            var indexes: [LiveIndex] = []
            for index in indexList where index.string("origin") != "pk" {
                guard let indexName = index.string("name") else { continue }
                let parts = try await database.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(indexName)])
                indexes.append(LiveIndex(name: indexName, columns: parts.compactMap { $0.string("name") }, unique: index.flag("is_unique"),
                                         isPlain: !index.flag("partial") && parts.allSatisfy { $0.string("name") != nil }))
            }
            var targets: [String: String] = [:]
            for key in keys where key.string("target_column") == nil {
                // A key without a column names the target's primary key.
                guard let target = key.string("target"), targets[target] == nil else { continue }
                let targetColumns = try await database.query("SELECT name FROM pragma_table_info(?) WHERE pk = 1", [.text(target)])
                targets[target] = targetColumns.first?.string("name") ?? ""
            }
            let keyIDs = keys.compactMap { $0["id"]?.int }.reduce(into: [Int64]()) { if !$0.contains($1) { $0.append($1) } }
            tables.append(LiveTable(
                name: name,
                columns: columns.map { row in
                    let type = row.string("type") ?? ""
                    return LiveColumn(name: row.string("name") ?? "", type: type, nullable: !row.flag("not_null") && row.string("name") != rowid,
                                      defaultSQL: row.string("dflt_value"), autoIncrement: row.string("name") == rowid && type.uppercased() == "INTEGER",
                                      generated: (row["hidden"]?.int ?? 0) >= 2)
                },
                primaryKey: primaryKey,
                foreignKeys: keyIDs.map { id in
                    let parts = keys.filter { $0["id"]?.int == id }
                    let target = parts.first?.string("target") ?? ""
                    let columns = parts.compactMap { $0.string("source") }
                    // SQLite's foreign keys have no names: the columns name it in messages.
                    return LiveForeignKey(name: "on " + columns.joined(separator: ", "), columns: columns, table: target,
                                          referencedColumns: parts.map { $0.string("target_column") ?? targets[target] ?? "" }, onDelete: parts.first?.string("on_delete") ?? "NO ACTION")
                },
                indexes: indexes,
                checks: checks(in: object.string("sql") ?? "")
            ))
        }
        return LiveSchema(
            tables: tables,
            views: objects.filter { $0.string("type") == "view" }.compactMap { $0.string("name") },
            triggers: objects.filter { $0.string("type") == "trigger" }.map { (table: $0.string("tbl_name") ?? "", name: $0.string("name") ?? "") }
        )
    }

    /// The `CHECK (…)` clauses of a CREATE TABLE statement (SQLite keeps no catalog of them).
    static func checks(in sql: String) -> [String] {
        var checks: [String] = []
        var rest = Substring(sql)
        while let match = rest.firstMatch(of: /(?i)\bCHECK\s*\(/) {
            var depth = 0, quoted = false, end = match.range.upperBound
            let open = rest.index(before: match.range.upperBound)
            for index in rest[open...].indices {
                let character = rest[index]
                if character == "'" { quoted.toggle() }
                guard !quoted else { continue }
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                if depth == 0 { end = rest.index(after: index); break }
            }
            checks.append(rest[open..<end].split(whereSeparator: \.isWhitespace).joined(separator: " "))
            rest = rest[end...]
        }
        return checks
    }
}
