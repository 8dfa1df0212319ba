import Hummingbird

/// Registers the five operations of a resource (those the spec lists) with their access checks, validation,
/// tier limits and the shapes SPEC.md gives them.
public enum ResourceRoutes {
    public static func register<Model>(_ resource: ResourceDefinition<Model>, on group: RouterGroup<KeelRequestContext>, service: ServiceContext) {
        let repository = TableRepository<Model>(database: service.database, sql: Model.sql(service.database.dialect))
        let item = resource.path + "/{id}"
        let operations = resource.operations
        if operations.contains(.list) {
            group.get(RouterPath(resource.path)) { request, _ in
                try await service.access.check(request, resource.read)
                return try await list(resource, repository, request)
            }
        }
        if operations.contains(.get) {
            group.get(RouterPath(item)) { request, context in
                try await service.access.check(request, resource.read)
                let id = try PathIdentifier.read(context, noun: resource.modelName)
                guard let model = try await repository.find(id: id) else { throw PathIdentifier.missing(resource.modelName, id) }
                return JSONResponse.make(writing: model)
            }
        }
        if operations.contains(.create) {
            group.post(RouterPath(resource.path)) { request, context in
                try await service.access.check(request, resource.write)
                let body = try JSONBody.object(from: try await request.body.collect(upTo: context.maxUploadSize))
                let values = try BodyValidator.values(of: body, rules: resource.fields, mode: .create)
                let model = try await service.access.withinRowLimit(of: resource.table, model: service.licensing) { try await repository.insert(values, rowLimit: $0) }
                let location = service.basePath + resource.path + "/" + String(model.primaryKey)
                return JSONResponse.make(writing: model, status: .created, headers: [.location: location])
            }
        }
        if operations.contains(.update) {
            group.patch(RouterPath(item)) { request, context in
                try await service.access.check(request, resource.write)
                let id = try PathIdentifier.read(context, noun: resource.modelName)
                let body = try JSONBody.object(from: try await request.body.collect(upTo: context.maxUploadSize))
                let values = try BodyValidator.values(of: body, rules: resource.fields, mode: .patch)
                guard let model = try await repository.update(id: id, values) else { throw PathIdentifier.missing(resource.modelName, id) }
                return JSONResponse.make(writing: model)
            }
        }
        if operations.contains(.delete) {
            group.delete(RouterPath(item)) { request, context in
                try await service.access.check(request, resource.write)
                let id = try PathIdentifier.read(context, noun: resource.modelName)
                guard try await repository.delete(id: id) else { throw PathIdentifier.missing(resource.modelName, id) }
                return Response(status: .noContent)
            }
        }
    }

    private static func list<Model>(_ resource: ResourceDefinition<Model>, _ repository: TableRepository<Model>, _ request: Request) async throws -> Response {
        let options = resource.list
        let query = try QueryParameters(request, accepted: Set(["limit", "offset", "sort"] + options.filters))
        let limit = try query.integer("limit", default: options.pageSize, in: 1...options.maxPageSize)
        let offset = try query.integer("offset", default: 0, in: 0...Int(Int32.max))
        var filters: ColumnValues = []
        for name in options.filters {
            // The id column has no write rule; it filters as a reference would.
            let rule = resource.fields.first { $0.name == name } ?? FieldRule(name, .reference)
            if let value = try query.value(name, rule: rule) { filters.append((name, value)) }
        }
        let sort = try sortOrder(query["sort"], allowed: options.sort)
        let page = try await repository.list(filters: filters, sort: sort, limit: limit, offset: offset)
        return JSONResponse.make(writing: ListPage(items: page.items, limit: limit, offset: offset, total: page.total))
    }

    /// `?sort=name,-price_cents`: allowed columns only, `-` for descending.
    static func sortOrder(_ text: String?, allowed: [String]) throws -> [(column: String, descending: Bool)] {
        guard let text, !text.isEmpty else { return [] }
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let descending = part.hasPrefix("-")
            let column = String(descending ? part.dropFirst() : part)
            guard allowed.contains(column) else {
                let choices = allowed.isEmpty ? "this list cannot be sorted" : "sort by one of: \(allowed.joined(separator: ", ")) (prefix - for descending)"
                throw APIError.validation([.init(field: "sort", message: "\(String(column.unicodeScalars.prefix(100))) is not sortable: \(choices)")])
            }
            return (column, descending)
        }
    }
}

/// The body of every list: `{"items": [...], "limit": 50, "offset": 0, "total": 123}`.
public struct ListPage<Item: Encodable & Sendable>: Encodable, Sendable {
    public let items: [Item]
    public let limit: Int
    public let offset: Int
    public let total: Int

    public init(items: [Item], limit: Int, offset: Int, total: Int) {
        self.items = items
        self.limit = limit
        self.offset = offset
        self.total = total
    }
}

extension ListPage: JSONWritable where Item: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) {
        json.beginObject()
        json.field("items", items)
        json.field("limit", limit)
        json.field("offset", offset)
        json.field("total", total)
        json.endObject()
    }
}
