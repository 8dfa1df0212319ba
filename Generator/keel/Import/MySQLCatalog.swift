import KeelRuntime

/// Reads the tables of the connection's database from MySQL's and MariaDB's information_schema.
enum MySQLCatalog {
    static func read(_ database: any Database) async throws -> LiveSchema {
        let relations = try await database.query("""
            SELECT TABLE_NAME AS name, TABLE_TYPE AS kind FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME
            """)
        let columns = try await database.query("""
            SELECT TABLE_NAME AS table_name, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
                   COLUMN_DEFAULT AS default_sql, EXTRA AS extra
            FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION
            """)
        let indexColumns = try await database.query("""
            SELECT TABLE_NAME AS table_name, INDEX_NAME AS name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name, SUB_PART AS sub_part
            FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
            """)
        let keyColumns = try await database.query("""
            SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS column_name,
                   k.REFERENCED_TABLE_NAME AS referenced_table, k.REFERENCED_COLUMN_NAME AS referenced_column, r.DELETE_RULE AS on_delete
            FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r
              ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
            WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
            ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
            """)
        // TABLE_CONSTRAINTS names the table of each CHECK in MySQL and MariaDB alike (CHECK_CONSTRAINTS.TABLE_NAME is MariaDB's).
        let checks = try await database.query("""
            SELECT t.TABLE_NAME AS table_name, c.CHECK_CLAUSE AS clause
            FROM information_schema.TABLE_CONSTRAINTS t JOIN information_schema.CHECK_CONSTRAINTS c
              ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME
            WHERE t.TABLE_SCHEMA = DATABASE() AND t.CONSTRAINT_TYPE = 'CHECK' ORDER BY t.TABLE_NAME, t.CONSTRAINT_NAME
            """)
        let triggers = try await database.query("""
            SELECT EVENT_OBJECT_TABLE AS table_name, TRIGGER_NAME AS name FROM information_schema.TRIGGERS
            WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY EVENT_OBJECT_TABLE, TRIGGER_NAME
            """)

        let tables = relations.filter { $0.string("kind") == "BASE TABLE" }.compactMap { $0.string("name") }.map { name in
            let own = indexColumns.filter { $0.string("table_name") == name }
            let indexNames = own.compactMap { $0.string("name") }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let indexes = indexNames.map { index in
                let parts = own.filter { $0.string("name") == index }
                return LiveIndex(name: index, columns: parts.compactMap { $0.string("column_name") }, unique: parts.first?.string("non_unique") == "0",
                                 isPlain: parts.allSatisfy { $0.string("column_name") != nil && $0.string("sub_part") == nil })
            }
            let keys = keyColumns.filter { $0.string("table_name") == name }
            let keyNames = keys.compactMap { $0.string("name") }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return LiveTable(
                name: name,
                columns: columns.filter { $0.string("table_name") == name }.map { row in
                    let extra = row.string("extra")?.lowercased() ?? ""
                    // Not MySQL's DEFAULT_GENERATED, which marks an expression default.
                    return LiveColumn(name: row.string("name") ?? "", type: row.string("type") ?? "", nullable: row.string("nullable") == "YES",
                                      defaultSQL: row.string("default_sql"), autoIncrement: extra.contains("auto_increment"),
                                      generated: ["virtual generated", "stored generated", "persistent generated"].contains { extra.contains($0) })
                },
                primaryKey: indexes.first { $0.name == "PRIMARY" }?.columns ?? [],
                foreignKeys: keyNames.map { key in
                    let parts = keys.filter { $0.string("name") == key }
                    return LiveForeignKey(name: key, columns: parts.compactMap { $0.string("column_name") }, table: parts.first?.string("referenced_table") ?? "",
                                          referencedColumns: parts.compactMap { $0.string("referenced_column") }, onDelete: parts.first?.string("on_delete") ?? "RESTRICT")
                },
                indexes: indexes.filter { $0.name != "PRIMARY" },
                checks: checks.filter { $0.string("table_name") == name }.compactMap { $0.string("clause") }
            )
        }
        return LiveSchema(
            tables: tables,
            views: relations.filter { $0.string("kind") == "VIEW" }.compactMap { $0.string("name") },
            triggers: triggers.map { (table: $0.string("table_name") ?? "", name: $0.string("name") ?? "") }
        )
    }
}
