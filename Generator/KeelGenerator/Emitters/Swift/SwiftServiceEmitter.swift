import KeelSpec

/// Writes `Service.swift` into `outputs.swift`: the service's description for the runtime (identity, auth,
/// roles, licensing, config keys, the dependencies it needs to be ready) and the function that builds its server.
public struct SwiftServiceEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.swift else { return [] }
        let conflicts = SwiftReservedNames.conflicts(in: spec)
        guard conflicts.isEmpty else { throw SpecError(conflicts) }
        let names = SwiftServiceNames(spec)
        // keel.yaml's dependencies that `/readyz` asks (`required: true`).
        let required = context.settings.dependencies.filter(\.required).map(\.name)
        let service = spec.service
        let config: [[String: String]] = spec.config.map { key in
            var arguments = [SwiftLiteral.string(key.key), "env: " + SwiftLiteral.string(key.env), "category: " + SwiftLiteral.string(key.category.rawValue),
                             "type: .\(key.type.rawValue)"]
            if let value = key.defaultValue { arguments.append("default: " + SwiftLiteral.string(value)) }
            if key.sensitive { arguments.append("sensitive: true") }
            if let description = key.description { arguments.append("description: " + SwiftLiteral.string(description)) }
            let name = SwiftNames.identifier(key.key)
            return ["arguments": arguments.joined(separator: ", "), "case": name, "raw": name == key.key ? "" : " = " + SwiftLiteral.string(key.key)]
        }
        let body = context.templates.render("swift/Service.swift", [
            "title": service.title, "serviceName": names.serviceName, "protocolName": names.protocolName, "routesName": names.routesName,
            "name": SwiftLiteral.string(service.name), "version": SwiftLiteral.string(service.version), "basePath": SwiftLiteral.string(service.basePath),
            "corsOrigins": service.corsOrigins.map(SwiftLiteral.string).joined(separator: ", "),
            "auth": service.auth.rawValue, "roles": spec.roles.map(SwiftLiteral.string).joined(separator: ", "), "superuser": SwiftLiteral.string(spec.superuser),
            "config": config, "hasConfig": !config.isEmpty, "hasFeatures": !spec.features.isEmpty,
            "embedsMigrations": context.embedsMigrations, "migrationsName": names.migrationsName,
            "hasRequiredDependencies": !required.isEmpty, "requiredDependencies": required.map(SwiftLiteral.string).joined(separator: ", "),
        ])
        return [context.file(directory + "/Service.swift", body)]
    }
}
