/// The edge cases mutations draw on: values of every YAML type and size, punctuation, nesting and alias bombs.
enum Structures {
    static let values: [String] = [
        "\"\"", "''", ">", "|", "|-", ">+", "~", "null", "Null", "-1", "0", "1", "-0", "+1", "007", "08", "2147483647", "2147483648",
        "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999", "1e309", "-1e309", "1e-400", "1e18", ".nan", ".inf", "-.inf", "0x7fffffffffffffff",
        "0xffffffffffffffffff", "0o777", "0b101", "1_000", "0.5", "1.0e+3", "-0.0", "true", "false", "yes", "no", "on", "off",
        "[]", "{}", "[ ]", "[a, b]", "[[]]", "[{}]", "{ a: 1 }", "{ type: json }", "\"\\0\"", "\"\\t\"", "\"a\\u0000b\"", "\"\\r\\n\"",
        "é", "\"🙂\"", "Ünïcödé", "日本語", "\"\\u202e\"", "\"\\uFEFF\"", "'x x'", "\"/\"", "/", "//", "/{id}", "/{}", "{id}",
        "'{'", "'}'", "'{id'", "/a/{id}/{id}", "/a/../b", "/a?b", "/a#b", "'*'", "'&'", "!!int 1", "!!str 1", "!!binary aGk=",
        "!!float 1", "!!null ''", "!!bool x", "!!map {}", "!!seq []", "!custom x", "!!timestamp 2001-12-14", "2001-12-14",
        "2001-12-14t21:59:43.10-05:00", "12:30", "1:30:00", "_", "__", "1abc", "-", "'- -'", "'? x'", "'%'", "'@x'", "'`x`'",
        "\"\\t\"", "x:y", "'x: y'", "a.b", "a-b", "'a b'", "ID", "Id", "SELECT", "select", "self", "Self", "class", "default",
        "type", "Type", "public", "constructor", "__proto__", "prototype", "Object", "Date", "Error", "Promise", "String",
        "Int", "Array", "Optional", "Codable", "Model", "Models", "Routes", "API", "Service", "User", "users", "keel_config",
        "keel_migrations", "id", "string", "text", "int", "bigint", "float", "decimal", "bool", "json", "timestamp", "date",
        "uuid", "bytes", "email", "url", "enum", "now", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
        "local", "none", "jwt", "oidc", "free", "enterprise", "http", "https", "tcp", "grpc", "admin", "viewer", "maintainer",
        "$ref", "'#/x'", "'\\\\'", "\"\\\\u0041\"", "'\"'", "'''", "\"${x}\"", "'{{x}}'", "'<script>'", "'*/'", "'/*'", "'--'",
        "';'", "'`'", "'\\n'", "\"\\x7f\"", "\"\\x80\"", "\"\\xff\"", "\"\\uD800\"", "\"\\U0010FFFF\"",
    ]

    /// Numbers at the edges of Int, Double and the databases' types, for fields that take numbers.
    static let numbers: [String] = [
        "0", "1", "-1", "2", "-0", "0.0", "0.1", "1.5", "-1.5", "63", "64", "65", "127", "128", "255", "256", "32767", "32768",
        "65535", "65536", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
        "9007199254740991", "9007199254740993", "9223372036854775807", "-9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "18446744073709551615", "1e18", "1e19", "1e308", "1e309", "-1e309", "4.9e-324", "1e-400",
        ".inf", "-.inf", ".nan", "0x7FFFFFFFFFFFFFFF", "-0x8000000000000000", "0o17", "1_0", "65_535", "00", "010",
    ]

    /// Bytes that mean something to YAML, or to a scanner.
    static let tokens: [[UInt8]] = [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!int ", "!!str ", "#", "'", "\"", "\t", "\0", "%YAML 1.2\n",
        "---\n", "...\n", "\n", "\r\n", "\r", "? ", "|", ">", "@", "`", "\\", "\u{FEFF}", "\u{85}", "\u{2028}", "é", "\u{7F}",
        "<<: *a\n", "!", "!<tag:x>", "&", "*",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static func interestingValue(_ random: inout SplitMix) -> [UInt8] {
        switch random.below(40) {
        case 0: return Array(repeating: UInt8(ascii: "a"), count: 64 + random.below(3) - 1)
        case 1: return Array(repeating: UInt8(ascii: "x"), count: 200 + random.below(2000))
        case 2 where random.oneIn(8): return Array(repeating: UInt8(ascii: "n"), count: 70_000)
        case 3: return Array(String(repeating: "9", count: 1 + random.below(400)).utf8)
        case 4: return Array(("\"" + String(repeating: "é🙂", count: 1 + random.below(100)) + "\"").utf8)
        default: return Array(random.pick(values).utf8)
        }
    }

    /// The line's value wrapped in many levels of lists or mappings.
    static func nest(_ line: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        let depth = random.pick([5, 50, 200, 998, 1001, 5000])
        let (open, close): (String, String) = random.oneIn(2) ? ("[", "]") : ("{a: ", "}")
        let value = Array((String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)).utf8)
        guard let colon = line.firstIndex(of: 58) else { return line + [32] + value }
        return Array(line[...colon]) + [32] + value
    }

    /// Anchors whose aliases expand tenfold per level (the "billion laughs"), defined at the top of the file and
    /// used by one to three values further down.
    static func insertAliasBomb(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        let levels = 9
        var definitions: [String] = []
        for level in 0..<levels {
            let item = level == 0 ? "lol" : "*q\(level - 1)"
            definitions.append("&q\(level) [" + Array(repeating: item, count: 10).joined(separator: ", ") + "]")
        }
        for level in 0..<levels {
            let item = level == 0 ? "lol" : "*p\(level - 1)"
            definitions.append("&p\(level) {" + (0..<10).map { "k\($0): \(item)" }.joined(separator: ", ") + "}")
        }
        let prelude = Array("x-anchors: [\(definitions.joined(separator: ", "))]\n".utf8)
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<(1 + random.below(3)) where !lines.isEmpty {
            let at = random.below(lines.count)
            let alias = Array("*\(random.oneIn(2) ? "q" : "p")\(3 + random.below(levels - 3))".utf8)
            let ranges = Mutator.tokens(in: lines[at])
            if ranges.count > 1 { lines[at].replaceSubrange(ranges[1 + random.below(ranges.count - 1)], with: alias) }
        }
        return prelude + Array(lines.joined(separator: [10]))
    }
}
