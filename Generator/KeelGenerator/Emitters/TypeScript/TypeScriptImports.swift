import Foundation

/// The import lines of a generated module: exactly the names it uses from its sibling modules, so a project
/// compiling with `noUnusedLocals` accepts it.
enum TypeScriptImports {
    /// Stands where the template says `{{{imports}}}` until the rendered text tells which names it uses.
    private static let placeholder = "\u{1}imports\u{1}"

    /// Renders `template`, then puts in an import of every name of `modules` (path -> exported names) it uses.
    static func render(_ template: String, _ values: [String: Any], templates: TemplateLibrary, from modules: [String: Set<String>]) -> String {
        var context = values
        context["imports"] = placeholder
        let text = templates.render(template, context)
        let wanted: Set<String> = modules.values.reduce(into: []) { $0.formUnion($1) }
        // The byte scan matches names by their bytes: a name of other characters might equal an ASCII one only canonically.
        let used = TypeScriptASCIIScan.applies(to: text) && wanted.allSatisfy(ASCIIText.isASCII)
            ? TypeScriptASCIIScan.identifiers(in: text, among: wanted)
            : identifiers(in: text)
        let lines = modules.keys.sorted().compactMap { module -> String? in
            let names = modules[module, default: []].intersection(used).sorted()
            guard !names.isEmpty else { return nil }
            let line = "import { " + names.joined(separator: ", ") + " } from \"\(module)\";"
            // One name a line once they no longer fit on one, as formatters write them.
            return line.count <= 120 ? line : "import {\n" + names.map { "  \($0),\n" }.joined() + "} from \"\(module)\";"
        }
        return text.replacingASCII(placeholder, with: lines.joined(separator: "\n"))
    }

    /// The names a module exports (`export interface X`, `export function x`, ...).
    static func exports(of text: String) -> Set<String> {
        // Over bytes when every byte is a character: splitting 100,000 lines by `Character` costs more than the rest.
        if TypeScriptASCIIScan.applies(to: text) { return TypeScriptASCIIScan.exports(of: text) }
        var names: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("export ") {
            let words = line.split(whereSeparator: { !isIdentifierCharacter($0) })
            if let name = words.dropFirst().first(where: { !exportKeywords.contains(String($0)) }) {
                names.insert(String(name))
            }
        }
        return names
    }

    /// The words between `export` and the name: `export declare? (type|interface|function|const|class|async function) Name`.
    static let exportKeywords: Set<String> = ["type", "interface", "function", "const", "class", "async", "declare", "let"]

    /// The identifiers of the code, leaving out comments and string literals (a name a comment mentions is not used).
    private static func identifiers(in text: String) -> Set<String> {
        var names: Set<String> = []
        var current = ""
        var characters = text.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return characters.next()
        }
        func finishName() {
            if !current.isEmpty { names.insert(current) }
            current = ""
        }
        while let character = next() {
            if isIdentifierCharacter(character) {
                current.append(character)
                continue
            }
            finishName()
            switch character {
            case "/":
                let following = next()
                if following == "/" {
                    while let skipped = next(), skipped != "\n" {}
                } else if following == "*" {
                    var previous: Character = " "
                    while let skipped = next(), !(previous == "*" && skipped == "/") { previous = skipped }
                } else {
                    pending = following
                }
            case "\"", "'":
                var escaped = false
                while let skipped = next(), escaped || skipped != character { escaped = !escaped && skipped == "\\" }
            default:
                break
            }
        }
        finishName()
        return names
    }

    private static func isIdentifierCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "$"
    }
}
