import Foundation

/// The `keel_config` table: one row per spec key, seeded from the environment on first start; after that the
/// database wins, and every change records who made it and when.
public struct ConfigStore: Sendable {
    let database: any Database
    public let keys: [ConfigKey]

    public init(database: any Database, keys: [ConfigKey]) {
        self.database = database
        self.keys = keys
    }

    /// One setting as `{base}/config` shows it; a sensitive value is masked.
    public struct Entry: Encodable, Sendable {
        public let config_key: String
        /// The stored text (`10`, `true`, JSON), `***SENSITIVE***` for a sensitive value that is set.
        public let config_value: String?
        public let config_type: String
        public let category: String
        public let description: String?
        public let is_sensitive: Bool
        public let last_updated: Date
        public let updated_by: String?
        public let created_at: Date

        /// Every key, `null` included, as the OpenAPI `ConfigEntry` requires.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(config_key, forKey: .config_key)
            try container.encode(config_value, forKey: .config_value)
            try container.encode(config_type, forKey: .config_type)
            try container.encode(category, forKey: .category)
            try container.encode(description, forKey: .description)
            try container.encode(is_sensitive, forKey: .is_sensitive)
            try container.encode(last_updated, forKey: .last_updated)
            try container.encode(updated_by, forKey: .updated_by)
            try container.encode(created_at, forKey: .created_at)
        }

        enum CodingKeys: String, CodingKey {
            case config_key, config_value, config_type, category, description, is_sensitive, last_updated, updated_by, created_at
        }
    }

    /// Inserts the keys the table lacks, from the environment or the default. A value of the wrong type stops start-up.
    public func bootstrap(environment: [String: String]) async throws {
        var seeds: [(ConfigKey, String?)] = []
        for key in keys {
            var value = key.defaultValue
            if let text = environment[key.env], !text.isEmpty {
                guard let stored = key.storedText(ofEnvironment: text) else {
                    let problem = "is not valid for config key \(key.key): use \(key.type.valueDescription)"
                    throw ConfigurationError(key.sensitive ? "\(key.env) \(problem) (the value is not shown: the key is sensitive)" : "\(key.env)=\(text) \(problem)")
                }
                value = stored
            }
            seeds.append((key, value))
        }
        let existing = Set(try await database.runtimeQuery("SELECT config_key FROM keel_config").compactMap { $0["config_key"]?.text })
        for (key, value) in seeds where !existing.contains(key.key) {
            let now = DatabaseValue.timestamp(Date())
            _ = try await database.runtimeExecute("""
                INSERT INTO keel_config (config_key, config_value, config_type, category, description, is_sensitive, last_updated, updated_by, created_at) \
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(key.key), value.map(DatabaseValue.text) ?? .null, .text(key.type.rawValue), .text(key.category),
                      key.description.map(DatabaseValue.text) ?? .null, .bool(key.sensitive), now, .text("environment"), now])
        }
    }

    public func entries() async throws -> [Entry] {
        let rows = try await database.runtimeQuery("SELECT config_key, config_value, last_updated, updated_by, created_at FROM keel_config")
        let byKey = Dictionary(rows.compactMap { row in row["config_key"]?.text.map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
        return try keys.compactMap { key in try byKey[key.key].map { try entry(key, $0) } }
    }

    /// Sets one key's value; nil when the spec has no such key.
    public func set(_ name: String, to value: JSONValue, by principal: Principal?) async throws -> Entry? {
        guard let key = keys.first(where: { $0.key == name }) else { return nil }
        let text: String?
        switch key.storedText(of: value) {
        case .success(let stored): text = stored
        case .failure(let problem): throw APIError.validation([.init(field: "value", message: problem.message)])
        }
        _ = try await database.runtimeExecute("UPDATE keel_config SET config_value = ?, last_updated = ?, updated_by = ? WHERE config_key = ?",
                              [text.map(DatabaseValue.text) ?? .null, .timestamp(Date()), principal.map { .text($0.displayName) } ?? .null, .text(name)])
        let rows = try await database.runtimeQuery("SELECT config_key, config_value, last_updated, updated_by, created_at FROM keel_config WHERE config_key = ?", [.text(name)])
        return try rows.first.map { try entry(key, $0) }
    }

    private func entry(_ key: ConfigKey, _ row: DatabaseRow) throws -> Entry {
        let stored = row["config_value"]?.text
        return Entry(config_key: key.key, config_value: key.sensitive && stored != nil ? "***SENSITIVE***" : stored,
                     config_type: key.type.rawValue, category: key.category, description: key.description, is_sensitive: key.sensitive,
                     last_updated: try row.decode("last_updated"), updated_by: row["updated_by"]?.text, created_at: try row.decode("created_at"))
    }

    /// The stored value of a key as JSON (nil when unset): how the service's own code reads its settings.
    public func value(of name: String) async throws -> JSONValue? {
        guard let key = keys.first(where: { $0.key == name }) else { return nil }
        let rows = try await database.runtimeQuery("SELECT config_value FROM keel_config WHERE config_key = ?", [.text(name)])
        guard let text = rows.first?["config_value"]?.text else { return nil }
        return key.jsonValue(ofStored: text)
    }
}
