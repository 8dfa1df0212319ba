import Foundation

extension KeelClientError {
    /// The typed error of a non-2xx answer: its envelope when the body is one, else the status with the body as text
    /// (a proxy's or load balancer's page), so nothing the callee said is lost.
    ///
    /// - Parameters:
    ///   - status: the HTTP status code of the answer.
    ///   - body: the answer's body bytes.
    ///   - traceID: the `X-Trace-ID` response header, used when the body is no envelope.
    public init(status: Int, body: Data, traceID: String? = nil) {
        if let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: body) {
            self.init(
                status: status,
                code: envelope.code,
                message: envelope.detail,
                fieldErrors: envelope.errors ?? [],
                feature: envelope.feature,
                traceID: envelope.traceID
            )
        } else {
            let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            self.init(status: status, code: ErrorEnvelope.code(forStatus: status), message: text.isEmpty ? "HTTP \(status)" : text, traceID: traceID)
        }
    }
}
