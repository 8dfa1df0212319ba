import Foundation
import HTTPTypes
import Hummingbird

/// The address a login's failures are counted against: the TCP peer, or, behind the gateway
/// (`TRUST_FORWARDED_FOR=true`), the last entry of `X-Forwarded-For`, the one the gateway appended; entries
/// before it are whatever the client sent.
enum ClientAddress {
    /// Long enough for any IPv6 text; a forwarded value is cut to it so a row stays small.
    static let maximumLength = 64

    static func of(_ request: Request, context: KeelRequestContext, trustingForwardedFor: Bool) -> String {
        if trustingForwardedFor, let name = HTTPField.Name("X-Forwarded-For") {
            let entries = request.headers[values: name].flatMap { $0.split(separator: ",") }
            if let last = entries.last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
                return String(last.prefix(maximumLength))
            }
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}
