extension SpecResolver {
    /// No two things of the spec may give one top-level type name to an output (`GeneratedTypeNames`): the Swift
    /// would declare it twice and not compile, TypeScript likewise, and OpenAPI would hold one schema key twice.
    /// `orders.status` gives the enum `OrderStatus`, which is also the model of `order_statuses`. Each clash is
    /// reported once, where the fix is made (the table whose model it is before a column, a column before a table's
    /// derived type); pairs that other checks report already are left to them.
    func checkGeneratedNames(service: String?, hasConfig: Bool, tables: [Table], types: [TypeDefinition], endpoints: Endpoints) {
        let listed = Set(endpoints.resources.filter { $0.operations.contains(.list) }.map(\.table))
        let models = Dictionary(tables.map { ($0.name, $0.model) }, uniquingKeysWith: { first, _ in first })
        // The fixed names first, so that the spec's own are the later, located ones.
        var claims = Self.builtInTypeNames.sorted().map {
            GeneratedTypeName(name: $0, outputs: [.typescript, .openAPI], source: .builtIn, location: nil)
        }
        if let service { claims += GeneratedTypeNames.serviceNames(service, hasConfig: hasConfig) }
        claims += tables.flatMap { GeneratedTypeNames.names(of: $0, listed: listed.contains($0.name)) }
        claims += types.flatMap { GeneratedTypeNames.names(of: $0) }
        claims += endpoints.custom.flatMap { GeneratedTypeNames.names(of: $0) }
        claims += endpoints.resources.flatMap {
            GeneratedTypeNames.names(of: $0, model: models[$0.table] ?? Inflector.modelName(ofTable: $0.table))
        }
        var earlier: [String: [Int]] = [:]
        for (index, claim) in claims.enumerated() {
            let clash = earlier[claim.name]?.lazy.map { claims[$0] }.first {
                !$0.outputs.isDisjoint(with: claim.outputs) && !Self.reportedElsewhere($0.source, claim.source)
                    && !Self.ofOneModel($0.source, claim.source, models: models)
            }
            if let clash { reportClash(claim, clash) }
            earlier[claim.name, default: []].append(index)
        }
    }

    /// Pairs that table, type and endpoint resolution report themselves: two models, two types, a type named like
    /// a model or its create, patch or page schema, a model or type named like a built-in type.
    private static func reportedElsewhere(_ a: GeneratedTypeName.Source, _ b: GeneratedTypeName.Source) -> Bool {
        func reported(_ a: GeneratedTypeName.Source, _ b: GeneratedTypeName.Source) -> Bool {
            switch (a, b) {
            case (.model, .model), (.model, .builtIn), (.builtIn, .builtIn): true
            case (.type, .model), (.type, .type), (.type, .inlineBody), (.type, .builtIn): true
            case (.inlineBody, .model), (.inlineBody, .inlineBody), (.inlineBody, .builtIn): true
            case (.type, .modelType(_, let role)), (.inlineBody, .modelType(_, let role)): role != "repository"
            default: false
            }
        }
        return reported(a, b) || reported(b, a)
    }

    /// Names of two tables of one model name clash as their models do, which table resolution reports.
    private static func ofOneModel(_ a: GeneratedTypeName.Source, _ b: GeneratedTypeName.Source, models: [String: String]) -> Bool {
        guard let first = table(of: a), let second = table(of: b), first != second else { return false }
        return models[first] == models[second]
    }

    private static func table(of source: GeneratedTypeName.Source) -> String? {
        switch source {
        case .model(let table), .modelType(let table, _), .columnEnum(let table, _): table
        default: nil
        }
    }

    /// One error at whichever of the two is the one to change (the later one when both are as good).
    private func reportClash(_ later: GeneratedTypeName, _ first: GeneratedTypeName) {
        let (fixed, other) = Self.rank(later.source) <= Self.rank(first.source) ? (later, first) : (first, later)
        guard let location = fixed.location else { return }
        let at = other.location.map { " (at \($0))" } ?? ""
        let outputs = Self.describe(fixed.outputs.intersection(other.outputs))
        diagnostics.error(location, "\(Self.describe(fixed.source)) and \(Self.describe(other.source))\(at) would both be named '\(later.name)' in the generated \(outputs); \(Self.fix(fixed.source, other: other.source))")
    }

    /// Lower ranks are changed first: a table's model or a type is renamed by a word that changes nothing else;
    /// a column's enum or a derived type changes with the table's whole model; the service's names change with it.
    private static func rank(_ source: GeneratedTypeName.Source) -> Int {
        switch source {
        case .model: 0
        case .type: 1
        case .inlineBody, .endpointType, .listType: 2
        case .columnEnum, .fieldEnum: 3
        case .modelType: 4
        case .service, .builtIn: 5
        }
    }

    private static func describe(_ source: GeneratedTypeName.Source) -> String {
        switch source {
        case .model(let table): "the model of table '\(table)'"
        case .modelType(let table, let role): "the \(role) of table '\(table)'"
        case .columnEnum(let table, let column): "the enum of column '\(table).\(column)'"
        case .type(let name): "type '\(name)'"
        case .inlineBody(let endpoint): "the inline body of endpoint '\(endpoint)'"
        case .fieldEnum(let type, let field): "the enum of field '\(field)' of type '\(type)'"
        case .endpointType(let endpoint, let role): "the \(role) type of endpoint '\(endpoint)'"
        case .listType(let resource, let role): "the \(role) of resource '\(resource)'"
        case .service(let name, let role): "the type of service '\(name)' for \(role)"
        case .builtIn: "a type every Keel service defines"
        }
    }

    private static func describe(_ outputs: GeneratedTypeName.Outputs) -> String {
        let names = [(GeneratedTypeName.Outputs.swift, "Swift"), (.typescript, "TypeScript"), (.openAPI, "OpenAPI")]
            .filter { outputs.contains($0.0) }.map(\.1)
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1] : names.joined()
    }

    /// What to change in `source` so that it no longer gives the name `other` gives.
    private static func fix(_ source: GeneratedTypeName.Source, other: GeneratedTypeName.Source) -> String {
        switch source {
        case .model(let table), .modelType(let table, _): return "set 'model:' on table '\(table)'"
        case .columnEnum(let table, let column):
            let rename = "rename column '\(column)' (with 'renamed_from: \(column)' to keep its data)"
            // A name derived from the same model stays equal whatever the model is called.
            switch other {
            case .model(table), .modelType(table, _), .columnEnum(table, _): return rename
            default: return "set 'model:' on table '\(table)', or \(rename)"
            }
        case .type(let name): return "rename type '\(name)'"
        case .inlineBody(let endpoint): return "rename endpoint '\(endpoint)', or name its body under 'types:'"
        case .fieldEnum(let type, let field): return "rename field '\(field)' of type '\(type)'"
        case .endpointType(let endpoint, _): return "rename endpoint '\(endpoint)'"
        case .listType(let resource, _): return "rename resource '\(resource)' (keeping its table with 'table:' and its path with 'path:')"
        case .service, .builtIn: return "rename the other"
        }
    }
}
