/// A count with its noun for messages: `1 character`, `2 characters` (nouns whose plural adds an `s`).
enum CountText {
    static func of(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
