import Testing
@testable import KeelSpec

struct NamingTests {
    @Test(arguments: [
        ("products", "Product"), ("categories", "Category"), ("order_items", "OrderItem"), ("people", "Person"),
        ("addresses", "Address"), ("boxes", "Box"), ("statuses", "Status"), ("news", "News"), ("wolves", "Wolf"), ("movies", "Movie"), ("archives", "Archive"), ("caches", "Cache"), ("matches", "Match"),
    ])
    func modelNames(_ table: String, _ model: String) {
        #expect(Inflector.modelName(ofTable: table) == model)
    }

    @Test func camelCase() {
        #expect(Inflector.lowerCamel("price_cents") == "priceCents")
        #expect(Inflector.upperCamel("revenueReport") == "RevenueReport")
        #expect(Inflector.upperCamel("audit_logs") == "AuditLogs")
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "maxlength", in: ["max_length", "min_length", "pattern"]) == "max_length")
        #expect(Suggestion.closest(to: "strng", in: ColumnType.keywords) == "string")
        #expect(Suggestion.closest(to: "zebra", in: ["max_length", "pattern"]) == nil)
    }

    @Test func nameShapes() {
        #expect(NameRules.isSnakeCase("order_items"))
        #expect(!NameRules.isSnakeCase("OrderItems"))
        #expect(!NameRules.isSnakeCase("order__items"))
        #expect(!NameRules.isSnakeCase("items_"))
        #expect(NameRules.isServiceName("shop-api2"))
        #expect(!NameRules.isServiceName("Shop"))
        #expect(SemanticVersion("1.0.0") != nil && SemanticVersion("2.1.3-beta.1+build5") != nil)
        #expect(SemanticVersion("1.0") == nil && SemanticVersion("v1.0.0") == nil && SemanticVersion("01.0.0") == nil)
        #expect(NameRules.isEnvName("SMTP_HOST") && !NameRules.isEnvName("smtp_host"))
    }

    @Test func longIndexNamesStayDistinctAndShort() {
        let columns = ["a_very_long_column_name_number_one", "a_very_long_column_name_number_two"]
        let first = IndexName.make(table: "an_extremely_long_table_name", columns: columns, unique: false)
        let second = IndexName.make(table: "an_extremely_long_table_name", columns: columns.reversed(), unique: false)
        #expect(first.count <= 63 && second.count <= 63)
        #expect(first != second)
        #expect(IndexName.make(table: "products", columns: ["sku"], unique: true) == "products_sku_key")
    }
}
