import KeelClient

/// What a custom endpoint's JSON body must hold, field by field: checked before the body is decoded, so the
/// 422 names every bad field (`lines[0].quantity`), unknown fields included, as for resource bodies.
public indirect enum BodyShape: Sendable {
    /// A value checked against a rule as a column's value is: its kind and the spec's bounds. The rule's name is
    /// not used; problems are reported at the value's path.
    case value(FieldRule)
    case array(BodyShape)
    /// An object with exactly these fields. They are read only when a value is checked, so a type may hold itself.
    case object(@Sendable () -> [BodyField])

    /// At most this many entries are reported: a huge body of bad elements gets a bounded answer.
    static let problemLimit = 100

    /// One entry per bad field, at its path, in field order; empty when the value fits.
    public func problems(of json: JSONValue) -> [ErrorEnvelope.FieldError] {
        var problems: [ErrorEnvelope.FieldError] = []
        collect(json, at: "", into: &problems)
        return problems
    }

    private func collect(_ json: JSONValue, at path: String, into problems: inout [ErrorEnvelope.FieldError]) {
        guard problems.count < Self.problemLimit else { return }
        let field = path.isEmpty ? "body" : path
        switch self {
        case .value(let rule):
            if case .failure(let problem) = FieldValidator.value(json, for: rule) {
                problems.append(.init(field: field, message: problem.message))
            }
        case .array(let element):
            guard case .array(let items) = json else { return problems.append(.init(field: field, message: "must be an array")) }
            for (index, item) in items.enumerated() { element.collect(item, at: path + "[\(index)]", into: &problems) }
        case .object(let fields):
            guard case .object(let members) = json else { return problems.append(.init(field: field, message: "must be an object")) }
            let fields = fields()
            for expected in fields {
                let memberPath = path.isEmpty ? expected.name : path + "." + expected.name
                switch members[expected.name] {
                case nil:
                    if expected.required { problems.append(.init(field: memberPath, message: "is required")) }
                case .null?:
                    if expected.required { problems.append(.init(field: memberPath, message: "must not be null")) }
                case let value?:
                    expected.shape.collect(value, at: memberPath, into: &problems)
                }
            }
            let known = Set(fields.map(\.name))
            for name in members.keys.sorted() where !known.contains(name) {
                let memberPath = path.isEmpty ? name : path + "." + name
                problems.append(.init(field: String(memberPath.unicodeScalars.prefix(200)), message: "is not a known field"))
            }
        }
        if problems.count > Self.problemLimit { problems.removeLast(problems.count - Self.problemLimit) }
    }
}

extension BodyShape {
    /// A whole row of a table, as a custom endpoint taking a model reads it: the writable `fields` with the primary
    /// key's rule at its column's position, each required unless nullable. Built from the model's `fields` rather
    /// than spelled out per model, which doubled each model's rules in its compiled code.
    public static func row(_ fields: [FieldRule], id: FieldRule, at position: Int) -> BodyShape {
        .object {
            var rules = fields
            rules.insert(id, at: min(position, rules.count))
            return rules.map { BodyField($0.name, .value($0), required: !$0.nullable) }
        }
    }
}

/// One field of an object body: its JSON name, its shape, and whether it must be present (and not null).
public struct BodyField: Sendable {
    public let name: String
    public let shape: BodyShape
    public let required: Bool

    public init(_ name: String, _ shape: BodyShape, required: Bool = true) {
        self.name = name
        self.shape = shape
        self.required = required
    }
}

/// A type a custom endpoint may take as its body: generated `types:`, inline bodies and models.
public protocol BodyShaped {
    static var bodyShape: BodyShape { get }
}

extension Array: BodyShaped where Element: BodyShaped {
    public static var bodyShape: BodyShape { .array(Element.bodyShape) }
}
