/// A count with its noun for messages and comments: `1 table`, `2 tables` (nouns whose plural adds an `s`).
package enum CountText {
    package static func of(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
