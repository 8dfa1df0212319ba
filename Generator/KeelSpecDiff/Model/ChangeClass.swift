/// Whom a spec change can break.
public enum ChangeClass: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Clients already in the field (apps, other services, cached TypeScript bundles).
    case apiBreaking = "api-breaking"
    /// Replicas of the previous version still running against the new schema during a rolling deploy.
    case rolloutBreaking = "rollout-breaking"
    /// Rows already in the database: what the migration planner refuses (its codes).
    case data
    /// Nothing: listed for the changelog.
    case compatible

    /// Whether `keel diff` fails on it unless it is acknowledged.
    public var isBreaking: Bool { self != .compatible }

    /// As headings show it.
    public var title: String {
        switch self {
        case .apiBreaking: "API breaking"
        case .rolloutBreaking: "Rollout breaking"
        case .data: "Data"
        case .compatible: "Compatible"
        }
    }

    public static func < (lhs: ChangeClass, rhs: ChangeClass) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The semantic-version bump a change needs.
public enum VersionBump: Int, Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    case none, patch, minor, major

    public var description: String {
        switch self {
        case .none: "none"
        case .patch: "patch"
        case .minor: "minor"
        case .major: "major"
        }
    }

    public static func < (lhs: VersionBump, rhs: VersionBump) -> Bool { lhs.rawValue < rhs.rawValue }
}
