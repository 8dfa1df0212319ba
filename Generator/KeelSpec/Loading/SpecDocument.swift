import Foundation
import Yams

/// The parsed YAML of every file of a spec, before validation: each file's root mapping, in file order.
struct SpecDocument {
    var roots: [YAMLValue]
}

/// Reads YAML files into located nodes, turning syntax errors into diagnostics.
enum YAMLFileReader {
    /// The root of `text`, or nil (with a diagnostic) when the YAML does not parse.
    static func parse(_ text: String, file: String, diagnostics: DiagnosticCollector) -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else { return nil }
            return YAMLValue(node: node, file: file)
        } catch let error as YamlError {
            report(error, file: file, diagnostics: diagnostics)
        } catch {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
        return nil
    }

    private static func report(_ error: YamlError, file: String, diagnostics: DiagnosticCollector) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
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
}
