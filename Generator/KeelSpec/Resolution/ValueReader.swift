import Foundation

/// The keys of one YAML mapping, checked against the keys its construct allows.
struct Fields {
    let owner: YAMLValue
    let entries: [YAMLValue.Entry]

    subscript(key: String) -> YAMLValue? {
        // By index, so the entries passed over are compared by key without being copied.
        for index in entries.indices where entries[index].key == key { return entries[index].value }
        return nil
    }

    /// The value of `key` unless it is absent or explicitly `null`.
    func present(_ key: String) -> YAMLValue? {
        guard let value = self[key], !value.isNull else { return nil }
        return value
    }
}

/// Typed reads of YAML values; every mismatch becomes a located diagnostic and a nil result.
struct ValueReader {
    let diagnostics: DiagnosticCollector

    /// The entries of a mapping; unknown keys are reported with a "did you mean".
    func fields(_ value: YAMLValue, of what: String, allowed: [String]) -> Fields? {
        guard let entries = value.entries else {
            diagnostics.error(value.location, "\(what) must be a mapping, found \(value.kindDescription)")
            return nil
        }
        var known: [YAMLValue.Entry] = []
        known.reserveCapacity(entries.count)
        for entry in entries {
            if allowed.contains(entry.key) {
                known.append(entry)
                continue
            }
            let hint = Suggestion.fix(for: entry.key, in: allowed, otherwise: "expected one of: \(allowed.joined(separator: ", "))")
            diagnostics.error(entry.keyValue.location, "unknown key '\(entry.key)' in \(what); \(hint)")
        }
        return Fields(owner: value, entries: known)
    }

    /// Reports a missing key at the mapping that should hold it.
    func require(_ fields: Fields, _ key: String, in what: String) -> YAMLValue? {
        if let value = fields.present(key) { return value }
        diagnostics.error(fields.owner.location, "\(what) is missing required key '\(key)'")
        return nil
    }

    func string(_ value: YAMLValue, _ what: String) -> String? {
        guard let text = value.text, value.scalarTag == .str else {
            let quoteHint = value.scalarTag == .float || value.scalarTag == .int || value.scalarTag == .bool
                ? "; quote it to make it text" : ""
            diagnostics.error(value.location, "\(what) must be a string, found \(value.kindDescription)\(quoteHint)")
            return nil
        }
        return text
    }

    func int(_ value: YAMLValue, _ what: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard value.scalarTag == .int, let number = value.text.flatMap(Self.parseInt) else {
            let found = value.scalarTag == .int ? "'\(value.text ?? "")'; write it in decimal" : value.kindDescription
            diagnostics.error(value.location, "\(what) must be an integer, found \(found)")
            return nil
        }
        if let range, !range.contains(number) {
            diagnostics.error(value.location, "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(number)")
            return nil
        }
        return number
    }

    func number(_ value: YAMLValue, _ what: String) -> Double? {
        guard value.scalarTag == .int || value.scalarTag == .float,
              let text = value.text, let number = Double(text.replacingOccurrences(of: "_", with: "")) else {
            diagnostics.error(value.location, "\(what) must be a number, found \(value.kindDescription)")
            return nil
        }
        return number
    }

    func bool(_ value: YAMLValue, _ what: String) -> Bool? {
        guard value.scalarTag == .bool, let flag = value.text.flatMap(ScalarTag.bool) else {
            diagnostics.error(value.location, "\(what) must be true or false, found \(value.kindDescription)")
            return nil
        }
        return flag
    }

    /// A list of strings, each with its own value for locating later errors.
    func strings(_ value: YAMLValue, _ what: String) -> [(String, YAMLValue)]? {
        guard let items = value.items else {
            diagnostics.error(value.location, "\(what) must be a list, found \(value.kindDescription)")
            return nil
        }
        return items.compactMap { item in string(item, "each entry of \(what)").map { ($0, item) } }
    }

    /// An enum-like keyword out of `allowed`.
    func keyword(_ value: YAMLValue, _ what: String, allowed: [String]) -> String? {
        guard let text = string(value, what) else { return nil }
        guard allowed.contains(text) else {
            let hint = Suggestion.closest(to: text, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.error(value.location, "\(what) must be one of \(allowed.joined(separator: ", ")), found '\(text)'\(hint)")
            return nil
        }
        return text
    }

    /// YAML integers may be written with underscores, hex or octal; Keel accepts decimal with underscores.
    static func parseInt(_ text: String) -> Int? {
        // Foundation's search only where there is an underscore to take out (no other character is one): this
        // reads every number of a spec of thousands of tables.
        guard text.utf8.contains(UInt8(ascii: "_")) else { return Int(text) }
        return Int(text.replacingOccurrences(of: "_", with: ""))
    }
}
