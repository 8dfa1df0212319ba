import Foundation
import Testing
@testable import KeelClient

/// The envelope a Keel service answers with becomes a typed error, and a body that is no envelope keeps its text.
@Suite struct KeelClientErrorTests {
    @Test func decodesAValidationEnvelope() {
        let body = Data(#"{"code":"VALIDATION_FAILED","detail":"The request body is not valid","errors":[{"field":"name","message":"is required"}],"status_code":422,"trace_id":"abc123"}"#.utf8)
        let error = KeelClientError(status: 422, body: body, traceID: "header-trace")
        #expect(error.status == 422)
        #expect(error.code == "VALIDATION_FAILED")
        #expect(error.message == "The request body is not valid")
        #expect(error.fieldErrors == [.init(field: "name", message: "is required")])
        #expect(error.traceID == "abc123")
        #expect(error.feature == nil)
    }

    @Test func decodesAFeatureEnvelope() {
        let body = Data(#"{"code":"FEATURE_NOT_LICENSED","detail":"Not licensed","feature":"reports","status_code":403,"trace_id":"t"}"#.utf8)
        let error = KeelClientError(status: 403, body: body)
        #expect(error.code == "FEATURE_NOT_LICENSED")
        #expect(error.feature == "reports")
        #expect(error.fieldErrors.isEmpty)
    }

    @Test func keepsABodyThatIsNoEnvelope() {
        let error = KeelClientError(status: 502, body: Data("<html>bad gateway</html>\n".utf8), traceID: "h")
        #expect(error.code == "BAD_GATEWAY")
        #expect(error.message == "<html>bad gateway</html>")
        #expect(error.traceID == "h")
    }
}
