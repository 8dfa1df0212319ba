import KeelRuntime

/// The lines of an order as order_items takes them: each product existing and named once (one row per order and
/// product), the total within 64 bits. The spec's `OrderLine` already keeps each quantity within the column's 1...1000.
enum OrderLines {
    /// Each line with its product: 409 for a product that does not exist or that an earlier line names.
    static func checked(_ lines: [OrderLine], products: ProductRepository) async throws -> [(OrderLine, Product)] {
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

    /// What the lines cost together; 409 when the stored prices bring that past what `total_cents` holds (the request
    /// itself is well formed: it is the products' prices it conflicts with).
    static func total(_ lines: [(OrderLine, Product)]) throws -> Int64 {
        try lines.reduce(Int64(0)) { total, entry in
            let (cost, costOverflows) = entry.1.priceCents.multipliedReportingOverflow(by: Int64(entry.0.quantity))
            let (sum, sumOverflows) = total.addingReportingOverflow(cost)
            guard !costOverflows, !sumOverflows else {
                throw APIError(.conflict, code: "CONFLICT", detail: "The order's total at the products' prices is past what an order can hold")
            }
            return sum
        }
    }
}
