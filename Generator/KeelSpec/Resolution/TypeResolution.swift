extension SpecResolver {
    func resolveTypes() -> [TypeDefinition] {
        (index.named["types"] ?? []).compactMap { entry in
            guard NameRules.isUpperCamel(entry.name) else {
                diagnostics.error(entry.key.location, "type name '\(entry.name)' must be UpperCamelCase, e.g. '\(Inflector.upperCamel(entry.name))'")
                return nil
            }
            guard let fields = typeFields(entry.value, what: "type '\(entry.name)'") else { return nil }
            return TypeDefinition(name: entry.name, fields: fields, inlineBodyOf: nil, location: entry.key.location)
        }
    }

    /// The fields of a named type or an inline body: a mapping of field name to type.
    func typeFields(_ value: YAMLValue, what: String) -> [TypeDefinition.Field]? {
        guard let entries = value.entries else {
            diagnostics.error(value.location, "\(what) must be a mapping of field name to type, found \(value.kindDescription)")
            return nil
        }
        return entries.compactMap { entry in
            guard checkName(entry.key, at: entry.keyValue, what: "field") else { return nil }
            let fieldWhat = "field '\(entry.key)' of \(what)"
            var required = true
            var description: String?
            var type: TypeReference?
            var bounds = ValueBounds()
            if entry.value.isMapping {
                let allowed = ["type", "items", "values", "required", "description"] + Self.boundOptions.keys.sorted()
                guard let fields = reader.fields(entry.value, of: fieldWhat, allowed: allowed) else { return nil }
                required = fields.present("required").flatMap { reader.bool($0, "'required'") } ?? true
                description = fields.present("description").flatMap { reader.string($0, "field description") }
                type = typeReference(fields, what: fieldWhat)
                // Bounds belong to scalar fields; any other type names the scalars they are for.
                if let keyword = fields.present("type")?.text {
                    checkOptionsApply(fields, typeOptions: Self.boundOptions, keyword: keyword, noun: "field", name: entry.key)
                    bounds = readBounds(fields)
                    checkBounds(bounds, keyword: keyword, options: fields, what: fieldWhat, at: entry.keyValue.location)
                }
            } else {
                type = typeReference(entry.value, what: fieldWhat)
            }
            guard let type else { return nil }
            return TypeDefinition.Field(name: entry.key, fieldName: Inflector.lowerCamel(entry.key), type: type, required: required, description: description, bounds: bounds)
        }
    }

    /// A field type in mapping form: `{ type: array, items: x }`, `{ type: enum, values: [...] }` or `{ type: x }`.
    private func typeReference(_ fields: Fields, what: String) -> TypeReference? {
        guard let typeValue = reader.require(fields, "type", in: what), let keyword = reader.string(typeValue, "the type of \(what)") else { return nil }
        let items = fields.present("items"), values = fields.present("values")
        if keyword != "array", let items {
            diagnostics.error(items.location, "'items' only applies to type 'array'")
        }
        if keyword != "enum", let values {
            diagnostics.error(values.location, "'values' only applies to type 'enum'")
        }
        switch keyword {
        case "array":
            guard let items else {
                diagnostics.error(typeValue.location, "\(what) is an array without 'items'; write { type: array, items: <type> }")
                return nil
            }
            return typeReference(items, what: "the items of \(what)").map(TypeReference.array)
        case "enum":
            guard let values, let list = reader.strings(values, "enum values"), !list.isEmpty else {
                diagnostics.error(typeValue.location, "\(what) is an enum without 'values'")
                return nil
            }
            checkEnumValues(list)
            return .enumeration(values: list.map(\.0))
        default:
            return typeReference(typeValue, what: what)
        }
    }

    /// A type written as a name: a scalar, a table (its model) or a named type.
    func typeReference(_ value: YAMLValue, what: String) -> TypeReference? {
        guard let name = reader.string(value, "the type of \(what)") else { return nil }
        if let scalar = ScalarType(rawValue: name) { return .scalar(scalar) }
        if index.contains("tables", name) || (name == "users" && declaredAuth() == .local) { return .model(table: name) }
        if index.contains("types", name) { return .named(name) }
        if name == "array" || name == "enum" {
            diagnostics.error(value.location, "\(what) uses '\(name)' in short form; write { type: \(name), \(name == "array" ? "items: <type>" : "values: [a, b]") }")
            return nil
        }
        let known = ScalarType.allCases.map(\.rawValue) + index.names("tables") + index.names("types")
        let fix = Suggestion.fix(for: name, in: known, otherwise: "use a scalar type, a table or a type from 'types'")
        diagnostics.error(value.location, "\(what) names unknown type '\(name)'; \(fix)")
        return nil
    }
}
