import KeelSpec

/// The contexts of `types.ts`: each table's model with its create and patch bodies, and each named type,
/// with the functions that decode them from JSON and encode them into it (those the client uses).
struct TypeScriptShapes {
    let spec: Spec
    let types: TypeScriptTypes
    let use: TypeScriptWireUse

    /// One line of an encoding function: a required value is always written, an optional one only when given.
    private static func assignment(json: String, field: String, expression: String, optional: Bool) -> String {
        let assign = "o[\(TypeScriptLiteral.string(json))] = \(expression);"
        return optional ? "if (value.\(field) !== undefined) \(assign)" : assign
    }

    func table(_ table: Table) -> [String: Any] {
        let model = table.model
        // Each column's type and comment once: the row, create and patch shapes all show them.
        let columns = table.columns.map { column in
            (column: column, type: TypeScriptTypes.type(of: column, model: model) + (column.nullable ? " | null" : ""),
             doc: TypeScriptLiteral.doc([column.description, TypeScriptTypes.wireFormat(column.type), TypeScriptTypes.rules(column.bounds)], indent: "  ") ?? "")
        }
        let writable = columns.filter { $0.column.type != .id }
        let fields: [[String: Any]] = columns.map { column, type, doc in
            ["name": column.fieldName, "type": type, "doc": doc,
             "decode": "o[\(TypeScriptLiteral.string(column.name))] as \(type)",
             "encode": Self.assignment(json: column.name, field: column.fieldName, expression: "value.\(column.fieldName)", optional: false)]
        }
        let create: [[String: Any]] = writable.map { column, type, doc in
            let optional = column.nullable || column.defaultValue != nil
            return ["name": column.fieldName, "type": type, "doc": doc, "optional": optional ? "?" : "",
                    "encode": Self.assignment(json: column.name, field: column.fieldName, expression: "value.\(column.fieldName)", optional: optional)]
        }
        let patch: [[String: Any]] = writable.map { column, type, _ in
            ["name": column.fieldName, "type": type,
             "encode": Self.assignment(json: column.name, field: column.fieldName, expression: "value.\(column.fieldName)", optional: true)]
        }
        let enums: [[String: Any]] = table.columns.compactMap { column in
            guard case .enumeration(let values) = column.type else { return nil }
            return Self.enumeration(TypeScriptTypes.enumName(of: column, model: model), values)
        }
        return [
            "model": model, "table": table.name,
            "doc": TypeScriptLiteral.doc([table.description ?? "A row of `\(table.name)`."]) ?? "",
            "fields": fields, "create": create, "patch": patch, "enums": enums, "hasWritable": !writable.isEmpty,
            "decoded": use.decoded.contains(model), "encoded": use.encoded.contains(model),
            "created": use.created.contains(model), "patched": use.patched.contains(model),
        ]
    }

    func named(_ type: TypeDefinition) -> [String: Any] {
        let fields: [[String: Any]] = type.fields.map { field in
            let enumName = type.name + Inflector.upperCamel(field.name)
            let tsType = types.type(of: field.type, enumName: enumName)
            let json = "o[\(TypeScriptLiteral.string(field.name))]"
            let decoded = types.decode(field.type, json, enumName: enumName)
            var format: String?
            if case .scalar(let scalar) = field.type { format = TypeScriptTypes.wireFormat(scalar) }
            return [
                "name": field.fieldName, "type": tsType, "optional": field.required ? "" : "?",
                "doc": TypeScriptLiteral.doc([field.description, format, TypeScriptTypes.rules(field.bounds)], indent: "  ") ?? "",
                "decode": field.required ? decoded : "\(json) == null ? undefined : \(decoded)",
                "encode": Self.assignment(json: field.name, field: field.fieldName, expression: types.encode(field.type, "value.\(field.fieldName)"), optional: !field.required),
            ]
        }
        let enums: [[String: Any]] = type.fields.compactMap { field in
            guard case .enumeration(let values) = field.type else { return nil }
            return Self.enumeration(type.name + Inflector.upperCamel(field.name), values)
        }
        return [
            "name": type.name, "fields": fields, "enums": enums, "hasFields": !fields.isEmpty,
            "decoded": use.decoded.contains(type.name), "encoded": use.encoded.contains(type.name),
            "doc": TypeScriptLiteral.doc([type.inlineBodyOf.map { "The body of `\($0)`." }]) ?? "",
        ]
    }

    /// A string union and the constant listing its values (for pickers), e.g. `productStatusValues`.
    private static func enumeration(_ name: String, _ values: [String]) -> [String: Any] {
        ["name": name, "union": TypeScriptTypes.union(values), "constant": name.prefix(1).lowercased() + name.dropFirst() + "Values",
         "values": values.map(TypeScriptLiteral.string).joined(separator: ", ")]
    }
}
