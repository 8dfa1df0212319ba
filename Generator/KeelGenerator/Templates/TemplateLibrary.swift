import Foundation
import KeelSpec
import KeelTemplates
import Mustache

/// The Mustache templates Swift and TypeScript output render through: Keel's own, with a project's overrides on top.
///
/// A project overrides a template by putting a file of the same relative path (e.g.
/// `swift/Licensing.swift.mustache`) in the folder named by `templates:` in `keel.yaml`.
public struct TemplateLibrary: Sendable {
    /// Template name (relative path without `.mustache`) -> where it was loaded from.
    public private(set) var origins: [String: String] = [:]
    /// The names of the templates the project overrides.
    public private(set) var overridden: Set<String> = []
    private var library = MustacheLibrary()
    /// The templates within the plain subset, rendered without swift-mustache's per-value casts.
    private var plain: [String: PlainTemplate] = [:]

    /// The built-in templates with the overrides in `overrideDirectory` applied.
    public static func load(overrideDirectory: String?, displayRelativeTo base: String? = nil) -> Result<TemplateLibrary, SpecError> {
        var templates = TemplateLibrary()
        var diagnostics: [Diagnostic] = []
        guard let builtIn = KeelTemplates.directory?.path else {
            return .failure(SpecError([Diagnostic(.error, at: nil, "Keel's built-in templates are missing next to the keel binary; reinstall keel")]))
        }
        for (name, path) in templateFiles(in: builtIn) {
            templates.register(name, path: path, shownAs: path, diagnostics: &diagnostics)
        }
        if let overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrideDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                return .failure(SpecError([Diagnostic(.error, at: nil, "templates folder \(DisplayPath.make(overrideDirectory, relativeTo: base)) does not exist; create it or remove 'templates:' from keel.yaml")]))
            }
            let known = templates.origins.keys.sorted()
            for (name, path) in templateFiles(in: overrideDirectory) {
                let shown = DisplayPath.make(path, relativeTo: base)
                guard known.contains(name) else {
                    let fix = Suggestion.fix(for: name, in: known, otherwise: "built-in templates are: \(known.joined(separator: ", "))")
                    diagnostics.append(Diagnostic(.error, at: SourceLocation(file: shown, line: 1, column: 1),
                                                  "template '\(name)' overrides no built-in template; \(fix)"))
                    continue
                }
                templates.register(name, path: path, shownAs: shown, diagnostics: &diagnostics)
                templates.overridden.insert(name)
            }
        }
        return diagnostics.isEmpty ? .success(templates) : .failure(SpecError(diagnostics))
    }

    /// Renders template `name` with `context` (dictionaries and arrays of them).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        if let template = plain[name], let text = try? template.render(context) { return text }
        return library.render(context, withTemplate: name) ?? ""
    }

    private mutating func register(_ name: String, path: String, shownAs: String, diagnostics: inout [Diagnostic]) {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        do {
            library.register(try MustacheTemplate(string: text), named: name)
            plain[name] = PlainTemplate(text)
            origins[name] = shownAs
        } catch let error as MustacheTemplate.ParserError {
            let location = SourceLocation(file: shownAs, line: error.context.lineNumber, column: error.context.columnNumber)
            diagnostics.append(Diagnostic(.error, at: location, "template does not parse: \(error.error)"))
        } catch {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: shownAs, line: 1, column: 1), "template does not parse: \(error)"))
        }
    }

    /// `(name, path)` of every `.mustache` file under `directory`, sorted by name.
    private static func templateFiles(in directory: String) -> [(String, String)] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [(String, String)] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".mustache") else { continue }
            files.append((String(relative.dropLast(".mustache".count)), root + "/" + relative))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
