/// SHA-256 as FIPS 180-4 defines it, in plain Swift: the hash of migration checksums.
///
/// Keel's own rather than swift-crypto's so that the build plugin's tool, `keel-plugin-tool`, which SwiftPM builds
/// for the host in every service using KeelPlugin (twice after each new build plan in SwiftPM 6.3), does not compile
/// swift-crypto's BoringSSL C code (366 files) for one hash (bench/edit-loop.md, "The slow first no-op build").
///
/// Written for the unoptimised build too, which the build plugin runs on every spec edit: pointers instead of array
/// subscripts, `while` instead of ranges, the round functions written out with masking shifts (`&>>`, which are
/// transparent, where `>>` and helper functions are calls at -Onone). 14 times faster there than array code, and no
/// slower optimised.
enum SHA256Digest {
    /// The 32-byte digest of `message`.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBufferPointer { hash($0) }
    }

    /// The 32-byte digest of the bytes of `message`.
    static func hash(_ message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let schedule = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { schedule.deallocate() }
        // The initial hash value (FIPS 180-4 5.3.3): the first 32 bits of the fractional parts of the square roots of
        // the first eight primes.
        var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        let count = message.count
        let wholeBlocksEnd = count - count % 64
        roundConstants.withUnsafeBufferPointer { constants in
            let k = constants.baseAddress!
            if let base = message.baseAddress {
                var start = 0
                while start < wholeBlocksEnd {
                    compress(base + start, into: &state, schedule: schedule, constants: k)
                    start &+= 64
                }
            }
            // The last, partial block followed by the padding of FIPS 180-4 5.1.1: a 1 bit, zeros up to 56 bytes
            // modulo 64, and the message's length in bits as a 64-bit big-endian number. One or two blocks.
            var tail = [UInt8](repeating: 0, count: count - wholeBlocksEnd < 56 ? 64 : 128)
            tail.withUnsafeMutableBufferPointer { tailBuffer in
                let t = tailBuffer.baseAddress!
                var i = 0
                while i < count - wholeBlocksEnd {
                    t[i] = message.baseAddress![wholeBlocksEnd &+ i]
                    i &+= 1
                }
                t[i] = 0x80
                let bitLength = UInt64(count) &* 8
                let end = tailBuffer.count
                var shift: UInt64 = 0
                var at = end &- 1
                while shift < 64 {
                    t[at] = UInt8(truncatingIfNeeded: bitLength &>> shift)
                    shift &+= 8
                    at &-= 1
                }
                compress(t, into: &state, schedule: schedule, constants: k)
                if end == 128 { compress(t + 64, into: &state, schedule: schedule, constants: k) }
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            digest.append(UInt8(truncatingIfNeeded: word &>> 24))
            digest.append(UInt8(truncatingIfNeeded: word &>> 16))
            digest.append(UInt8(truncatingIfNeeded: word &>> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// Folds one 64-byte block into the hash state (FIPS 180-4 6.2.2); `w` is scratch space for its 64 words.
    /// The round functions are those of 4.1.2: σ1, σ0, Σ1, Ch, Σ0 and Maj.
    private static func compress(_ block: UnsafePointer<UInt8>, into state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                                 schedule w: UnsafeMutablePointer<UInt32>, constants k: UnsafePointer<UInt32>) {
        var t = 0
        while t < 16 {
            let p = block + (t &* 4)
            w[t] = UInt32(p[0]) &<< 24 | UInt32(p[1]) &<< 16 | UInt32(p[2]) &<< 8 | UInt32(p[3])
            t &+= 1
        }
        while t < 64 {
            let x = w[t &- 2], y = w[t &- 15]
            let s1 = (x &>> 17 | x &<< 15) ^ (x &>> 19 | x &<< 13) ^ x &>> 10
            let s0 = (y &>> 7 | y &<< 25) ^ (y &>> 18 | y &<< 14) ^ y &>> 3
            w[t] = s1 &+ w[t &- 7] &+ s0 &+ w[t &- 16]
            t &+= 1
        }
        var (a, b, c, d, e, f, g, h) = state
        t = 0
        while t < 64 {
            let bigSigma1 = (e &>> 6 | e &<< 26) ^ (e &>> 11 | e &<< 21) ^ (e &>> 25 | e &<< 7)
            let choose = (e & f) ^ (~e & g)
            let t1 = h &+ bigSigma1 &+ choose &+ k[t] &+ w[t]
            let bigSigma0 = (a &>> 2 | a &<< 30) ^ (a &>> 13 | a &<< 19) ^ (a &>> 22 | a &<< 10)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = bigSigma0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
            t &+= 1
        }
        state.0 &+= a; state.1 &+= b; state.2 &+= c; state.3 &+= d
        state.4 &+= e; state.5 &+= f; state.6 &+= g; state.7 &+= h
    }

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
