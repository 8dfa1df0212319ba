import Foundation
import JWTKit

/// One GET of an identity provider's JSON Web Key Set: 5 s at most, 1 MiB at most, 2xx only.
struct JWKSFetch: Sendable {
    let url: String

    /// Why a fetch gave no key set; the message names the URL (without a password).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func keySet() async throws -> JWKS {
        let shown = URLRedaction.redacted(url)
        let answer: SystemHTTP.Answer
        do {
            answer = try await SystemHTTP.send("GET", url, headers: ["Accept": "application/json"], timeout: .seconds(5), limit: 1 << 20)
        } catch {
            throw Failure(description: "\(shown): \(error)")
        }
        guard (200..<300).contains(answer.status) else { throw Failure(description: "\(shown) answered HTTP \(answer.status)") }
        do {
            return try JSONDecoder().decode(JWKS.self, from: answer.body)
        } catch {
            throw Failure(description: "\(shown) answered no JSON Web Key Set: \(error)")
        }
    }
}
