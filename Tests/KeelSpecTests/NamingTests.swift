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

    /// The names' byte path against the split-by-`Character` rule it stands for, on edge shapes and random names.
    @Test func camelCaseOverBytesMatchesTheRule() {
        func parts(_ name: String) -> [String] {
            name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        }
        func lower(_ name: String) -> String {
            let words = name.split(separator: "_")
            return words.first.map { String($0) + parts(name).dropFirst().joined() } ?? name
        }
        var names = ["", "_", "__", "a", "_a", "a_", "a__b", "_9lives_x", "HTTP_status", "x_1_y", "ä_ö", "é_b", "a_ß"]
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ab_Z9_-$")
        for _ in 0..<500 {
            names.append(String((0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
        }
        for name in names {
            #expect(Inflector.lowerCamel(name) == lower(name), "\(name)")
            #expect(Inflector.upperCamel(name) == parts(name).joined(), "\(name)")
        }
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
