import Foundation

/// The options bounding a value (`min`, `max`, `min_length`, `max_length`, `pattern`), read and checked the same
/// way for columns, custom endpoint parameters and fields of `types:`.
extension SpecResolver {
    static let numericKeywords = ["int", "int32", "float", "decimal"]
    static let textKeywords = ["string", "text"]
    /// The bounding options, with the types they belong to.
    static let boundOptions: [String: [String]] = [
        "min": numericKeywords, "max": numericKeywords,
        "min_length": textKeywords, "max_length": textKeywords, "pattern": textKeywords,
    ]

    /// Reports, at the option, each option of `options` that belongs to other types than `keyword`; `noun` names
    /// what carries it (`column`, `parameter`, `field`).
    func checkOptionsApply(_ options: Fields, typeOptions: [String: [String]], keyword: String, noun: String, name: String) {
        for option in options.entries where typeOptions[option.key].map({ !$0.contains(keyword) }) ?? false {
            let applies = typeOptions[option.key, default: []].joined(separator: ", ")
            diagnostics.error(option.keyValue.location, "option '\(option.key)' does not apply to \(keyword) \(noun) '\(name)'; it is for: \(applies)")
        }
    }

    /// The bounds `options` state, each read with its own message when it is not of the right kind.
    func readBounds(_ options: Fields) -> ValueBounds {
        ValueBounds(
            min: options.present("min").flatMap { reader.number($0, "'min'") },
            max: options.present("max").flatMap { reader.number($0, "'max'") },
            minLength: options.present("min_length").flatMap { reader.int($0, "'min_length'", in: 0...Int(Int32.max)) },
            maxLength: options.present("max_length").flatMap { reader.int($0, "'max_length'", in: 1...Int(Int32.max)) },
            pattern: options.present("pattern").flatMap { checkPattern($0) }
        )
    }

    /// Bounds that contradict each other or the type: a minimum above its maximum, an int32 bound outside int32.
    func checkBounds(_ bounds: ValueBounds, keyword: String, options: Fields, what: String, at location: SourceLocation) {
        if let min = bounds.min, let max = bounds.max, min > max {
            diagnostics.error(options["min"]?.location ?? location, "\(what) has min \(NumberText.format(min)) greater than max \(NumberText.format(max))")
        }
        if let min = bounds.minLength, let max = bounds.maxLength, min > max {
            diagnostics.error(options["min_length"]?.location ?? location, "\(what) has min_length \(min) greater than max_length \(max)")
        }
        if keyword == "int32" {
            for (key, number) in [("min", bounds.min), ("max", bounds.max)] {
                if let number, let value = options[key], !(Double(Int32.min)...Double(Int32.max)).contains(number) {
                    diagnostics.error(value.location, "\(key) \(NumberText.format(number)) is outside the range of int32; use 'int'")
                }
            }
        }
    }

    private func checkPattern(_ value: YAMLValue) -> String? {
        guard let pattern = reader.string(value, "'pattern'") else { return nil }
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return pattern
        } catch {
            diagnostics.error(value.location, "'pattern' is not a valid regular expression: \(pattern)")
            return nil
        }
    }
}
