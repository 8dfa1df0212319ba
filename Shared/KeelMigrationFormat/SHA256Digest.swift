/// SHA-256 as FIPS 180-4 defines it, in plain Swift: the hash of migration checksums.
///
/// Keel's own rather than swift-crypto's so that the build plugin's tool, `keel-plugin-tool`, which SwiftPM builds
/// for the host in every service using KeelPlugin (twice after each new build plan in SwiftPM 6.3), does not compile
/// swift-crypto's BoringSSL C code (366 files) for one hash (bench/edit-loop.md, "The slow first no-op build").
enum SHA256Digest {
    /// The 32-byte digest of `message`.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var state = initialState
        var schedule = [UInt32](repeating: 0, count: 64)
        let wholeBlocksEnd = message.count - message.count % 64
        for start in stride(from: 0, to: wholeBlocksEnd, by: 64) {
            compress(message[start ..< start + 64], into: &state, schedule: &schedule)
        }
        let tail = paddedTail(of: message, from: wholeBlocksEnd)
        for start in stride(from: 0, to: tail.count, by: 64) {
            compress(tail[start ..< start + 64], into: &state, schedule: &schedule)
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in state {
            digest.append(contentsOf: [UInt8(truncatingIfNeeded: word >> 24), UInt8(truncatingIfNeeded: word >> 16),
                                       UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)])
        }
        return digest
    }

    /// The message's last, partial block followed by the padding of FIPS 180-4 5.1.1: a 1 bit, zeros up to 56 bytes
    /// modulo 64, and the message's length in bits as a 64-bit big-endian number. One or two blocks.
    private static func paddedTail(of message: [UInt8], from start: Int) -> [UInt8] {
        var tail = Array(message[start...])
        tail.append(0x80)
        tail.append(contentsOf: repeatElement(0, count: (64 + 56 - tail.count % 64) % 64))
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        return tail
    }

    /// Folds one 64-byte block into the hash state (FIPS 180-4 6.2.2); `schedule` is scratch space for its 64 words.
    private static func compress(_ block: ArraySlice<UInt8>, into state: inout [UInt32], schedule: inout [UInt32]) {
        var byte = block.startIndex
        for t in 0 ..< 16 {
            var word: UInt32 = 0
            for _ in 0 ..< 4 {
                word = word << 8 | UInt32(block[byte])
                byte += 1
            }
            schedule[t] = word
        }
        for t in 16 ..< 64 {
            schedule[t] = smallSigma1(schedule[t - 2]) &+ schedule[t - 7] &+ smallSigma0(schedule[t - 15]) &+ schedule[t - 16]
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        for t in 0 ..< 64 {
            let t1: UInt32 = h &+ bigSigma1(e) &+ choose(e, f, g) &+ roundConstants[t] &+ schedule[t]
            let t2: UInt32 = bigSigma0(a) &+ majority(a, b, c)
            h = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
        }
        for (index, value) in [a, b, c, d, e, f, g, h].enumerated() {
            state[index] &+= value
        }
    }

    // The functions of FIPS 180-4 4.1.2.
    private static func rotateRight(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
    private static func choose(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { (x & y) ^ (~x & z) }
    private static func majority(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { (x & y) ^ (x & z) ^ (y & z) }
    private static func bigSigma0(_ x: UInt32) -> UInt32 { rotateRight(x, 2) ^ rotateRight(x, 13) ^ rotateRight(x, 22) }
    private static func bigSigma1(_ x: UInt32) -> UInt32 { rotateRight(x, 6) ^ rotateRight(x, 11) ^ rotateRight(x, 25) }
    private static func smallSigma0(_ x: UInt32) -> UInt32 { rotateRight(x, 7) ^ rotateRight(x, 18) ^ x >> 3 }
    private static func smallSigma1(_ x: UInt32) -> UInt32 { rotateRight(x, 17) ^ rotateRight(x, 19) ^ x >> 10 }

    /// The initial hash value (FIPS 180-4 5.3.3): the first 32 bits of the fractional parts of the square roots of
    /// the first eight primes.
    private static let initialState: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]

    /// The round constants (FIPS 180-4 4.2.2): the first 32 bits of the fractional parts of the cube roots of the
    /// first sixty-four primes.
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}
