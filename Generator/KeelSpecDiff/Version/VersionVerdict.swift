import KeelSpec

/// Whether `service.version` moved as far as the changes require.
public struct VersionVerdict: Codable, Hashable, Sendable {
    public var old: String
    public var new: String
    /// What the changes require: major for API breaking, minor for additions, patch otherwise.
    public var required: VersionBump
    /// What the spec did; nil when a version is not `MAJOR.MINOR.PATCH`.
    public var actual: VersionBump?
    /// The lowest version that satisfies `required`, when the spec's falls short.
    public var suggested: String?

    public var isSufficient: Bool { actual.map { $0 >= required } ?? false }

    /// Compares the versions. Before 1.0.0 a breaking change needs only a minor bump, as semver allows.
    public init(old: String, new: String, changes: [SpecChange]) {
        self.old = old
        self.new = new
        var required = changes.map(\.bump).max() ?? .none
        let before = SemanticVersion(old), after = SemanticVersion(new)
        if required == .major, before?.major == 0 { required = .minor }
        self.required = required
        actual = before.flatMap { before in after.map { before.bump(to: $0) } }
        let sufficient = actual.map { $0 >= required } ?? false
        suggested = sufficient ? nil : before.map { $0.bumped(required).description }
    }

    /// One line for people.
    public var summary: String {
        let needs = required == .none ? "no bump is needed" : "a \(required) bump is needed"
        guard actual != nil else {
            return "service.version \(old) -> \(new): not both MAJOR.MINOR.PATCH, so the bump cannot be checked; \(needs)"
        }
        if isSufficient { return "service.version \(old) -> \(new): \(needs)" }
        return "service.version \(old) -> \(new): \(needs); set it to \(suggested ?? "a higher version") or higher"
    }
}
