/// A unified diff of two texts (line-based, longest common subsequence), for `keel check --diff`.
public enum UnifiedDiff {
    public static func make(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < edits.count {
            guard edits[index].kind != " " else { index += 1; continue }
            // A hunk: this change plus following changes within 2*context unchanged lines.
            let start = max(0, index - context)
            var end = index
            while end < edits.count {
                if edits[end].kind != " " { end += 1; continue }
                let nextChange = edits[end...].firstIndex { $0.kind != " " } ?? edits.count
                if nextChange - end > 2 * context || nextChange == edits.count { break }
                end = nextChange
            }
            end = min(edits.count, end + context)
            let hunk = edits[start..<end]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            out += "@@ -\(oldStart),\(hunk.filter { $0.kind != "+" }.count) +\(newStart),\(hunk.filter { $0.kind != "-" }.count) @@\n"
            for edit in hunk { out += edit.kind + edit.text + "\n" }
            index = end
        }
        return out
    }

    private struct Edit {
        var kind: String
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        // Trim the common prefix and suffix first: generated files usually differ in a few lines.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits = (0..<prefix).map { Edit(kind: " ", text: a[$0], oldLine: $0, newLine: $0) }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                edits.append(Edit(kind: " ", text: x[i], oldLine: prefix + i, newLine: prefix + j)); i += 1; j += 1
            } else if i < x.count, j == y.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                edits.append(Edit(kind: "-", text: x[i], oldLine: prefix + i, newLine: prefix + j)); i += 1
            } else {
                edits.append(Edit(kind: "+", text: y[j], oldLine: prefix + i, newLine: prefix + j)); j += 1
            }
        }
        for k in 0..<suffix {
            edits.append(Edit(kind: " ", text: a[a.count - suffix + k], oldLine: a.count - suffix + k, newLine: b.count - suffix + k))
        }
        return edits
    }
}
