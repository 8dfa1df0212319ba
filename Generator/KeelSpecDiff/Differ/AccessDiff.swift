import KeelSpec

/// Who may call an operation: the parts of the spec that endpoints of both kinds share.
struct Access: Equatable {
    var requiresAuth: Bool
    /// Empty: any authenticated caller.
    var roles: [String]
    var feature: String? = nil
    var rateLimit: RateLimit? = nil
}

extension DiffContext {
    func diffAccess(_ old: Access, _ new: Access, what: String, subject: String, at place: Place) {
        if !old.requiresAuth, new.requiresAuth {
            add(.authTightened, "\(what) now requires authentication; clients calling it without a token get 401", subject: subject, at: place)
        } else if old.requiresAuth, !new.requiresAuth {
            add(.accessLoosened, "\(what) no longer requires authentication", subject: subject, at: place)
        }
        if new.requiresAuth, old.roles != new.roles {
            let revoked = old.roles.filter { !new.roles.contains($0) }, granted = new.roles.filter { !old.roles.contains($0) }
            if old.roles.isEmpty || !old.requiresAuth {
                add(.roleRequired, "\(what) now requires role \(new.roles.joined(separator: " or ")); other callers get 403", subject: subject, at: place)
            } else if new.roles.isEmpty {
                add(.accessLoosened, "\(what) is open to every authenticated caller", subject: subject, at: place)
            } else {
                if !revoked.isEmpty {
                    add(.roleRevoked, "\(what) no longer allows role\(revoked.count == 1 ? "" : "s") \(quoted(revoked)); callers with only \(revoked.count == 1 ? "that role" : "those roles") get 403", subject: subject, at: place)
                }
                if !granted.isEmpty {
                    add(.accessLoosened, "\(what) now also allows role\(granted.count == 1 ? "" : "s") \(quoted(granted))", subject: subject, at: place)
                }
            }
        }
        switch (old.feature, new.feature) {
        case let (nil, feature?):
            add(.featureRequired, "\(what) now requires feature '\(feature)'; licenses without it get 403", subject: subject, at: place)
        case let (before?, feature?) where before != feature:
            add(.featureRequired, "\(what) now requires feature '\(feature)' instead of '\(before)'; licenses without it get 403", subject: subject, at: place)
        case let (before?, nil):
            add(.accessLoosened, "\(what) no longer requires feature '\(before)'", subject: subject, at: place)
        default:
            break
        }
        diffRateLimit(old.rateLimit, new.rateLimit, what: what, subject: subject, at: place)
    }

    /// An endpoint's own limit replaces its tier's: compared tier by tier, with the new spec's tiers.
    private func diffRateLimit(_ old: RateLimit?, _ new: RateLimit?, what: String, subject: String, at place: Place) {
        guard old != new else { return }
        let tiers: [RateLimit?] = self.new.tiers.isEmpty ? [nil] : self.new.tiers.map(\.rateLimit)
        let tighter = tiers.contains { tier in Self.rate(new ?? tier) < Self.rate(old ?? tier) }
        let text = "rate limit \(old?.text ?? "of the tier") -> \(new?.text ?? "of the tier")"
        if tighter {
            add(.rateLimitTightened, "\(what): \(text); clients calling at the old rate get 429", subject: subject, at: place)
        } else {
            add(.accessLoosened, "\(what): \(text)", subject: subject, at: place)
        }
    }

    /// Requests per second; no limit is the highest rate.
    static func rate(_ limit: RateLimit?) -> Double {
        limit.map { Double($0.requests) / Double($0.period.seconds) } ?? .infinity
    }
}
