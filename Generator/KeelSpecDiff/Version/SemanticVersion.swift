import KeelSpec

extension SemanticVersion {
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
