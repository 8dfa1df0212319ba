import KeelSpec

/// JSON Schemas (OpenAPI 3.1) for columns, models and named types.
enum OpenAPISchemas {
    static func ref(_ name: String) -> StructuredValue {
        .object([("$ref", .string("#/components/schemas/\(name)"))])
    }

    /// The schema of a column's value in a model, a create body or a patch body, with every rule the runtime checks.
    static func column(_ column: Column, forInput: Bool = false) -> StructuredValue {
        var schema = ObjectBuilder()
        let base = scalar(for: column.type, signed: column.min.map { $0 < 0 } ?? true)
        if case let .object(pairs) = base { for (key, value) in pairs { schema.set(key, value) } }
        if column.nullable { schema = nullable(schema) }
        add(column.bounds, to: &schema)
        if column.type == .id, !forInput { schema.set("readOnly", true) }
        if let value = column.defaultValue.flatMap(defaultLiteral) {
            if case .decimal = column.type, case let .number(text) = value {
                schema.set("default", .string(text))
            } else {
                schema.set("default", value)
            }
        }
        if let description = column.description { schema.set("description", .string(description)) }
        return schema.value
    }

    /// The schema of a list's filter on a column: the value as the column's rule reads it, never null.
    static func filter(_ column: Column) -> StructuredValue {
        var rule = column
        rule.nullable = false
        rule.defaultValue = nil
        rule.description = nil
        return self.column(rule, forInput: true)
    }

    /// The bounds the runtime checks, stated alike for columns, parameters and fields of `types:`. A decimal's bounds
    /// hold for its whole-number form; its text form keeps to the pattern.
    private static func add(_ bounds: ValueBounds, to schema: inout ObjectBuilder) {
        if let min = bounds.min { schema.set("minimum", .number(NumberText.format(min))) }
        if let max = bounds.max { schema.set("maximum", .number(NumberText.format(max))) }
        if let length = bounds.minLength { schema.set("minLength", .integer(Int64(length))) }
        if let length = bounds.maxLength { schema.set("maxLength", .integer(Int64(length))) }
        if let pattern = bounds.pattern { addPattern(OpenAPIRules.ecmaPattern(pattern), to: &schema) }
    }

    /// A second pattern goes in `allOf`, since a schema holds one `pattern` and both must match.
    private static func addPattern(_ pattern: String, to schema: inout ObjectBuilder) {
        guard let existing = schema.pairs.first(where: { $0.0 == "pattern" })?.1 else {
            return schema.set("pattern", .string(pattern))
        }
        schema.set("pattern", .string(pattern))
        schema.set("allOf", .array([.object([("pattern", existing)])]))
    }

    /// A schema that also admits null: `null` joins its `type`, or a reference becomes one of two choices.
    private static func orNull(_ schema: StructuredValue) -> StructuredValue {
        guard case let .object(pairs) = schema else { return schema }
        if pairs.contains(where: { $0.0 == "$ref" }) { return .object([("anyOf", .array([schema, .object([("type", "null")])]))]) }
        guard pairs.contains(where: { $0.0 == "type" }) else { return schema }
        var builder = ObjectBuilder()
        for (key, value) in pairs { builder.set(key, value) }
        return nullable(builder).value
    }

    /// Adds `null` to a schema's `type` (and `enum`), the OpenAPI 3.1 way.
    private static func nullable(_ builder: ObjectBuilder) -> ObjectBuilder {
        var result = ObjectBuilder()
        for (key, value) in builder.pairs {
            switch (key, value) {
            case let ("type", .string(type)): result.set(key, .array([.string(type), "null"]))
            case let ("type", .array(types)): result.set(key, .array(types + ["null"]))
            case let ("enum", .array(values)): result.set(key, .array(values + [.null]))
            default: result.set(key, value)
            }
        }
        return result
    }

    /// A column type's schema with the rules the runtime applies to every value of it; `signed` is false when
    /// the column's minimum keeps a decimal's sign off.
    static func scalar(for type: ColumnType, signed: Bool = true) -> StructuredValue {
        switch type {
        case .id, .ref: .object([("type", "integer"), ("format", "int64"), ("minimum", .integer(OpenAPIRules.firstID))])
        case .int: .object([("type", "integer"), ("format", "int64")])
        case .int32: .object([("type", "integer"), ("format", "int32")])
        case .float: .object([("type", "number"), ("format", "double")])
        // Decimals travel as strings so no client rounds them through a double.
        case let .decimal(precision, scale): decimal(pattern: OpenAPIRules.decimal(precision: precision, scale: scale, signed: signed),
                                                     largest: OpenAPIRules.largestWhole(digits: precision - scale), signed: signed)
        case .bool: .object([("type", "boolean")])
        case .string, .text: .object([("type", "string"), ("pattern", .string(OpenAPIRules.noNUL))])
        case .date: .object([("type", "string"), ("format", "date")])
        case .timestamp: .object([("type", "string"), ("format", "date-time")])
        case .uuid: .object([("type", "string"), ("format", "uuid")])
        case .json: .object([])
        case .bytes: .object([("type", "string"), ("contentEncoding", "base64"), ("pattern", .string(OpenAPIRules.base64))])
        case let .enumeration(values): .object([("type", "string"), ("enum", .array(values.map(StructuredValue.string)))])
        }
    }

