import KeelSpec

/// The top-level types a table's generated Swift declares (`swift/Model.swift`): the model, its create, patch and
/// repository types, and an enum per enumeration column.
enum SwiftModelTypes {
    static func names(of table: Table) -> [String] {
        let model = table.model
        let enums = table.columns.compactMap { column -> String? in
            guard case .enumeration = column.type else { return nil }
            return SwiftTypeNames.enumName(of: column, model: model)
        }
        return [model, model + "Create", model + "Patch", model + "Repository"] + enums
    }
}
