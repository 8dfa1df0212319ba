import JWTKit
import Logging

/// The public keys an identity provider publishes, cached by `kid`. An unknown `kid` or keys older than the cache
/// lifetime fetch the set again, so a rotation needs no restart; fetches are at least `refreshInterval` apart and
/// one at a time (callers wait for the fetch under way), so a flood of unknown `kid`s cannot flood the provider.
actor JWKSKeys {
    private let fetch: JWKSFetch
    private let refreshInterval: Duration
    private let cacheLifetime: Duration
    private let logger: Logger
    private let clock = ContinuousClock()
    /// Rebuilt on every good fetch, so withdrawn keys leave with it.
    private var keys = JWTKeyCollection()
    private var kids: Set<String> = []
    private var fetchedAt: ContinuousClock.Instant?
    private var lastAttempt: ContinuousClock.Instant?
    private var fetching: Task<Void, Never>?

    init(fetch: JWKSFetch, refreshInterval: Duration, cacheLifetime: Duration, logger: Logger) {
        self.fetch = fetch
        self.refreshInterval = refreshInterval
        self.cacheLifetime = cacheLifetime
        self.logger = logger
    }

    /// The keys that hold `kid`, fetching the set again when `kid` is unknown or the keys are old (and the last
    /// fetch is at least `refreshInterval` ago); nil when the provider does not publish `kid`.
    func keys(holding kid: String) async -> JWTKeyCollection? {
        if !kids.contains(kid) || fetchedAt.map({ clock.now - $0 >= cacheLifetime }) ?? true {
            await refresh()
        }
        return kids.contains(kid) ? keys : nil
    }

    /// Fetches the set unless a fetch is under way (then waits for it) or the last began less than `refreshInterval` ago.
    func refresh() async {
        if let fetching {
            await fetching.value
            return
        }
        if let lastAttempt, clock.now - lastAttempt < refreshInterval { return }
        lastAttempt = clock.now
        let task = Task { await self.load() }
        fetching = task
        await task.value
        fetching = nil
    }

    /// Replaces the keys with a fresh set; a failed fetch keeps the old ones, so an outage of the provider does not
    /// end the tokens already in use.
    private func load() async {
        let set: JWKS
        do {
            set = try await fetch.keySet()
        } catch {
            logger.warning("could not fetch the identity provider's keys", metadata: ["error": "\(error)"])
            return
        }
        let fresh = JWTKeyCollection()
        var added: Set<String> = []
        for key in set.keys {
            // Keys without a kid cannot be chosen by a token; a key of a type jwt-kit cannot verify with is skipped.
            guard let kid = key.keyIdentifier?.string, (try? await fresh.add(jwk: key)) != nil else {
                logger.warning("skipped a key of the identity provider", metadata: ["kid": "\(key.keyIdentifier?.string ?? "none")"])
                continue
            }
            added.insert(kid)
        }
        keys = fresh
        kids = added
        fetchedAt = clock.now
        logger.info("fetched the identity provider's keys", metadata: ["kids": "\(added.sorted().joined(separator: ","))"])
    }
}
