/// A W3C `traceparent` header (Trace Context, level 1): `<version>-<trace id>-<parent id>-<flags>`.
/// The one parser of the package: servers read the incoming header with it, clients the outgoing one.
package struct Traceparent: Hashable, Sendable {
    package var traceID: String
    package var parentID: String
    package var flags: String

    package init(traceID: String, parentID: String, flags: String) {
        self.traceID = traceID
        self.parentID = parentID
        self.flags = flags
    }
}

extension Traceparent {
    /// nil unless `header` is valid by W3C Trace Context: lower-case hex throughout, a version other than `ff`,
    /// a non-zero 32-digit trace id, a non-zero 16-digit parent id and 2-digit flags. Version 00 has exactly these
    /// four fields; a later version may append more after a `-`, which are ignored.
    package init?(_ header: String) {
        let bytes = Array(header.utf8)
        guard bytes.count >= 55, bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-") else { return nil }
        let version = String(decoding: bytes[0..<2], as: UTF8.self)
        guard Self.isHex(version, count: 2), version != "ff" else { return nil }
        let fieldsEnd = version == "00" ? bytes.count == 55 : (bytes.count == 55 || bytes[55] == UInt8(ascii: "-"))
        guard fieldsEnd else { return nil }
        let traceID = String(decoding: bytes[3..<35], as: UTF8.self)
        let parentID = String(decoding: bytes[36..<52], as: UTF8.self)
        let flags = String(decoding: bytes[53..<55], as: UTF8.self)
        guard Self.isTraceID(traceID), Self.isHex(parentID, count: 16), parentID != String(repeating: "0", count: 16), Self.isHex(flags, count: 2) else {
            return nil
        }
        self.init(traceID: traceID, parentID: parentID, flags: flags)
    }

    /// 32 lower-case hex digits, not all zero.
    package static func isTraceID(_ value: String) -> Bool {
        isHex(value, count: 32) && value != String(repeating: "0", count: 32)
    }

    /// A new random id of `count` lower-case hex digits (16 or 32), not all zero.
    package static func newID(digits count: Int = 16) -> String {
        var id = ""
        repeat {
            id = ""
            for _ in 0..<(count / 16) {
                let digits = String(UInt64.random(in: .min ... .max), radix: 16)
                id += String(repeating: "0", count: 16 - digits.utf8.count) + digits
            }
        } while id.utf8.allSatisfy { $0 == UInt8(ascii: "0") }
        return id
    }

    private static func isHex(_ value: String, count: Int) -> Bool {
        value.utf8.count == count && value.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}
