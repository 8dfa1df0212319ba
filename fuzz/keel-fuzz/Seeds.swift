import Foundation

/// The specs mutations start from: every spec the repository holds, valid and invalid.
enum Seeds {
    /// The example spec (its files together), the invalid corpus, the TypeScript test spec, the `keel init`
    /// starter, `fuzz/corpus` and every saved failure in `fuzz/crashes` (the regression cases).
    static func load(root: String) -> [FuzzCase] {
        var seeds: [FuzzCase] = []
        if let example = FuzzCase.read(root + "/specs/example/spec") { seeds.append(example) }
        seeds += FuzzCase.readAll(in: root + "/Tests/KeelSpecTests/Invalid").map(\.case)
        if let everyType = FuzzCase.read(root + "/Tests/KeelGeneratorTests/TypeScript/every-type.yaml") { seeds.append(everyType) }
        if let starter = try? String(contentsOfFile: root + "/templates/init/starter-spec.yaml.mustache", encoding: .utf8) {
            let text = starter.replacingOccurrences(of: "{{{name}}}", with: "starter")
            seeds.append(FuzzCase(files: [.init(name: "starter.yaml", bytes: Array(text.utf8))]))
        }
        seeds += FuzzCase.readAll(in: root + "/fuzz/corpus").map(\.case)
        seeds += FuzzCase.readAll(in: root + "/fuzz/crashes").map(\.case)
        return seeds.filter { !$0.files.isEmpty }
    }
}
