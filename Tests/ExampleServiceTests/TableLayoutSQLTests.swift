import ExampleService
import KeelRuntime
import Testing

/// The runtime writes each table's SQL from the model's `TableLayout`. These are the statements the generator
/// itself wrote into every model before it did (bench/compile-time.md, fifth round), so the SQL did not change.
struct TableLayoutSQLTests {
    private static let orderColumns = [
        "id", "public_id", "customer_id", "status", "placed_at", "delivery_due", "total_cents", "currency", "exchange_rate",
        "shipping_address",
    ]

    @Test(arguments: DatabaseDialect.allCases)
    func ordersInEachDialect(dialect: DatabaseDialect) {
        let sql = Order.sql(dialect)
        let quote: (String) -> String = dialect == .mysql ? { "`\($0)`" } : { "\"\($0)\"" }
        let selected = Self.orderColumns.map(quote).joined(separator: ", ")
        let table = quote("orders")
        #expect(sql.placeholders == (dialect == .postgres ? .numbered : .question))
        #expect(sql.table == table)
        #expect(sql.selected == selected)
        #expect(sql.select == "SELECT \(selected) FROM \(table)")
        #expect(sql.count == "SELECT COUNT(*) FROM \(table)")
        #expect(sql.id == quote("id"))
        #expect(sql.insert == "INSERT INTO \(table)")
        #expect(sql.insertDefaults == (dialect == .mysql ? "INSERT INTO `orders` () VALUES ()" : #"INSERT INTO "orders" DEFAULT VALUES"#))
        #expect(sql.returning == (dialect == .mysql ? nil : " RETURNING " + selected))
        #expect(sql.update == "UPDATE \(table) SET ")
        #expect(sql.delete == (dialect == .postgres ? #"DELETE FROM "orders" WHERE "id" = $1"# : "DELETE FROM \(table) WHERE \(quote("id")) = ?"))
        #expect(sql.columns == Dictionary(uniqueKeysWithValues: Self.orderColumns.map { ($0, quote($0)) }))
        #expect(sql.casts == (dialect == .postgres ? ["delivery_due": "::DATE", "exchange_rate": "::NUMERIC"] : [:]))
    }

    @Test func aJSONColumnIsSelectedAsTextAndBoundAsJSONBOnPostgreSQL() {
        let selected = #""id", "actor_email", "kind", "entity", "entity_id", "details"::TEXT AS "details", "request_id", "occurred_at""#
        let postgres = AuditEvent.sql(.postgres)
        #expect(postgres.selected == selected)
        #expect(postgres.returning == " RETURNING " + selected)
        #expect(postgres.casts == ["details": "::JSONB"])
        #expect(postgres.columns["details"] == #""details""#)
        let sqlite = AuditEvent.sql(.sqlite)
        #expect(sqlite.selected.contains(#""details", "request_id""#))
        #expect(sqlite.casts.isEmpty)
    }
}
