/// Numbers as people write them: `10`, not `10.0`.
public enum NumberText {
    public static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
