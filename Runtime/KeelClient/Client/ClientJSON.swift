import Foundation

/// The JSON a Keel service reads and writes: keys as the spec names them (the generated types' coding keys),
/// instants in ISO 8601 UTC with microseconds, bytes in base64, decimals and dates as strings.
public enum ClientJSON {
    /// A new encoder (JSONEncoder is not Sendable, so each call makes its own).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(WireTimestamp.format(date))
        }
        return encoder
    }

    /// A new decoder reading what ``encoder()`` writes, and instants with any number of fraction digits.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = WireTimestamp.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not an ISO 8601 date and time"))
            }
            return date
        }
        return decoder
    }
}
