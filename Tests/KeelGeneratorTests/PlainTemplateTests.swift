import Foundation
import KeelTemplates
import Mustache
import Testing
@testable import KeelGenerator

/// The plain-template renderer against swift-mustache itself: every template and context must give the same bytes.
struct PlainTemplateTests {
    /// Contexts of the shapes emitters pass: nested dictionaries, lists of them, booleans, numbers, empty lists.
    static var context: [String: Any] {
        [
            "name": "Order", "count": 3, "yes": true, "no": false, "empty": [[String: Any]](), "words": ["a", "b"],
            "doc": "line\n/// more",
            "items": [
                ["name": "first", "last": false, "tags": [["tag": "x"], ["tag": "y"]]] as [String: Any],
                ["name": "second", "last": true, "tags": [[String: String]](), "doc": false] as [String: Any],
            ],
            "pairs": [["k": "1"], ["k": "2"]] as [[String: String]],
            "inner": ["name": "nested", "deep": ["name": "deeper"] as [String: Any]] as [String: Any],
        ]
    }

    static let templates = [
        "plain text\n", "{{{name}}}", "a {{{name}}} b\n{{{count}}} {{{yes}}} {{{no}}} {{{missing}}}.\n",
        "{{#items}}\n  {{{name}}}\n{{/items}}\n", "{{#items}}{{{name}}},{{/items}}\n",
        "  {{#items}}\n    - {{{name}}}{{#tags}} {{{tag}}}{{/tags}}\n  {{/items}}\nend\n",
        "{{^empty}}\nnothing {{{name}}}\n{{/empty}}\n", "{{#empty}}\nnever\n{{/empty}}\n{{^items}}never{{/items}}\n",
        "{{#yes}}\ny {{{name}}}\n{{/yes}}\n{{#no}}\nn\n{{/no}}\n{{^no}}\n not\n{{/no}}\n",
        "{{#inner}}{{{name}}} {{#deep}}{{{name}}} {{{count}}}{{/deep}}{{/inner}}\n",
        "{{#items}}{{#doc}}/// {{{doc}}}\n{{/doc}}{{{name}}}\n{{/items}}",
        "x {{#items}}\n{{/items}}\n", "\t{{#words}}[{{/words}}]\n", "{{# items }}{{{ name }}}{{/ items }}\n",
        "{{#pairs}}{{{k}}}{{^last}},{{/last}}{{/pairs}}\n", "{{#name}}{{{name}}}!{{/name}}{{#count}}{{{count}}}{{/count}}\n",
        "a\n  {{#yes}}  \n  b\n  {{/yes}}\t\nc", "{{#yes}}\n{{/yes}}", "   \n  {{{name}}}\n   ", "{ {{{name}}} }{\n",
        "{{#items}}\n{{#last}}\nlast: {{{name}}}\n{{/last}}\n{{/items}}\n", "x{{#yes}}\n{{/yes}}\n  {{#yes}}\nz\n{{/yes}}\n",
    ]

    @Test func rendersAsSwiftMustache() throws {
        for text in Self.templates {
            let plain = try #require(PlainTemplate(text), "\(text.debugDescription) is plain")
            let expected = try MustacheTemplate(string: text).render(Self.context)
            #expect(try plain.render(Self.context) == expected, "\(text.debugDescription)")
        }
    }

    @Test func everyBuiltInTemplateIsPlain() throws {
        let directory = try #require(KeelTemplates.directory?.path)
        let names = try #require(FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]).filter { $0.hasSuffix(".mustache") }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            #expect(PlainTemplate(text) != nil, "\(name) uses more than the plain subset")
        }
    }

    @Test func otherTagsAndLineEndsAreLeftToSwiftMustache() {
        for text in ["{{name}}", "{{& name}}", "{{! note}}", "{{> part}}", "{{=<% %>=}}", "{{{a.b}}}", "{{{.}}}", "a\r\nb", "{{{ x }}} \u{301}", "{{#a}}", "{{"] {
            #expect(PlainTemplate(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func valuesOfOtherTypesAreLeftToSwiftMustache() throws {
        let plain = try #require(PlainTemplate("{{{value}}}"))
        #expect(throws: PlainTemplate.Unsupported.self) { try plain.render(["value": 1.5]) }
        #expect(throws: PlainTemplate.Unsupported.self) { try plain.render(["value": Optional("x") as Any]) }
        // Through the library such a value still renders, with swift-mustache.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keel-plain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("swift"), withIntermediateDirectories: true)
        try "{{{value}}} {{#value}}set{{/value}}".write(to: directory.appendingPathComponent("swift/Licensing.swift.mustache"), atomically: true, encoding: .utf8)
        let library = try TemplateLibrary.load(overrideDirectory: directory.path).get()
        #expect(library.render("swift/Licensing.swift", ["value": 1.5]) == "1.5 set")
    }
}
