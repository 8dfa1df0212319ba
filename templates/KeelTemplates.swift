import Foundation

/// Keel's built-in Mustache templates, shipped as resources of this module.
public enum KeelTemplates {
    /// The folder holding `swift/` and `typescript/` template folders.
    public static var directory: URL? { Bundle.module.resourceURL }
}
