import KeelSpec

/// The Swift text of one type a client declares: a struct of JSON fields, or an enum of strings.
struct SwiftClientDeclaration {
    /// One stored property and its JSON key.
    struct Field {
        var doc: String?
        /// The property's name, escaped where Swift reserves it; the init's parameter too (a bare `let` or `var`
        /// there would be read as a keyword).
        var name: String
        var key: String
        var type: String
        /// The init's default (` = nil`), if any.
        var defaultValue: String = ""
    }

    /// A `Codable` struct with memberwise `init` and the spec's JSON keys; `encodeIfPresent` is what the synthesised
    /// encoder does for optionals, so an absent value is left out of a body. `explicitNulls` writes every present
    /// value, `nil` of a double optional as JSON `null` (the patches' "set to null").
    static func structure(name: String, doc: [String], fields: [Field], conformances: String, explicitNulls: Bool = false, nested: [String] = [],
                          indent: String = "    ") -> String {
        var lines = docLines(doc, indent: indent)
        lines.append("\(indent)public struct \(name): \(conformances) {")
        for field in fields {
            if let doc = field.doc { lines += docLines([doc], indent: indent + "    ") }
            lines.append("\(indent)    public var \(field.name): \(field.type)")
        }
        lines.append("")
        if fields.isEmpty {
            lines.append("\(indent)    public init() {}")
        } else {
            lines.append("\(indent)    public init(")
            for (index, field) in fields.enumerated() {
                lines.append("\(indent)        \(field.name): \(field.type)\(field.defaultValue)" + (index == fields.count - 1 ? "" : ","))
            }
            lines.append("\(indent)    ) {")
            for field in fields { lines.append("\(indent)        self.\(field.name) = \(field.name)") }
            lines.append("\(indent)    }")
            lines.append("")
            lines.append("\(indent)    enum CodingKeys: String, CodingKey {")
            for field in fields { lines.append("\(indent)        case \(field.name) = \(SwiftLiteral.string(field.key))") }
            lines.append("\(indent)    }")
        }
        // Without fields the synthesised encoder writes `{}` already.
        if explicitNulls, !fields.isEmpty {
            lines.append("")
            lines.append("\(indent)    public func encode(to encoder: any Encoder) throws {")
            lines.append("\(indent)        var container = encoder.container(keyedBy: CodingKeys.self)")
            for field in fields {
                lines.append("\(indent)        if let \(field.name) { try container.encode(\(field.name), forKey: .\(Self.bare(field.name))) }")
            }
            lines.append("\(indent)    }")
        }
        for text in nested {
            lines.append("")
            lines.append(text)
        }
        lines.append("\(indent)}")
        return lines.joined(separator: "\n")
    }

    /// A string enum; its raw values are the spec's.
    static func enumeration(name: String, doc: [String], values: [String], indent: String = "    ") -> String {
        var lines = docLines(doc, indent: indent)
        lines.append("\(indent)public enum \(name): String, Codable, Sendable, Hashable, CaseIterable, QueryValue {")
        for item in SwiftEnumCases.cases(values) {
            lines.append("\(indent)    case \(item["case"] ?? "")\(item["raw"] ?? "")")
        }
        lines.append("\(indent)}")
        return lines.joined(separator: "\n")
    }

    static func docLines(_ doc: [String], indent: String) -> [String] {
        doc.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { "\(indent)/// \($0)" }
    }

    /// A name without its backticks, as it follows a `.`.
    static func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }
}
