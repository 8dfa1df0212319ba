/// Gathers the diagnostics of one run, so every error is reported, not just the first.
final class DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.containsErrors }

    func error(_ location: SourceLocation?, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    func warning(_ location: SourceLocation?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    /// Diagnostics another collector gathered, as if reported here in their order.
    func append(_ others: [Diagnostic]) {
        diagnostics += others
    }
}
