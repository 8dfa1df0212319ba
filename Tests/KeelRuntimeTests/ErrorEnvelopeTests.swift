import Foundation
import Testing
import KeelRuntime

struct ErrorEnvelopeTests {
    @Test func encodesWithTheSpecsKeys() throws {
        let envelope = ErrorEnvelope(detail: "Invalid body", code: "VALIDATION_FAILED", statusCode: 422, traceID: "abc",
                                     errors: [.init(field: "sku", message: "must not be empty")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(envelope), as: UTF8.self)
        #expect(json == #"{"code":"VALIDATION_FAILED","detail":"Invalid body","errors":[{"field":"sku","message":"must not be empty"}],"status_code":422,"trace_id":"abc"}"#)
        #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: Data(json.utf8)) == envelope)
    }
}
