import KeelSpec

/// The generated Swift of a target that uses the `KeelPlugin` build plugin, as a fixed set of files.
///
/// SwiftPM must know a build command's outputs before the command runs, and the plugin cannot read the spec,
/// so the set cannot depend on it. The tables' code (each model with its enums, and in this mode its resource
/// definitions) goes into `tableShards` files, each table into the file its model name hashes to: an edit to one
/// table rewrites one of them, and the compiler's incremental build recompiles that file and what uses its types,
/// not every model. The custom endpoints' shards (`Endpoints/EndpointsNN.swift`) join the table file of the same
/// number. A file the spec has nothing for (no `types:`, or no table in a shard) is written with only its header.
///
/// With table modules (targets named `<Target>Tables0`, `<Target>Tables1`, ... that the target depends on), the models and
/// resource definitions are spread over `moduleTableShards` files, `TableModuleSources/KeelTablesNNN.docc`, which the
/// plugin copies into the table module of the shard: an edit then rebuilds that module's interface, a fraction of the
/// spec, and recompiles one small file, not the whole target's. The target keeps each shard's custom endpoints (they may use any model) and re-exports the table
/// modules (`KeelModules.swift`), so its files and its users see every model as before.
public enum PluginSourceSet {
    /// How many `KeelTablesNN.swift` files the tables are spread over (`Plugins/KeelPlugin` declares the same count).
    /// 64 keeps a shard near 16 tables at 1,000 tables, while a small spec pays only for empty files' headers.
    public static let tableShards = 64

    /// How many files the tables are spread over with table modules (`Plugins/KeelPlugin` declares the same count): an
    /// edit recompiles one of them, so fewer tables per file make a faster edit (at 1,000 tables, 16 models to a file
    /// took 8.7 s of a 16.7 s edit). A multiple of `tableShards`.
    public static let moduleTableShards = 256

    /// The most table modules a target may have (`Plugins/KeelPlugin` checks the same): module `ShopTables100` would
    /// share its name with shard 100's route group, the enum `ShopTables100`, which hides the module in lookups.
    public static let maxTableModules = 64

    /// The files, as `Plugins/KeelPlugin` declares them to SwiftPM (it cannot import this module: keep both lists equal).
    /// The `Keel` prefix keeps them apart from the target's own files: a module may not have two files of one name.
    /// Sorted, as a directory listing is.
    public static let fileNames = ([
        "KeelAPI.swift", "KeelClients.swift", "KeelLicensing.swift", "KeelMigrations.swift", "KeelModules.swift", "KeelRoutes.swift",
        "KeelService.swift", "KeelTypes.swift",
    ] + (0..<tableShards).map { tableFileName($0) }).sorted()

    /// The folder of the plugin's output that holds each shard's code for the table modules (`KeelTables007.docc`).
    /// `.docc` is the one extension SwiftPM neither compiles nor copies as a resource (a documentation catalog's), so
    /// the target's command can declare these files as its outputs, which orders the table modules' copies after it.
    public static let tableModuleSourcesFolder = "TableModuleSources"

    /// `KeelTables007.docc`, the staged code of shard 7 of `moduleTableShards` (`tableModuleSourcesFolder`).
    public static func stagedTableFileName(_ shard: Int) -> String {
        "Keel" + tableStem(shard, of: moduleTableShards) + ".docc"
    }

    /// Where the plugin puts `outputs.swift_client`: a folder of the Swift output, so its files become `KeelClients.swift`.
    public static let clientsFolder = "Clients"

    /// The folder of the Swift output whose files are already named by shard (`Tables/KeelTables07.swift`).
    public static let tablesFolder = "Tables"

    /// The folder of the Swift output that holds the custom endpoints by shard (`Endpoints/Endpoints07.swift`), in
    /// either mode: one file for 4,000 routes made one compile job of several GiB.
    public static let endpointsFolder = "Endpoints"

    /// `KeelTables07.swift` (`KeelTables007.swift` of `moduleTableShards`): as many digits as the last shard has, so
    /// the names sort in shard order.
    public static func tableFileName(_ shard: Int, of count: Int = tableShards) -> String {
        "Keel" + tableStem(shard, of: count) + ".swift"
    }

