/// A W3C `traceparent` header (Trace Context, level 1): `00-<trace id>-<parent id>-<flags>`.
struct Traceparent: Hashable {
    var traceID: String
    var parentID: String
    var flags: String
}

extension Traceparent {
    /// nil unless `header` is version 00 with a non-zero 32-digit trace id, a non-zero 16-digit parent id and 2-digit flags.
    init?(_ header: String) {
        let parts = header.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "00", Self.isTraceID(parts[1]), Self.isHex(parts[2], count: 16), parts[2] != String(repeating: "0", count: 16), Self.isHex(parts[3], count: 2) else {
            return nil
        }
        traceID = parts[1]
        parentID = parts[2]
        flags = parts[3]
    }

    /// 32 lower-case hex digits, not all zero.
    static func isTraceID(_ value: String) -> Bool {
        isHex(value, count: 32) && value != String(repeating: "0", count: 32)
    }

    /// A new random parent id: 16 lower-case hex digits, not all zero.
    static func newSpanID() -> String {
        let digits = String(UInt64.random(in: 1 ... .max), radix: 16)
        return String(repeating: "0", count: 16 - digits.utf8.count) + digits
    }

    private static func isHex(_ value: String, count: Int) -> Bool {
        value.utf8.count == count && value.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}
