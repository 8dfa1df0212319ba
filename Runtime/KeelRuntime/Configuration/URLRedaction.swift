import Foundation

/// URLs as messages and logs may show them: without the password.
enum URLRedaction {
    /// `text` with its password replaced by `***`. A URL that does not parse cannot be split reliably, so
    /// everything between the scheme and the last `@` (or, without one, everything after the scheme) is hidden.
    static func redacted(_ text: String) -> String {
        if var url = URLComponents(string: text) {
            guard url.password != nil else { return text }
            url.password = "***"
            return url.string ?? "***"
        }
        let start = text.range(of: "://")?.upperBound ?? text.startIndex
        guard let at = text[start...].lastIndex(of: "@") else { return String(text[..<start]) + "***" }
        return String(text[..<start]) + "***" + String(text[at...])
    }
}
