import Foundation
@testable import KeelRuntime
import NIOCore
import Testing

/// `JSONWriter` writes what `JSONResponse.encoder()` writes, byte for byte, for every value a model can hold,
/// and keeps commas right however objects and arrays nest.
struct JSONWriterTests {
    /// Every control character, the characters JSON escapes, `/` (not escaped), DEL, non-ASCII and emoji.
    static let strings: [String] = [
        "", "plain", "a\"b\\c/d", String((0..<0x20).map { Character(Unicode.Scalar($0)!) }),
        "\u{7f}é ñ 日本 😀 \u{2028}", "'; DROP TABLE products; --", "tail\\",
    ]

    @Test func stringsAsTheEncoderWritesThem() throws {
        try expectSame(Self.strings)
        for text in Self.strings { try expectSame([text]) }
    }

    @Test func numbersAsTheEncoderWritesThem() throws {
        try expectSame([1.0, 0.1, -0.0, 1e16, 1e-7, 1e21, 2.5e-5, 123_456_789.125, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, -42.5])
        try expectSame([Int64.min, -1, 0, 1, Int64.max])
        try expectSame([Int32.min, Int32.max])
        try expectSame([true, false])
    }

    @Test func otherCellTypesAsTheEncoderWritesThem() throws {
        try expectSame([Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_338_000.123456), Date(timeIntervalSince1970: -0.5)])
        try expectSame([UUID(uuidString: "85A1325B-E054-484E-9060-D6A94695F7DF")!])
        try expectSame([Data(), Data([0, 1, 2, 255]), Data("hello".utf8)])
        try expectEach([CalendarDate("2026-02-28")!, DecimalValue("-12.50")!])
        try expectSame([Int64?.none, 7])
        let json: JSONValue = .object(["b": .array([.null, .bool(true), .integer(3), .number(1.5), .string("x")]), "A": .object([:]), "a10": 1, "a9": "é", "_": .array([])])
        try expectSame([json, .null, .number(2.0)])
        // Keys sort by their UTF-8 bytes, as the encoder sorts them, not by Swift's comparison of normalised text.
        try expectSame(JSONValue.object(["e\u{301}x": 1, "f": 2, "é": 3, "Z": 4, "ä": 5]))
    }

    @Test func nestingPutsCommasBetweenMembersAndElementsOnly() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("empty", [Int64]())
        writer.key("nested")
        writer.beginArray()
        writer.beginObject()
        writer.endObject()
        writer.beginObject()
        writer.field("a", Int64(1))
        writer.field("b", [JSONValue.object([:]), .array([.null])])
        writer.endObject()
        writer.endArray()
        writer.field("last", "z")
        writer.endObject()
        #expect(String(buffer: writer.buffer) == #"{"empty":[],"nested":[{},{"a":1,"b":[{},[null]]}],"last":"z"}"#)
    }

    @Test func nonFiniteNumbersAreNull() {
        #expect([Double.nan, .infinity, -.infinity, 1].jsonText == "[null,null,null,1]")
    }

    @Test func pagesWriteTheirFieldsInKeyOrder() throws {
        try expectSame(ListPage(items: ["a", "b"], limit: 50, offset: 0, total: 2))
    }

    private func expectSame(_ value: some JSONWritable & Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoded = String(decoding: try JSONResponse.encoder().encode(value), as: UTF8.self)
        #expect(value.jsonText == encoded, sourceLocation: sourceLocation)
    }

    private func expectEach(_ values: [any JSONWritable & Encodable], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for value in values { try expectSame(value, sourceLocation: sourceLocation) }
    }
}
