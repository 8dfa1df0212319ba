/// Reads typed settings from environment variables; every error names the variable and what it accepts.
struct EnvironmentReader: Sendable {
    let values: [String: String]

    init(_ values: [String: String]) {
        self.values = values
    }

    /// The variable's value, or nil when it is unset or empty.
    func string(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    func required(_ name: String) throws -> String {
        guard let value = string(name) else { throw ConfigurationError("\(name) is not set") }
        return value
    }

    func choice(_ name: String, default fallback: String, among choices: [String]) throws -> String {
        guard let value = string(name) else { return fallback }
        guard choices.contains(value.lowercased()) else {
            throw ConfigurationError("\(name)=\(value) is not valid: use one of \(choices.joined(separator: ", "))")
        }
        return value.lowercased()
    }

    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let value = string(name) else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            throw ConfigurationError("\(name)=\(value) is not valid: use a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func boolean(_ name: String, default fallback: Bool) throws -> Bool {
        guard let value = string(name) else { return fallback }
        switch value.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw ConfigurationError("\(name)=\(value) is not valid: use true or false")
        }
    }
}

/// A missing or malformed setting; the message names the variable so start-up can stop with it.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
