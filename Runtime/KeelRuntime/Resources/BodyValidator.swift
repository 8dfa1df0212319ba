/// Column values checked against their rules, in the table's column order, ready to bind.
public typealias ColumnValues = [(column: String, value: DatabaseValue)]

/// Checks a create or patch body against a table's column rules before any SQL runs: one 422 entry per bad
/// field, unknown fields included.
public enum BodyValidator {
    public enum Mode: Sendable {
        /// Every field without a default must be present.
        case create
        /// Any subset of fields; a missing field keeps its value.
        case patch
    }

    public static func values(of body: [String: JSONValue], rules: [FieldRule], mode: Mode) throws -> ColumnValues {
        var problems: [ErrorEnvelope.FieldError] = []
        var values: ColumnValues = []
        for rule in rules {
            guard let json = body[rule.name] else {
                if mode == .create, !rule.optionalOnCreate { problems.append(.init(field: rule.name, message: "is required")) }
                continue
            }
            switch FieldValidator.value(json, for: rule) {
            case .success(let value): values.append((rule.name, value))
            case .failure(let problem): problems.append(.init(field: rule.name, message: problem.message))
            }
        }
        let known = Set(rules.map(\.name))
        for name in body.keys.sorted() where !known.contains(name) {
            problems.append(.init(field: String(name.unicodeScalars.prefix(100)), message: "is not a field of this resource"))
        }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        return values
    }
}
