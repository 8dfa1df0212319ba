import Foundation

/// Where the storefront finds the migrations `keel generate` wrote, bundled with it by SwiftPM.
public enum StorefrontResources {
    public static var migrationsDirectory: String {
        Bundle.module.url(forResource: "migrations", withExtension: nil)?.path ?? "specs/storefront/generated/migrations"
    }
}
