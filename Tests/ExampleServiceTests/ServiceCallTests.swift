import Foundation
import KeelClient
import StorefrontService
import Testing

/// Issue 16's "done means": the storefront calls the shop through the shop's generated client, and what the shop
/// answers, or fails to, reaches the storefront's caller as docs/services.md says.
struct ServiceCallTests {
    @Test func typedCallsAndTypedRefusalsAcrossTwoServices() async throws {
        try await ServicePair.run(name: "pair_calls") { pair in
            let traceID = "pair-" + UUID().uuidString.lowercased()
            let storefront = pair.storefront(token: pair.adminToken, traceID: traceID)

            // Typed calls through the caller, the caller's token forwarded (the shop's products need one).
            let added = try await storefront.addItem(body: .init(sku: "pair-mug", name: "Pair mug", priceCents: 1250))
            #expect(added.sku == "pair-mug" && added.priceCents == 1250)
            #expect(try await storefront.showItem(id: added.id) == added)
            let anonymous = await #expect(throws: KeelClientError.self) { try await pair.storefront().showItem(id: added.id) }
            #expect(anonymous?.status == 401 && anonymous?.code == "UNAUTHORIZED")

            // The shop's refusals arrive typed: a 422 with its field, a 403 with its feature.
            let invalid = await #expect(throws: KeelClientError.self) {
                try await storefront.addItem(body: .init(sku: "pair-bad", name: "Bad", priceCents: -1))
            }
            #expect(invalid?.status == 422 && invalid?.code == "VALIDATION_FAILED" && invalid?.fieldErrors.map(\.field) == ["price_cents"])
            let unlicensed = await #expect(throws: KeelClientError.self) { try await storefront.yearRevenue(year: 2026) }
            #expect(unlicensed?.status == 403 && unlicensed?.code == "FEATURE_NOT_LICENSED" && unlicensed?.feature == "advanced_analytics")

            // One trace id in both services' logs.
            #expect(pair.storefrontLog.lines(traceID: traceID).contains { $0.message == "request" && $0.metadata["path"] == "/api/v1/items" })
            #expect(pair.shopLog.lines(traceID: traceID).contains { $0.message == "request" && $0.metadata["path"] == "/api/v1/products" })
        }
    }

    @Test func theBreakerOpensWhileTheShopIsAwayAndClosesWhenItIsBack() async throws {
        try await ServicePair.run(name: "pair_breaker") { try await Self.awayAndBack($0) }
    }

    /// The shop stops (the storefront turns unready, its circuit opens), then starts again (it closes).
    static func awayAndBack(_ pair: ServicePair) async throws {
        let storefront = pair.storefront(token: pair.adminToken)
        let item = try await storefront.addItem(body: .init(sku: "pair-cup", name: "Pair cup", priceCents: 800))
        // A probe may take two seconds; a test run that keeps both cores busy can make one miss, so a few are allowed.
        var ready = await ServicePair.get(pair.storefrontURL + "/readyz")
        for _ in 0..<10 where ready?.status != 200 {
            try await Task.sleep(for: .milliseconds(500))
            ready = await ServicePair.get(pair.storefrontURL + "/readyz")
        }
        #expect(ready?.status == 200 && ready?.body.contains(#""shop":"healthy""#) == true)

        await pair.stopShop()
        // The shop is required (keel.yaml), so the storefront is not ready without it.
        let unready = await ServicePair.get(pair.storefrontURL + "/readyz")
        #expect(unready?.status == 503 && unready?.body.contains(#""shop":"unavailable""#) == true)
        // Every refused attempt counts (a call tries three times): by the second call the circuit is open.
        var answers: [String] = []
        for _ in 0..<4 {
            let refused = await #expect(throws: KeelClientError.self) { try await storefront.showItem(id: item.id) }
            answers.append(refused?.code ?? "none")
            if refused?.code == "DEPENDENCY_UNAVAILABLE" { break }
        }
        #expect(answers.first == "DEPENDENCY_FAILED" && answers.last == "DEPENDENCY_UNAVAILABLE", "answers: \(answers)")
        #expect(await circuitGauge(pair) == "2")
        // Open: the call fails fast, reaching nothing, far within the 15 s the dependency's calls may take.
        let began = ContinuousClock.now
        let fast = await #expect(throws: KeelClientError.self) { try await storefront.showItem(id: item.id) }
        #expect(fast?.status == 503 && fast?.code == "DEPENDENCY_UNAVAILABLE")
        #expect(ContinuousClock.now - began < .seconds(3))

        // Back on the same port: after the cool-down (1.5 s) a probe goes through and closes the circuit.
        try await pair.restartShop()
        let giveUp = ContinuousClock.now + .seconds(30)
        var shown: StorefrontClient.ShelfItem?
        while shown == nil, ContinuousClock.now < giveUp {
            shown = try? await storefront.showItem(id: item.id)
            if shown == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(shown == item)
        #expect(await circuitGauge(pair) == "0")
        #expect(await ServicePair.get(pair.storefrontURL + "/readyz")?.status == 200)
    }

    @Test func aGetIsRetriedAndAPostIsNeverSentTwice() async throws {
        try await ServicePair.run(name: "pair_retries") { pair in
            let storefront = pair.storefront(token: pair.adminToken)
            let item = try await storefront.addItem(body: .init(sku: "pair-jug", name: "Pair jug", priceCents: 900))
            pair.gate.failing = true
            let posts = pair.gate.seen("POST")
            let post = await #expect(throws: KeelClientError.self) {
                try await storefront.addItem(body: .init(sku: "pair-pot", name: "Pair pot", priceCents: 700))
            }
            #expect(post?.status == 502 && post?.code == "DEPENDENCY_FAILED")
            #expect(pair.gate.seen("POST") - posts == 1)
            let gets = pair.gate.seen("GET")
            let get = await #expect(throws: KeelClientError.self) { try await storefront.showItem(id: item.id) }
            #expect(get?.status == 502 && get?.code == "DEPENDENCY_FAILED")
            // Two retries of a 503: the shop saw the GET three times.
            #expect(pair.gate.seen("GET") - gets == 3)
        }
    }

    /// The storefront's `keel_dependency_circuit_state` of the shop's host, from its `/metrics`.
    static func circuitGauge(_ pair: ServicePair) async -> String? {
        let host = pair.shopURL.replacingOccurrences(of: "http://", with: "")
        let prefix = #"keel_dependency_circuit_state{dependency="shop",host="\#(host)"} "#
        let metrics = await ServicePair.get(pair.storefrontURL + "/metrics")?.body ?? ""
        return metrics.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
