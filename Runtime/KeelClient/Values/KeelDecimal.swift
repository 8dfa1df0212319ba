/// A spec's `decimal`: the digits as the service sent them, a JSON string on the wire, so none is lost to
/// binary floating point. Convert with `Decimal(string:)` where arithmetic is needed.
public struct KeelDecimal: Sendable, Hashable, Codable, CustomStringConvertible {
    public let description: String

    /// `12.50`, `-3`, `0.0001`; nil for anything that is not a plain decimal number.
    public init?(_ text: String) {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ part in part.allSatisfy { ("0"..."9").contains($0) } }),
              parts.count == 1 || !parts[1].isEmpty
        else { return nil }
        description = text
    }

    private init(digits: String) {
        description = digits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = KeelDecimal(text) {
            self = value
        } else if let whole = try? container.decode(Int64.self) {
            self.init(digits: String(whole))
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a decimal number"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
