/// The shapes names must have in a spec.
enum NameRules {
    /// Table, column, tier, feature, role and config names: `snake_case`.
    static func isSnakeCase(_ name: String) -> Bool {
        // Past `matches` the name is ASCII, so bytes tell a trailing or doubled '_'.
        matches(name, first: lower, rest: snakeRest) && name.utf8.last != UInt8(ascii: "_") && !hasDoubleUnderscore(name)
    }

    private static func hasDoubleUnderscore(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for byte in name.utf8 {
            if byte == UInt8(ascii: "_"), previous == byte { return true }
            previous = byte
        }
        return false
    }

    /// Service names: `^[a-z][a-z0-9-]{0,62}$`.
    static func isServiceName(_ name: String) -> Bool {
        name.utf8.count <= 63 && matches(name, first: lower, rest: serviceRest)
    }

    /// Named types and model overrides: `UpperCamelCase`.
    static func isUpperCamel(_ name: String) -> Bool {
        matches(name, first: upper, rest: camelRest)
    }

    /// Custom endpoint names: `lowerCamelCase`.
    static func isLowerCamel(_ name: String) -> Bool {
        matches(name, first: lower, rest: camelRest)
    }

    /// Environment variables: `UPPER_SNAKE_CASE`.
    static func isEnvName(_ name: String) -> Bool {
        matches(name, first: upper, rest: envRest)
    }

    // ASCII byte tables: these checks run for every name of a spec.
    private static let lowerLetters = "abcdefghijklmnopqrstuvwxyz"
    private static let upperLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    private static let digits = "0123456789"
    private static let lower = table(lowerLetters)
    private static let upper = table(upperLetters)
    private static let snakeRest = table(lowerLetters + digits + "_")
    private static let serviceRest = table(lowerLetters + digits + "-")
    private static let camelRest = table(upperLetters + lowerLetters + digits)
    private static let envRest = table(upperLetters + digits + "_")

    private static func table(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 128)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    private static func matches(_ name: String, first: [Bool], rest: [Bool]) -> Bool {
        var bytes = name.utf8.makeIterator()
        guard let head = bytes.next(), head < 128, first[Int(head)] else { return false }
        while let byte = bytes.next() {
            guard byte < 128, rest[Int(byte)] else { return false }
        }
        return true
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
