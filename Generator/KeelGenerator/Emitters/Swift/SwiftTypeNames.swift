import KeelSpec

/// The Swift types the generated code uses for spec types, and how rows and rules spell them.
enum SwiftTypeNames {
    /// The Swift type of a column's value, without optionality.
    static func type(of column: Column, model: String) -> String {
        switch column.type {
        case .enumeration: enumName(of: column, model: model)
        default: scalar(column.type)
        }
    }

    static func scalar(_ type: ColumnType) -> String {
        switch type {
        case .id, .int, .ref: "Int64"
        case .int32: "Int32"
        case .float: "Double"
        case .decimal: "DecimalValue"
        case .bool: "Bool"
        case .string, .text, .enumeration: "String"
        case .date: "CalendarDate"
        case .timestamp: "Date"
        case .uuid: "UUID"
        case .json: "JSONValue"
        case .bytes: "Data"
        }
    }

    static func scalar(_ type: ScalarType) -> String {
        switch type {
        case .int: "Int64"
        case .int32: "Int32"
        case .float: "Double"
        case .decimal: "DecimalValue"
        case .bool: "Bool"
        case .string, .text: "String"
        case .date: "CalendarDate"
        case .timestamp: "Date"
        case .uuid: "UUID"
        case .json: "JSONValue"
        case .bytes: "Data"
        }
    }

    /// `ProductStatus` for `products.status`.
    static func enumName(of column: Column, model: String) -> String {
        GeneratedTypeNames.enumName(model: model, column: column.name)
    }

    /// The Swift type of a type reference in `types:` or an endpoint; `enumName` names an inline enum.
    static func type(of reference: TypeReference, spec: Spec, enumName: String) -> String {
        switch reference {
        case .scalar(let kind): Self.scalar(kind)
        case .model(let table): spec.table(named: table)?.model ?? Inflector.modelName(ofTable: table)
        case .named(let name): name
        case .array(let element): "[" + type(of: element, spec: spec, enumName: enumName) + "]"
        case .enumeration: enumName
        }
    }

    /// The `FieldRule.Kind` literal of a column.
    static func kind(of column: Column) -> String {
        switch column.type {
        case .id, .ref: ".reference"
        case .int: ".int"
        case .int32: ".int32"
        case .float: ".float"
        case .decimal(let precision, let scale): ".decimal(precision: \(precision), scale: \(scale))"
        case .bool: ".bool"
        case .string: ".string(maxLength: \(column.maxLength ?? 255))"
        case .text: ".text"
        case .date: ".date"
        case .timestamp: ".timestamp"
        case .uuid: ".uuid"
        case .json: ".json"
        case .bytes: ".bytes"
        case .enumeration(let values): enumeration(values)
        }
    }

    /// The `FieldRule.Kind` literal of a scalar of `types:` (strings without a length, decimals without a precision).
    static func kind(of scalar: ScalarType) -> String {
        switch scalar {
        case .int: ".int"
        case .int32: ".int32"
        case .float: ".float"
        case .decimal: ".anyDecimal"
        case .bool: ".bool"
        case .string, .text: ".text"
        case .date: ".date"
        case .timestamp: ".timestamp"
        case .uuid: ".uuid"
        case .json: ".json"
        case .bytes: ".bytes"
        }
    }

    /// The `BodyShape` literal a request body (or its field `name`) of this type is checked against; `bounds` are
    /// those of a scalar field.
    static func bodyShape(of reference: TypeReference, spec: Spec, name: String, bounds: ValueBounds = ValueBounds()) -> String {
        switch reference {
        case .scalar(let scalar): ".value(" + rule(name, kind(of: scalar), bounds: bounds) + ")"
        case .model, .named: type(of: reference, spec: spec, enumName: "") + ".bodyShape"
        case .array(let element): ".array(" + bodyShape(of: element, spec: spec, name: name) + ")"
        case .enumeration(let values): ".value(" + rule(name, enumeration(values)) + ")"
        }
    }

    /// The `FieldRule` literal of a custom endpoint's parameter; an optional query parameter's rule is nullable.
    static func rule(of parameter: CustomEndpoint.Parameter) -> String {
        rule(parameter.name, kind(of: parameter.type), nullable: !parameter.required, bounds: parameter.bounds)
    }

    /// The `BodyField` literal of one member of a body.
    static func bodyField(_ name: String, shape: String, required: Bool) -> String {
        "BodyField(" + SwiftLiteral.string(name) + ", " + shape + (required ? "" : ", required: false") + ")"
    }

    private static func enumeration(_ values: [String]) -> String {
        ".enumeration([" + values.map(SwiftLiteral.string).joined(separator: ", ") + "])"
    }

    /// The `FieldRule` literal of a column.
    static func rule(of column: Column) -> String {
        var bounds = column.bounds
        // A `string` column's kind carries its length.
        if column.type == .string { bounds.maxLength = nil }
        return rule(column.name, kind(of: column), nullable: column.nullable, hasDefault: column.defaultValue != nil, bounds: bounds)
    }

