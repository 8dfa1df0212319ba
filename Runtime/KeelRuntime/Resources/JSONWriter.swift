import Foundation
import NIOCore

/// Writes JSON text straight into a response buffer.
///
/// Generated models write themselves through it, keys already in order, which spares the busiest responses
/// the reflection and key sorting of `JSONEncoder`. The text is byte for byte what `JSONResponse.encoder()`
/// makes of the same value (`JSONWriterTests` holds the two equal), except that a non-finite number, which
/// `JSONEncoder` refuses, is written as `null`.
public struct JSONWriter {
    public private(set) var buffer: ByteBuffer
    /// Whether the next value or key needs a comma before it: a value or a member ended just before.
    private var needsComma = false

    public init(capacity: Int = 512) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    public mutating func beginObject() {
        separate()
        buffer.writeInteger(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        buffer.writeInteger(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        buffer.writeInteger(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        buffer.writeInteger(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"name":`; the value written next is the member's.
    public mutating func key(_ name: String) {
        string(name)
        buffer.writeInteger(UInt8(ascii: ":"))
        needsComma = false
    }

    /// One member of the current object.
    public mutating func field(_ name: String, _ value: some JSONWritable) {
        key(name)
        value.writeJSON(to: &self)
    }

    public mutating func null() {
        literal("null")
    }

    public mutating func bool(_ flag: Bool) {
        literal(flag ? "true" : "false")
    }

    public mutating func integer(_ number: Int64) {
        separate()
        buffer.writeString(String(number))
        needsComma = true
    }

    /// The shortest text that reads back as the same number, without a trailing `.0` (as `JSONEncoder` writes it).
    public mutating func number(_ number: Double) {
        guard number.isFinite else { return null() }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        separate()
        buffer.writeString(text)
        needsComma = true
    }

    /// A string with `"`, `\` and control characters escaped; everything else, `/` and non-ASCII included, as is.
    public mutating func string(_ text: String) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                buffer.writeString(Self.escape(byte))
                start = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
        needsComma = true
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        default:
            let hex = String(byte, radix: 16)
            return "\\u00" + (hex.count == 1 ? "0" : "") + hex
        }
    }

    private mutating func literal(_ text: StaticString) {
        separate()
        buffer.writeStaticString(text)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { buffer.writeInteger(UInt8(ascii: ",")) }
    }
}

/// A value that writes its own JSON through a `JSONWriter`.
public protocol JSONWritable {
    func writeJSON(to json: inout JSONWriter)
}

extension JSONWritable {
    /// The JSON text of the value.
    public var jsonText: String {
        var writer = JSONWriter()
        writeJSON(to: &writer)
        return String(buffer: writer.buffer)
    }
}

extension Bool: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.bool(self) }
}

extension Int64: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.integer(self) }
}

extension Int32: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.integer(Int64(self)) }
}

extension Int: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.integer(Int64(self)) }
}

extension Double: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.number(self) }
}

extension String: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.string(self) }
}

extension Date: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.string(DatabaseTimestamp.iso8601(self)) }
}

extension UUID: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.string(uuidString) }
}

extension Data: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.string(base64EncodedString()) }
}

extension CalendarDate: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.string(description) }
}

extension DecimalValue: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.string(description) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) {
        if let self { self.writeJSON(to: &json) } else { json.null() }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) {
        json.beginArray()
        for element in self { element.writeJSON(to: &json) }
        json.endArray()
    }
}

/// Spec `enum` columns become `String`-backed Swift enums; they write their raw value.
extension RawRepresentable where RawValue == String, Self: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) { json.string(rawValue) }
}
