import KeelSpec

/// Writes one file per table into `outputs.swift`: the model, its enums, create and patch types, the column
/// rules, the SQL of every dialect and a repository.
public struct SwiftModelEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.swift else { return [] }
        let tables = spec.tables
        // The longest emitter: its tables are rendered in slices, so that a core which finishes the other emitters
        // helps with them rather than idling (the build plugin's unoptimised tool waited on this one alone).
        let slices = min(tables.count, Self.slices)
        return SlicedWork.map(slices: slices) { slice in
            tables[tables.count * slice / slices ..< tables.count * (slice + 1) / slices].map { table in
                context.file(directory + "/" + SwiftModelFile.path(of: table.model), context.templates.render(SwiftModelTypes.template, Self.context(for: table)))
            }
        }.flatMap { $0 }
    }

    /// Enough slices to balance two to a few cores, few enough that handing them out costs nothing next to a slice.
    private static let slices = 16

    static func context(for table: Table) -> [String: Any] {
        let model = table.model
        let writable = table.columns.filter { $0.type != .id }
        let fields: [[String: Any]] = table.columns.enumerated().map { index, column in
            let type = SwiftTypeNames.type(of: column, model: model)
            return SwiftDoc.adding(column.description, to: [
                "property": SwiftNames.identifier(column.name), "column": column.name,
                "type": column.nullable ? type + "?" : type,
                "decode": column.nullable ? "decodeIfPresent" : "decode",
                "comma": index == table.columns.count - 1 ? "" : ",",
            ])
        }
        let writableFields: [[String: Any]] = writable.enumerated().map { index, column in
            let type = SwiftTypeNames.type(of: column, model: model)
            let required = !column.nullable && column.defaultValue == nil
            return [
                "property": SwiftNames.identifier(column.name), "column": column.name,
                "createType": required ? type : type + "?",
                "createDefault": required ? "" : " = nil",
                "patchType": column.nullable ? type + "??" : type + "?",
                "required": required,
                "comma": index == writable.count - 1 ? "" : ",",
                "rule": SwiftTypeNames.rule(of: column),
            ]
        }
        let enums: [[String: Any]] = table.columns.compactMap { column in
            guard case .enumeration(let values) = column.type else { return nil }
            return ["name": SwiftTypeNames.enumName(of: column, model: model), "table": table.name, "column": column.name, "cases": SwiftEnumCases.cases(values)]
        }
        return SwiftDoc.adding(table.description, to: [
            "model": model, "table": table.name,
            "primaryKey": SwiftNames.identifier(table.primaryKey?.name ?? "id"),
            "fields": fields, "writable": writableFields, "hasWritable": !writableFields.isEmpty, "enums": enums,
            // Every table has exactly one id column (the spec's validation sees to it).
            "idRule": table.primaryKey.map(SwiftTypeNames.rule(of:)) ?? "",
            "idPosition": table.columns.firstIndex { $0.type == .id } ?? 0,
            // The API's JSON has its keys sorted, as `JSONResponse.encoder()` sorts them.
            "jsonFields": fields.sorted { ($0["column"] as? String ?? "").utf8.lexicographicallyPrecedes(($1["column"] as? String ?? "").utf8) },
            "hasNullable": writable.contains { $0.nullable },
            "layout": SwiftTableLayout.arguments(of: table).joined(separator: ",\n            "),
        ])
    }
}

/// Enum cases of spec values: `signed_in` becomes `case signedIn = "signed_in"`.
enum SwiftEnumCases {
    static func cases(_ values: [String]) -> [[String: String]] {
        values.map { value in
            let name = SwiftNames.identifier(value)
            return ["case": name, "raw": name == value ? "" : " = " + SwiftLiteral.string(value)]
        }
    }
}

/// Spec descriptions as doc comments.
enum SwiftDoc {
    /// `context` with `doc` set to the description (later lines continue the comment), when there is one.
    static func adding(_ text: String?, indent: String = "", to context: [String: Any]) -> [String: Any] {
        var result = context
        // An explicit false: Mustache would otherwise find an enclosing context's `doc`.
        guard let text else {
            result["doc"] = false
            return result
        }
        result["doc"] = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n\(indent)/// ")
        return result
    }
}
