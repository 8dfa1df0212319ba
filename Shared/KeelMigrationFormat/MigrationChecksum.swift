import Foundation

/// The checksum of a migration file, shared by `keel.sum` (written by the generator) and the `keel_migrations`
/// table (written by the migrator): SHA-256 in lowercase hex of the text with CRLF line ends made LF,
/// so a checkout with autocrlf does not count as an edit.
public enum MigrationChecksum {
    public static func of(_ contents: String) -> String {
        var bytes = Array(contents.utf8)
        if bytes.contains(UInt8(ascii: "\r")) {
            bytes = contents.replacingOccurrences(of: "\r\n", with: "\n").utf8.map { $0 }
        }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256Digest.hash(bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
