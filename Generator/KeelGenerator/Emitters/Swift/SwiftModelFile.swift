/// Where the Swift output writes a table's model: `Models/<Model>.swift`, or `Models/<Model>+Table.swift` when the
/// model's name is, in any case, the name of another file the output writes (`Service.swift`, `Endpoints07.swift`):
/// SwiftPM names a module's object files by their source's file name, so two `Service.swift` stop the build (and a
/// case-insensitive disk holds one of `API.swift` and `Api.swift`). No model name holds a `+`.
enum SwiftModelFile {
    static let folder = "Models"
    private static let suffix = "+Table"
    /// The other files' names, lowercased and without `.swift`: the fixed ones, the endpoint shards
    /// (`Endpoints07`) and the table-module mode's route shards (`KeelTables07`).
    private static let fixed: Set<String> = ["api", "licensing", "migrations", "routes", "service", "types"]

    /// `Models/Product.swift`, or `Models/Service+Table.swift`.
    static func path(of model: String) -> String {
        folder + "/" + model + (clashes(model.lowercased()) ? suffix : "") + ".swift"
    }

    /// The model a file of `folder` holds: `Product.swift` and `Product+Table.swift` hold `Product`.
    static func model(ofFile name: String) -> String {
        let stem = name.hasSuffix(".swift") ? String(name.dropLast(".swift".count)) : name
        return stem.hasSuffix(suffix) ? String(stem.dropLast(suffix.count)) : stem
    }

    private static func clashes(_ stem: String) -> Bool {
        if fixed.contains(stem) { return true }
        for prefix in ["endpoints", "keeltables"] where stem.hasPrefix(prefix) {
            let digits = stem.dropFirst(prefix.count)
            if !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) { return true }
        }
        return false
    }
}
