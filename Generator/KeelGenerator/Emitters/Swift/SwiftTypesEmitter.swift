import KeelSpec

/// Writes `Types.swift` into `outputs.swift`: the spec's named `types:`, and the inline bodies of custom endpoints.
public struct SwiftTypesEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.swift, !spec.types.isEmpty else { return [] }
        let types: [[String: Any]] = spec.types.map { type in
            let fields: [[String: Any]] = type.fields.enumerated().map { index, field in
                let swiftType = SwiftTypeNames.type(of: field.type, spec: spec, enumName: SwiftNames.nestedType(field.name))
                return SwiftDoc.adding(field.description, indent: "    ", to: [
                    "property": SwiftNames.identifier(field.name), "field": field.name,
                    "type": field.required ? swiftType : swiftType + "?",
                    "defaultNil": field.required ? "" : " = nil",
                    "bodyField": SwiftTypeNames.bodyField(field.name, shape: SwiftTypeNames.bodyShape(of: field.type, spec: spec, name: field.name, bounds: field.bounds),
                                                          required: field.required),
                    "comma": index == type.fields.count - 1 ? "" : ",",
                ])
            }
            let enums: [[String: Any]] = type.fields.compactMap { field in
                guard let values = field.type.enumValues else { return nil }
                return ["name": SwiftNames.nestedType(field.name), "cases": SwiftEnumCases.cases(values)]
            }
            let doc = type.inlineBodyOf.map { "The body of `\($0)`." }
            return SwiftDoc.adding(doc, to: ["name": type.name, "fields": fields, "enums": enums])
        }
        return [context.file(directory + "/Types.swift", context.templates.render("swift/Types.swift", ["types": types]))]
    }
}
