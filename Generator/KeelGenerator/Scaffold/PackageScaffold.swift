import KeelSpec

/// The files of a new service package, as `keel init` writes them (before `keel generate` adds migrations and
/// OpenAPI): rendered in memory from the `init/` templates and the spec, so nothing is written when a step fails.
public struct PackageScaffold: Sendable {
    /// Where the new package gets Keel from.
    public enum KeelDependency: Sendable, Equatable, CustomStringConvertible {
        case path(String)
        case url(String, from: String)

        public var description: String {
            switch self {
            case let .path(path): path
            case let .url(url, version): "\(url) from \(version)"
            }
        }

        /// The package's identity, which `.product(package:)` names: the last path component, lowercased.
        var identity: String {
            let location = switch self { case let .path(path): path; case let .url(url, _): url }
            let last = location.split(separator: "/").last.map(String.init) ?? location
            return (last.hasSuffix(".git") ? String(last.dropLast(4)) : last).lowercased()
        }

        /// The dependency line; `traits` (Keel's package traits) only when the service names its own.
        func declaration(traits: [String]?) -> String {
            let named = traits.map { ", traits: [" + $0.map(SwiftLiteral.string).joined(separator: ", ") + "]" } ?? ""
            return switch self {
            case let .path(path): ".package(path: \(SwiftLiteral.string(path))\(named))"
            case let .url(url, version): ".package(url: \(SwiftLiteral.string(url)), from: \(SwiftLiteral.string(version))\(named))"
            }
        }
    }

    /// One environment variable for `.env.example`: its name, default (empty for none) and what it sets.
    public struct Variable: Sendable {
        public var name: String
        public var value: String
        public var meaning: String

        public init(name: String, value: String, meaning: String) {
            self.name = name
            self.value = value
            self.meaning = meaning
        }
    }

    /// A file of the package: its path relative to the package directory, and its text.
    public struct File: Sendable, Equatable {
        public var path: String
        public var contents: String
    }

    /// The package name, which also names the executable.
    public var name: String
    /// The Swift module of the service, `Sources/<module>`.
    public var module: String
    public var spec: Spec
    /// The spec's files by name, copied to `Sources/<module>/spec/`.
    public var specFiles: [(name: String, contents: String)]
    public var keel: KeelDependency
    /// The databases the service runs on: keel.yaml's `dialects:` and the drivers it compiles (Keel's package traits).
    public var databases: [Dialect]
    /// The runtime's variables by group; the spec's `config:` variables are added after them.
    public var environment: [(title: String, variables: [Variable])]
    /// How many modules the tables compile as, beside the service's (KeelPlugin's table modules); 0 keeps them in it.
    public var tableModules: Int

    public init(name: String, spec: Spec, specFiles: [(name: String, contents: String)], keel: KeelDependency,
                databases: [Dialect] = Dialect.allCases, environment: [(title: String, variables: [Variable])], tableModules: Int? = nil) {
        self.name = name
        module = Self.moduleName(name)
        self.spec = spec
        self.specFiles = specFiles
        self.keel = keel
        self.databases = databases
        self.environment = environment
        self.tableModules = tableModules ?? Self.tableModules(forTables: spec.tables.count)
    }

    /// About a dozen tables per module, at most 32: an edit rebuilds a module's interface (its share of the tables)
    /// while each module costs its own compile jobs in a full build (at 1,000 tables, 32 modules against 16: the edit
    /// 9.64 against 10.55 s, the first build 270 against 224 s). Under 24 tables, one module holds them all.
    public static func tableModules(forTables tables: Int) -> Int {
        tables < 24 ? 0 : min(32, tables / 12)
    }

    /// `my-shop` -> `MyShop`.
    public static func moduleName(_ name: String) -> String {
        GeneratedTypeNames.servicePrefix(name)
    }

    /// The starter spec of a service named `name`: one table, its resource and one custom endpoint.
    public static func starterSpec(name: String, templates: TemplateLibrary) -> String {
        templates.render("init/starter-spec.yaml", ["name": name])
    }

