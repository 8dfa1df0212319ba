import Hummingbird

/// Admin-only `GET {base}/config` and `PUT {base}/config/{key}` `{"value": …}`.
enum ConfigRoutes {
    static func register(on group: RouterGroup<KeelRequestContext>, service: ServiceContext, store: ConfigStore) {
        group.get("/config") { request, _ in
            try await service.access.check(request, .superuser)
            _ = try QueryParameters(request, accepted: [])
            return try JSONResponse.make(try await store.entries())
        }
        group.put("/config/{key}") { request, context in
            let principal = try await service.access.check(request, .superuser)
            let name = context.parameters.get("key") ?? ""
            guard store.keys.contains(where: { $0.key == name }) else {
                throw APIError.notFound("No config key is named \(String(name.unicodeScalars.prefix(100)))")
            }
            let body = try JSONBody.object(from: try await request.body.collect(upTo: context.maxUploadSize))
            let unknown = body.keys.filter { $0 != "value" }.sorted()
            guard unknown.isEmpty, let value = body["value"] else {
                let problems = unknown.map { ErrorEnvelope.FieldError(field: String($0.unicodeScalars.prefix(100)), message: "is not a field of this request") }
                throw APIError.validation(body["value"] == nil ? [.init(field: "value", message: "is required")] + problems : problems)
            }
            guard let entry = try await store.set(name, to: value, by: principal) else { throw APIError.notFound("No config key is named \(name)") }
            return try JSONResponse.make(entry)
        }
    }
}
