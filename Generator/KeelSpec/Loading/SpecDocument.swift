import Foundation
import Yams

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
        if let (line, column) = AliasExpansion.excess(in: text) {
            diagnostics.error(SourceLocation(file: file, line: line, column: column),
                              "aliases make this file more than \(AliasExpansion.limit) values larger; use fewer aliases")
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else { return nil }
            return YAMLValue(node: node, file: file, end: end(of: text))
        } catch let error as YamlError {
            report(error, file: file, text: text, diagnostics: diagnostics)
        } catch {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
        return nil
    }

    private static func report(_ error: YamlError, file: String, text: String, diagnostics: DiagnosticCollector) {
        let end = end(of: text)
        func at(_ mark: Mark) -> SourceLocation {
            guard let end, mark.line > end.line else { return SourceLocation(file: file, line: mark.line, column: mark.column) }
            return SourceLocation(file: file, line: end.line, column: end.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            diagnostics.error(at(mark), "invalid YAML: \(problem)\(while_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.error(at(context.mark), "key \(names) appears twice in this mapping; keep one")
        case let .reader(problem, _, _, _):
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "cannot read file: \(problem)")
        default:
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")
        }
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
