import Foundation

/// The `alg` and `kid` of a token's header, read before any key is chosen.
struct TokenHeader: Decodable {
    var alg: String?
    var kid: String?

    /// Nil when the token is not three dot-separated parts or its header is not base64url JSON.
    init?(of token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[0].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let header = try? JSONDecoder().decode(Self.self, from: data) else { return nil }
        self = header
    }
}
