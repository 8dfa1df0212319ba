/// A SQL database family Keel generates migrations for.
public enum Dialect: String, Codable, Hashable, Sendable, CaseIterable {
    case sqlite
    case postgres
    case mysql
}
