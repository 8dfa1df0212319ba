// Compiled with the MySQL package trait only (Package.swift).
#if MySQL
import CMariaDB

/// `DatabaseTLS` as MariaDB Connector/C options, set before connecting.
extension DatabaseTLS {
    /// Where Debian keeps the system's CA certificates, trusted when no root certificate is given.
    static let systemCertificateDirectory = "/etc/ssl/certs"

    func apply(to handle: UnsafeMutablePointer<MYSQL>) {
        // TCP even for "localhost", which Connector/C would otherwise take as the local socket, without TLS.
        var tcp = MYSQL_PROTOCOL_TCP.rawValue
        mysql_options(handle, MYSQL_OPT_PROTOCOL, &tcp)
        guard mode != .disable else { return }
        // Asking for TLS without enforcing it uses TLS when the server offers it: prefer.
        _ = mysql_ssl_set(handle, nil, nil, nil, nil, nil)
        guard mode != .prefer else { return }
        var yes: my_bool = 1
        mysql_options(handle, MYSQL_OPT_SSL_ENFORCE, &yes)
        guard mode.verifiesCertificate else { return }
        // A CA (file or directory) makes Connector/C check the chain; the host name is checked only on request.
        if let rootCertificate {
            mysql_options(handle, MYSQL_OPT_SSL_CA, rootCertificate)
        } else {
            mysql_options(handle, MYSQL_OPT_SSL_CAPATH, Self.systemCertificateDirectory)
        }
        if mode == .verifyFull { mysql_options(handle, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes) }
    }

    /// Why Connector/C refused the server's TLS, in words that say which check failed; nil for other errors.
    static func mysqlReason(_ message: String, host: String) -> String? {
        let lowered = message.lowercased()
        if lowered.contains("certificate verify failed") || lowered.contains("unable to get local issuer") || lowered.contains("self-signed") || lowered.contains("self signed") {
            return "the server's certificate is not signed by a CA in DB_SSL_ROOT_CERT (or the system's CAs when it is unset)"
        }
        if lowered.contains("validation of ssl server certificate failed") || lowered.contains("hostname") || lowered.contains("does not match") {
            return "the server's certificate does not name the host \(host) (DB_SSL_MODE=verify-full checks it; verify-ca does not)"
        }
        if lowered.contains("ssl is required") || lowered.contains("doesn't support ssl") || lowered.contains("does not support ssl") {
            return "the server does not offer TLS, which DB_SSL_MODE requires"
        }
        return nil
    }
}
#endif
