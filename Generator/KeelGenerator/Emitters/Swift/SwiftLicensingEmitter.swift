import KeelSpec

/// Writes `Licensing.swift` into `outputs.swift`: the `Tier` and `Feature` types of the spec.
public struct SwiftLicensingEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.swift else { return [] }
        let tiers: [[String: Any]] = spec.tiers.enumerated().map { rank, tier in
            let limits = tier.limits.map { "\"\($0.table)\": \($0.maxRows)" }
            return [
                "name": tier.name, "caseName": SwiftNames.identifier(tier.name), "rank": String(rank),
                "limits": limits.isEmpty ? "[:]" : "[" + limits.joined(separator: ", ") + "]",
                "rateLimit": tier.rateLimit.map { "RateLimit(\($0.requests), per: .\($0.period.rawValue))" } ?? "nil",
            ]
        }
        let features: [[String: Any]] = spec.features.map { feature in
            var entry: [String: Any] = ["name": feature.name, "caseName": SwiftNames.identifier(feature.name), "tierCase": SwiftNames.identifier(feature.tier)]
            // Each line of a description becomes a line of the doc comment.
            if let description = feature.description { entry["description"] = description.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    /// ") }
            return entry
        }
        let body = context.templates.render("swift/Licensing.swift", ["service": spec.service.name, "tiers": tiers, "features": features, "hasFeatures": !features.isEmpty])
        return [context.file(directory + "/Licensing.swift", body)]
    }
}
