import Foundation

/// Byte-level text edits for the emitters' hot paths. Foundation's searches compare characters by canonical
/// equivalence, which costs far more than comparing bytes; in ASCII text every character is one byte and has no
/// other equivalent form, so the byte edit gives exactly Foundation's result there. Other text still goes to
/// Foundation.
enum ASCIIText {
    static func isASCII(_ text: some StringProtocol) -> Bool {
        // A loop over the buffer where there is one (native text): it reads megabytes of generated code.
        let inBuffer = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.reduce(UInt8(0)) { $0 | $1 } < 0x80
        }
        return inBuffer ?? text.utf8.allSatisfy { $0 < 0x80 }
    }
}

extension StringProtocol {
    /// `replacingOccurrences(of: target, with: replacement)`, over bytes when this text and `target` are ASCII.
    func replacingASCII(_ target: String, with replacement: String) -> String {
        guard ASCIIText.isASCII(self), ASCIIText.isASCII(target), !target.isEmpty else {
            return replacingOccurrences(of: target, with: replacement)
        }
        let pattern = Array(target.utf8)
        var text = String(self)
        let edited = text.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress else { return nil }
            var output: [UInt8] = []
            // Unchanged text between matches is copied in runs: this edits megabytes of generated code, most of them
            // without a match, so candidates are found with memchr(3), which reads many bytes at a time.
            var copied = 0
            var index = 0
            while index + pattern.count <= bytes.count, let hit = memchr(base + index, Int32(pattern[0]), bytes.count - pattern.count + 1 - index) {
                index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                guard memcmp(base + index, pattern, pattern.count) == 0 else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count) }
                output += UnsafeBufferPointer(rebasing: bytes[copied..<index])
                output += replacement.utf8
                index += pattern.count
                copied = index
            }
            guard copied > 0 else { return nil }
            output += UnsafeBufferPointer(rebasing: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
        return edited ?? text
    }
}
