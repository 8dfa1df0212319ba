import Foundation

/// `keel.yaml`: where the spec is and where each output goes. Paths are absolute here.
public struct ProjectSettings: Hashable, Sendable {
    /// Output locations; nil means that output is turned off (`typescript: null`).
    public struct Outputs: Hashable, Sendable {
        public var swift: String?
        public var migrations: String?
        public var marchproxy: String?
        public var typescript: String?
        /// A file, unlike the others, which are directories.
        public var openapi: String?
    }

    /// The directory holding `keel.yaml`; relative paths in it are resolved from here.
    public var root: String
    /// A spec file or a directory of spec files.
    public var spec: String
    public var dialects: [Dialect]
    public var outputs: Outputs
    /// A directory of template overrides, if any.
    public var templates: String?
    public var location: SourceLocation?
}
