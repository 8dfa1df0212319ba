import KeelSpec

/// The types of a client: each table's model with its create and patch bodies and its enums, each named type,
/// each list's query, and the enums endpoints declare inline, in spec order.
struct SwiftClientModels {
    let spec: Spec
    let types: SwiftClientTypes

    var declarations: [String] {
        spec.tables.flatMap(table) + spec.types.map(named) + listQueries + endpointEnums
    }

    private func field(_ column: Column, model: String, optional: Bool, doubleOptional: Bool = false) -> SwiftClientDeclaration.Field {
        let base = types.type(of: column, model: model)
        let type = base + (optional ? "?" : "") + (doubleOptional ? "?" : "")
        return .init(doc: column.description, name: SwiftNames.identifier(column.name), key: column.name,
                     type: type, defaultValue: optional ? " = nil" : "")
    }

    private func table(_ table: Table) -> [String] {
        let model = table.model
        let writable = table.columns.filter { $0.type != .id }
        let row = table.columns.map { column in
            var member = self.field(column, model: model, optional: column.nullable)
            member.defaultValue = ""
            return member
        }
        let enums = table.columns.compactMap { column -> String? in
            guard case .enumeration(let values) = column.type else { return nil }
            return SwiftClientDeclaration.enumeration(name: SwiftTypeNames.enumName(of: column, model: model), doc: ["The values of `\(table.name).\(column.name)`."], values: values)
        }
        let create = writable.map { column in field(column, model: model, optional: column.nullable || column.defaultValue != nil) }
        let patch = writable.map { column in field(column, model: model, optional: true, doubleOptional: column.nullable) }
        return [
            SwiftClientDeclaration.structure(name: SwiftClientTypes.spelled(model), doc: [table.description ?? "A row of `\(table.name)`."], fields: row,
                                             conformances: "Codable, Sendable, Hashable"),
        ] + enums + [
            SwiftClientDeclaration.structure(name: model + "Create", doc: ["The body that creates a \(model): fields with a default or that may be null are optional."],
                                             fields: create, conformances: "Encodable, Sendable, Hashable"),
            SwiftClientDeclaration.structure(name: model + "Patch", doc: [
                "A partial update of a \(model): only the fields given change.",
                writable.contains(where: \.nullable) ? "A field that may be null takes `.some(nil)` to set it to null." : nil,
            ].compactMap { $0 }, fields: patch, conformances: "Encodable, Sendable, Hashable", explicitNulls: true),
        ]
    }

    private func named(_ type: TypeDefinition) -> String {
        let fields = type.fields.map { field -> SwiftClientDeclaration.Field in
            let enumName = SwiftNames.nestedType(field.name)
            let swiftType = types.type(of: field.type, enumName: enumName) + (field.required ? "" : "?")
            return .init(doc: field.description, name: SwiftNames.identifier(field.name), key: field.name,
                         type: swiftType, defaultValue: field.required ? "" : " = nil")
        }
        let enums = type.fields.compactMap { field -> String? in
            field.type.enumValues.map {
                SwiftClientDeclaration.enumeration(name: SwiftNames.nestedType(field.name), doc: [], values: $0, indent: "        ")
            }
        }
        return SwiftClientDeclaration.structure(name: SwiftClientTypes.spelled(type.name), doc: type.inlineBodyOf.map { ["The body of `\($0)`."] } ?? [], fields: fields,
                                                conformances: "Codable, Sendable, Hashable", nested: enums)
    }

    private var listQueries: [String] {
        spec.resources.filter { $0.operations.contains(.list) }.compactMap { resource in
            spec.table(named: resource.table).map { SwiftClientListQuery(resource: resource, table: $0, types: types).declarations }
        }.flatMap { $0 }
    }

    /// Custom endpoints whose body or answer is itself an enum (or an array of one) name it after the endpoint.
    private var endpointEnums: [String] {
        spec.customEndpoints.flatMap { endpoint -> [String] in
            [("Body", endpoint.body), ("Answer", endpoint.response)].compactMap { suffix, reference in
                reference.flatMap(\.enumValues).map {
                    SwiftClientDeclaration.enumeration(name: Inflector.upperCamel(endpoint.name) + suffix, doc: [], values: $0)
                }
            }
        }
    }
}
