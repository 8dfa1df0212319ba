/// Changes a spec the ways a person or a broken tool might: lines lost, doubled, moved or borrowed from other
/// specs, values swapped for edge cases (empty, huge, non-ASCII, wrongly typed), anchors and alias bombs,
/// deep nesting, stray bytes, files dropped or doubled.
struct Mutator {
    /// Words of the seed specs (keys, names, types), so mutants keep referring to things that exist.
    let dictionary: [[UInt8]]
    /// Lines of the seed specs, to splice into others.
    let donorLines: [[UInt8]]

    init(seeds: [FuzzCase]) {
        var words = Set<[UInt8]>(), lines = Set<[UInt8]>()
        for seed in seeds {
            for file in seed.files {
                for slice in file.bytes.split(separator: 10, omittingEmptySubsequences: true) {
                    let line = Array(slice)
                    lines.insert(line)
                    for range in Self.tokens(in: line) where range.count <= 40 {
                        words.insert(Array(line[range]))
                    }
                }
            }
        }
        // Sorted, so the same seeds give the same run.
        dictionary = words.sorted { $0.lexicographicallyPrecedes($1) }
        donorLines = lines.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// `base` with one mutation applied, or (one time in three) two to eight.
    func mutate(_ base: FuzzCase, _ random: inout SplitMix) -> FuzzCase {
        var input = base
        // Mostly one change, so many mutants stay valid and reach the emitters.
        let count = random.below(3) > 0 ? 1 : 2 + random.below(7)
        for _ in 0..<count {
            mutateOnce(&input, &random)
        }
        input.files.sort { $0.name < $1.name }
        return input
    }

    private func mutateOnce(_ input: inout FuzzCase, _ random: inout SplitMix) {
        if input.files.isEmpty {
            input.files.append(.init(name: "spec.yaml", bytes: random.pick(donorLines)))
            return
        }
        let index = random.below(input.files.count)
        switch random.below(100) {
        case 0..<3: mutateFiles(&input, index, &random)
        case 3..<5: mutateSettings(&input, &random)
        case 5..<12: input.files[index].bytes = mutateBytes(input.files[index].bytes, &random)
        case 12..<16: input.files[index].bytes = Structures.insertAliasBomb(input.files[index].bytes, &random)
        default:
            var lines = input.files[index].bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
            mutateLines(&lines, &random)
            input.files[index].bytes = Array(lines.joined(separator: [10]))
        }
    }

    private func mutateFiles(_ input: inout FuzzCase, _ index: Int, _ random: inout SplitMix) {
        switch random.below(3) {
        case 0 where input.files.count > 1:
            input.files.remove(at: index)
        case 1:
            // The same sections twice, in two files.
            var copy = input.files[index]
            copy.name = "z-copy-\(random.below(1000))-" + copy.name
            input.files.append(copy)
        default:
            // A line moves to another file.
            let other = random.below(input.files.count)
            var from = input.files[index].bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
            var to = input.files[other].bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
            guard !from.isEmpty else { return }
            let line = from.remove(at: random.below(from.count))
            to.insert(line, at: random.below(to.count + 1))
            input.files[index].bytes = Array(from.joined(separator: [10]))
            input.files[other].bytes = Array(to.joined(separator: [10]))
        }
    }

    private func mutateSettings(_ input: inout FuzzCase, _ random: inout SplitMix) {
        switch random.below(3) {
        case 0: input.exampleHistory.toggle()
        case 1: input.allowDestructive.toggle()
        default: input.embedsMigrations.toggle()
        }
    }

    private func mutateLines(_ lines: inout [[UInt8]], _ random: inout SplitMix) {
        guard !lines.isEmpty else { return }
        let at = random.below(lines.count)
        switch random.below(100) {
        case 0..<35:
            lines[at] = replaceToken(in: lines[at], &random)
        case 35..<45:
            lines.remove(at: at)
        case 45..<52:
            // Doubled: duplicate keys, or a list item twice.
            lines.insert(lines[at], at: at)
        case 52..<57:
            let other = random.below(lines.count)
            lines.swapAt(at, other)
        case 57..<72:
            // A line of another spec, indented like its new neighbour.
            let donor = random.pick(donorLines)
            let indent = lines[at].prefix { $0 == 32 }
            lines.insert(Array(indent) + donor.drop { $0 == 32 }, at: random.oneIn(2) ? at : at + 1)
        case 72..<78:
            // A block of lines doubled elsewhere.
            let end = min(lines.count, at + 1 + random.below(12))
            let block = Array(lines[at..<end])
            lines.insert(contentsOf: block, at: random.below(lines.count + 1))
        case 78..<84:
            let indent = lines[at].prefix { $0 == 32 }.count
            if random.oneIn(2), indent >= 2 { lines[at].removeFirst(2) } else { lines[at].insert(contentsOf: [32, 32], at: 0) }
        case 84..<88:
            lines[at] = Structures.nest(lines[at], &random)
        case 88..<91:
            lines.removeSubrange(at...)
        case 91..<94:
            // An anchor on one value and an alias to it on another.
            let name = Array("a\(random.below(4))".utf8)
            lines[at] = replaceToken(in: lines[at], with: [38] + name + [32] + random.pick(dictionary), &random)
            let later = at + random.below(lines.count - at)
            lines[later] = replaceToken(in: lines[later], with: [42] + name, &random)
        default:
            lines[at] = Array(lines[at].prefix(random.below(lines[at].count + 1))) + random.pick(Structures.tokens)
        }
    }

    /// The line with one of its words replaced: a number mostly by an edge-case number, another word by a word
    /// of the seeds or an edge-case value.
    private func replaceToken(in line: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        let ranges = Self.tokens(in: line)
        guard !ranges.isEmpty else { return line + [32] + Structures.interestingValue(&random) }
        let range = random.pick(ranges)
        let isNumber = line[range].allSatisfy { (48...57).contains($0) || $0 == 45 || $0 == 46 }
        let replacement = isNumber && !random.oneIn(4) ? Array(random.pick(Structures.numbers).utf8)
            : random.below(3) == 0 ? random.pick(dictionary) : Structures.interestingValue(&random)
        var result = line
        result.replaceSubrange(range, with: replacement)
        return result
    }

    private func replaceToken(in line: [UInt8], with replacement: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        let ranges = Self.tokens(in: line)
        guard !ranges.isEmpty else { return line + [32] + replacement }
        var result = line
        result.replaceSubrange(random.pick(ranges), with: replacement)
        return result
    }

    private func mutateBytes(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return random.pick(Structures.tokens) }
        let at = random.below(bytes.count)
        switch random.below(6) {
        case 0: bytes[at] ^= UInt8(1 << random.below(8))
        case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(16)))
        case 3: bytes.insert(contentsOf: random.pick(Structures.tokens), at: at)
        case 4: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        default: bytes.removeSubrange(at...)
        }
        return bytes
    }

    /// The ranges of the words of a line: runs of bytes between YAML's punctuation and spaces.
    static func tokens(in line: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for (index, byte) in line.enumerated() {
            let delimiter = [32, 9, 58, 44, 91, 93, 123, 125, 34, 39, 35, 13].contains(byte)
            if delimiter {
                if let first = start { ranges.append(first..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { ranges.append(first..<line.count) }
        return ranges
    }
}
