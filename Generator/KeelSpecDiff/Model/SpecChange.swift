import KeelSpec

/// One difference between two specs: what changed, whom it breaks, and where.
public struct SpecChange: Codable, Hashable, Sendable {
    /// Stable code, e.g. `API_FIELD_REMOVED`, or the migration planner's (`KEEL-M002`) for data changes.
    public var code: String
    public var changeClass: ChangeClass
    public var bump: VersionBump
    /// What changed and, when it breaks something, what breaks and how to make it safe.
    public var message: String
    /// The spec path of what changed (`tables.queues.columns.title`): the place `--allow CODE@place` names.
    public var subject: String
    /// In the new spec; in the old one (see `inOldSpec`) when what changed is gone and has no parent left.
    public var location: SourceLocation
    /// True when `location` points into the old spec.
    public var inOldSpec: Bool

    public init(code: String, changeClass: ChangeClass, bump: VersionBump, message: String, subject: String, location: SourceLocation, inOldSpec: Bool = false) {
        self.code = code
        self.changeClass = changeClass
        self.bump = bump
        self.message = message
        self.subject = subject
        self.location = location
        self.inOldSpec = inOldSpec
    }

    init(_ code: ChangeCode, _ message: String, subject: String, at location: Place) {
        self.init(code: code.rawValue, changeClass: code.changeClass, bump: code.bump, message: message,
                  subject: subject, location: location.location, inOldSpec: location.inOldSpec)
    }

    /// `CODE@place`, as `--allow` and `acknowledged:` name it.
    public var reference: String { "\(code)@\(subject)" }

    /// `file:line:col`, marked when it is in the old spec.
    public var shownLocation: String { inOldSpec ? "\(location) (old spec)" : location.description }
}

/// Where a change is reported: a location in the new spec, or in the old one.
struct Place: Hashable, Sendable {
    var location: SourceLocation
    var inOldSpec: Bool

    static func new(_ location: SourceLocation) -> Place { Place(location: location, inOldSpec: false) }
    static func old(_ location: SourceLocation) -> Place { Place(location: location, inOldSpec: true) }
}
