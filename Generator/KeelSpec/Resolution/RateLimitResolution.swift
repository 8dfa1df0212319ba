extension SpecResolver {
    /// `N/second`, `N/minute` or `N/hour`, N a whole number from 1 to 1,000,000,000.
    func rateLimit(_ value: YAMLValue, of what: String) -> RateLimit? {
        let usage = "write it as N/second, N/minute or N/hour, e.g. 600/minute"
        guard let text = value.text, value.scalarTag == .str || value.scalarTag == .int else {
            diagnostics.error(value.location, "the rate_limit of \(what) must be a string like 600/minute, found \(value.kindDescription)")
            return nil
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber) else {
            diagnostics.error(value.location, "the rate_limit of \(what) is '\(text)'; \(usage)")
            return nil
        }
        guard let period = RateLimit.Period(rawValue: String(parts[1])) else {
            diagnostics.error(value.location, "the rate_limit of \(what) has unknown period '\(parts[1])'; \(Suggestion.fix(for: String(parts[1]), in: RateLimit.Period.allCases.map(\.rawValue), otherwise: usage))")
            return nil
        }
        guard (1...1_000_000_000).contains(count) else {
            diagnostics.error(value.location, "the rate_limit of \(what) must allow between 1 and 1000000000 requests per \(period.rawValue), found \(count)")
            return nil
        }
        return RateLimit(requests: count, period: period)
    }
}