    /// `Endpoints07.swift`, named as `tableFileName` is, so that the plugin's mode can put it in `KeelTables07.swift`.
    public static func endpointFileName(_ shard: Int) -> String {
        endpointStem(shard) + ".swift"
    }

    /// `Tables07`: the shard's tables file without its `Keel` prefix, which also names the type registering its
    /// routes (`ShopTables07`).
    public static func tableStem(_ shard: Int, of count: Int = tableShards) -> String {
        "Tables" + digits(shard, of: count)
    }

    /// `Endpoints07`, as `tableStem` (`registerEndpoints07`).
    public static func endpointStem(_ shard: Int) -> String {
        "Endpoints" + digits(shard, of: tableShards)
    }

    /// The shard of each endpoints file name (`Endpoints07.swift` -> 7).
    private static let endpointFileShards = Dictionary(uniqueKeysWithValues: (0..<tableShards).map { (endpointFileName($0), $0) })

    /// `number` padded with zeros to the width of `count - 1`.
    private static func digits(_ number: Int, of count: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, String(count - 1).count - text.count)) + text
    }

    /// The shard of `name` (a table's model, or a custom endpoint's function): FNV-1a of its UTF-8 bytes, so it is
    /// the same on every run and machine (Swift's `hashValue` is seeded per process), and adding or removing a table
    /// or endpoint moves no other. Among `moduleTableShards`, a name's shard is one of the four that divide its shard
    /// among `tableShards`.
    public static func shard(of name: String, among count: Int = tableShards) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(count))
    }

    /// The generation's files under `outputs.swift`, regrouped into `fileNames` in the same directory, and with
    /// `tableModules` (the table modules' names, in shard order) the tables' code into `tableModuleSourcesFolder`.
    public static func files(of generation: Generation, tableModules: [String] = []) -> Result<[GeneratedFile], SpecError> {
        guard let directory = generation.settings.outputs.swift else { return .success([]) }
        var groups: [String: [GeneratedFile]] = [:]
        var staged: [String: [GeneratedFile]] = [:]
        for file in generation.files where file.path.hasPrefix(directory + "/") {
            let relative = String(file.path.dropFirst(directory.count + 1))
            if !tableModules.isEmpty, let shard = tableShard(of: relative, among: moduleTableShards) {
                staged[stagedTableFileName(shard), default: []].append(file)
                continue
            }
            let name = fileName(of: relative)
            guard fileNames.contains(name) else {
                return .failure(SpecError([Diagnostic(.error, at: nil, "generation failed: \(relative) has no place among the build plugin's files (\(fileNames.joined(separator: ", ")))")]))
            }
            groups[name, default: []].append(file)
        }
        // A project's own model template may declare other types than Keel's: read them from what it rendered.
        let typeNames: (Table) -> [String]
        if generation.context.templates.overridden.contains(SwiftModelTypes.template) {
            let rendered = Dictionary(generation.files.map { ($0.path, $0.contents) }) { first, _ in first }
            typeNames = { SwiftModelTypes.declared(in: rendered[directory + "/" + SwiftModelFile.path(of: $0.model)] ?? "") }
        } else {
            typeNames = SwiftModelTypes.names(of:)
        }
        let targetFiles = fileNames.map { name in
            generation.context.file(directory + "/" + name, name == modulesFileName ? reexports(tableModules, spec: generation.spec, typeNames: typeNames) : merged(groups[name] ?? []))
        }
        // Each staged file is the Swift file the table module compiles, header and all, under the staged name.
        let stagedFiles: [GeneratedFile] = tableModules.isEmpty ? [] : (0..<moduleTableShards).map { shard in
            let name = stagedTableFileName(shard)
            let swift = generation.context.file(directory + "/" + tableFileName(shard, of: moduleTableShards), merged(staged[name] ?? []))
            return GeneratedFile(path: directory + "/" + tableModuleSourcesFolder + "/" + name, contents: swift.contents)
        }
        return .success(targetFiles + stagedFiles)
    }

    /// `KeelModules.swift`: the table modules' re-exports and the tables' types (only its header without table modules).
    static let modulesFileName = "KeelModules.swift"

    /// An `@_exported import` makes a module visible in every file of the importing one, the handlers a person
    /// writes included, as well as to its users: no file needs to know which module holds which table.
    ///
    /// Each table's types are declared again, as aliases: the target's files import Foundation and Hummingbird too,
    /// and a model named like one of their types (`Notification`, `Application`) would be ambiguous between two
    /// imports, while a declaration of the module itself shadows both, as the model did before it left the module.
    /// `typeNames` gives the top-level types of a table's file.
    static func reexports(_ modules: [String], spec: Spec, typeNames: (Table) -> [String]) -> String {
        guard !modules.isEmpty else { return "" }
        let aliases = spec.tables.flatMap { table in
            let module = modules[shard(of: table.model, among: moduleTableShards) % modules.count]
            return typeNames(table).map { (name: $0, module: module) }
        }.sorted { $0.name < $1.name }
        return "// The table modules, re-exported: this target's files and its users see every model.\n"
            + modules.map { "@_exported import \($0)\n" }.joined()
            + "\n// Each table's types, declared in this module so that they shadow Foundation's and Hummingbird's of the same name.\n"
            + aliases.map { "public typealias \($0.name) = \($0.module).\($0.name)\n" }.joined()
    }

    /// The shard among `count` of a generated file that goes to a table module: a model's, or a shard's resource
    /// definitions (the routes emitter names their files by the same count, `EmitContext.tableShards`).
    static func tableShard(of relative: String, among count: Int = tableShards) -> Int? {
        let parts = relative.split(separator: "/")
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case Substring(SwiftModelFile.folder): return shard(of: SwiftModelFile.model(ofFile: String(parts[1])), among: count)
        case Substring(tablesFolder): return shard(ofTablesFile: String(parts[1]), among: count)
        default: return nil
        }
    }

    /// The shard whose tables file among `count` is `name` (`KeelTables07.swift` -> 7; `KeelTables007.swift` -> 7 among
    /// `moduleTableShards`), or nil.
    private static func shard(ofTablesFile name: String, among count: Int) -> Int? {
        guard let number = Int(name.dropFirst("KeelTables".count).dropLast(".swift".count)), (0..<count).contains(number),
              tableFileName(number, of: count) == name else { return nil }
        return number
    }

    /// The plugin's file that takes the generated file at `relative`: `API.swift` -> `KeelAPI.swift`;
    /// `Clients/Billing.swift` -> `KeelClients.swift`; `Models/Product.swift` -> `KeelTables<shard of Product>.swift`;
    /// `Tables/KeelTables07.swift` -> itself; `Endpoints/Endpoints07.swift` -> `KeelTables07.swift`.
    static func fileName(of relative: String) -> String {
        let parts = relative.split(separator: "/")
        guard parts.count > 1, let last = parts.last else { return "Keel" + relative }
        if let shard = tableShard(of: relative) { return tableFileName(shard) }
        switch parts[0] {
        // A name of no shard stays as it is, among none of `fileNames`.
        case Substring(tablesFolder), Substring(endpointsFolder): return endpointFileShards[String(last)].map { tableFileName($0) } ?? relative
        default: return "Keel" + parts[0] + ".swift"
        }
    }

    /// The bodies of `files` after one set of imports: their headers and imports dropped, the imports united.
    /// Only the head of each file is read line by line: the build runs this tool unoptimized, where splitting
    /// 1,000 models into lines took a quarter of its time.
    static func merged(_ files: [GeneratedFile]) -> String {
        var imports: Set<String> = []
        var bodies: [Substring] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            // `rest` is nil once no line is left.
            var rest: Substring? = Substring(file.contents)
            if let text = rest, GeneratedHeader.isGenerated(firstLine(of: text).line) { rest = firstLine(of: text).rest }
            while let text = rest {
                let (line, after) = firstLine(of: text)
                guard line.hasPrefix("import ") || line.isEmpty else { break }
                if !line.isEmpty { imports.insert(String(line)) }
                rest = after
            }
            bodies.append(rest ?? "")
        }
        guard !bodies.isEmpty else { return "" }
        return imports.sorted().joined(separator: "\n") + "\n\n" + bodies.joined(separator: "\n")
    }

    /// The first line of `text` without its newline, and what follows it (nil when `text` has no newline).
    private static func firstLine(of text: Substring) -> (line: Substring, rest: Substring?) {
        guard let end = text.firstIndex(of: "\n") else { return (text, nil) }
        return (text[..<end], text[text.index(after: end)...])
    }
}
