// Compiled with the PostgreSQL package trait only (Package.swift).
#if PostgreSQL
import PostgresNIO

/// `DatabaseTLS` in postgres-nio's terms: the probe connection takes an `NIOSSLContext`, the pool a configuration.
extension DatabaseTLS {
    /// The client's TLS configuration for this mode; nil for `disable`.
    var postgresConfiguration: TLSConfiguration? {
        guard mode != .disable else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = switch mode {
        case .verifyFull: .fullVerification
        case .verifyCA: .noHostnameVerification
        default: .none
        }
        if let rootCertificate { configuration.trustRoots = .file(rootCertificate) }
        return configuration
    }

    func postgresConnectionTLS() throws -> PostgresConnection.Configuration.TLS {
        guard let configuration = postgresConfiguration else { return .disable }
        let context = try NIOSSLContext(configuration: configuration)
        return mode == .prefer ? .prefer(context) : .require(context)
    }

    var postgresClientTLS: PostgresClient.Configuration.TLS {
        guard let configuration = postgresConfiguration else { return .disable }
        return mode == .prefer ? .prefer(configuration) : .require(configuration)
    }

    /// Why a TLS handshake failed, in words that say which check refused the server; nil for other errors.
    static func postgresReason(_ error: any Error, host: String) -> String? {
        let text = String(describing: error)
        if error is NIOSSLExtraError, text.contains("failedToValidateHostname") || text.contains("hostname") {
            return "the server's certificate does not name the host \(host) (DB_SSL_MODE=verify-full checks it; verify-ca does not)"
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") {
            return "the server's certificate is not signed by a CA in DB_SSL_ROOT_CERT (or the system's CAs when it is unset)"
        }
        return nil
    }
}
#endif
