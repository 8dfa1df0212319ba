import Foundation
import KeelClient
import KeelRuntime

/// The storefront's endpoints, each answered by calling the shop through its generated client, which forwards the
/// caller's token and gives each call the deadline, retries and circuit breaker of the dependency `shop`. A refusal
/// of the shop (a 422, a 403) reaches the storefront's caller as it is (docs/services.md).
public struct StorefrontHandlers: StorefrontAPI {
    let shop: ShopClient

    /// - Parameter shop: the shop's client, e.g. `try ShopClient()` (its URL from `KEEL_DEP_SHOP_URL`).
    public init(shop: ShopClient) {
        self.shop = shop
    }

    public func showItem(_ input: ShowItemInput) async throws -> ShelfItem {
        let item = ShelfItem(try await shop.getProduct(id: input.id))
        _ = try await ShelfViewRepository(database: input.service.database).create(ShelfViewCreate(productId: item.id))
        return item
    }

    public func addItem(_ input: AddItemInput) async throws -> ShelfItem {
        let item = input.body
        return ShelfItem(try await shop.createProduct(.init(sku: item.sku, name: item.name, priceCents: item.priceCents, title: item.name)))
    }

    public func yearRevenue(_ input: YearRevenueInput) async throws -> YearRevenue {
        guard let newYear = KeelDate(year: Int(input.year), month: 1, day: 1) else {
            throw APIError(.unprocessableContent, code: "VALIDATION_FAILED", detail: "\(input.year) is not a year")
        }
        let report = try await shop.revenueReport(year: input.year, from: newYear)
        return YearRevenue(year: input.year, totalCents: report.totalCents)
    }
}

extension ShelfItem {
    init(_ product: ShopClient.Product) {
        self.init(id: product.id, sku: product.sku, name: product.name, priceCents: product.priceCents)
    }
}
