import Foundation
import Synchronization

/// The `pattern:` rules of a service, each compiled once. Generated code builds its field rules again for every
/// body it checks, and compiling a regular expression costs more than matching a value against it.
enum CompiledPatterns {
    /// Keyed by the pattern's text; the generated code holds a fixed set, so this never grows past it.
    private static let compiled = Mutex<[String: NSRegularExpression]>([:])

    /// The compiled `pattern`, nil when it does not compile (the generator has already refused such a spec).
    static func regularExpression(_ pattern: String) -> NSRegularExpression? {
        if let known = compiled.withLock({ $0[pattern] }) { return known }
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        return compiled.withLock { compiled in
            if let raced = compiled[pattern] { return raced }
            compiled[pattern] = expression
            return expression
        }
    }
}
