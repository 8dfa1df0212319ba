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
        /// Typed Swift clients of this spec and of each of `dependencies` (off unless set).
        public var swiftClient: String?

        public init(swift: String?, migrations: String?, marchproxy: String?, typescript: String?, openapi: String?, swiftClient: String? = nil) {
            self.swift = swift
            self.migrations = migrations
            self.marchproxy = marchproxy
            self.typescript = typescript
            self.openapi = openapi
            self.swiftClient = swiftClient
        }
    }

    /// The directory holding `keel.yaml`; relative paths in it are resolved from here.
    public var root: String
    /// A spec file or a directory of spec files.
    public var spec: String
    public var dialects: [Dialect]
    public var outputs: Outputs
    /// A directory of template overrides, if any.
    public var templates: String?
    /// Breaking changes accepted on purpose (`acknowledged:`), which `keel diff` does not fail on.
    public var acknowledged: [Acknowledgement] = []
    /// The services this one calls (`dependencies:`), each with the `keel.yaml` of its spec, in name order.
    public var dependencies: [ServiceDependency] = []
    public var location: SourceLocation?

    /// Settings built by a tool rather than read from `keel.yaml` (which `ProjectLoader` does).
    public init(root: String, spec: String, dialects: [Dialect], outputs: Outputs, templates: String? = nil, location: SourceLocation? = nil) {
        self.root = root
        self.spec = spec
        self.dialects = dialects
        self.outputs = outputs
        self.templates = templates
        self.location = location
    }
}
