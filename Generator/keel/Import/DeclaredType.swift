import Foundation

/// A column's declared SQL type taken apart: `timestamp(6) with time zone` is `timestamp with time zone` with `["6"]`.
struct DeclaredType: Equatable {
    /// Lowercased, parameters removed, single spaces: `character varying`, `int unsigned`.
    var name: String
    /// What stood in the parentheses, split at top-level commas: `["10", "2"]`, `["'a'", "'b'"]`.
    var parameters: [String]

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.firstIndex(of: "("), let close = trimmed.lastIndex(of: ")"), open < close else {
            name = Self.words(trimmed.lowercased())
            parameters = []
            return
        }
        name = Self.words((trimmed[..<open] + " " + trimmed[trimmed.index(after: close)...]).lowercased())
        parameters = Self.split(String(trimmed[trimmed.index(after: open)..<close]))
    }

    /// The first parameter as a number: VARCHAR(512) -> 512.
    var length: Int? { parameters.first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    private static func words<S: StringProtocol>(_ text: S) -> String {
        text.split(separator: " ").joined(separator: " ")
    }

    /// Splits at commas outside '…' literals (MySQL's ENUM values may hold commas).
    private static func split(_ text: String) -> [String] {
        var parts: [String] = [], current = "", quoted = false
        for character in text {
            if character == "'" { quoted.toggle() }
            if character == ",", !quoted {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        return text.isEmpty ? [] : parts + [current.trimmingCharacters(in: .whitespaces)]
    }
}
