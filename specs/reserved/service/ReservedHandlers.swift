import Foundation
import KeelRuntime

/// The one custom endpoint of the reserved-words service: answers the body it was sent, its `self` taken
/// from the path and its `class` from the query's values joined by commas (`where`, `body`, `principal`,
/// `service`, those given), so a test sees each reserved name arrive where it belongs.
public struct ReservedHandlers: ReservedAPI {
    public init() {}

    public func `import`(_ input: ImportInput) async throws -> `Protocol` {
        var echoed = input.body
        echoed.self_ = input.self_
        let query = [input.`where`, input.bodyParam, input.principalParam, input.serviceParam].compactMap { $0 }
        if !query.isEmpty { echoed.`class` = query.joined(separator: ",") }
        return echoed
    }
}

/// Where the reserved-words service finds the migrations `keel generate` wrote, bundled with it by SwiftPM.
public enum ReservedResources {
    public static var migrationsDirectory: String {
        Bundle.module.url(forResource: "migrations", withExtension: nil)?.path ?? "specs/reserved/generated/migrations"
    }
}
