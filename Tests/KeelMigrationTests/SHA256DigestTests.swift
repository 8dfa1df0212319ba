import Crypto
import Testing
@testable import KeelMigrationFormat

/// Keel's own SHA-256, which migration checksums use: the FIPS 180-4 examples, and swift-crypto's digests at the
/// lengths where the padding takes one block or spills into a second.
struct SHA256DigestTests {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The messages as a text repeated a number of times, so a million "a"s stay short in the test's report.
    @Test(arguments: [
        ("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("a", 1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func standardExamples(text: String, repeats: Int, digest: String) {
        #expect(Self.hex(SHA256Digest.hash(Array(String(repeating: text, count: repeats).utf8))) == digest)
    }

    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000])
    func matchesSwiftCryptoAroundBlockEnds(length: Int) {
        let message = (0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(Self.hex(SHA256Digest.hash(message)) == Self.hex(SHA256.hash(data: message)))
    }

    /// A megabyte of every byte value, as `sha256sum` hashes it: many blocks through the pointer loop.
    @Test func aMegabyteMatchesSha256sum() {
        let message = (0 ..< 1 << 20).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(Self.hex(SHA256Digest.hash(message)) == "06b7bbfb7824aa03382051691630eb26de85102d1b08a81e907ec0744cd8a286")
        #expect(Self.hex(SHA256Digest.hash(message)) == Self.hex(SHA256.hash(data: message)))
    }

    @Test func checksumIsTheDigestOfTheTextWithLFLineEnds() {
        #expect(MigrationChecksum.of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(MigrationChecksum.of("a;\r\nb;\r\n") == Self.hex(SHA256.hash(data: Array("a;\nb;\n".utf8))))
        #expect(MigrationChecksum.of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // A lone CR stays: only CRLF line ends are made LF.
        #expect(MigrationChecksum.of("a\rb") == Self.hex(SHA256.hash(data: Array("a\rb".utf8))))
    }
}
