import KeelSpec

/// The names the generated Swift cannot give to a spec's models, types and columns, and the check that none
/// does: the Swift would not compile. Keywords are no such name: they are written in backticks.
enum SwiftReservedNames {
    /// Type names Swift reserves (`Self`, `Any`) or the generated code uses, from Swift, Foundation, Hummingbird,
    /// KeelRuntime and `Licensing.swift`: a model or type of that name would hide the one the code means.
    static let typeNames: Set<String> = [
        "Self", "Any",
        "Array", "Bool", "CaseIterable", "Codable", "CodingKey", "Comparable", "Data", "Date", "Decoder", "Dictionary",
        "Double", "Encoder", "Equatable", "Int", "Int32", "Int64", "Optional", "Sendable", "String", "UUID",
        "Response", "RouterGroup",
        "AccessRule", "APIError", "BodyField", "BodyShape", "BodyShaped", "CalendarDate", "ColumnValues",
        "ColumnValuesSource", "ConfigKey", "CustomRoute", "Database", "DatabaseBindable", "DatabaseCell",
        "DatabaseDialect", "DatabaseRow", "DecimalValue", "FieldRule", "JSONResponse", "JSONValue", "JSONWritable",
        "JSONWriter", "KeelRequestContext", "KeelServer", "LicensingModel", "Migration", "MigrationError",
        "ModelRepository", "Principal", "QueryParameters", "ResourceDefinition", "ResourceModel", "ResourceRoutes",
        "ServiceContext", "ServiceDescription", "ServiceIdentity", "TableLayout", "TableRepository", "TableSQL", "Tier", "Feature",
        "RateLimit", "EndpointRateLimit", "EndpointRoutes",
    ]

    /// Members the generated model types define themselves: a column whose property has the name cannot be stored.
    static let members: [String: String] = [
        "primaryKey": "the model's id accessor (ResourceModel)",
        "values": "the column values of its Create and Patch types",
    ]

    /// One located error per model, type or column whose Swift name the generated code already uses, and per pair of
    /// parameters of one endpoint that would have the same Swift name.
    static func conflicts(in spec: Spec) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for table in spec.tables {
            if typeNames.contains(table.model) {
                found.append(Diagnostic(.error, at: table.location, "the model of table '\(table.name)' would be the Swift type '\(table.model)', which Swift reserves or the generated code uses; set 'model:' to another name"))
            }
            for column in table.columns {
                let property = Inflector.lowerCamel(column.name)
                guard let use = members[property] else { continue }
                found.append(Diagnostic(.error, at: column.location, "column '\(table.name).\(column.name)' would be the Swift property '\(property)', which the generated code uses for \(use); rename the column (with 'renamed_from: \(column.name)' to keep its data)"))
            }
        }
        for type in spec.types where typeNames.contains(type.name) {
            found.append(Diagnostic(.error, at: type.location, "type '\(type.name)' would hide the Swift type of that name, which Swift reserves or the generated code uses; rename it"))
        }
        return found + parameterConflicts(in: spec) + enumCaseConflicts(in: spec)
    }

    /// One located error per pair of values of one enum, a column's or a type field's, that would be the same Swift
    /// case (`in_stock` and `in__stock` are both `inStock`). TypeScript and JSON keep the values as they are.
    static func enumCaseConflicts(in spec: Spec) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ values: [String], of owner: String, at location: SourceLocation) {
            var spelled: [String: String] = [:]
            for value in values {
                let name = SwiftNames.identifier(value)
                if let first = spelled[name], first != value {
                    found.append(Diagnostic(.error, at: location, "values '\(first)' and '\(value)' of \(owner) would both be the Swift case '\(name)'; rename one"))
                }
                spelled[name] = spelled[name] ?? value
            }
        }
        for table in spec.tables {
            for column in table.columns {
                if case .enumeration(let values) = column.type { check(values, of: "'\(table.name).\(column.name)'", at: column.location) }
            }
        }
        for type in spec.types {
            for field in type.fields {
                if let values = field.type.enumValues { check(values, of: "'\(type.name).\(field.name)'", at: type.location) }
            }
        }
        return found
    }

    /// One located error per pair of parameters of one custom endpoint that would have the same Swift name, in the
    /// service's input or in a client's method.
    static func parameterConflicts(in spec: Spec) -> [Diagnostic] {
        ParameterNameConflicts.find(in: spec, language: "Swift", parameters: { $0.params + $0.query }, spelling: SwiftNames.parameter)
    }
}
