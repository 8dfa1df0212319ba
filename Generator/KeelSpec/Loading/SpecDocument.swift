import Foundation

/// The parsed YAML of every file of a spec, before validation: each file's root mapping, in file order.
struct SpecDocument {
    var roots: [YAMLValue]
    /// Every file of the spec as shown in diagnostics, also those without a root (empty, or only comments).
    var files: [String]
}

/// Reads YAML files into located nodes, turning syntax errors into diagnostics.
enum YAMLFileReader {
    /// The root of `text`, or nil (with a diagnostic) when the YAML does not parse.
    static func parse(_ text: String, file: String, diagnostics: DiagnosticCollector) -> YAMLValue? {
        let end = end(of: text)
        // libyaml marks the end of a text without a final line break on the line after the last, no place in the file.
        func at(_ mark: YAMLMark) -> SourceLocation {
            guard let end, mark.line > end.line else { return SourceLocation(file: file, line: mark.line, column: mark.column) }
            return SourceLocation(file: file, line: end.line, column: end.column)
        }
        do {
            return try YAMLComposer.compose(text).map { YAMLValue(node: $0, file: file, end: end) }
        } catch let failure as YAMLComposer.Failure {
            switch failure {
            case let .syntax(problem, context, mark):
                let while_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
                diagnostics.error(at(mark), "invalid YAML: \(problem)\(while_)")
            case let .duplicateKeys(keys, mark):
                let names = keys.map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.error(at(mark), "key \(names) appears twice in this mapping; keep one")
            case let .aliasExcess(mark):
                diagnostics.error(at(mark), "aliases make this file more than \(YAMLComposer.aliasLimit) values larger; use fewer aliases")
            case let .reader(problem):
                diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "cannot read file: \(problem)")
            }
        } catch {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
        return nil
    }

    /// The end of the last line of a text that lacks a final line break; libyaml puts the end of such a text on
    /// the line after the last, which is no place in the file.
    private static func end(of text: String) -> (line: Int, column: Int)? {
        guard let lastCharacter = text.last, !lineBreaks.contains(lastCharacter) else { return nil }
        let lines = text.split(omittingEmptySubsequences: false) { lineBreaks.contains($0) }
        // libyaml counts columns in code points.
        return (lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1)
    }

    /// Line breaks as YAML counts them (CRLF is one Character).
    private static let lineBreaks: Set<Character> = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"]
}
