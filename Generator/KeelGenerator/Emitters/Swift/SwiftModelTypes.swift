import KeelSpec

/// The top-level types a table's generated Swift declares (`swift/Model.swift`): the model, its create, patch and
/// repository types, and an enum per enumeration column.
enum SwiftModelTypes {
    /// The template of a table's Swift file.
    static let template = "swift/Model.swift"

    /// The types Keel's own template declares for `table`.
    static func names(of table: Table) -> [String] {
        GeneratedTypeNames.names(of: table, listed: false).filter { $0.outputs.contains(.swift) }.map(\.name)
    }

    /// The public types declared at the top level of `swift` (a line that starts `public struct Name`, or enum,
    /// class, final class, actor, protocol or typealias), in order: what an overridden template rendered.
    static func declared(in swift: String) -> [String] {
        swift.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ", maxSplits: 3)
            guard words.first == "public" else { return nil }
            let rest = words.dropFirst().drop { $0 == "final" }
            guard let kind = rest.first, ["struct", "enum", "class", "actor", "protocol", "typealias"].contains(kind),
                  let name = rest.dropFirst().first else { return nil }
            return String(name.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
    }
}
