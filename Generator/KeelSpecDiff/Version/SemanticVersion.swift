/// `MAJOR.MINOR.PATCH`, with any `-pre` or `+build` suffix ignored for comparison.
public struct SemanticVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    public init?(_ text: String) {
        let core = text.split(whereSeparator: { $0 == "-" || $0 == "+" }).first.map(String.init) ?? ""
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 3, let major = numbers[0], let minor = numbers[1], let patch = numbers[2], major >= 0, minor >= 0, patch >= 0 else { return nil }
        self.init(major: major, minor: minor, patch: patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    /// The bump from `self` to `next`; `.none` when `next` is not higher.
    public func bump(to next: SemanticVersion) -> VersionBump {
        if next.major > major { return .major }
        if next.major < major { return .none }
        if next.minor > minor { return .minor }
        if next.minor < minor { return .none }
        return next.patch > patch ? .patch : .none
    }

    /// The lowest version after `self` with `bump`.
    public func bumped(_ bump: VersionBump) -> SemanticVersion {
        switch bump {
        case .none: self
        case .patch: SemanticVersion(major: major, minor: minor, patch: patch + 1)
        case .minor: SemanticVersion(major: major, minor: minor + 1, patch: 0)
        case .major: SemanticVersion(major: major + 1, minor: 0, patch: 0)
        }
    }
}
