import KeelSpec

/// The generated Swift of a target that uses the `KeelPlugin` build plugin, as a fixed set of files.
///
/// SwiftPM must know a build command's outputs before the command runs, and the plugin cannot read the spec,
/// so the set cannot depend on it: the per-table model files become one `KeelModels.swift`, and a file the spec
/// has nothing for (no `types:`, say) is written with only its header.
public enum PluginSourceSet {
    /// The files, as `Plugins/KeelPlugin` declares them to SwiftPM (it cannot import this module: keep both lists equal).
    /// The `Keel` prefix keeps them apart from the target's own files: a module may not have two files of one name.
    public static let fileNames = [
        "KeelAPI.swift", "KeelClients.swift", "KeelLicensing.swift", "KeelMigrations.swift", "KeelModels.swift", "KeelRoutes.swift", "KeelService.swift",
        "KeelTypes.swift",
    ]

    /// Where the plugin puts `outputs.swift_client`: a folder of the Swift output, so its files become `KeelClients.swift`.
    public static let clientsFolder = "Clients"

    /// The generation's files under `outputs.swift`, regrouped into `fileNames` in the same directory.
    public static func files(of generation: Generation) -> Result<[GeneratedFile], SpecError> {
        guard let directory = generation.settings.outputs.swift else { return .success([]) }
        var groups: [String: [GeneratedFile]] = [:]
        for file in generation.files where file.path.hasPrefix(directory + "/") {
            // `API.swift` -> `KeelAPI.swift`; `Models/Product.swift` -> `KeelModels.swift`.
            let relative = String(file.path.dropFirst(directory.count + 1))
            let folder = relative.split(separator: "/").dropLast().first
            let name = "Keel" + (folder.map { $0 + ".swift" } ?? relative)
            guard fileNames.contains(name) else {
                return .failure(SpecError([Diagnostic(.error, at: nil, "generation failed: \(relative) has no place among the build plugin's files (\(fileNames.joined(separator: ", ")))")]))
            }
            groups[name, default: []].append(file)
        }
        return .success(fileNames.map { name in
            generation.context.file(directory + "/" + name, merged(groups[name] ?? []))
        })
    }

    /// The bodies of `files` after one set of imports: their headers and imports dropped, the imports united.
    static func merged(_ files: [GeneratedFile]) -> String {
        var imports: Set<String> = []
        var bodies: [String] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            var lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false)
            if let first = lines.first, GeneratedHeader.isGenerated(first) { lines.removeFirst() }
            while let line = lines.first, line.hasPrefix("import ") || line.isEmpty {
                if !line.isEmpty { imports.insert(String(line)) }
                lines.removeFirst()
            }
            bodies.append(lines.joined(separator: "\n"))
        }
        guard !bodies.isEmpty else { return "" }
        return imports.sorted().joined(separator: "\n") + "\n\n" + bodies.joined(separator: "\n")
    }
}