    /// Every file, rendered with `templates` (Keel's built-in ones).
    public func files(templates: TemplateLibrary) -> [File] {
        let names = SwiftServiceNames(spec)
        var context: [String: Any] = [
            "name": name, "module": module, "service": spec.service.name, "serviceType": names.serviceName,
            "protocolName": names.protocolName, "handlersName": names.handlersName, "basePath": spec.service.basePath,
            "superuser": SwiftLiteral.string(spec.superuser),
            "keelDependency": keel.declaration(traits: DatabaseTraits.names(databases)), "keelPackage": keel.identity,
            spec.service.auth.rawValue: true,
            "endpoints": SwiftRoutesEmitter.withFullPaths(spec.customEndpoints.map { SwiftRoutesEmitter.endpoint($0, spec: spec) }, spec: spec),
            "groups": environmentGroups(),
        ]
        context.merge(DatabaseTraits.templateValues(databases)) { $1 }
        if case let .path(path) = keel {
            context["pathDependency"] = true
            context["keelLocation"] = path
        }
        if let resource = roundTrip() { context["resource"] = resource }
        if tableModules > 0 { context["tableModules"] = ["count": tableModules, "last": tableModules - 1] }
        let sources = "Sources/\(module)"
        var files = [
            File(path: "Package.swift", contents: templates.render("init/Package.swift", context)),
            File(path: "README.md", contents: templates.render("init/README.md", context)),
            File(path: "Dockerfile", contents: templates.render("init/Dockerfile", context)),
            File(path: ".dockerignore", contents: templates.render("init/dockerignore", context)),
            File(path: ".gitignore", contents: templates.render("init/gitignore", context)),
            File(path: ".env.example", contents: templates.render("init/env.example", context)),
            File(path: "\(sources)/keel.yaml", contents: templates.render("init/keel.yaml", context)),
            File(path: "\(sources)/\(names.handlersName).swift", contents: templates.render("init/Handlers.swift", context)),
            File(path: "\(sources)Server/main.swift", contents: templates.render("init/main.swift", context)),
            File(path: "Tests/\(module)Tests/ServiceTests.swift", contents: templates.render("init/ServiceTests.swift", context)),
        ]
        files += specFiles.map { File(path: "\(sources)/spec/\($0.name)", contents: $0.contents) }
        files += (0..<tableModules).map { number in
            File(path: "\(sources)Tables/\(number)/Tables.swift", contents: templates.render("init/TableModule.swift", ["module": module, "number": number]))
        }
        return files
    }

    private func environmentGroups() -> [[String: Any]] {
        var groups = environment
        if let server = DatabaseTraits.serverDefault(databases) {
            // Without SQLite, the runtime's default DB_TYPE names a driver this service does not compile.
            groups = groups.map { group in
                (title: group.title, variables: group.variables.map { $0.name == "DB_TYPE" ? Variable(name: $0.name, value: server, meaning: $0.meaning) : $0 })
            }
        }
        if !spec.config.isEmpty {
            groups.append((title: "Runtime settings of the spec's config: (seed the database on first start; later changes go through /config)",
                           variables: spec.config.map { Variable(name: $0.env, value: $0.defaultValue ?? "", meaning: $0.description ?? $0.key) }))
        }
        return groups.map { group in
            ["title": group.title, "variables": group.variables.map { ["name": $0.name, "value": $0.value, "meaning": $0.meaning] }]
        }
    }

    /// The resource the generated test creates, reads, lists, updates and deletes: the first with all five
    /// operations whose required columns Keel can fill in. Nil when there is none; the test then checks health only.
    private func roundTrip() -> [String: Any]? {
        for resource in spec.resources where Set(resource.operations) == Set(ResourceEndpoint.Operation.allCases) {
            guard let table = spec.table(named: resource.table) else { continue }
            let writable = table.columns.filter { $0.type != .id }
            let required = writable.filter { !$0.nullable && $0.defaultValue == nil }
            let values = required.compactMap { column in SampleValues.json(for: column, variant: 0).map { (column.name, $0) } }
            guard values.count == required.count else { continue }
            let changeable = writable.filter { !$0.unique && SampleValues.json(for: $0, variant: 1) != SampleValues.json(for: $0, variant: 0) }
            guard let changed = changeable.first(where: SampleValues.echoes) ?? changeable.first,
                  let newValue = SampleValues.json(for: changed, variant: 1) else { continue }
            var entry: [String: Any] = [
                "path": spec.service.basePath + resource.path,
                "createBody": "{" + values.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}",
                "updateBody": "{\"\(changed.name)\":\(newValue)}",
            ]
            if SampleValues.echoes(changed) {
                let swiftType = switch changed.type { case .int, .int32: "Int"; case .bool: "Bool"; default: "String" }
                entry["updateCheck"] = ["column": changed.name, "swiftType": swiftType, "value": newValue]
            }
            return entry
        }
        return nil
    }
}
