import Foundation

/// Where the example service finds the migrations `keel generate` wrote, bundled with it by SwiftPM.
public enum ExampleResources {
    public static var migrationsDirectory: String {
        Bundle.module.url(forResource: "migrations", withExtension: nil)?.path ?? "specs/example/generated/migrations"
    }
}
