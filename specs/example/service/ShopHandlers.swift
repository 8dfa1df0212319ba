import Foundation
import KeelRuntime

/// The shop's custom endpoints: the hand-written part of the example service. Everything else is generated
/// from `spec/` into `generated/swift`.
public struct ShopHandlers: ShopAPI {
    public init() {}

    public func revenueReport(_ input: RevenueReportInput) async throws -> RevenueReport {
        let orders = try await allRows(OrderRepository(database: input.service.database).rows).filter { order in
            let day = CalendarDate(DatabaseTimestampText.day(of: order.placedAt))
            guard let day, Int64(day.year) == input.year, day.description >= input.from.description else { return false }
            return input.to.map { day.description <= $0.description } ?? true
        }
        let paid = orders.filter { $0.status != .cancelled }
        let byMonth = Dictionary(grouping: paid) { CalendarDate(DatabaseTimestampText.day(of: $0.placedAt))?.month ?? 0 }
        var months: [MonthRevenue] = []
        for month in byMonth.keys.sorted() {
            let monthOrders = byMonth[month] ?? []
            let revenue = monthOrders.reduce(0) { $0 + $1.totalCents }
            // Whole cents: integer division keeps the average exact.
            let average = revenue / Int64(max(monthOrders.count, 1))
            guard let averageOrder = DecimalValue(String(average)) else { continue }
            months.append(MonthRevenue(month: Int32(month), revenueCents: revenue, averageOrder: averageOrder, orderCount: Int64(monthOrders.count)))
        }
        return RevenueReport(totalCents: paid.reduce(0) { $0 + $1.totalCents }, topProducts: [], note: paid.isEmpty ? "No sales in this period" : nil,
                             byMonth: months, currencies: Array(Set(paid.map(\.currency))).sorted())
    }

    public func placeOrder(_ input: PlaceOrderInput) async throws -> Order {
        let database = input.service.database
        guard try await CustomerRepository(database: database).find(id: input.id) != nil else { throw APIError.notFound("No Customer has the id \(input.id)") }
        let lines = try await OrderLines.checked(input.body.lines, products: ProductRepository(database: database))
        let total = try OrderLines.total(lines)
        let address = [input.body.shipping.line1, input.body.shipping.line2, input.body.shipping.postalCode + " " + input.body.shipping.city, input.body.shipping.country]
            .compactMap { $0 }.joined(separator: "\n")
        // The spec bounds each part of the address, so together they stay within the column's 2000 characters.
        let order = try await OrderRepository(database: database).create(OrderCreate(
            customerId: input.id, deliveryDue: input.body.deliverBy, totalCents: total, shippingAddress: address))
        let items = OrderItemRepository(database: database)
        for (line, product) in lines {
            _ = try await items.create(OrderItemCreate(orderId: order.id, productId: product.id, quantity: line.quantity, unitPriceCents: product.priceCents))
        }
        return order
    }

    public func replaceOrderItems(_ input: ReplaceOrderItemsInput) async throws -> [OrderItem] {
        let database = input.service.database
        guard try await OrderRepository(database: database).find(id: input.id) != nil else { throw APIError.notFound("No Order has the id \(input.id)") }
        // Checked before the old items go, so a refused request changes nothing.
        let lines = try await OrderLines.checked(input.body.lines, products: ProductRepository(database: database))
        let items = OrderItemRepository(database: database)
        for item in try await items.rows.list(filters: [("order_id", .int(input.id))], sort: [], limit: 1000, offset: 0).items {
            _ = try await items.delete(id: item.id)
        }
        var created: [OrderItem] = []
        for (line, product) in lines {
            created.append(try await items.create(OrderItemCreate(orderId: input.id, productId: product.id, quantity: line.quantity, unitPriceCents: product.priceCents)))
        }
        return created
    }

    public func changePrice(_ input: ChangePriceInput) async throws -> Product {
        guard let product = try await ProductRepository(database: input.service.database).update(id: input.id, ProductPatch(priceCents: input.body.priceCents)) else {
            throw APIError.notFound("No Product has the id \(input.id)")
        }
        return product
    }

    public func eraseCustomer(_ input: EraseCustomerInput) async throws {
        let customers = CustomerRepository(database: input.service.database)
        let erased = CustomerPatch(email: "erased-\(input.id)@invalid.example", fullName: "Erased customer", birthDate: .some(nil), marketingOptIn: false)
        guard try await customers.update(id: input.id, erased) != nil else { throw APIError.notFound("No Customer has the id \(input.id)") }
    }

    public func searchCatalog(_ input: SearchCatalogInput) async throws -> [Product] {
        let limit = Int(input.limit ?? 20)
        let filters: ColumnValues = input.categoryId.map { [("category_id", .int($0))] } ?? []
        let candidates = try await ProductRepository(database: input.service.database).rows.list(filters: filters, sort: [("name", false)], limit: 1000, offset: 0).items
        return Array(candidates.filter { $0.name.localizedCaseInsensitiveContains(input.q) }.prefix(limit))
    }

    public func teamRoster(_ input: TeamRosterInput) async throws -> TeamRoster {
        let database = input.service.database
        guard let team = try await TeamRepository(database: database).find(id: input.id) else { throw APIError.notFound("No Team has the id \(input.id)") }
        let members = try await PersonRepository(database: database).rows.list(filters: [("team_id", .int(input.id))], sort: [("display_name", false)], limit: 1000, offset: 0)
        return TeamRoster(team: team, members: members.items, generatedAt: Date(), requestId: UUID())
    }

    /// Every row of a table, a page at a time (the example's tables are small).
    private func allRows<Model>(_ rows: TableRepository<Model>) async throws -> [Model] {
        var all: [Model] = []
        while true {
            let page = try await rows.list(filters: [], sort: [], limit: 500, offset: all.count)
            all += page.items
            if page.items.count < 500 { return all }
        }
    }
}

/// The UTC day of an instant, as `YYYY-MM-DD`.
enum DatabaseTimestampText {
    static func day(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}

