import Foundation

/// Byte-level text edits for the emitters' hot paths. Foundation's searches compare characters by canonical
/// equivalence, which costs far more than comparing bytes; in ASCII text every character is one byte and has no
/// other equivalent form, so the byte edit gives exactly Foundation's result there. Other text still goes to
/// Foundation.
enum ASCIIText {
    static func isASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }
}

extension StringProtocol {
    /// `replacingOccurrences(of: target, with: replacement)`, over bytes when this text and `target` are ASCII.
    func replacingASCII(_ target: String, with replacement: String) -> String {
        guard ASCIIText.isASCII(self), ASCIIText.isASCII(target), let first = target.utf8.first else {
            return replacingOccurrences(of: target, with: replacement)
        }
        let pattern = Array(target.utf8)
        let bytes = Array(utf8)
        guard bytes.contains(first) else { return String(self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                output += replacement.utf8
                index += pattern.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
