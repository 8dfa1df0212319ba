import Foundation
@testable import KeelRuntime
import Testing

/// Custom bodies are checked field by field before decoding: every problem at its path, unknown fields
/// included, nested types and arrays, types that hold themselves, and a bounded answer for huge bodies.
struct BodyShapeTests {
    struct Line: BodyShaped {
        static let bodyShape: BodyShape = .object {
            [BodyField("product_id", .value(FieldRule("product_id", .int))), BodyField("quantity", .value(FieldRule("quantity", .int32)))]
        }
    }

    struct Order: BodyShaped {
        static let bodyShape: BodyShape = .object {
            [
                BodyField("lines", [Line].bodyShape),
                BodyField("method", .value(FieldRule("method", .enumeration(["card", "invoice"])))),
                BodyField("amount", .value(FieldRule("amount", .anyDecimal))),
                BodyField("note", .value(FieldRule("note", .text)), required: false),
                BodyField("tags", .array(.value(FieldRule("tags", .text))), required: false),
            ]
        }
    }

    /// A tree: the shape reads its own fields only when a value is checked.
    struct Node: BodyShaped {
        static let bodyShape: BodyShape = .object {
            [BodyField("name", .value(FieldRule("name", .text))), BodyField("children", .array(Node.bodyShape), required: false)]
        }
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func problems(_ shape: BodyShape, _ text: String) throws -> [String] {
        try shape.problems(of: json(text)).map { "\($0.field): \($0.message)" }
    }

    /// A generated model's shape: its writable fields with the id put back at its column's place, nullable ones optional.
    @Test func aRowPutsTheIdAtItsColumn() throws {
        let fields = [FieldRule("name", .text), FieldRule("note", .text, nullable: true)]
        let row = BodyShape.row(fields, id: FieldRule("id", .reference), at: 1)
        guard case .object(let members) = row else { Issue.record("a row is an object"); return }
        #expect(members().map(\.name) == ["name", "id", "note"])
        #expect(members().map(\.required) == [true, true, false])
        let problems = try Self.problems(row, #"{"note": 5, "id": "x"}"#)
        #expect(problems == ["name: is required", "id: must be a whole number", "note: must be a string"])
        #expect(try Self.problems(row, #"{"name": "a", "id": 1, "note": null}"#) == [])
    }

    @Test func aFittingBodyHasNoProblems() throws {
        #expect(try Self.problems(Order.bodyShape, #"{"lines": [{"product_id": 1, "quantity": 2}], "method": "card", "amount": "12345678901234567890.125"}"#) == [])
        #expect(try Self.problems(Order.bodyShape, #"{"lines": [], "method": "invoice", "amount": 3, "note": null, "tags": ["a"]}"#) == [])
    }

    /// A `types:` decimal has no precision: long whole numbers and long digit strings pass, and decode digit for digit.
    @Test func decimalsOfAnySize() throws {
        let long = String(repeating: "9", count: 400) + ".5"
        #expect(try Self.problems(Order.bodyShape, #"{"lines": [], "method": "card", "amount": 10000000000000000}"#) == [])
        #expect(try Self.problems(Order.bodyShape, #"{"lines": [], "method": "card", "amount": "\#(long)"}"#) == [])
        let decoded = try JSONDecoder().decode([DecimalValue].self, from: Data(#"[9007199254740993, 10000000000000000, 12, "\#(long)"]"#.utf8))
        #expect(decoded.map(\.description) == ["9007199254740993", "10000000000000000", "12", long])
    }

    @Test func everyProblemIsReportedAtItsPath() throws {
        let body = #"{"lines": [{"product_id": "1", "quantity": 2}, {"quantity": 3000000000, "colour": "red"}, 7], "amount": "1.2.3", "note": 5, "tags": [1, "b"], "zebra": 1, "extra": null}"#
        #expect(try Self.problems(Order.bodyShape, body) == [
            "lines[0].product_id: must be a whole number",
            "lines[1].product_id: is required",
            "lines[1].quantity: must be a whole number between -2147483648 and 2147483647",
            "lines[1].colour: is not a known field",
            "lines[2]: must be an object",
            "method: is required",
            #"amount: must be a decimal number, e.g. "12.50""#,
            "note: must be a string",
            "tags[0]: must be a string",
            "extra: is not a known field",
            "zebra: is not a known field",
        ])
    }

    @Test func nullIsRefusedWhereAFieldIsRequired() throws {
        #expect(try Self.problems(Order.bodyShape, #"{"lines": null, "method": null, "amount": "1", "tags": null}"#) == [
            "lines: must not be null", "method: must not be null",
        ])
    }

    @Test func aBodyOfAnotherJSONTypeIsOneProblem() throws {
        #expect(try Self.problems(Order.bodyShape, "[1, 2]") == ["body: must be an object"])
        #expect(try Self.problems([Line].bodyShape, #"{"product_id": 1}"#) == ["body: must be an array"])
    }

    @Test func typesThatHoldThemselvesAreCheckedAllTheWayDown() throws {
        #expect(try Self.problems(Node.bodyShape, #"{"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}"#) == [
            "children[0].children[0].name: must be a string",
        ])
    }

    @Test func aHugeBadBodyGetsABoundedAnswer() throws {
        let lines = Array(repeating: #"{"product_id": "x", "quantity": "y"}"#, count: 5_000).joined(separator: ",")
        let problems = try Self.problems(Order.bodyShape, #"{"lines": [\#(lines)], "method": "card", "amount": "1"}"#)
        #expect(problems.count == BodyShape.problemLimit)
        #expect(problems.first == "lines[0].product_id: must be a whole number")
    }
}
