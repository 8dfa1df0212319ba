import Logging

/// What every route of a running service shares: the database, access control, the license and the spec's
/// licensing facts. Generated routes and the service's own handlers receive it.
///
/// A class, though nothing in it changes: every route closure and every custom endpoint's input holds it, and a
/// reference is one word to copy where the fields are fifteen. The machine code of the generated endpoints fell by
/// a third (bench/compile-time.md).
public final class ServiceContext: Sendable {
    public let database: any Database
    /// `service.base_path`, which `Location` headers start with.
    public let basePath: String
    public let access: AccessControl
    public let license: LicenseManager
    public let licensing: LicensingModel
    /// The roles the spec declares (`roles:`), which users may be given.
    public let roles: [String]
    /// The spec's `config` settings as stored in the database.
    public let config: ConfigStore
    public let logger: Logger

    public init(database: any Database, basePath: String, access: AccessControl, license: LicenseManager, licensing: LicensingModel, roles: [String], config: ConfigStore, logger: Logger) {
        self.database = database
        self.basePath = basePath
        self.access = access
        self.license = license
        self.licensing = licensing
        self.roles = roles
        self.config = config
        self.logger = logger
    }
}
