import AsyncHTTPClient
import Foundation
import JWTKit

/// One GET of an identity provider's JSON Web Key Set: 5 s at most, 1 MiB at most, 2xx only.
struct JWKSFetch: Sendable {
    let url: String
    let httpClient: HTTPClient

    /// Why a fetch gave no key set; the message names the URL (without a password).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func keySet() async throws -> JWKS {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let shown = URLRedaction.redacted(url)
        let status: UInt
        let body: Data
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(5))
            status = response.status.code
            body = try await Data(response.body.collect(upTo: 1 << 20).readableBytesView)
        } catch {
            throw Failure(description: "\(shown): \(error)")
        }
        guard (200..<300).contains(status) else { throw Failure(description: "\(shown) answered HTTP \(status)") }
        do {
            return try JSONDecoder().decode(JWKS.self, from: body)
        } catch {
            throw Failure(description: "\(shown) answered no JSON Web Key Set: \(error)")
        }
    }
}
