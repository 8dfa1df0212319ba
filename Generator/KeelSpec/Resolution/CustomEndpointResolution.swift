extension SpecResolver {
    /// A custom endpoint and, when its body is written inline, that body as a named type.
    func resolveCustom(_ item: YAMLValue, auth: Service.Auth, roles: [String]) -> (CustomEndpoint, TypeDefinition?)? {
        let allowed = ["name", "method", "path", "auth", "roles", "feature", "description", "params", "query", "body", "response", "rate_limit"]
        guard let fields = reader.fields(item, of: "a custom endpoint", allowed: allowed),
              let nameValue = reader.require(fields, "name", in: "the endpoint"),
              let name = reader.string(nameValue, "endpoint name") else { return nil }
        guard NameRules.isLowerCamel(name) else {
            diagnostics.error(nameValue.location, "endpoint name '\(name)' must be lowerCamelCase, e.g. '\(Inflector.lowerCamel(name))'")
            return nil
        }
        let what = "endpoint '\(name)'"
        let method = reader.require(fields, "method", in: what)
            .flatMap { reader.keyword($0, "'method'", allowed: CustomEndpoint.Method.allCases.map(\.rawValue)) }
            .flatMap(CustomEndpoint.Method.init(rawValue:))
        let pathValue = reader.require(fields, "path", in: what)
        let path = pathValue.flatMap { value in reader.string(value, "'path'").flatMap { checkPath($0, at: value, what: "path", allowParameters: true) } }
        let requiresAuth = endpointAuth(fields, service: auth, what: what)
        var endpointRoles: [String] = []
        if let value = fields.present("roles") {
            if requiresAuth {
                endpointRoles = checkRoles(value, roles: roles, what: "the roles of \(what)")
            } else {
                diagnostics.error(value.location, "\(what) has roles but 'auth: none'; roles need an authenticated caller, so remove one or the other")
            }
        }
        let feature = fields.present("feature").flatMap { checkFeature($0, what: what) }
        let description = fields.present("description").flatMap { reader.string($0, "endpoint description") }
        let declared = fields.present("params").map { parameters($0, what: "the params of \(what)", isQuery: false) } ?? []
        let query = fields.present("query").map { parameters($0, what: "the query of \(what)", isQuery: true) } ?? []
        var params: [CustomEndpoint.Parameter] = []
        // Names declared in `params`, valid or not, so a bad type is not also reported as a missing parameter.
        let declaredNames = Set(fields.present("params")?.entries?.map(\.key) ?? [])
        if let path, let pathValue {
            let inPath = RoutePath.parameters(path)
            for (offset, name) in inPath.enumerated() where inPath[..<offset].contains(name) {
                diagnostics.error(pathValue.location, "path parameter '{\(name)}' appears twice in the path of \(what)")
            }
            for name in inPath {
                if let param = declared.first(where: { $0.name == name }) {
                    params.append(param)
                } else if !declaredNames.contains(name) {
                    diagnostics.error(pathValue.location, "path parameter '{\(name)}' of \(what) is missing from 'params'; add 'params: { \(name): string }' with its type")
                }
            }
            for param in declared where !inPath.contains(param.name) {
                diagnostics.error(fields["params"]?.location ?? item.location, "param '\(param.name)' of \(what) does not appear in its path '\(path)'")
            }
            for param in query where inPath.contains(param.name) {
                diagnostics.error(fields["query"]?.location ?? item.location, "'\(param.name)' of \(what) is both a path and a query parameter")
            }
        }
        var body: TypeReference?
        var inlineBody: TypeDefinition?
        if let value = fields.present("body") {
            if let method, !method.hasBody {
                diagnostics.error(value.location, "\(what) is a \(method.rawValue), which takes no body; use POST, PUT or PATCH, or remove 'body'")
            } else if value.isMapping {
                let typeName = Inflector.upperCamel(name) + "Body"
                if let fieldList = typeFields(value, what: "the body of \(what)") {
                    inlineBody = TypeDefinition(name: typeName, fields: fieldList, inlineBodyOf: name, location: value.location)
                    body = .named(typeName)
                    if index.names("types").contains(typeName) {
                        diagnostics.error(value.location, "the inline body of \(what) would be named '\(typeName)', which 'types' already defines; refer to that type instead")
                    }
                }
            } else {
                body = responseType(value, what: "the body of \(what)")
            }
        }
        let response = fields.present("response").flatMap { responseType($0, what: "the response of \(what)") }
        guard let method, let path else { return nil }
        let endpoint = CustomEndpoint(
            name: name, method: method, path: path, requiresAuth: requiresAuth, roles: endpointRoles, feature: feature,
            description: description, params: params, query: query, body: body, response: response, location: nameValue.location,
            rateLimit: fields.present("rate_limit").flatMap { rateLimit($0, of: what) }
        )
        return (endpoint, inlineBody)
    }

    /// A body or response: a type name, a table name, or `[name]` for a list.
    private func responseType(_ value: YAMLValue, what: String) -> TypeReference? {
        if let items = value.items {
            guard items.count == 1, let only = items.first else {
                diagnostics.error(value.location, "\(what) as a list must name exactly one type, like [products]")
                return nil
            }
            return typeReference(only, what: what).map(TypeReference.array)
        }
        return typeReference(value, what: what)
    }

    /// The bounding options of parameters, which are never `text`.
    private static let parameterBoundOptions = boundOptions.mapValues { $0.filter { $0 != "text" } }
    /// The options of a path parameter and of a query parameter, built once for every parameter of a spec.
    private static let pathParameterOptions = ["type", "description"] + boundOptions.keys.sorted()
    private static let queryParameterOptions = ["type", "required", "description"] + boundOptions.keys.sorted()

    private func parameters(_ value: YAMLValue, what: String, isQuery: Bool) -> [CustomEndpoint.Parameter] {
        guard let entries = value.entries else {
            diagnostics.error(value.location, "\(what) must be a mapping of name to type, found \(value.kindDescription)")
            return []
        }
        let scalars = ScalarType.allCases.map(\.rawValue)
        return entries.compactMap { entry in
            guard checkName(entry.key, at: entry.keyValue, what: "parameter") else { return nil }
            let parameterWhat = "parameter '\(entry.key)'"
            var typeValue = entry.value
            var required = true
            var description: String?
            var options: Fields?
            if entry.value.isMapping {
                let allowed = isQuery ? Self.queryParameterOptions : Self.pathParameterOptions
                guard let fields = reader.fields(entry.value, of: parameterWhat, allowed: allowed),
                      let value = reader.require(fields, "type", in: parameterWhat) else { return nil }
                typeValue = value
                required = fields.present("required").flatMap { reader.bool($0, "'required'") } ?? true
                description = fields.present("description").flatMap { reader.string($0, "parameter description") }
                options = fields
            }
            guard let keyword = reader.keyword(typeValue, "the type of \(parameterWhat)", allowed: scalars),
                  let type = ScalarType(rawValue: keyword) else { return nil }
            if [.json, .bytes, .text].contains(type) {
                diagnostics.error(typeValue.location, "\(parameterWhat) cannot be \(keyword); parameters are plain values (int, string, date, ...)")
                return nil
            }
            var parameter = CustomEndpoint.Parameter(name: entry.key, type: type, required: required, description: description)
            if let options {
                checkOptionsApply(options, typeOptions: Self.parameterBoundOptions, keyword: keyword, noun: "parameter", name: entry.key)
                parameter.bounds = readBounds(options)
                checkBounds(parameter.bounds, keyword: keyword, options: options, what: parameterWhat, at: entry.keyValue.location)
            }
            return parameter
        }
    }
}
