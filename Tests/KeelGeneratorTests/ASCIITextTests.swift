import Foundation
import Testing
@testable import KeelGenerator

/// The byte-level text edits give exactly what Foundation's character-level ones give.
struct ASCIITextTests {
    @Test(arguments: [
        ("", "ab", "X"), ("ab", "ab", "X"), ("xaby", "ab", ""), ("aaa", "aa", "b"), ("abab", "ab", "ab"),
        ("no match here", "zz", "X"), ("\u{1}imports\u{1}\nbody\n", "\u{1}imports\u{1}", "import { A } from \"./a\";"),
        ("end with ab", "ab", "Z"), ("ab at the start", "ab", "Z"), ("café ab", "ab", "X"),
    ])
    func replacesAsFoundationDoes(text: String, target: String, replacement: String) {
        #expect(text.replacingASCII(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement))
    }

    @Test func replacesAsFoundationDoesOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in "ab\n".randomElement(using: &generator)! })
            let target = String((0..<Int.random(in: 1...3, using: &generator)).map { _ in "ab".randomElement(using: &generator)! })
            #expect(text.replacingASCII(target, with: "<>") == text.replacingOccurrences(of: target, with: "<>"), "\(text.debugDescription), \(target)")
        }
    }

    @Test func byteScansApplyToASCIIWithoutCarriageReturns() {
        #expect(TypeScriptASCIIScan.applies(to: ""))
        #expect(TypeScriptASCIIScan.applies(to: String(repeating: "export interface A {}\n", count: 1000)))
        #expect(!TypeScriptASCIIScan.applies(to: String(repeating: "a", count: 1000) + "\r\n"))
        #expect(!TypeScriptASCIIScan.applies(to: String(repeating: "a", count: 1000) + "é"))
        #expect(!TypeScriptASCIIScan.applies(to: "\r"))
    }
}
