/// Reads fixed-width decimal fields of dates and times from their bytes, without making strings.
package enum ASCIIDigits {
    /// The number the bytes spell, or nil when one of them is not a digit.
    package static func value(_ digits: some Collection<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
