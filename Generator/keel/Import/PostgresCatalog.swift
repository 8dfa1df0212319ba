import KeelRuntime

/// Reads the tables of the connection's current schema (usually `public`) from PostgreSQL's system catalogs.
enum PostgresCatalog {
    static func read(_ database: any Database) async throws -> LiveSchema {
        let schema = "n.nspname = current_schema()"
        // Names are joined with the unit separator, which no sane identifier holds.
        func names(_ keys: String, of relation: String) -> String {
            "array_to_string(ARRAY(SELECT a.attname FROM unnest(\(keys)) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = \(relation) AND a.attnum = u.n ORDER BY u.i), chr(31))"
        }
        let relations = try await database.query("""
            SELECT c.relname::text AS name, c.relkind::text AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE \(schema) AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition ORDER BY c.relname
            """)
        let columns = try await database.query("""
            SELECT c.relname::text AS table_name, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_sql, a.attidentity::text AS identity,
                   a.attgenerated::text AS generated
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE \(schema) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum
            """)
        let constraints = try await database.query("""
            SELECT c.relname::text AS table_name, k.conname::text AS name, k.contype::text AS kind, pg_get_constraintdef(k.oid) AS definition,
                   \(names("k.conkey", of: "k.conrelid")) AS columns, f.relname::text AS referenced_table,
                   \(names("k.confkey", of: "k.confrelid")) AS referenced_columns, k.confdeltype::text AS on_delete
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class f ON f.oid = k.confrelid
            WHERE \(schema) AND k.contype IN ('p', 'f', 'c') ORDER BY c.relname, k.conname
            """)
        let indexes = try await database.query("""
            SELECT t.relname::text AS table_name, i.relname::text AS name, x.indisunique AS is_unique,
                   x.indpred IS NULL AND NOT (0 = ANY (x.indkey::int2[])) AS plain,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(n, i)
                       JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n WHERE u.i <= x.indnkeyatts ORDER BY u.i), chr(31)) AS columns
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE \(schema) AND NOT x.indisprimary AND t.relkind IN ('r', 'p') ORDER BY t.relname, i.relname
            """)
        let triggers = try await database.query("""
            SELECT c.relname::text AS table_name, t.tgname::text AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE \(schema) AND NOT t.tgisinternal ORDER BY c.relname, t.tgname
            """)

        func split(_ text: String?) -> [String] { (text ?? "").split(separator: "\u{1F}").map(String.init) }
        let onDelete = ["a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"]
        let tables = relations.filter { ["r", "p"].contains($0.string("kind")) }.compactMap { $0.string("name") }.map { name in
            let own = constraints.filter { $0.string("table_name") == name }
            return LiveTable(
                name: name,
                columns: columns.filter { $0.string("table_name") == name }.map { row in
                    let defaultSQL = row.string("default_sql")
                    return LiveColumn(name: row.string("name") ?? "", type: row.string("type") ?? "", nullable: !row.flag("not_null"), defaultSQL: defaultSQL,
                                      autoIncrement: ["a", "d"].contains(row.string("identity")) || defaultSQL?.hasPrefix("nextval(") == true,
                                      generated: !(row.string("generated") ?? "").isEmpty)
                },
                primaryKey: own.first { $0.string("kind") == "p" }.map { split($0.string("columns")) } ?? [],
                foreignKeys: own.filter { $0.string("kind") == "f" }.map { row in
                    LiveForeignKey(name: row.string("name") ?? "", columns: split(row.string("columns")), table: row.string("referenced_table") ?? "",
                                   referencedColumns: split(row.string("referenced_columns")), onDelete: onDelete[row.string("on_delete") ?? "a"] ?? "NO ACTION")
                },
                indexes: indexes.filter { $0.string("table_name") == name }.map { row in
                    LiveIndex(name: row.string("name") ?? "", columns: split(row.string("columns")), unique: row.flag("is_unique"), isPlain: row.flag("plain"))
                },
                checks: own.filter { $0.string("kind") == "c" }.compactMap { $0.string("definition") }.map { String($0.dropFirst("CHECK ".count)) }
            )
        }
        return LiveSchema(
            tables: tables,
            views: relations.filter { ["v", "m"].contains($0.string("kind")) }.compactMap { $0.string("name") },
            triggers: triggers.map { (table: $0.string("table_name") ?? "", name: $0.string("name") ?? "") }
        )
    }
}
