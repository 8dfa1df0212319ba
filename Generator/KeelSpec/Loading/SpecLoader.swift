import Foundation

/// Entry point of the spec layer: files in, a resolved `Spec` (or every diagnostic) out.
public enum SpecLoader {
    /// Loads a spec file, or a directory whose `*.yaml`/`*.yml` files are merged in name order.
    ///
    /// - Parameters:
    ///   - path: The spec file or directory (absolute or relative to the current directory).
    ///   - dialects: The SQL dialects the spec must work on; some checks depend on them.
    ///   - displayRelativeTo: Paths in diagnostics are shown relative to this directory when inside it.
    public static func load(path: String, dialects: [Dialect] = Dialect.allCases, displayRelativeTo base: String? = nil) -> Result<Spec, SpecError> {
        let diagnostics = DiagnosticCollector()
        let files = specFiles(at: path, diagnostics: diagnostics)
        let shown = files.map { DisplayPath.make($0, relativeTo: base) }
        // The files of a directory are parsed side by side, and merged in name order.
        let roots = DiagnosedWork.map(Array(zip(files, shown)), perWorker: 1, into: diagnostics, makeWorker: { $0 }) { diagnostics, file -> [YAMLValue] in
            guard let data = FileManager.default.contents(atPath: file.0) else {
                diagnostics.error(nil, "cannot read spec file \(file.1)")
                return []
            }
            return parse(data, file: file.1, diagnostics: diagnostics)
        }
        return resolve(SpecDocument(roots: roots.flatMap { $0 }, files: shown), dialects: dialects, diagnostics: diagnostics)
    }

    /// Resolves YAML given as text (one file), e.g. for tests and tools.
    public static func load(yaml: String, file: String, dialects: [Dialect] = Dialect.allCases) -> Result<Spec, SpecError> {
        load(files: [(file, Data(yaml.utf8))], dialects: dialects)
    }

    /// Resolves spec files held in memory, merged in the order given, as `load(path:)` merges a directory's files.
    ///
    /// - Parameter files: each file's name as diagnostics show it, and its bytes (checked to be UTF-8).
    public static func load(files: [(name: String, contents: Data)], dialects: [Dialect] = Dialect.allCases) -> Result<Spec, SpecError> {
        let diagnostics = DiagnosticCollector()
        let roots = DiagnosedWork.map(files, perWorker: 1, into: diagnostics, makeWorker: { $0 }) { diagnostics, file -> [YAMLValue] in
            parse(file.contents, file: file.name, diagnostics: diagnostics)
        }.flatMap { $0 }
        return resolve(SpecDocument(roots: roots, files: files.map(\.name)), dialects: dialects, diagnostics: diagnostics)
    }

    /// The root of one file's YAML, or none (with a diagnostic) when it is not UTF-8 or does not parse.
    private static func parse(_ data: Data, file: String, diagnostics: DiagnosticCollector) -> [YAMLValue] {
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "spec file is not UTF-8 text")
            return []
        }
        return YAMLFileReader.parse(text, file: file, diagnostics: diagnostics).map { [$0] } ?? []
    }

    /// The absolute paths of the spec's files, in the order they are merged.
    public static func specFiles(at path: String) -> [String] {
        specFiles(at: path, diagnostics: DiagnosticCollector())
    }

    private static func resolve(_ document: SpecDocument, dialects: [Dialect], diagnostics: DiagnosticCollector) -> Result<Spec, SpecError> {
        if diagnostics.hasErrors { return .failure(SpecError(diagnostics.diagnostics.sortedByLocation())) }
        let spec = SpecResolver(document: document, dialects: dialects, diagnostics: diagnostics).resolve()
        guard let spec, !diagnostics.hasErrors else { return .failure(SpecError(diagnostics.diagnostics.sortedByLocation())) }
        return .success(spec)
    }

    private static func specFiles(at path: String, diagnostics: DiagnosticCollector) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.error(nil, "spec not found at \(path); set 'spec:' in keel.yaml to a spec file or directory")
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
        if files.isEmpty {
            diagnostics.error(nil, "spec directory \(path) holds no .yaml or .yml files")
        }
        return files.map { (path as NSString).appendingPathComponent($0) }
    }
}

/// Paths as shown to people: relative to a base directory when inside it.
public enum DisplayPath {
    /// `path` relative to `base` (default: the current directory) when it lies inside it, else absolute.
    /// A `base` of `/` gives absolute paths, which editors open from any directory.
    public static func make(_ path: String, relativeTo base: String?) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if base == "/" { return absolute }
        let root = URL(fileURLWithPath: base ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
