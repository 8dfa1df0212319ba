import KeelSpec

/// How a value's bounds (`min`, `max`, `min_length`, `max_length`, `pattern`) changed.
struct BoundsDiff {
    /// Values the old bounds accepted that the new ones reject, e.g. `max_length 200 -> 120`.
    var tightened: [String] = []
    /// Values the new bounds accept that the old ones rejected.
    var loosened: [String] = []

    init(old: ValueBounds, new: ValueBounds) {
        compare("min", old.min, new.min, higherIsTighter: true)
        compare("max", old.max, new.max, higherIsTighter: false)
        compare("min_length", old.minLength.map(Double.init), new.minLength.map(Double.init), higherIsTighter: true)
        compare("max_length", old.maxLength.map(Double.init), new.maxLength.map(Double.init), higherIsTighter: false)
        switch (old.pattern, new.pattern) {
        case let (nil, pattern?): tightened.append("new pattern '\(pattern)'")
        case (_?, nil): loosened.append("pattern removed")
        case let (before?, after?) where before != after: tightened.append("pattern '\(before)' -> '\(after)'")
        default: break
        }
    }

    /// No bound is the loosest bound.
    private mutating func compare(_ name: String, _ old: Double?, _ new: Double?, higherIsTighter: Bool) {
        switch (old, new) {
        case let (nil, value?): tightened.append("new \(name) \(Self.number(value))")
        case let (value?, nil): loosened.append("\(name) \(Self.number(value)) removed")
        case let (before?, after?) where before != after:
            let text = "\(name) \(Self.number(before)) -> \(Self.number(after))"
            if (after > before) == higherIsTighter { tightened.append(text) } else { loosened.append(text) }
        default: break
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension DiffContext {
    /// Reports tightened bounds as breaking for request values, loosened ones as compatible.
    func diffBounds(_ old: ValueBounds, _ new: ValueBounds, what: String, subject: String, usage: Usage, at place: Place) {
        let bounds = BoundsDiff(old: old, new: new)
        if !bounds.tightened.isEmpty {
            if usage.contains(.request) {
                add(.constraintTightened, "\(what): \(bounds.tightened.joined(separator: ", ")); requests that were valid are now rejected with 422", subject: subject, at: place)
            } else {
                add(.constraintLoosened, "\(what): \(bounds.tightened.joined(separator: ", ")) (not sent by clients)", subject: subject, at: place)
            }
        }
        if !bounds.loosened.isEmpty {
            add(.constraintLoosened, "\(what): \(bounds.loosened.joined(separator: ", "))", subject: subject, at: place)
        }
    }

    /// Enum values removed break clients sending them; values added break clients with exhaustive handling of
    /// responses.
    func diffEnumValues(_ old: [String], _ new: [String], what: String, subject: String, usage: Usage, at place: Place) {
        let removed = old.filter { !new.contains($0) }, added = new.filter { !old.contains($0) }
        if !removed.isEmpty, !usage.isEmpty {
            add(.enumValueRemoved, "\(what): enum value\(removed.count == 1 ? "" : "s") \(quoted(removed)) removed; clients sending \(removed.count == 1 ? "it" : "them") get 422", subject: subject, at: place)
        }
        if !added.isEmpty {
            let values = "enum value\(added.count == 1 ? "" : "s") \(quoted(added))"
            if usage.contains(.response) {
                add(.enumValueAdded, "\(what): \(values) added to a response; clients that switch exhaustively over the values break on \(added.count == 1 ? "it" : "them")", subject: subject, at: place)
            } else {
                add(.enumValueAllowed, "\(what): \(values) added", subject: subject, at: place)
            }
        }
    }
}
