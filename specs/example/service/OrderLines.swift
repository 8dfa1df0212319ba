import KeelRuntime

/// The lines of an order as order_items takes them: each quantity within the column's 1...1000, each product
/// existing and named once (one row per order and product), the total within 64 bits.
enum OrderLines {
    static let quantities: ClosedRange<Int32> = 1...1000

    /// Each line with its product: 422 for a quantity the column refuses, 409 for a product that does not exist
    /// or that an earlier line names.
    static func checked(_ lines: [OrderLine], products: ProductRepository) async throws -> [(OrderLine, Product)] {
        let problems = lines.enumerated().filter { !quantities.contains($0.element.quantity) }
            .map { ErrorEnvelope.FieldError(field: "lines[\($0.offset)].quantity", message: "must be from 1 to 1000") }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        var seen: Set<Int64> = []
        var checked: [(OrderLine, Product)] = []
        for (index, line) in lines.enumerated() {
            guard seen.insert(line.productId).inserted else {
                throw APIError(.conflict, code: "CONFLICT", detail: "Line \(index + 1) names product \(line.productId) again; give it once with the whole quantity")
            }
            guard let product = try await products.find(id: line.productId) else {
                throw APIError(.conflict, code: "CONFLICT", detail: "Line \(index + 1) names product \(line.productId), which does not exist")
            }
            checked.append((line, product))
        }
        return checked
    }

    /// What the lines cost together; 422 when that is past what `total_cents` holds.
    static func total(_ lines: [(OrderLine, Product)]) throws -> Int64 {
        try lines.reduce(Int64(0)) { total, entry in
            let (cost, costOverflows) = entry.1.priceCents.multipliedReportingOverflow(by: Int64(entry.0.quantity))
            let (sum, sumOverflows) = total.addingReportingOverflow(cost)
            guard !costOverflows, !sumOverflows else {
                throw APIError.validation([.init(field: "lines", message: "the order's total is past what an order can hold")])
            }
            return sum
        }
    }
}
