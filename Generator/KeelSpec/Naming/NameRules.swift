/// The shapes names must have in a spec.
enum NameRules {
    /// Table, column, tier, feature, role and config names: `snake_case`.
    static func isSnakeCase(_ name: String) -> Bool {
        matches(name, first: lower, rest: lower + digits + "_") && !name.hasSuffix("_") && !name.contains("__")
    }

    /// Service names: `^[a-z][a-z0-9-]{0,62}$`.
    static func isServiceName(_ name: String) -> Bool {
        name.count <= 63 && matches(name, first: lower, rest: lower + digits + "-")
    }

    /// Named types and model overrides: `UpperCamelCase`.
    static func isUpperCamel(_ name: String) -> Bool {
        matches(name, first: upper, rest: upper + lower + digits)
    }

    /// Custom endpoint names: `lowerCamelCase`.
    static func isLowerCamel(_ name: String) -> Bool {
        matches(name, first: lower, rest: upper + lower + digits)
    }

    /// Environment variables: `UPPER_SNAKE_CASE`.
    static func isEnvName(_ name: String) -> Bool {
        matches(name, first: upper, rest: upper + digits + "_")
    }

    /// `1.2.3`, with optional `-pre` and `+build` parts.
    static func isSemver(_ version: String) -> Bool {
        let core = version.split(separator: "+", maxSplits: 1)[0].split(separator: "-", maxSplits: 1)[0]
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && ($0 == "0" || !$0.hasPrefix("0")) }
    }

    private static let lower = "abcdefghijklmnopqrstuvwxyz"
    private static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    private static let digits = "0123456789"

    private static func matches(_ name: String, first: String, rest: String) -> Bool {
        guard let head = name.first, first.contains(head) else { return false }
        return name.dropFirst().allSatisfy { rest.contains($0) }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
