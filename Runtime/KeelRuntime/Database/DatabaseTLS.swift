import Foundation

/// How a connection to a database server is encrypted and what it checks of the server: `DB_SSL_MODE` and
/// `DB_SSL_ROOT_CERT`, or a URL's `?sslmode=` and `?sslrootcert=`, with libpq's mode names.
public struct DatabaseTLS: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, plain TCP otherwise; the certificate is not checked.
        case prefer
        /// TLS or no connection; the certificate is not checked.
        case require
        /// TLS with a certificate signed by a trusted CA, whatever host it names.
        case verifyCA = "verify-ca"
        /// TLS with a certificate signed by a trusted CA that names the host connected to.
        case verifyFull = "verify-full"

        /// Whether the certificate's chain is checked.
        public var verifiesCertificate: Bool { self == .verifyCA || self == .verifyFull }
    }

    public var mode: Mode
    /// A PEM file of the CAs to trust for verify-ca and verify-full; nil trusts the system's CAs.
    public var rootCertificate: String?

    public init(mode: Mode = .prefer, rootCertificate: String? = nil) {
        self.mode = mode
        self.rootCertificate = rootCertificate
    }

    /// Reads `mode` and `rootCertificate` as settings named `modeName` and `rootName` (for messages).
    init(mode text: String?, rootCertificate: String?, modeName: String, rootName: String) throws {
        var mode = Mode.prefer
        if let text {
            guard let chosen = Mode(rawValue: text.lowercased()) else {
                throw ConfigurationError("\(modeName)=\(text) is not valid: use one of \(Mode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mode = chosen
        }
        if let rootCertificate, !FileManager.default.isReadableFile(atPath: rootCertificate) {
            throw ConfigurationError("\(rootName)=\(rootCertificate) cannot be read: give a PEM file of the CA certificates to trust")
        }
        self.init(mode: mode, rootCertificate: rootCertificate)
    }
}
