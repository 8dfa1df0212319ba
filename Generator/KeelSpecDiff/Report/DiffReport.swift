import KeelSpec

/// The outcome of `keel diff`: each change with its acknowledgement, the version verdict, and whether to fail.
public struct DiffReport: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var change: SpecChange
        /// Why the breaking change may ship, when `--allow` or `acknowledged:` accepted it.
        public var acknowledgedBecause: String?

        public var isBlocking: Bool { change.changeClass.isBreaking && acknowledgedBecause == nil }
    }

    /// What OLD and NEW were, as given.
    public var from: String
    public var to: String
    public var entries: [Entry]
    public var version: VersionVerdict
    /// `acknowledged:` entries and `--allow` values that match no change: stale, or mistyped.
    public var unusedAcknowledgements: [String]

    public init(from: String, to: String, old: Spec, new: Spec, changes: [SpecChange], acknowledgements: [Acknowledgement]) {
        self.from = from
        self.to = to
        var used = Set<Int>()
        entries = changes.map { change in
            let match = change.changeClass.isBreaking
                ? acknowledgements.indices.first { acknowledgements[$0].code == change.code && (acknowledgements[$0].place == change.subject || acknowledgements[$0].place == change.location.description) }
                : nil
            if let match { used.insert(match) }
            return Entry(change: change, acknowledgedBecause: match.map { acknowledgements[$0].reason })
        }
        unusedAcknowledgements = acknowledgements.indices.filter { !used.contains($0) }.map { "\(acknowledgements[$0].code)@\(acknowledgements[$0].place)" }
        version = VersionVerdict(old: old.service.version, new: new.service.version, changes: changes)
    }

    public var blocking: [Entry] { entries.filter(\.isBlocking) }

    /// Exit status 1: a breaking change nobody acknowledged, or too small a version bump.
    public var fails: Bool { !blocking.isEmpty || !version.isSufficient }

    public func count(_ changeClass: ChangeClass) -> Int {
        entries.filter { $0.change.changeClass == changeClass }.count
    }

    /// `N changes (N api-breaking, ...)`.
    public var countsSummary: String {
        let parts = ChangeClass.allCases.map { "\(count($0)) \($0.rawValue)" }
        let acknowledged = entries.filter { $0.acknowledgedBecause != nil }.count
        return "\(entries.count) change\(entries.count == 1 ? "" : "s") (\(parts.joined(separator: ", ")))" + (acknowledged > 0 ? "; \(acknowledged) acknowledged" : "")
    }
}
