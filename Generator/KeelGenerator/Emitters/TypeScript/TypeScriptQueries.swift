import KeelSpec

/// The query of a resource's list operation: paging, one optional filter per `filter` column, and the
/// `sort` keys (fields, `-` first for descending), named after the operation (`ListProductsQuery`).
struct TypeScriptListQuery {
    let name: String
    /// The union of sort keys (`ListProductsSort`), and the constant mapping them to the wire's column names.
    let sortName: String
    let sortColumnsName: String
    let filters: [Column]
    let sort: [Column]
    let model: String

    init(resource: ResourceEndpoint, table: Table) {
        let operation = resource.operationID(.list, model: table.model)
        name = Inflector.upperCamel(operation) + "Query"
        sortName = Inflector.upperCamel(operation) + "Sort"
        sortColumnsName = operation + "SortColumns"
        filters = resource.list.filter.compactMap(table.column(named:))
        sort = resource.list.sort.compactMap(table.column(named:))
        model = table.model
    }

    /// The query as it is sent, keyed by wire name.
    var wireObject: String {
        var members = ["limit: query.limit", "offset: query.offset"]
        if !sort.isEmpty { members.append("sort: sortParameter(query.sort, \(sortColumnsName))") }
        members += filters.map { "\(TypeScriptLiteral.string($0.name)): query.\($0.fieldName)" }
        return "{ " + members.joined(separator: ", ") + " }"
    }

    var context: [String: Any] {
        let keys = sort.flatMap { column in [(column.fieldName, column.name), ("-" + column.fieldName, "-" + column.name)] }
        return [
            "name": name, "sortName": sortName, "sortColumnsName": sortColumnsName, "hasSort": !sort.isEmpty,
            "sortUnion": TypeScriptTypes.union(keys.map(\.0)),
            "sortColumns": keys.map { "\(TypeScriptLiteral.string($0.0)): \(TypeScriptLiteral.string($0.1))" }.joined(separator: ", "),
            "filters": filters.map { column -> [String: Any] in
                ["name": column.fieldName, "type": TypeScriptTypes.type(of: column, model: model),
                 "doc": TypeScriptLiteral.doc(["Only rows whose `\(column.name)` equals this value."], indent: "  ") ?? ""]
            },
        ]
    }
}

/// The query parameters of a custom endpoint as one object (`RevenueReportQuery`).
struct TypeScriptCustomQuery {
    let name: String
    let parameters: [CustomEndpoint.Parameter]

    init(endpoint: CustomEndpoint) {
        name = Inflector.upperCamel(endpoint.name) + "Query"
        parameters = endpoint.query
    }

    var wireObject: String {
        "{ " + parameters.map { "\(TypeScriptLiteral.string($0.name)): query.\(Inflector.lowerCamel($0.name))" }.joined(separator: ", ") + " }"
    }

    var context: [String: Any] {
        [
            "name": name,
            "fields": parameters.map { parameter -> [String: Any] in
                ["name": Inflector.lowerCamel(parameter.name), "optional": parameter.required ? "" : "?", "type": TypeScriptTypes.scalar(parameter.type),
                 "doc": TypeScriptLiteral.doc([parameter.description, TypeScriptTypes.wireFormat(parameter.type), TypeScriptTypes.rules(parameter.bounds)],
                                              indent: "  ") ?? ""]
            },
        ]
    }
}
