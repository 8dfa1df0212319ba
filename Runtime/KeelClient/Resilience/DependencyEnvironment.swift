/// Reads the `KEEL_DEP_<NAME>_<SETTING>` variables of one dependency.
struct DependencyEnvironment {
    /// `KEEL_DEP_<NAME>_`.
    let prefix: String
    let values: [String: String]

    init(dependency: String, values: [String: String]) {
        prefix = "KEEL_DEP_" + Self.variableName(dependency) + "_"
        self.values = values
    }

    /// Upper-case letters and digits, `_` for anything else: `catalog-service` -> `CATALOG_SERVICE`.
    static func variableName(_ dependency: String) -> String {
        String(dependency.uppercased().map { character in
            character.isASCII && (character.isLetter || character.isNumber) ? character : "_"
        })
    }

    func integer(_ setting: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        try number(setting, in: range) ?? fallback
    }

    func milliseconds(_ setting: String, default fallback: Duration, in range: ClosedRange<Int>) throws -> Duration {
        try number(setting, in: range).map { .milliseconds($0) } ?? fallback
    }

    /// The variable's whole number, or nil when it is unset or empty.
    private func number(_ setting: String, in range: ClosedRange<Int>) throws -> Int? {
        let name = prefix + setting
        guard let value = values[name], !value.isEmpty else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw DependencySettingsError(description: "\(name)=\(value) is not valid: use a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// A `KEEL_DEP_*` variable whose value is out of range or not a number; the message names the variable.
public struct DependencySettingsError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
