import KeelSpec

/// A resource list's query: paging, one optional filter per `filter` column, and its `sort` keys.
struct SwiftClientListQuery {
    let resource: ResourceEndpoint
    let table: Table
    let types: SwiftClientTypes

    var operation: String { resource.operationID(.list, model: table.model) }
    var name: String { Inflector.upperCamel(operation) + "Query" }
    var sortName: String { Inflector.upperCamel(operation) + "Sort" }
    var filters: [Column] { resource.list.filter.compactMap(table.column(named:)) }
    var sort: [Column] { resource.list.sort.compactMap(table.column(named:)) }

    var declarations: [String] {
        var fields: [SwiftClientDeclaration.Field] = [
            .init(doc: "At most this many rows (the service's page size when nil; at most \(resource.list.maxPageSize)).", name: "limit", key: "limit",
                  type: types.scalar(.int32) + "?", defaultValue: " = nil"),
            .init(doc: "Rows to skip.", name: "offset", key: "offset", type: types.scalar(.int) + "?", defaultValue: " = nil"),
        ]
        fields += filters.map { column in
            SwiftClientDeclaration.Field(doc: "Only rows whose `\(column.name)` equals this value.", name: SwiftNames.identifier(column.name),
                  key: column.name, type: types.type(of: column, model: table.model) + "?", defaultValue: " = nil")
        }
        if !sort.isEmpty {
            fields.append(.init(doc: "The order, first key first.", name: "sort", key: "sort", type: "[\(sortName)]", defaultValue: " = []"))
        }
        var result = [Self.structure(name: name, operation: operation, fields: fields)]
        if !sort.isEmpty {
            var lines = ["    /// A sort key of `\(operation)`: a field, ascending, or its `Descending` case."]
            lines.append("    public enum \(sortName): String, Sendable, Hashable, CaseIterable {")
            for column in sort {
                let name = SwiftNames.identifier(column.name)
                lines.append("        case \(name) = \(SwiftLiteral.string(column.name))")
                lines.append("        case \(SwiftClientDeclaration.bare(name))Descending = \(SwiftLiteral.string("-" + column.name))")
            }
            lines.append("    }")
            result.append(lines.joined(separator: "\n"))
        }
        return result
    }

    /// The query struct and the items it sends.
    private static func structure(name: String, operation: String, fields: [SwiftClientDeclaration.Field]) -> String {
        var lines = ["    /// Paging, filters and order of `\(operation)`; every field is optional.", "    public struct \(name): Sendable, Hashable {"]
        for field in fields {
            if let doc = field.doc { lines.append("        /// \(doc)") }
            lines.append("        public var \(field.name): \(field.type)")
        }
        lines.append("")
        lines.append("        public init(")
        for (index, field) in fields.enumerated() {
            lines.append("            \(field.name): \(field.type)\(field.defaultValue)" + (index == fields.count - 1 ? "" : ","))
        }
        lines.append("        ) {")
        for field in fields { lines.append("            self.\(field.name) = \(field.name)") }
        lines.append("        }")
        lines.append("")
        lines.append("        /// The query string's items, by wire name.")
        lines.append("        var items: [QueryItem] {")
        lines.append("            [")
        for field in fields {
            let value = field.key == "sort" ? "sort.isEmpty ? nil : sort.map(\\.rawValue).joined(separator: \",\")" : field.name
            lines.append("                QueryItem(\(SwiftLiteral.string(field.key)), \(value)),")
        }
        lines.append("            ]")
        lines.append("        }")
        lines.append("    }")
        return lines.joined(separator: "\n")
    }
}