    /// A `FieldRule` literal: the same rule, and so the same checks, for columns, parameters and fields of `types:`.
    private static func rule(_ name: String, _ kind: String, nullable: Bool = false, hasDefault: Bool = false, bounds: ValueBounds = ValueBounds()) -> String {
        var arguments = [SwiftLiteral.string(name), kind]
        if nullable { arguments.append("nullable: true") }
        if hasDefault { arguments.append("hasDefault: true") }
        if let min = bounds.min { arguments.append("min: \(SwiftLiteral.number(min))") }
        if let max = bounds.max { arguments.append("max: \(SwiftLiteral.number(max))") }
        if let minLength = bounds.minLength { arguments.append("minLength: \(minLength)") }
        if let maxLength = bounds.maxLength { arguments.append("maxLength: \(maxLength)") }
        if let pattern = bounds.pattern { arguments.append("pattern: " + SwiftLiteral.rawString(pattern)) }
        return "FieldRule(" + arguments.joined(separator: ", ") + ")"
    }
}

/// Swift literals of spec values.
enum SwiftLiteral {
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A raw string `#"…"#` with enough `#`s that the text can neither end it early nor escape from it (regular
    /// expressions read best raw). A text with a line break is a plain string literal.
    static func rawString(_ text: String) -> String {
        var source = text
        // `delimiter(enclosing: text, closers: ["\"", "\\"])` and the look for line breaks in one pass: the models
        // write a raw string for every column of every dialect, and closures per byte are calls at -Onone.
        let hashCount: Int? = source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 1 }
            let (lineFeed, carriageReturn, quote, backslash, hash) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "#"))
            let length = bytes.count
            var count = 1
            var index = 0
            while index < length {
                let byte = base[index]
                if byte == lineFeed || byte == carriageReturn { return nil }
                index &+= 1
                if byte == quote || byte == backslash {
                    var end = index
                    while end < length && base[end] == hash { end &+= 1 }
                    count = max(count, end &- index &+ 1)
                }
            }
            return count
        }
        guard let hashCount else { return string(text) }
        let hashes = String(repeating: "#", count: hashCount)
        return hashes + "\"" + text + "\"" + hashes
    }

    /// A multi-line raw string holding `text` exactly, its lines indented by `indent` (which Swift strips again):
    /// how long texts such as migrations read best.
    static func multilineRawString(_ text: String, indent: String) -> String {
        let hashes = delimiter(enclosing: text, closers: ["\"\"\"", "\\"])
        var source = text
        var result = Array((hashes + "\"\"\"\n").utf8)
        let indentBytes = Array(indent.utf8)
        // Over bytes, as `delimiter`: splitting the Characters of a migration was most of the build plugin's time at
        // -Onone. A line ends at an LF that is not part of a CRLF, as the Character "\n" matches only a lone LF.
        source.withUTF8 { bytes in
            result.reserveCapacity(bytes.count + bytes.count / 16 * indentBytes.count + 64)
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            let (lineFeed, carriageReturn) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
            var lineStart = 0
            var index = 0
            while index <= count {
                if index == count || (base[index] == lineFeed && (index == 0 || base[index &- 1] != carriageReturn)) {
                    if index > lineStart {
                        result.append(contentsOf: indentBytes)
                        result.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: index &- lineStart))
                    }
                    if index < count { result.append(lineFeed) }
                    lineStart = index &+ 1
                }
                index &+= 1
            }
        }
        // The newline before the closing delimiter is not part of the string, so a final newline needs an empty line.
        return String(decoding: result, as: UTF8.self) + "\n" + indent + "\"\"\"" + hashes
    }

    /// The fewest `#`s (one at least) that no closer in `text` is followed by: inside `#"…"#`, `"#` would end the
    /// literal and `\#` start an escape. Over bytes: Foundation's substring search took a sixth of the models' time;
    /// over pointers and `while`, since generic slice comparisons are calls per byte in the build plugin's -Onone build.
    private static func delimiter(enclosing text: String, closers: [String]) -> String {
        var source = text
        var count = 1
        source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let length = bytes.count
            for closer in closers {
                let closerBytes = Array(closer.utf8)
                closerBytes.withUnsafeBufferPointer { closerBuffer in
                    let pattern = closerBuffer.baseAddress!
                    let patternLength = closerBuffer.count
                    var start = 0
                    while start &+ patternLength <= length {
                        var matched = 0
                        while matched < patternLength && base[start &+ matched] == pattern[matched] { matched &+= 1 }
                        if matched == patternLength {
                            var end = start &+ patternLength
                            while end < length && base[end] == UInt8(ascii: "#") { end &+= 1 }
                            count = max(count, end &- start &- patternLength &+ 1)
                        }
                        start &+= 1
                    }
                }
            }
        }
        return String(repeating: "#", count: count)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
