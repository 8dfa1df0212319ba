import Foundation
import KeelSpec

/// How spec types are spelled in TypeScript, and the expressions that carry values across the wire:
/// JSON keeps column and field names as the spec writes them, TypeScript objects use lowerCamelCase.
///
/// Scalars keep their JSON form: 64-bit integers are numbers (exact up to 2^53), decimals, dates,
/// timestamps, UUIDs and bytes (base64) are strings, so no digit or microsecond is lost on the way.
struct TypeScriptTypes {
    let spec: Spec

    static func scalar(_ type: ColumnType) -> String {
        switch type {
        case .id, .int, .int32, .float, .ref: "number"
        case .bool: "boolean"
        case .decimal, .string, .text, .date, .timestamp, .uuid, .bytes: "string"
        case .json: "JsonValue"
        case .enumeration(let values): union(values)
        }
    }

    static func scalar(_ type: ScalarType) -> String {
        switch type {
        case .int, .int32, .float: "number"
        case .bool: "boolean"
        case .decimal, .string, .text, .date, .timestamp, .uuid, .bytes: "string"
        case .json: "JsonValue"
        }
    }

    /// How a string-typed value is written, for doc comments; nil when the TypeScript type says it all.
    static func wireFormat(_ type: ColumnType) -> String? {
        switch type {
        case .decimal(let precision, let scale): "Decimal (\(precision), \(scale)) as a string, e.g. \"12.50\"."
        case .date: "A date, YYYY-MM-DD."
        case .timestamp: "An instant in ISO 8601 (UTC, microseconds)."
        case .uuid: "A UUID."
        case .bytes: "Bytes in base64."
        default: nil
        }
    }

    /// The checks of a column, parameter or field TypeScript's types cannot carry (ranges, lengths, patterns), for
    /// doc comments: the service answers 422 to a value outside them, as the OpenAPI document says.
    static func rules(_ bounds: ValueBounds) -> String? {
        var rules: [String] = []
        switch (bounds.min.map(NumberText.format), bounds.max.map(NumberText.format)) {
        case let (min?, max?): rules.append("From \(min) to \(max).")
        case let (min?, nil): rules.append("At least \(min).")
        case let (nil, max?): rules.append("At most \(max).")
        case (nil, nil): break
        }
        switch (bounds.minLength, bounds.maxLength) {
        case let (min?, max?): rules.append(min == max ? "Exactly \(CountText.of(max, "character"))." : "\(min) to \(max) characters.")
        case let (min?, nil): rules.append("At least \(CountText.of(min, "character")).")
        case let (nil, max?): rules.append("At most \(CountText.of(max, "character")).")
        case (nil, nil): break
        }
        if let pattern = bounds.pattern { rules.append("Matches `\(pattern)`.") }
        return rules.isEmpty ? nil : rules.joined(separator: " ")
    }

    static func wireFormat(_ type: ScalarType) -> String? {
        switch type {
        case .decimal: "A decimal as a string, e.g. \"12.50\"."
        case .date: wireFormat(ColumnType.date)
        case .timestamp: wireFormat(ColumnType.timestamp)
        case .uuid: wireFormat(ColumnType.uuid)
        case .bytes: wireFormat(ColumnType.bytes)
        default: nil
        }
    }

    /// `"a" | "b"`.
    static func union(_ values: [String]) -> String {
        values.isEmpty ? "never" : values.map(TypeScriptLiteral.string).joined(separator: " | ")
    }

    /// The TypeScript type of a column's value, without `| null`; enums are named `<Model><Column>`.
    static func type(of column: Column, model: String) -> String {
        if case .enumeration = column.type { return enumName(of: column, model: model) }
        return scalar(column.type)
    }

    /// `ProductStatus` for `products.status`, as in Swift.
    static func enumName(of column: Column, model: String) -> String {
        GeneratedTypeNames.enumName(model: model, column: column.name)
    }

    /// The model of a table named in a type reference; with local auth `users` is the built-in `User`.
    func model(ofTable table: String) -> String {
        spec.table(named: table)?.model ?? (table == "users" && spec.service.auth == .local ? "User" : Inflector.modelName(ofTable: table))
    }

    /// The TypeScript type of a field, body or answer; `enumName` names an inline enum.
    func type(of reference: TypeReference, enumName: String) -> String {
        switch reference {
        case .scalar(let kind): Self.scalar(kind)
        case .model(let table): model(ofTable: table)
        case .named(let name): name
        case .array(let element): "Array<" + type(of: element, enumName: enumName) + ">"
        case .enumeration: enumName
        }
    }

    /// The function decoding (`decode`) or encoding (`encode`) a model or named type.
    private func function(_ direction: String, _ reference: TypeReference) -> String? {
        switch reference {
        case .model(let table): direction + model(ofTable: table)
        case .named(let name): direction + name
        default: nil
        }
    }

    /// An expression turning the JSON value `source` (typed `unknown`) into the TypeScript value.
    /// Objects are converted, arrays of them item by item (array items are always named, never arrays);
    /// scalars and enums travel as they are.
    func decode(_ reference: TypeReference, _ source: String, enumName: String) -> String {
        if let decoder = function("decode", reference) { return "\(decoder)(\(source))" }
        if case .array(let element) = reference, let decoder = function("decode", element) { return "(\(source) as unknown[]).map(\(decoder))" }
        return "\(source) as \(type(of: reference, enumName: enumName))"
    }

    /// An expression turning the TypeScript value `source` into its JSON form.
    func encode(_ reference: TypeReference, _ source: String) -> String {
        if let encoder = function("encode", reference) { return "\(encoder)(\(source))" }
        if case .array(let element) = reference, let encoder = function("encode", element) { return "\(source).map(\(encoder))" }
        return source
    }
}

/// TypeScript literals and comments of spec text.
enum TypeScriptLiteral {
    /// A double-quoted string literal: JSON's, with the two line separators JavaScript before ES2019 refused escaped.
    static func string(_ text: String) -> String {
        let quoted = JSONRenderer.quote(text)
        // ASCII text holds neither separator (nor anything Foundation's search would take for one).
        guard !ASCIIText.isASCII(quoted) else { return quoted }
        return quoted.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// A JSDoc comment of `lines` at `indent`, or nil when there is nothing to say; `*/` in the text cannot end it.
    static func doc(_ lines: [String?], indent: String = "") -> String? {
        let text = lines.compactMap { $0 }.flatMap(commentLines)
        guard !text.isEmpty else { return nil }
        if text.count == 1 { return "\(indent)/** \(text[0]) */\n" }
        return "\(indent)/**\n" + text.map { "\(indent) * \($0)".trimmingTrailingSpaces + "\n" }.joined() + "\(indent) */\n"
    }

    /// The comment lines of one text: split at its newlines, `*/` escaped.
    private static func commentLines(_ text: String) -> [String] {
        // Most texts hold neither (this runs for every column and operation of thousands).
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "*") }) else { return [text] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.replacingASCII("*/", with: "*\\/") }
    }

    /// A parameter or variable name: a reserved word, or one of the names the generated methods use
    /// themselves, gets a `Param` suffix.
    static func identifier(_ name: String) -> String {
        let camel = Inflector.lowerCamel(name)
        return ReservedWords.typescript.contains(camel) || ["query", "body", "patch", "signal"].contains(camel) ? camel + "Param" : camel
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
