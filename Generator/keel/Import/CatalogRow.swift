import KeelRuntime

/// Catalog cells as the readers want them, whichever way a driver hands them over.
extension DatabaseRow {
    /// Text, also from drivers that return catalog strings as bytes (MySQL's binary-collated columns).
    func string(_ column: String) -> String? {
        switch self[column] {
        case .bytes(let bytes)?: String(decoding: bytes, as: UTF8.self)
        case let value?: value.text
        case nil: nil
        }
    }

    /// A yes/no cell: a boolean, 0/1, or YES/NO and t/f as text.
    func flag(_ column: String) -> Bool {
        switch self[column] {
        case .bool(let flag)?: flag
        case .int(let number)?: number != 0
        default: ["yes", "t", "true", "1"].contains(string(column)?.lowercased() ?? "")
        }
    }
}
