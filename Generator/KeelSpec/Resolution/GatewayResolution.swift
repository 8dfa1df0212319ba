extension SpecResolver {
    /// The gateway; checked even when the service has errors, so all errors are reported, but nil then.
    func resolveGateway(service: Service?) -> Gateway? {
        let name = service?.name ?? "service"
        let basePath = service?.basePath ?? ""
        let defaultMapping = Gateway.Mapping(
            name: "external-api", description: "Public traffic to \(name)-api", source: ["external"], dest: ["api"],
            listenPort: 443, protocol: .https, pathPrefix: basePath.isEmpty ? "/" : basePath,
            location: service?.location ?? SourceLocation(file: "<default>", line: 1, column: 1)
        )
        var gateway = Gateway(collection: name, authType: .none, services: [], mappings: [defaultMapping])
        guard let entry = index.singles["gateway"], !entry.value.isNull,
              let fields = reader.fields(entry.value, of: "'gateway'", allowed: ["collection", "auth_type", "services", "mappings"]) else {
            return service == nil ? nil : gateway
        }
        if let value = fields.present("collection"), let text = reader.string(value, "'collection'") {
            if text.isEmpty || text.count > 100 {
                diagnostics.error(value.location, "gateway collection must be 1 to 100 characters (MarchProxy's limit)")
            }
            gateway.collection = text
        }
        gateway.authType = fields.present("auth_type")
            .flatMap { reader.keyword($0, "'auth_type'", allowed: Gateway.AuthType.allCases.map(\.rawValue)) }
            .flatMap(Gateway.AuthType.init(rawValue:)) ?? .none
        if let value = fields.present("services") {
            gateway.services = (value.items ?? []).compactMap(gatewayService)
            if value.items == nil { diagnostics.error(value.location, "gateway services must be a list, found \(value.kindDescription)") }
        }
        var serviceNames = ["api"]
        for other in gateway.services {
            if other.name == "api" {
                diagnostics.error(other.location, "gateway service name 'api' stands for this service itself; choose another name")
            } else if let first = gateway.services.first(where: { $0.name == other.name }), first.location != other.location {
                diagnostics.error(other.location, "gateway service '\(other.name)' is defined twice; first at \(first.location)")
            } else if "\(name)-\(other.name)".count > 100 {
                diagnostics.error(other.location, "gateway service '\(other.name)' becomes '\(name)-\(other.name)' in MarchProxy, over the 100 characters its api-server accepts; shorten the name")
            }
            serviceNames.append(other.name)
        }
        if let value = fields.present("mappings") {
            gateway.mappings = (value.items ?? []).compactMap { gatewayMapping($0, services: serviceNames) }
            if value.items == nil { diagnostics.error(value.location, "gateway mappings must be a list, found \(value.kindDescription)") }
            for mapping in gateway.mappings {
                if let first = gateway.mappings.first(where: { $0.name == mapping.name }), first.location != mapping.location {
                    diagnostics.error(mapping.location, "gateway mapping '\(mapping.name)' is defined twice; first at \(first.location)")
                }
            }
        }
        return service == nil ? nil : gateway
    }

    private func gatewayService(_ item: YAMLValue) -> Gateway.Service? {
        let allowed = ["name", "host", "port", "protocol", "health_check_path", "health_check_interval", "tls_enabled", "tls_verify"]
        guard let fields = reader.fields(item, of: "a gateway service", allowed: allowed),
              let nameValue = reader.require(fields, "name", in: "the gateway service"),
              let name = reader.string(nameValue, "gateway service name") else { return nil }
        let what = "gateway service '\(name)'"
        if !NameRules.isServiceName(name) {
            diagnostics.error(nameValue.location, "\(what) must match ^[a-z][a-z0-9-]{0,62}$")
        }
        let host = reader.require(fields, "host", in: what).flatMap { reader.string($0, "'host'") }
        if let host, host.isEmpty || host.count > 255, let at = fields["host"] {
            diagnostics.error(at.location, "host of \(what) must be 1 to 255 characters")
        }
        let port = reader.require(fields, "port", in: what).flatMap { reader.int($0, "'port'", in: 1...65535) }
        let proto = serviceProtocol(fields.present("protocol"), what: what) ?? .http
        let interval = fields.present("health_check_interval").flatMap { value -> Int? in
            guard let seconds = reader.int(value, "'health_check_interval'") else { return nil }
            guard seconds >= 5 else {
                diagnostics.error(value.location, "health_check_interval \(seconds) of \(what) is under 5 seconds, which MarchProxy rejects")
                return nil
            }
            return seconds
        } ?? 30
        guard let host, let port else { return nil }
        return Gateway.Service(
            name: name, host: host, port: port, protocol: proto,
            healthCheckPath: fields.present("health_check_path").flatMap { reader.string($0, "'health_check_path'") },
            healthCheckInterval: interval,
            tlsEnabled: fields.present("tls_enabled").flatMap { reader.bool($0, "'tls_enabled'") } ?? false,
            tlsVerify: fields.present("tls_verify").flatMap { reader.bool($0, "'tls_verify'") } ?? true,
            location: nameValue.location
        )
    }

    private func gatewayMapping(_ item: YAMLValue, services: [String]) -> Gateway.Mapping? {
        let allowed = ["name", "description", "source", "dest", "listen_port", "protocol", "path_prefix"]
        guard let fields = reader.fields(item, of: "a gateway mapping", allowed: allowed),
              let nameValue = reader.require(fields, "name", in: "the gateway mapping"),
              let name = reader.string(nameValue, "gateway mapping name") else { return nil }
        let what = "gateway mapping '\(name)'"
        func endpoints(_ key: String, allowExternal: Bool) -> [String]? {
            guard let value = reader.require(fields, key, in: what), let list = reader.strings(value, "'\(key)'") else { return nil }
            let known = services + (allowExternal ? ["external"] : [])
            for (service, at) in list where !known.contains(service) {
                let fix = Suggestion.fix(for: service, in: known, otherwise: "known: \(known.joined(separator: ", "))")
                diagnostics.error(at.location, "\(what) names unknown service '\(service)'; \(fix)")
            }
            return list.map(\.0)
        }
        let source = endpoints("source", allowExternal: true)
        let dest = endpoints("dest", allowExternal: false)
        let port = reader.require(fields, "listen_port", in: what).flatMap { reader.int($0, "'listen_port'", in: 1...65535) }
        let proto = serviceProtocol(fields.present("protocol"), what: what) ?? .https
        let prefix = fields.present("path_prefix").flatMap { value in
            reader.string(value, "'path_prefix'").flatMap { checkPath($0, at: value, what: "path_prefix", allowRoot: true) }
        }
        guard let source, let dest, let port else { return nil }
        return Gateway.Mapping(
            name: name, description: fields.present("description").flatMap { reader.string($0, "mapping description") },
            source: source, dest: dest, listenPort: port, protocol: proto, pathPrefix: prefix, location: nameValue.location
        )
    }

    private func serviceProtocol(_ value: YAMLValue?, what: String) -> Gateway.ServiceProtocol? {
        guard let value, let text = reader.string(value, "'protocol'") else { return nil }
        guard let proto = Gateway.ServiceProtocol(rawValue: text) else {
            diagnostics.error(value.location, "protocol '\(text)' of \(what) is not accepted by MarchProxy; use tcp, udp, http or https")
            return nil
        }
        return proto
    }
}
