import Foundation

/// The checksum of a migration file, shared by `keel.sum` (written by the generator) and the `keel_migrations`
/// table (written by the migrator): SHA-256 in lowercase hex of the text with CRLF line ends made LF,
/// so a checkout with autocrlf does not count as an edit.
public enum MigrationChecksum {
    public static func of(_ contents: String) -> String {
        var text = contents
        // Hashed in place when there is no CR to drop; `memchr`, since a generic `contains` is a call per byte at -Onone.
        let digest = text.withUTF8 { bytes -> [UInt8]? in
            guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil else {
                return SHA256Digest.hash(bytes)
            }
            return nil
        } ?? SHA256Digest.hash(Array(contents.replacingOccurrences(of: "\r\n", with: "\n").utf8))
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
