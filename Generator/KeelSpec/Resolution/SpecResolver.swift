/// Turns the merged YAML of a spec into the resolved `Spec`, reporting every problem it finds.
///
/// Names of every section are known up front (from `SectionIndex`), so each construct checks
/// its references as it is read, in one pass.
final class SpecResolver {
    let reader: ValueReader
    let index: SectionIndex
    let dialects: [Dialect]
    /// Where problems of the spec as a whole are reported: the start of its first file.
    let specStart: SourceLocation?
    var diagnostics: DiagnosticCollector { reader.diagnostics }

    /// Built-in tables of a generated service; a spec may not define them.
    static let builtInTables = ["users", "keel_config", "keel_migrations"]
    static let defaultRoles = ["admin", "maintainer", "viewer"]
    static let defaultSuperuser = "admin"
    /// The spec's superuser, once `resolveRoles` has read it: every role list admits it.
    var superuser = SpecResolver.defaultSuperuser

    init(document: SpecDocument, dialects: [Dialect], diagnostics: DiagnosticCollector) {
        self.reader = ValueReader(diagnostics: diagnostics)
        self.index = SectionIndex(roots: document.roots, reader: reader)
        self.dialects = dialects
        // A spec of empty files still has a first file to point at.
        self.specStart = (document.roots.first?.file ?? document.files.first).map { SourceLocation(file: $0, line: 1, column: 1) }
    }

    /// A resolver that reads what `other` read and reports to `diagnostics`: one worker of `resolveEach`.
    init(sharing other: SpecResolver, diagnostics: DiagnosticCollector) {
        reader = ValueReader(diagnostics: diagnostics)
        index = other.index
        dialects = other.dialects
        specStart = other.specStart
        superuser = other.superuser
    }

    /// The model, or nil when any error was reported.
    func resolve() -> Spec? {
        let keel = resolveVersion()
        let service = resolveService()
        // When the service section has errors, keep checking the rest against the auth it declares.
        let auth = service?.auth ?? declaredAuth()
        let roles = resolveRoles(auth: auth)
        superuser = resolveSuperuser(roles: roles, auth: auth)
        let tiers = resolveTiers(auth: auth)
        let features = resolveFeatures(tiers: tiers)
        let tables = resolveTables(auth: auth)
        let types = resolveTypes()
        let endpoints = resolveEndpoints(auth: auth, roles: roles, tables: tables, inlineTypes: types)
        let config = resolveConfig()
        let gateway = resolveGateway(service: service)
        checkTypeNamesAgainstModels(types: types + endpoints.inlineBodies, tables: tables)
        checkGeneratedNames(service: service?.name, hasConfig: !config.isEmpty, tables: tables, types: types + endpoints.inlineBodies, endpoints: endpoints)
        checkIdentifierClashes(tiers.map { ($0.name, $0.location) }, what: "tier")
        checkIdentifierClashes(features.map { ($0.name, $0.location) }, what: "feature")
        for table in tables {
            checkIdentifierClashes(table.columns.map { ($0.name, $0.location) }, what: "column")
        }
        for type in types + endpoints.inlineBodies {
            checkIdentifierClashes(type.fields.map { ($0.name, type.location) }, what: "field", of: "type '\(type.name)'")
        }

        guard !diagnostics.hasErrors, let keel, let service, let gateway else { return nil }
        return Spec(
            keel: keel, service: service, tiers: tiers, features: features, roles: roles, superuser: superuser, tables: tables,
            resources: endpoints.resources, customEndpoints: endpoints.custom,
            types: types + endpoints.inlineBodies, config: config, gateway: gateway
        )
    }

    private func resolveVersion() -> Int? {
        guard let entry = index.singles["keel"] else {
            diagnostics.error(specStart, "the spec has no 'keel: 1' line; add it at the top of one spec file")
            return nil
        }
        guard let version = reader.int(entry.value, "'keel'") else { return nil }
        guard version == 1 else {
            diagnostics.error(entry.value.location, "unsupported spec version \(version); this keel reads version 1")
            return nil
        }
        return version
    }

    /// `service.auth` as written, or its default, without reporting anything (resolveService does).
    func declaredAuth() -> Service.Auth {
        let written = index.singles["service"]?.value.entries?.first { $0.key == "auth" }?.value.text
        return written.flatMap(Service.Auth.init(rawValue:)) ?? .local
    }

    /// Schema names every generated service defines itself (health, license, config, auth).
    static let builtInTypeNames: Set<String> = [
        "Error", "Health", "License", "ConfigEntry", "ConfigUpdate", "LoginRequest", "Token", "User", "UserCreate", "UserPatch", "UserPage",
    ]

    /// Type and model names must not collide with each other, with the names derived from models
    /// (`<Model>Create`, `<Model>Patch`, `<Model>Page`) or with built-in types.
    private func checkTypeNamesAgainstModels(types: [TypeDefinition], tables: [Table]) {
        var derived: [String: String] = [:]
        for table in tables {
            for suffix in ["", "Create", "Patch", "Page"] { derived[table.model + suffix] = table.name }
        }
        for table in tables where Self.builtInTypeNames.contains(table.model) {
            diagnostics.error(table.location, "the model of table '\(table.name)' would be named '\(table.model)', a type every Keel service defines; set 'model:' to another name")
        }
        for type in types {
            if let table = derived[type.name] {
                diagnostics.error(type.location, "type '\(type.name)' has a name Keel gives to the model of table '\(table)'; rename the type, or use the table's name where you meant its model")
            } else if Self.builtInTypeNames.contains(type.name) {
                diagnostics.error(type.location, "type name '\(type.name)' is taken by a type every Keel service defines; choose another name")
            }
        }
    }
}
