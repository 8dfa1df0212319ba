extension SpecResolver {
    func resolveService() -> Service? {
        guard let entry = index.singles["service"] else {
            diagnostics.error(specStart, "the spec has no 'service' section; add one with at least 'name' and 'version'")
            return nil
        }
        let what = "'service'"
        guard let fields = reader.fields(entry.value, of: what, allowed: ["name", "title", "version", "port", "base_path", "auth", "cors_origins"]) else { return nil }
        var name: String?
        if let value = reader.require(fields, "name", in: what), let text = reader.string(value, "service name") {
            if NameRules.isServiceName(text) {
                name = text
            } else {
                diagnostics.error(value.location, "service name '\(text)' must match ^[a-z][a-z0-9-]{0,62}$ (lowercase letters, digits and dashes)")
            }
        }
        var version: String?
        if let value = reader.require(fields, "version", in: what), value.scalarTag == .float || value.scalarTag == .int {
            diagnostics.error(value.location, "service version must be a semantic version like 1.0.0, found \(value.kindDescription)")
        } else if let value = fields.present("version"), let text = reader.string(value, "service version") {
            if SemanticVersion(text) != nil {
                version = text
            } else {
                diagnostics.error(value.location, "service version '\(text)' is not a semantic version like 1.0.0")
            }
        }
        let title = fields.present("title").flatMap { reader.string($0, "service title") }
        let port = fields.present("port").flatMap { reader.int($0, "service port", in: 1...65535) } ?? 8080
        let basePath = fields.present("base_path").flatMap { value in
            reader.string(value, "base_path").flatMap { checkPath($0, at: value, what: "base_path", allowRoot: true) }
        } ?? ""
        let auth = fields.present("auth")
            .flatMap { reader.keyword($0, "service auth", allowed: Service.Auth.allCases.map(\.rawValue)) }
            .flatMap(Service.Auth.init(rawValue:)) ?? .local
        let origins = fields.present("cors_origins").flatMap { reader.strings($0, "cors_origins") } ?? []
        for (origin, value) in origins where !(origin == "*" || origin.hasPrefix("http://") || origin.hasPrefix("https://")) {
            diagnostics.error(value.location, "CORS origin '\(origin)' must be '*' or start with http:// or https://")
        }
        guard let name, let version else { return nil }
        return Service(
            name: name, title: title ?? name, version: version, port: port, basePath: basePath == "/" ? "" : basePath,
            auth: auth, corsOrigins: origins.map(\.0), location: entry.keyValue.location
        )
    }

    /// The characters a path may hold; built once, since every endpoint's path is checked.
    private static let pathCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.{}/")

    /// A URL path: starts with `/`, no trailing `/`, no empty or dot segments. Returns nil on error.
    func checkPath(_ path: String, at value: YAMLValue, what: String, allowRoot: Bool = false, allowParameters: Bool = false) -> String? {
        if allowRoot && path == "/" { return path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.hasPrefix("/"), !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              path.allSatisfy({ Self.pathCharacters.contains($0) }) else {
            diagnostics.error(value.location, "\(what) '\(path)' must start with '/', have no empty, '.' or '..' segments and no trailing '/'")
            return nil
        }
        // A parameter is a whole segment: `/orders/{id}`, never `/orders/a{id}`. The path is ASCII by now.
        for segment in segments where segment.utf8.contains(UInt8(ascii: "{")) || segment.utf8.contains(UInt8(ascii: "}")) {
            let name = String(segment.dropFirst().dropLast())
            guard allowParameters, segment.hasPrefix("{"), segment.hasSuffix("}"), NameRules.isSnakeCase(name) else {
                let rule = allowParameters ? "a parameter must be a whole segment like {order_id}" : "it cannot hold parameters"
                diagnostics.error(value.location, "\(what) '\(path)': \(rule)")
                return nil
            }
        }
        return path
    }
}
