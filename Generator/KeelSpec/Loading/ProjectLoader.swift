import Foundation

/// Reads `keel.yaml`: where the spec lives, which dialects to target and where outputs go.
public enum ProjectLoader {
    public static let fileName = "keel.yaml"

    /// Loads the settings at `configPath`; a missing file means every default.
    public static func load(configPath: String, displayRelativeTo base: String? = nil) -> Result<ProjectSettings, SpecError> {
        load(configPath: configPath, contents: FileManager.default.contents(atPath: configPath), displayRelativeTo: base)
    }

    /// Reads settings given as bytes (e.g. `git show REV:keel.yaml`) as if they were the file at `configPath`.
    public static func load(configPath: String, contents: Data?, displayRelativeTo base: String? = nil) -> Result<ProjectSettings, SpecError> {
        let diagnostics = DiagnosticCollector()
        let root = URL(fileURLWithPath: configPath).deletingLastPathComponent().standardizedFileURL.path
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: root, isDirectory: true)).standardizedFileURL.path
        }
        var settings = ProjectSettings(
            root: root, spec: absolute("specs"), dialects: Dialect.allCases,
            outputs: .init(swift: absolute("Sources/App/Generated"), migrations: absolute("migrations"),
                           marchproxy: absolute("config/marchproxy"), typescript: absolute("web/src/api"),
                           openapi: absolute("openapi.yaml")),
            templates: nil, location: nil
        )
        guard let data = contents else {
            diagnostics.error(nil, "no \(fileName) at \(configPath); run keel in a project directory or pass --config")
            return .failure(SpecError(diagnostics.diagnostics))
        }
        let shown = DisplayPath.make(configPath, relativeTo: base)
        let reader = ValueReader(diagnostics: diagnostics)
        guard let rootValue = YAMLFileReader.parse(String(decoding: data, as: UTF8.self), file: shown, diagnostics: diagnostics) else {
            return diagnostics.hasErrors ? .failure(SpecError(diagnostics.diagnostics)) : .success(settings)
        }
        settings.location = rootValue.location
        if let fields = reader.fields(rootValue, of: fileName, allowed: ["spec", "dialects", "outputs", "templates", "acknowledged", "dependencies"]) {
            if let value = fields.present("spec"), let path = reader.string(value, "'spec'") { settings.spec = absolute(path) }
            if let value = fields.present("templates"), let path = reader.string(value, "'templates'") { settings.templates = absolute(path) }
            if let value = fields.present("dialects"), let list = reader.strings(value, "'dialects'") {
                settings.dialects = list.compactMap { name, at in
                    guard let dialect = Dialect(rawValue: name) else {
                        diagnostics.error(at.location, "unknown dialect '\(name)'; \(Suggestion.fix(for: name, in: Dialect.allCases.map(\.rawValue), otherwise: "dialects are sqlite, postgres, mysql"))")
                        return nil
                    }
                    return dialect
                }
                if list.isEmpty { diagnostics.error(value.location, "'dialects' needs at least one of sqlite, postgres, mysql") }
            }
            if let value = fields.present("acknowledged") { settings.acknowledged = AcknowledgementReader.read(value, reader: reader) }
            if let value = fields.present("dependencies") { settings.dependencies = DependencyReader.read(value, reader: reader, absolute: absolute) }
            if let value = fields["outputs"] {
                readOutputs(value, into: &settings.outputs, reader: reader, absolute: absolute)
                checkOverlaps(settings.outputs, at: value, diagnostics: diagnostics)
            }
        }
        return diagnostics.hasErrors ? .failure(SpecError(diagnostics.diagnostics.sortedByLocation())) : .success(settings)
    }

    /// Output directories may not contain one another: Keel prunes stale files in the ones it owns.
    private static func checkOverlaps(_ outputs: ProjectSettings.Outputs, at value: YAMLValue, diagnostics: DiagnosticCollector) {
        let directories = [("swift", outputs.swift), ("migrations", outputs.migrations), ("marchproxy", outputs.marchproxy), ("typescript", outputs.typescript),
                           ("swift_client", outputs.swiftClient)]
            .compactMap { key, path in path.map { (key, $0) } }
        for (index, (key, path)) in directories.enumerated() {
            for (otherKey, other) in directories[(index + 1)...] where path == other || path.hasPrefix(other + "/") || other.hasPrefix(path + "/") {
                diagnostics.error(value.location, "outputs.\(key) and outputs.\(otherKey) overlap (\(path), \(other)); give each output its own directory")
            }
        }
    }

    private static func readOutputs(_ value: YAMLValue, into outputs: inout ProjectSettings.Outputs, reader: ValueReader, absolute: (String) -> String) {
        let keys: [(String, WritableKeyPath<ProjectSettings.Outputs, String?>)] = [
            ("swift", \.swift), ("migrations", \.migrations), ("marchproxy", \.marchproxy), ("typescript", \.typescript), ("openapi", \.openapi),
            ("swift_client", \.swiftClient),
        ]
        guard let fields = reader.fields(value, of: "'outputs'", allowed: keys.map(\.0)) else { return }
        for (key, path) in keys {
            guard let entry = fields[key] else { continue }
            // `null` turns an output off.
            outputs[keyPath: path] = entry.isNull ? nil : reader.string(entry, "outputs.\(key)").map(absolute)
        }
    }
}
