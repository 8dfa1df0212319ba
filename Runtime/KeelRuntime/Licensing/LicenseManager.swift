import Foundation
import Logging
import Synchronization

/// Start-up refused because of the license; the message names what to fix.
public struct LicenseError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Keeps the service's entitlements: validates the license at start, caches the last good answer, sends the
/// hourly keepalive, and falls back to the cache for the grace period (24 h) when the server cannot be reached.
/// With `RELEASE_MODE=false` every feature stays on and license checks are only logged.
public actor LicenseManager {
    private let settings: LicenseSettings
    private let model: LicensingModel
    private let serviceVersion: String
    /// Nil without a license key: there is nothing to ask the server.
    private let server: (any LicenseServer)?
    private let cache: any LicenseCacheStore
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let startedAt: Date
    /// The last answer the server confirmed, from this run or the cache.
    private var lastGood: CachedLicense?
    /// Read on every request without waiting for the actor; only the actor writes it.
    private let snapshot: Mutex<Entitlements>

    /// - Parameters:
    ///   - server: default: the license server of `settings` (none without a key).
    ///   - cache: default: the file at `settings.cachePath`.
    ///   - now: the clock; tests move it past the grace period.
    public init(settings: LicenseSettings, model: LicensingModel, serviceVersion: String, server: (any LicenseServer)? = nil,
                cache: (any LicenseCacheStore)? = nil, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.model = model
        self.serviceVersion = serviceVersion
        self.server = server ?? settings.key.map { key -> any LicenseServer in
            LicenseServerClient(serverURL: settings.serverURL, productName: settings.productName, key: key)
        }
        self.cache = cache ?? LicenseCacheFile(path: settings.cachePath)
        self.logger = logger
        self.now = now
        startedAt = now()
        snapshot = Mutex(settings.releaseMode ? Entitlements.expired(model) : .development(model))
    }

    /// The entitlements in force; cheap and synchronous, for request handlers.
    public nonisolated var current: Entitlements {
        snapshot.withLock { $0 }
    }

    /// Development mode: everything on; a set key is validated once and the outcome only logged.
    /// Release mode: throws `LicenseError` when the server rejects the key, or when it cannot be reached and
    /// no cached license is younger than the grace period.
    public func start() async throws {
        lastGood = await loadCache()
        guard settings.releaseMode else {
            publish(.development(model))
            await refresh()
            return
        }
        guard let server else {
            throw LicenseError("LICENSE_KEY is not set: RELEASE_MODE=true needs a license key (PENG-XXXX-XXXX-XXXX-XXXX-XXXX)")
        }
        do {
            let license = try await validate(with: server)
            publish(license.entitlements)
        } catch LicenseServerError.rejected(let status, let message) {
            throw LicenseError("LICENSE_KEY was rejected by the license server at \(settings.serverURL) (HTTP \(status)): \(message)")
        } catch {
            guard let lastGood, isWithinGrace(lastGood) else {
                throw LicenseError("license server unreachable and no cached license younger than \(Int(settings.gracePeriod / 3600)) h: \(error)")
            }
            logger.warning("license server unreachable; using the cached license", metadata: ["validated_at": "\(lastGood.fetchedAt)", "error": "\(error)"])
            var cached = lastGood.entitlements
            cached.source = "cache"
            publish(cached)
        }
    }

    /// Validates again. Release mode: a rejection ends the entitlements at once; an outage keeps them until the
    /// last good answer is older than the grace period. Development mode only logs the outcome.
    public func refresh() async {
        guard let server else { return }
        let license: CachedLicense
        do {
            license = try await validate(with: server)
        } catch {
            guard settings.releaseMode else {
                logger.warning("license check failed; ignored because RELEASE_MODE=false", metadata: ["error": "\(error)"])
                return
            }
            if let failure = error as? LicenseServerError, case .unreachable = failure, let lastGood, isWithinGrace(lastGood) {
                logger.warning("license server unreachable; keeping the current entitlements", metadata: ["validated_at": "\(lastGood.fetchedAt)", "error": "\(error)"])
                return
            }
            logger.error("no valid license: features are off and the lowest tier's limits apply", metadata: ["error": "\(error)"])
            publish(.expired(model))
            return
        }
        if settings.releaseMode {
            publish(license.entitlements)
        } else {
            logger.info("license is valid; RELEASE_MODE=false keeps every feature on", metadata: ["tier": "\(license.entitlements.tier)"])
        }
    }

    /// Until the task is cancelled: every `keepaliveInterval`, a keepalive and then `refresh()`.
    public func runKeepalive() async {
        guard let server else { return }
        while true {
            do {
                try await Task.sleep(for: settings.keepaliveInterval)
            } catch {
                return
            }
            // Nothing to keep alive before a license was ever confirmed (no server id yet); the refresh may confirm one.
            if let lastGood {
                let report = KeepaliveReport(serverID: lastGood.serverID, hostname: ProcessInfo.processInfo.hostName, version: serviceVersion,
                                             uptimeSeconds: Int(now().timeIntervalSince(startedAt)))
                do {
                    try await server.keepalive(report)
                } catch {
                    logger.warning("license keepalive failed", metadata: ["error": "\(error)"])
                }
            }
            await refresh()
        }
    }

    /// Asks the server; a valid answer becomes the last good license and is cached.
    private func validate(with server: any LicenseServer) async throws -> CachedLicense {
        let response = try await server.validate()
        let fetchedAt = now()
        let license = CachedLicense(
            entitlements: Entitlements(response: response, model: model, validatedAt: fetchedAt),
            serverID: response.serverID ?? lastGood?.serverID ?? UUID().uuidString,
            fetchedAt: fetchedAt
        )
        lastGood = license
        do {
            try await cache.save(license)
        } catch {
            logger.warning("could not write the license cache", metadata: ["error": "\(error)"])
        }
        return license
    }

    private func loadCache() async -> CachedLicense? {
        do {
            return try await cache.load()
        } catch {
            logger.warning("could not read the license cache; ignoring it", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func isWithinGrace(_ license: CachedLicense) -> Bool {
        now().timeIntervalSince(license.fetchedAt) < settings.gracePeriod
    }

    /// Replaces the snapshot, logging when what is in force changes (not on a mere re-validation).
    private func publish(_ next: Entitlements) {
        let previous = current
        snapshot.withLock { $0 = next }
        guard (previous.tier, previous.features, previous.enforced, previous.source) != (next.tier, next.features, next.enforced, next.source) else { return }
        logger.notice("license entitlements", metadata: [
            "tier": "\(next.tier)", "source": "\(next.source)", "enforced": "\(next.enforced)", "features": "\(next.features.joined(separator: ","))",
        ])
    }
}