    /// Decimals travel as strings so no client rounds them through a double; a whole number is taken too.
    private static func decimal(pattern: String, largest: Int64, signed: Bool) -> StructuredValue {
        .object([
            ("type", ["string", "integer"]), ("format", "decimal"), ("pattern", .string(pattern)),
            ("minimum", .integer(signed ? -largest : 0)), ("maximum", .integer(largest)),
        ])
    }

    /// The schema of a parameter's or a scalar field's value, with its bounds; a decimal whose minimum is not below
    /// zero takes no sign, as for columns.
    static func scalar(for type: ScalarType, bounds: ValueBounds) -> StructuredValue {
        var schema = ObjectBuilder()
        let signed = bounds.min.map { $0 < 0 } ?? true
        let base = type == .decimal ? decimal(pattern: OpenAPIRules.anyDecimal(signed: signed), largest: OpenAPIRules.largestWhole(digits: nil), signed: signed)
            : scalar(for: type)
        if case let .object(pairs) = base { for (key, value) in pairs { schema.set(key, value) } }
        add(bounds, to: &schema)
        return schema.value
    }

    static func scalar(for type: ScalarType) -> StructuredValue {
        switch type {
        case .int: scalar(for: ColumnType.int)
        case .int32: scalar(for: ColumnType.int32)
        case .float: scalar(for: ColumnType.float)
        case .decimal: decimal(pattern: OpenAPIRules.anyDecimal(signed: true), largest: OpenAPIRules.largestWhole(digits: nil), signed: true)
        case .bool: scalar(for: ColumnType.bool)
        case .string, .text: scalar(for: ColumnType.string)
        case .date: scalar(for: ColumnType.date)
        case .timestamp: scalar(for: ColumnType.timestamp)
        case .uuid: scalar(for: ColumnType.uuid)
        case .json: scalar(for: ColumnType.json)
        case .bytes: scalar(for: ColumnType.bytes)
        }
    }

    /// - Parameter models: table name -> model name.
    static func reference(_ type: TypeReference, models: [String: String]) -> StructuredValue {
        switch type {
        case let .scalar(type): scalar(for: type)
        case let .model(table): ref(models[table] ?? table)
        case let .named(name): ref(name)
        case let .array(items): .object([("type", "array"), ("items", reference(items, models: models))])
        case let .enumeration(values): .object([("type", "string"), ("enum", .array(values.map(StructuredValue.string)))])
        }
    }

    /// The model as returned by the API: every column present.
    static func model(_ table: Table) -> StructuredValue {
        object(properties: table.columns.map { ($0.name, column($0)) }, required: table.columns.map(\.name), closed: true, description: table.description)
    }

    /// The create body: no id; columns without a default and not nullable are required.
    static func create(_ table: Table) -> StructuredValue {
        let columns = table.columns.filter { $0.type != .id }
        let required = columns.filter { !$0.nullable && $0.defaultValue == nil }.map(\.name)
        return object(properties: columns.map { ($0.name, column($0, forInput: true)) }, required: required, closed: true)
    }

    /// The patch body: any subset of the writable columns.
    static func patch(_ table: Table) -> StructuredValue {
        let columns = table.columns.filter { $0.type != .id }
        return object(properties: columns.map { ($0.name, column($0, forInput: true)) }, required: [], closed: true)
    }

    static func page(of model: String) -> StructuredValue {
        object(properties: [
            ("items", .object([("type", "array"), ("items", ref(model))])),
            ("limit", .object([("type", "integer")])),
            ("offset", .object([("type", "integer")])),
            ("total", .object([("type", "integer")])),
        ], required: ["items", "limit", "offset", "total"], closed: true)
    }

    static func named(_ type: TypeDefinition, models: [String: String]) -> StructuredValue {
        let properties = type.fields.map { field -> (String, StructuredValue) in
            var schema = reference(field.type, models: models)
            if case let .scalar(scalar) = field.type { schema = self.scalar(for: scalar, bounds: field.bounds) }
            // An optional field may be null, which the runtime reads as absent.
            if !field.required { schema = orNull(schema) }
            if let description = field.description, case let .object(pairs) = schema {
                schema = .object(pairs + [("description", .string(description))])
            }
            return (field.name, schema)
        }
        // Closed like every body the runtime reads: an unknown field is 422 at any depth.
        return object(properties: properties, required: type.fields.filter(\.required).map(\.name), closed: true)
    }

    static func object(properties: [(String, StructuredValue)], required: [String], closed: Bool = false, description: String? = nil) -> StructuredValue {
        var schema = ObjectBuilder()
        schema.set("type", "object")
        if let description { schema.set("description", .string(description)) }
        schema.set("properties", .object(properties))
        if !required.isEmpty { schema.set("required", .array(required.map(StructuredValue.string))) }
        if closed { schema.set("additionalProperties", false) }
        return schema.value
    }

    private static func defaultLiteral(_ value: DefaultValue) -> StructuredValue? {
        switch value {
        case .now, .uuid, .json: nil
        case let .string(text): .string(text)
        case let .integer(number): .integer(number)
        case let .number(text): .number(text)
        case let .bool(flag): .bool(flag)
        }
    }
}
