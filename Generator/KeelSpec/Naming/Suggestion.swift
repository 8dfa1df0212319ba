/// "Did you mean" hints for near-miss names.
public enum Suggestion {
    /// Longer names get no hint: comparing two texts costs the product of their lengths.
    static let longestHinted = 256

    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        guard name.count <= longestHinted else { return nil }
        let limit = max(1, name.count / 3)
        var best: (String, Int)?
        // The distance is at least the difference in length, so far longer or shorter candidates are skipped.
        for candidate in candidates where abs(candidate.count - name.count) <= limit {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// " (did you mean 'x'?)" or "" — appended to messages about unknown names.
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// "did you mean 'x'?" when a candidate is close, else `otherwise` (e.g. the list of valid names).
    public static func fix(for name: String, in candidates: some Sequence<String>, otherwise: String) -> String {
        closest(to: name, in: candidates).map { "did you mean '\($0)'?" } ?? otherwise
    }

    /// Edit distance counting an insertion, deletion, substitution or swap of neighbours as one edit
    /// (optimal string alignment), so `auht` is one edit from `auth`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
