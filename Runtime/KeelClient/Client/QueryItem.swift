/// One `name=value` of a query string; an absent value is left out.
public struct QueryItem: Sendable {
    public var name: String
    public var value: (any QueryValue)?

    public init(_ name: String, _ value: (any QueryValue)?) {
        self.name = name
        self.value = value
    }

    /// `?a=1&b=x%20y`, or empty when no item has a value.
    static func queryString(_ items: [QueryItem]) -> String {
        let pairs = items.compactMap { item in
            item.value.map { URLText.encode(item.name) + "=" + URLText.encode($0.queryText) }
        }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }
}

/// Percent-encoding of path segments and query parts: everything but RFC 3986's unreserved characters.
public enum URLText {
    /// `text` with every byte outside `A-Z a-z 0-9 - . _ ~` percent-encoded, as a path segment or query part.
    public static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// A path parameter's value as one path segment.
    public static func segment(_ value: some QueryValue) -> String {
        encode(value.queryText)
    }
}
