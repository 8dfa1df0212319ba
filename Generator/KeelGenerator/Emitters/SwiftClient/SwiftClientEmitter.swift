import KeelSpec

/// Writes `outputs.swift_client`: a typed Swift client of this spec and of each of `dependencies:`, two files each
/// (`<Name>Client.swift`, the methods; `<Name>ClientModels.swift`, the types nested in the client), on the KeelClient
/// library. Nesting keeps a callee's `Product` apart from the caller's own.
public struct SwiftClientEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.swiftClient else { return [] }
        let own = SwiftClientTarget(name: spec.service.name, spec: spec, specName: context.specName, credentials: nil, location: nil)
        let dependencies = context.dependencies.map {
            SwiftClientTarget(name: $0.dependency.name, spec: $0.spec, specName: $0.specName, credentials: $0.dependency.credentials, location: $0.dependency.location)
        }
        let clashes = dependencies.filter { $0.typeName == own.typeName }.map { dependency in
            Diagnostic(.error, at: dependency.location, "dependency '\(dependency.name)' would get the client name \(own.typeName), which this spec's own client has; rename the dependency")
        }
        let conflicts = clashes + ([own] + dependencies).flatMap {
            $0.hiddenNames + SwiftReservedNames.parameterConflicts(in: $0.spec) + SwiftReservedNames.enumCaseConflicts(in: $0.spec)
        }
        guard conflicts.isEmpty else { throw SpecError(conflicts) }
        return ([own] + dependencies).flatMap { $0.files(in: directory, templates: context.templates) }
    }
}

/// One client to write: a spec and the name its client goes by.
struct SwiftClientTarget {
    let name: String
    let spec: Spec
    /// The spec's path as its generated header names it.
    let specName: String
    /// The token a dependency's client sends by default; nil for this spec's own client, which sends none.
    let credentials: ServiceDependency.Credentials?
    let location: SourceLocation?

    /// One located error per model or type whose name, nested in the client, would hide a type the client's code
    /// names (`ServiceClient`, `QueryItem`, `Encodable`, ...). Swift's scalars are module-qualified instead.
    var hiddenNames: [Diagnostic] {
        let models = spec.tables.filter { SwiftClientTypes.used.contains($0.model) }.map { table in
            Diagnostic(.error, at: table.location, "the model of table '\(table.name)' would be the type '\(table.model)' in the Swift client \(typeName), where it would hide the type of that name the client uses; set 'model:' to another name")
        }
        return models + spec.types.filter { SwiftClientTypes.used.contains($0.name) }.map { type in
            Diagnostic(.error, at: type.location, "type '\(type.name)' would hide the type of that name that the Swift client \(typeName) uses; rename it")
        }
    }

    /// `InventoryClient` for `inventory`.
    var typeName: String { GeneratedTypeNames.servicePrefix(name) + "Client" }

    /// The name in environment variables, e.g. `INVENTORY`.
    var variableName: String { name.uppercased().replacingOccurrences(of: "-", with: "_") }

    /// The environment variable of a dependency's own-token credentials, e.g. `INVENTORY_SERVICE_TOKEN`.
    var tokenVariable: String { variableName + "_SERVICE_TOKEN" }

    func files(in directory: String, templates: TemplateLibrary) -> [GeneratedFile] {
        let types = SwiftClientTypes(spec: spec)
        let (defaultCredentials, credentialsDoc): (String, String) = switch self.credentials {
        case .forward?: (".forwardCaller", "by default it forwards the token of the request being served (`CallerToken`).")
        case .service?: (".environment(\(SwiftLiteral.string(tokenVariable)))", "by default it sends the service's own token, from `\(tokenVariable)`.")
        case .none?, nil: (".none", "by default it sends no token.")
        }
        let client: [String: Any] = [
            "client": typeName, "string": types.scalar(.string), "title": spec.service.title, "version": spec.service.version,
            "host": spec.service.name, "port": spec.service.port, "credentials": defaultCredentials, "credentialsDoc": credentialsDoc,
            "dependency": name, "dependencyLiteral": SwiftLiteral.string(name), "variablePrefix": "KEEL_DEP_\(variableName)_",
            "operations": SwiftClientOperations(spec: spec, types: types).all.map { ["text": $0.text] },
        ]
        let models: [String: Any] = ["client": typeName, "declarations": SwiftClientModels(spec: spec, types: types).declarations.joined(separator: "\n\n")]
        return [
            file(directory + "/\(typeName).swift", templates.render("swift/Client.swift", client)),
            file(directory + "/\(typeName)Models.swift", templates.render("swift/ClientModels.swift", models)),
        ]
    }

    private func file(_ path: String, _ contents: String) -> GeneratedFile {
        GeneratedFile(path: path, contents: GeneratedHeader.comment(for: path, specName: specName) + contents)
    }
}
