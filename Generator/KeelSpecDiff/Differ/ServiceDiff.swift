import KeelSpec

extension DiffContext {
    func diffService() {
        let before = old.service, after = new.service
        let place = Place.new(after.location)
        if before.basePath != after.basePath {
            add(.endpointMoved, "every endpoint moved: base path \(before.basePath.isEmpty ? "/" : before.basePath) -> \(after.basePath.isEmpty ? "/" : after.basePath); clients calling the old paths get 404", subject: "service.base_path", at: place)
        }
        if before.auth != after.auth {
            add(.authChanged, "authentication \(before.auth.rawValue) -> \(after.auth.rawValue); tokens clients hold no longer work", subject: "service.auth", at: place)
        }
        let removedOrigins = before.corsOrigins.filter { !after.corsOrigins.contains($0) }
        if !removedOrigins.isEmpty {
            add(.corsOriginRemoved, "CORS origin\(removedOrigins.count == 1 ? "" : "s") \(quoted(removedOrigins)) removed; browser clients served from \(removedOrigins.count == 1 ? "it" : "them") are refused", subject: "service.cors_origins", at: place)
        }
        let changed = [("name", before.name != after.name), ("title", before.title != after.title), ("port", before.port != after.port),
                       ("new CORS origins", after.corsOrigins.contains { !before.corsOrigins.contains($0) })].filter(\.1).map(\.0)
        if !changed.isEmpty {
            add(.serviceChanged, "service: \(changed.joined(separator: ", ")) changed", subject: "service", at: place)
        }
    }

    func diffLicensing() {
        diffTiers()
        let rank = Dictionary(new.tiers.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        diffNamed(old.features, new.features, by: \.name) { feature in
            add(.featureRemoved, "feature '\(feature.name)' removed", subject: "features.\(feature.name)", at: .old(feature.location))
        } added: { feature in
            add(.featureAdded, "feature '\(feature.name)' added (tier \(feature.tier))", subject: "features.\(feature.name)", at: .new(feature.location))
        } changed: { before, feature in
            let subject = "features.\(feature.name)"
            guard before.tier != feature.tier else { return }
            // A tier gone from the new spec is reported on its own; rank it lowest here.
            if rank[feature.tier, default: 0] > rank[before.tier, default: -1] {
                add(.featureTierRaised, "feature '\(feature.name)' moved up from tier \(before.tier) to \(feature.tier); licenses of the tiers between lose it (403)", subject: subject, at: .new(feature.location))
            } else {
                add(.accessLoosened, "feature '\(feature.name)' moved down from tier \(before.tier) to \(feature.tier)", subject: subject, at: .new(feature.location))
            }
        }
        for role in old.roles where !new.roles.contains(role) {
            add(.roleRemoved, "role '\(role)' removed; users holding it lose their access", subject: "roles.\(role)", at: .new(new.service.location))
        }
        for role in new.roles where !old.roles.contains(role) {
            add(.roleAdded, "role '\(role)' added", subject: "roles.\(role)", at: .new(new.service.location))
        }
        if old.superuser != new.superuser {
            add(.authChanged, "superuser role '\(old.superuser)' -> '\(new.superuser)'; users holding '\(old.superuser)' can no longer manage users and settings", subject: "superuser", at: .new(new.service.location))
        }
    }

    private func diffTiers() {
        diffNamed(old.tiers, new.tiers, by: \.name) { tier in
            add(.tierRemoved, "tier '\(tier.name)' removed; licenses naming it no longer grant anything", subject: "tiers.\(tier.name)", at: .old(tier.location))
        } added: { tier in
            add(.tierAdded, "tier '\(tier.name)' added", subject: "tiers.\(tier.name)", at: .new(tier.location))
        } changed: { before, tier in
            let subject = "tiers.\(tier.name)"
            let place = Place.new(tier.location)
            let oldLimits = Dictionary(before.limits.map { ($0.table, $0.maxRows) }, uniquingKeysWith: { first, _ in first })
            let newLimits = Dictionary(tier.limits.map { ($0.table, $0.maxRows) }, uniquingKeysWith: { first, _ in first })
            for table in Set(oldLimits.keys).union(newLimits.keys).sorted() where oldLimits[table] != newLimits[table] {
                let text = "tier '\(tier.name)': row limit of '\(table)' \(oldLimits[table].map(String.init) ?? "none") -> \(newLimits[table].map(String.init) ?? "none")"
                if newLimits[table, default: .max] < oldLimits[table, default: .max] {
                    add(.tierLimitLowered, "\(text); creates past the new limit fail with 402", subject: "\(subject).limits.\(table)", at: place)
                } else {
                    add(.accessLoosened, text, subject: "\(subject).limits.\(table)", at: place)
                }
            }
            if before.rateLimit != tier.rateLimit {
                let text = "tier '\(tier.name)': rate limit \(before.rateLimit?.text ?? "none") -> \(tier.rateLimit?.text ?? "none")"
                if Self.rate(tier.rateLimit) < Self.rate(before.rateLimit) {
                    add(.rateLimitTightened, "\(text); clients calling at the old rate get 429", subject: "\(subject).rate_limit", at: place)
                } else {
                    add(.accessLoosened, text, subject: "\(subject).rate_limit", at: place)
                }
            }
        }
    }

    func diffConfigAndGateway() {
        diffNamed(old.config, new.config, by: \.key) { key in
            add(.configChanged, "config key '\(key.key)' removed", subject: "config.\(key.key)", at: .old(key.location))
        } added: { key in
            add(.configChanged, "config key '\(key.key)' added", subject: "config.\(key.key)", at: .new(key.location))
        } changed: { before, key in
            var moved = before
            moved.location = key.location
            if moved != key {
                add(.configChanged, "config key '\(key.key)' changed", subject: "config.\(key.key)", at: .new(key.location))
            }
        }
        if Self.unlocated(old.gateway) != Self.unlocated(new.gateway) {
            add(.gatewayChanged, "gateway settings changed", subject: "gateway", at: .new(new.service.location))
        }
    }

    /// The gateway settings without their places in the files, which move with unrelated edits.
    private static func unlocated(_ gateway: Gateway) -> Gateway {
        var copy = gateway
        let nowhere = SourceLocation(file: "", line: 0, column: 0)
        for index in copy.services.indices { copy.services[index].location = nowhere }
        for index in copy.mappings.indices { copy.mappings[index].location = nowhere }
        return copy
    }
}
