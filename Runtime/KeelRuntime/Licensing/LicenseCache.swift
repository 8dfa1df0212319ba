import Foundation

/// The last license the server confirmed, kept so a restart during an outage can still serve (24 h grace).
public struct CachedLicense: Sendable, Codable, Equatable {
    public var entitlements: Entitlements
    /// The id keepalives report: the server's `metadata.server_id`, else a random id kept from the first answer.
    public var serverID: String
    public var fetchedAt: Date

    public init(entitlements: Entitlements, serverID: String, fetchedAt: Date) {
        self.entitlements = entitlements
        self.serverID = serverID
        self.fetchedAt = fetchedAt
    }

    enum CodingKeys: String, CodingKey {
        case entitlements
        case serverID = "server_id"
        case fetchedAt = "fetched_at"
    }
}

/// Where the last good license is kept. State replicas may share sits behind an interface with a local default;
/// a shared store (database, Redis) can replace the file.
public protocol LicenseCacheStore: Sendable {
    /// The cached license, or nil when there is none yet.
    func load() async throws -> CachedLicense?
    func save(_ license: CachedLicense) async throws
}

/// The default store: one JSON file (`LICENSE_CACHE_PATH`), mode 0600, replaced atomically.
public struct LicenseCacheFile: LicenseCacheStore {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func load() throws -> CachedLicense? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(CachedLicense.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public func save(_ license: CachedLicense) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(license)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Beside the target, so the rename stays on one file system and readers see the old file or the new one.
        let temporary = "\(path).\(UUID().uuidString).tmp"
        let temporaryURL = URL(fileURLWithPath: temporary)
        do {
            // Made empty and 0600 before any byte is written, so the contents are never readable by others.
            try Data().write(to: temporaryURL, options: .withoutOverwriting)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary)
            try data.write(to: temporaryURL)
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
