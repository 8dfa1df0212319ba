/// A breaking change the team accepted, listed under `acknowledged:` in keel.yaml so the decision is reviewed
/// in the pull request; `keel diff` then does not fail on it.
public struct Acknowledgement: Hashable, Sendable {
    /// The change's stable code, e.g. `API_FIELD_RENAMED`.
    public var code: String
    /// Where: the change's spec path (`tables.queues.columns.title`) or its `file:line:col`.
    public var place: String
    /// Why it is safe to ship.
    public var reason: String
    public var location: SourceLocation?

    public init(code: String, place: String, reason: String, location: SourceLocation? = nil) {
        self.code = code
        self.place = place
        self.reason = reason
        self.location = location
    }

    /// Parses `CODE@place`, as `--allow` and `acknowledged:` write it; nil when either half is missing.
    public static func parse(_ text: String, reason: String, location: SourceLocation? = nil) -> Acknowledgement? {
        guard let at = text.firstIndex(of: "@") else { return nil }
        let code = String(text[..<at]), place = String(text[text.index(after: at)...])
        guard !code.isEmpty, !place.isEmpty, code.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return Acknowledgement(code: code, place: place, reason: reason, location: location)
    }
}
