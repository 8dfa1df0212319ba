import Crypto
import Foundation

/// Decides which rate limit a request counts against, once access control knows the caller: the endpoint's own
/// limit, else the rate limit of the licensed tier (the lowest tier's for a tier the spec does not know). In
/// development mode (`RELEASE_MODE=false`), as with row limits, none applies.
struct RateLimits: Sendable {
    let limiter: RateLimiter
    let license: LicenseManager
    let model: LicensingModel

    /// Counts the request of the current `RateLimitTicket` (none outside the spec's routes); throws 429
    /// `RATE_LIMITED` when the caller's count is full. `principal`: the authenticated caller, counted by user id;
    /// without one the client address counts.
    func admit(_ rule: AccessRule, principal: Principal?) async throws {
        guard let ticket = RateLimitTicket.current, ticket.outcome == nil else { return }
        let entitlements = license.current
        guard entitlements.enforced else { return }
        let scope: String, limit: RateLimit
        if let own = rule.rateLimit {
            (scope, limit) = (own.scope, own.limit)
        } else if let tierLimit = entitlements.rateLimit(model: model) {
            (scope, limit) = ("tier", tierLimit)
        } else {
            return
        }
        let subject = principal.map { "user:" + $0.subject } ?? "address:" + ticket.address
        let outcome = try await limiter.admit(Self.bucket(scope: scope, limit: limit, subject: subject), limit: limit)
        guard ticket.record(outcome), !outcome.admitted else { return }
        throw APIError(.tooManyRequests, code: "RATE_LIMITED",
                       detail: "Rate limit of \(CountText.of(limit.requests, "request")) per \(Self.name(of: limit.period)) reached; retry in \(outcome.reset) s")
    }

    /// The count's key: scope, window length and caller; a digest when that is longer than the column.
    static func bucket(scope: String, limit: RateLimit, subject: String) -> String {
        let key = "\(scope) \(limit.period.rawValue)s \(subject)"
        guard key.utf8.count > 255 else { return key }
        return "sha256:" + SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func name(of period: RateLimit.Period) -> String {
        switch period {
        case .second: "second"
        case .minute: "minute"
        case .hour: "hour"
        }
    }
}
