import Foundation
import KeelGenerator
import KeelRuntime
import KeelSpec
import KeelTestSupport
import Testing

/// `keel init --from-database` on databases made by hand-written DDL: the spec it writes, the warnings it prints, and
/// that the tables stay as they are while later spec edits migrate from them.
@Suite(.serialized)
struct ImportDatabaseTests {
    /// The tables of a Flask + PyDAL service (PyDAL's auth tables and their column types), as PyDAL creates them.
    static func pyDAL(_ dialect: DatabaseDialect) -> [String] {
        let serial = dialect == .mysql ? "INT AUTO_INCREMENT NOT NULL" : "SERIAL"
        let key = dialect == .mysql ? ", PRIMARY KEY (id)" : ""
        let id = dialect == .mysql ? "id \(serial)" : "id \(serial) PRIMARY KEY"
        let text = dialect == .mysql ? "LONGTEXT" : "TEXT"
        let engine = dialect == .mysql ? " ENGINE=InnoDB" : ""
        return [
            """
            CREATE TABLE auth_user (\(id), first_name VARCHAR(128), last_name VARCHAR(128), email VARCHAR(255) UNIQUE,
              password VARCHAR(512), registration_key VARCHAR(512), reset_password_key VARCHAR(512), registration_id VARCHAR(512),
              is_active CHAR(1) DEFAULT 'T', created_on TIMESTAMP NULL, modified_on TIMESTAMP NULL\(key))\(engine)
            """,
            "CREATE TABLE auth_group (\(id), role VARCHAR(512), description \(text)\(key))\(engine)",
            """
            CREATE TABLE auth_membership (\(id), user_id INTEGER, group_id INTEGER\(key),
              FOREIGN KEY (user_id) REFERENCES auth_user (id) ON DELETE CASCADE, FOREIGN KEY (group_id) REFERENCES auth_group (id) ON DELETE CASCADE)\(engine)
            """,
            """
            CREATE TABLE auth_permission (\(id), group_id INTEGER, name VARCHAR(512), table_name VARCHAR(512), record_id INTEGER\(key),
              FOREIGN KEY (group_id) REFERENCES auth_group (id) ON DELETE CASCADE)\(engine)
            """,
            """
            CREATE TABLE auth_event (\(id), time_stamp TIMESTAMP NULL, client_ip VARCHAR(512), user_id INTEGER, origin VARCHAR(512), description \(text)\(key),
              FOREIGN KEY (user_id) REFERENCES auth_user (id) ON DELETE CASCADE)\(engine)
            """,
            "INSERT INTO auth_user (first_name, email, password, created_on) VALUES ('Ada', 'ada@example.com', 'pbkdf2(1000,20,sha512)$x', '2024-01-02 03:04:05')",
            "INSERT INTO auth_group (role, description) VALUES ('editors', 'May edit')",
            "INSERT INTO auth_membership (user_id, group_id) VALUES (1, 1)",
        ]
    }

    /// The URL `keel init --from-database` takes for a test database.
    static func url(_ configuration: DatabaseConfiguration) -> String {
        switch configuration {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let server): "postgres://\(server.user)@\(server.host):\(server.port)/\(server.database)"
        case .mysql(let server, _): "mysql://\(server.user)@\(server.host):\(server.port)/\(server.database)"
        }
    }

    /// A database made of `statements`, and a directory for the package.
    func database(_ dialect: DatabaseDialect, _ statements: [String]) async throws -> (DatabaseConfiguration, String) {
        let configuration = try await TestDatabases.fresh(dialect, name: "keel_import_\(dialect.rawValue)")
        try await DatabaseConnector.withDatabase(configuration) { database in
            for statement in statements { _ = try await database.execute(statement) }
        }
        let root = NSTemporaryDirectory() + "keel-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return (configuration, root)
    }

    /// The live columns of `table`, in order.
    func liveColumns(_ table: String, _ configuration: DatabaseConfiguration) async throws -> [String] {
        let sql = switch configuration.dialect {
        case .postgres: "SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
        case .mysql: "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION"
        case .sqlite: "SELECT name FROM pragma_table_info(?) ORDER BY cid"
        }
        return try await DatabaseConnector.withDatabase(configuration) { database in
            try await database.query(sql, [.text(table)]).compactMap { $0["name"]?.text }
        }
    }

    /// The `selected` column list that the runtime writes for `dialect` from the generated model's `TableLayout`
    /// (what the service's reads select).
    func generatedSelect(model: String, package: String, dialect: DatabaseDialect) throws -> String {
        var settings = try ProjectLoader.load(configPath: package + "/Sources/Legacy/keel.yaml").get()
        settings.outputs.swift = package + "/.generated-swift"
        let generation = try Generation.run(settings: settings).get()
        let source = try #require(generation.files.first { $0.path.hasSuffix("/Models/\(model).swift") }).contents
        let layout = try #require(source.range(of: "TableLayout(\n")).upperBound
        let lines = source[layout...].split(separator: "\n").prefix { !$0.contains(")") }.map { $0.trimmingCharacters(in: .whitespaces) }
        func strings(_ line: String) -> [String] { line.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) } }
        func argument(_ label: String) -> String { lines.first { $0.hasPrefix(label + ": ") } ?? "" }
        let name = try #require(strings(lines[0]).first)
        let id = try #require(strings(argument("id")).first)
        // `postgres: ["details": .json, "price": .decimal]`
        var postgres: [String: TableLayout.PostgresKind] = [:]
        for pair in argument("postgres").dropFirst("postgres: [".count).dropLast().split(separator: ", ") {
            let parts = pair.split(separator: ": .")
            postgres[String(parts[0].dropFirst().dropLast())] = switch parts[1] {
            case "decimal": .decimal
            case "date": .date
            default: .json
            }
        }
        let columns = strings(argument("columns"))
        return TableLayout(name, id: id, columns: columns, postgres: postgres).sql(dialect).selected
    }

    @Test(arguments: [DatabaseDialect.postgres, .mysql])
    func aPyDALDatabaseBecomesASpecWhoseMigrationsStartFromIt(_ dialect: DatabaseDialect) async throws {
        let (configuration, root) = try await database(dialect, Self.pyDAL(dialect))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "legacy", "--from-database", Self.url(configuration), "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let package = root + "/legacy"
        let spec = try String(contentsOfFile: package + "/Sources/Legacy/spec/legacy.yaml", encoding: .utf8)
        for line in [
            "  auth_user:\n    columns:\n      id: id\n      first_name: { type: string, max_length: 128, nullable: true }\n",
            "      email: { type: string, max_length: 255, nullable: true, unique: true }\n",
            "      is_active: { type: string, max_length: 1, nullable: true, default: \"T\" }\n",
            "      created_on: { type: timestamp, nullable: true }\n",
            "      description: { type: text, nullable: true }\n",
            "      user_id: { type: ref, table: auth_user, on_delete: cascade, nullable: true }\n",
            "      group_id: { type: ref, table: auth_group, on_delete: cascade, nullable: true }\n",
            "      record_id: { type: int32, nullable: true }\n",
            "endpoints:\n  - resource: auth_event\n  - resource: auth_group\n  - resource: auth_membership\n  - resource: auth_permission\n  - resource: auth_user\n",
        ] {
            #expect(spec.contains(line), "the spec lacks \(line)")
        }
        let idType = dialect == .mysql ? "INT(11)" : "INTEGER"
        #expect(run.stderr.contains("keel: warning: auth_user.id: is a 32-bit \(idType), mapped to id, which Keel makes 64-bit"))
        #expect(run.stderr.contains("keel: warning: auth_user.is_active: CHAR(1) is mapped to string (VARCHAR(1))"))
        #expect(spec.contains("# - auth_user.is_active: CHAR(1) is mapped to string (VARCHAR(1))"))

        // The package is current: generate writes nothing, and the only migration of this dialect is the baseline.
        let config = ["--config", "Sources/Legacy/keel.yaml"]
        let generate = try await CLITests.keel(["generate"] + config, in: package)
        #expect(generate.status == 0 && generate.stdout.hasPrefix("keel: 0 files changed"), "\(generate.stdout)\(generate.stderr)")
        let migrations = package + "/Sources/Legacy/migrations"
        #expect(try FileManager.default.contentsOfDirectory(atPath: migrations + "/" + dialect.rawValue) == [MigrationBaseline.migrationName])

        // Migrating the database records the baseline and Keel's own tables, and leaves the PyDAL tables and rows as they were.
        let before = try await liveColumns("auth_user", configuration)
        let migrate = try await CLITests.keel(["migrate", "--url", Self.url(configuration)] + config, in: package)
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("applied \(MigrationBaseline.migrationName)"))
        #expect(try await liveColumns("auth_user", configuration) == before)

        // What the generated service selects names every live column and reads the existing row.
        let selected = try generatedSelect(model: "AuthUser", package: package, dialect: dialect)
        let quote = dialect == .mysql ? "`" : "\""
        #expect(selected == before.map { quote + $0 + quote }.joined(separator: ", "))
        let rows = try await DatabaseConnector.withDatabase(configuration) { database in
            try await database.query("SELECT \(selected) FROM \(quote)auth_user\(quote)")
        }
        // Decoded as the generated model decodes its fields.
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(try row.decode("id", as: Int64.self) == 1)
        #expect(try row.decode("email", as: String.self) == "ada@example.com")
        #expect(try row.decode("is_active", as: String.self) == "T")
        #expect(try row.decode("created_on", as: Date.self) == Date(timeIntervalSince1970: 1_704_164_645))
        #expect(try row.decodeIfPresent("modified_on", as: Date.self) == nil)

        // The next spec edit migrates only its difference.
        let edited = spec.replacingOccurrences(of: "      role: { type: string, max_length: 512, nullable: true }\n",
                                               with: "      role: { type: string, max_length: 512, nullable: true }\n      sort_rank: { type: int, default: 0 }\n")
        #expect(edited != spec)
        try edited.write(toFile: package + "/Sources/Legacy/spec/legacy.yaml", atomically: true, encoding: .utf8)
        #expect(try await CLITests.keel(["generate"] + config, in: package).status == 0)
        let added = try FileManager.default.contentsOfDirectory(atPath: migrations + "/" + dialect.rawValue).filter { $0 != MigrationBaseline.migrationName }
        #expect(added.count == 1)
        let sql = try String(contentsOfFile: migrations + "/\(dialect.rawValue)/\(added.first ?? "")", encoding: .utf8)
        let statements = sql.split(separator: "\n").filter { !$0.hasPrefix("--") && !$0.isEmpty }
        #expect(statements == ["ALTER TABLE \(quote)auth_group\(quote) ADD COLUMN \(quote)sort_rank\(quote) BIGINT NOT NULL DEFAULT 0;"])
        let again = try await CLITests.keel(["migrate", "--url", Self.url(configuration)] + config, in: package)
        #expect(again.status == 0 && again.stdout.contains("keel: applied 1 migration"), "\(again.stdout)\(again.stderr)")
        #expect(try await liveColumns("auth_group", configuration) == ["id", "role", "description", "sort_rank"])
    }

    /// Tables and columns named with SQL and Swift reserved words, as real schemas have them.
    static func reserved(_ dialect: DatabaseDialect) -> [String] {
        let q = dialect == .mysql ? "`" : "\""
        func n(_ name: String) -> String { q + name + q }
        let id = dialect == .mysql ? "id BIGINT AUTO_INCREMENT PRIMARY KEY" : "id BIGSERIAL PRIMARY KEY"
        return [
            "CREATE TABLE \(n("user")) (\(id), \(n("key")) VARCHAR(64) NOT NULL UNIQUE, \(n("default")) BOOLEAN NOT NULL DEFAULT false, \(n("public")) BOOLEAN, \(n("internal")) BOOLEAN, \(n("class")) VARCHAR(20))",
            "CREATE TABLE \(n("group")) (\(id), \(n("select")) VARCHAR(40), \(n("from")) DATE, \(n("where")) VARCHAR(80), \(n("is")) INTEGER, \(n("return")) INTEGER, \(n("limit")) INTEGER, \(n("offset")) INTEGER)",
            """
            CREATE TABLE \(n("order")) (\(id), \(n("order")) INTEGER NOT NULL DEFAULT 0, \(n("group")) BIGINT, \(n("user")) BIGINT, \(n("value")) VARCHAR(80),
              FOREIGN KEY (\(n("group"))) REFERENCES \(n("group")) (id) ON DELETE SET NULL, FOREIGN KEY (\(n("user"))) REFERENCES \(n("user")) (id) ON DELETE CASCADE)
            """,
            "CREATE INDEX order_order_idx ON \(n("order")) (\(n("order")))",
            "INSERT INTO \(n("user")) (\(n("key")), \(n("public"))) VALUES ('k1', true)",
            "INSERT INTO \(n("group")) (\(n("select")), \(n("limit"))) VALUES ('s', 5)",
            "INSERT INTO \(n("order")) (\(n("order")), \(n("group")), \(n("user")), \(n("value"))) VALUES (3, 1, 1, 'v')",
        ]
    }

    @Test(arguments: [DatabaseDialect.postgres, .mysql])
    func reservedNamesImportAsTheyAre(_ dialect: DatabaseDialect) async throws {
        let (configuration, root) = try await database(dialect, Self.reserved(dialect))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "legacy", "--from-database", Self.url(configuration), "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let package = root + "/legacy"
        let spec = try String(contentsOfFile: package + "/Sources/Legacy/spec/legacy.yaml", encoding: .utf8)
        for line in [
            "  order:\n    columns:\n      id: id\n      order: { type: int32, default: 0 }\n      group: { type: ref, table: group, on_delete: set_null, nullable: true }\n",
            "      user: { type: ref, table: user, on_delete: cascade, nullable: true }\n",
            "  user:\n    model: UserRecord\n    columns:\n      id: id\n      key: { type: string, max_length: 64, unique: true }\n      default: { type: bool, default: false }\n",
            "      limit: { type: int32, nullable: true }\n",
            "  - resource: group\n  - resource: order\n  - resource: user\n",
        ] {
            #expect(spec.contains(line), "the spec lacks \(line)")
        }
        #expect(run.stderr.contains("keel: warning: user: its names would clash with those every Keel service gives its own types and endpoints; the spec calls its model UserRecord\n"))

        let config = ["--config", "Sources/Legacy/keel.yaml"]
        let generate = try await CLITests.keel(["generate"] + config, in: package)
        #expect(generate.status == 0 && generate.stdout.hasPrefix("keel: 0 files changed"), "\(generate.stdout)\(generate.stderr)")
        let migrate = try await CLITests.keel(["migrate", "--url", Self.url(configuration)] + config, in: package)
        #expect(migrate.status == 0, "\(migrate.stderr)")
        let quote = dialect == .mysql ? "`" : "\""
        let selected = try generatedSelect(model: "Order", package: package, dialect: dialect)
        #expect(selected == ["id", "order", "group", "user", "value"].map { quote + $0 + quote }.joined(separator: ", "))
        let row = try #require(try await DatabaseConnector.withDatabase(configuration) { try await $0.query("SELECT \(selected) FROM \(quote)order\(quote)") }.first)
        #expect(try row.decode("order", as: Int32.self) == 3)
        #expect(try row.decode("group", as: Int64.self) == 1)
        #expect(try row.decode("value", as: String.self) == "v")
    }

    @Test func whatKeelCannotSayIsNamedAndLeftOutOrMapped() async throws {
        let (configuration, root) = try await database(.postgres, [
            "CREATE TABLE pairs (a INT, b INT, PRIMARY KEY (a, b))",
            "CREATE TABLE loose (note TEXT)",
            "CREATE TABLE tokens (token UUID PRIMARY KEY)",
            "CREATE TABLE manual (id BIGINT PRIMARY KEY, label VARCHAR(20) NOT NULL, slug TEXT UNIQUE)",
            """
            CREATE TABLE priced (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, price NUMERIC(10, 2) NOT NULL DEFAULT 0 CHECK (price >= 0),
              addr INET NOT NULL, tags TEXT[], small SMALLINT, manual_id BIGINT REFERENCES manual (id) ON DELETE SET NULL,
              pair_a INT, pair_b INT, code VARCHAR(20), doubled NUMERIC GENERATED ALWAYS AS (price * 2) STORED, FOREIGN KEY (pair_a, pair_b) REFERENCES pairs (a, b))
            """,
            "CREATE INDEX priced_lower_idx ON priced (lower(code))",
            "CREATE TABLE users (id BIGSERIAL PRIMARY KEY, email VARCHAR(200) NOT NULL)",
            "CREATE VIEW cheap AS SELECT * FROM priced WHERE price < 1",
            "CREATE FUNCTION stamp() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER priced_stamp BEFORE UPDATE ON priced FOR EACH ROW EXECUTE FUNCTION stamp()",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "legacy", "--from-database", Self.url(configuration), "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").map(String.init) == [
            "keel: warning: loose: has no primary key; Keel's tables need a 64-bit integer id; the table is left out",
            "keel: warning: pairs: has a composite primary key (a, b); Keel's tables need one 64-bit integer id; the table is left out",
            "keel: warning: tokens: its primary key 'token' is uuid, not an integer; Keel's tables need a 64-bit integer id; the table is left out",
            "keel: warning: manual.id: has no auto-increment, mapped to id: the service's creates leave it to the database, so they fail until it fills the column (an identity, sequence default or AUTO_INCREMENT)",
            "keel: warning: manual.slug: unique constraint manual_slug_key is left out of the spec, since MySQL (one of keel.yaml's dialects) cannot index this text column; the database keeps it",
            "keel: warning: priced: CHECK ((price >= (0)::numeric)) is not in the spec; the database still enforces it",
            "keel: warning: priced: foreign key priced_pair_a_pair_b_fkey over (pair_a, pair_b) is left out: Keel's references are one column; the database still enforces it",
            "keel: warning: priced.addr: Keel has no type for INET; the column is left out (it is NOT NULL without a default, so the service's creates fail until it gets one)",
            "keel: warning: priced.tags: Keel has no type for TEXT[]; the column is left out (the service neither reads nor writes it)",
            "keel: warning: priced.small: SMALLINT is mapped to int32 (INTEGER), which is wider",
            "keel: warning: priced.doubled: is computed by the database (a generated column), and the service would write it; the column is left out",
            "keel: warning: priced: index priced_lower_idx is partial or over expressions, which Keel's indexes are not; it is left out of the spec and stays in the database",
            "keel: warning: users: its names would clash with those every Keel service gives its own types and endpoints; the spec calls its model UserRecord and its resource users_records",
            "keel: warning: cheap: is a view; left out: Keel's resources are tables",
            "keel: warning: priced: trigger 'priced_stamp' is not in the spec; it stays in the database and keeps running on the service's writes",
            "keel: warning: users: the spec says auth: jwt, since local auth would bring Keel's own users table; tokens then come from your identity service",
        ])
        let spec = try String(contentsOfFile: root + "/legacy/Sources/Legacy/spec/legacy.yaml", encoding: .utf8)
        #expect(spec.contains("""
              priced:
                columns:
                  id: id
                  price: { type: decimal, precision: 10, scale: 2, default: 0 }
                  small: { type: int32, nullable: true }
                  manual_id: { type: ref, table: manual, on_delete: set_null, nullable: true }
                  pair_a: { type: int32, nullable: true }
                  pair_b: { type: int32, nullable: true }
                  code: { type: string, max_length: 20, nullable: true }

            """))
        #expect(spec.contains("\n  auth: jwt\n") && spec.contains("\n  users:\n    model: UserRecord\n    columns:\n      id: id\n      email: { type: string, max_length: 200 }\n"))
        #expect(spec.contains("\n  - { resource: users_records, table: users }\n"))
        #expect(!spec.contains("  pairs:") && !spec.contains("  loose:") && !spec.contains("  tokens:") && !spec.contains("  cheap:"))
    }

    @Test func mariaDBTypesMapToKeelsOwn() async throws {
        let (configuration, root) = try await database(.mysql, [
            """
            CREATE TABLE misc (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, flag TINYINT(1) NOT NULL DEFAULT 1, amount DECIMAL(12, 3) DEFAULT 1.5,
              kind ENUM('a', 'b') NOT NULL DEFAULT 'a', odd ENUM('it''s', 'x') NULL, doc JSON, at TIME, u INT UNSIGNED, price DOUBLE CHECK (price > 0),
              note VARCHAR(40) NOT NULL DEFAULT 'hi', twice DOUBLE AS (price * 2) VIRTUAL, born DATE DEFAULT '2000-01-01', seen DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6), raw LONGBLOB,
              UNIQUE KEY pair (flag, kind)) ENGINE=InnoDB
            """,
            "INSERT INTO misc (doc, price) VALUES ('{\"a\": 1}', 2.5)",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "legacy", "--from-database", Self.url(configuration), "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").map(String.init) == [
            "keel: warning: misc: CHECK `price` > 0 is not in the spec; the database still enforces it",
            "keel: warning: misc.odd: ENUM has a value Keel's enums cannot hold (empty, a quote, or over 63 characters); mapped to string (max_length 4)",
            "keel: warning: misc.at: Keel has no type for TIME; the column is left out (the service neither reads nor writes it)",
            "keel: warning: misc.twice: is computed by the database (a generated column), and the service would write it; the column is left out",
            "keel: warning: misc: Keel's migrations name these constraints and indexes otherwise (pair -> misc_flag_kind_key); a later migration that changes or drops one fails until it is renamed to Keel's name",
        ])
        let package = root + "/legacy"
        let spec = try String(contentsOfFile: package + "/Sources/Legacy/spec/legacy.yaml", encoding: .utf8)
        #expect(spec.contains("""
              misc:
                columns:
                  id: id
                  flag: { type: bool, default: true }
                  amount: { type: decimal, precision: 12, scale: 3, nullable: true, default: 1.500 }
                  kind: { type: enum, values: ["a", "b"], default: "a" }
                  odd: { type: string, max_length: 4, nullable: true }
                  doc: { type: json, nullable: true }
                  u: { type: int, nullable: true }
                  price: { type: float, nullable: true }
                  note: { type: string, max_length: 40, default: "hi" }
                  born: { type: date, nullable: true, default: "2000-01-01" }
                  seen: { type: timestamp, nullable: true, default: now }
                  raw: { type: bytes, nullable: true }
                indexes:
                  - { columns: [flag, kind], unique: true }

            """))
        let migrate = try await CLITests.keel(["migrate", "--url", Self.url(configuration), "--config", "Sources/Legacy/keel.yaml"], in: package)
        #expect(migrate.status == 0, "\(migrate.stderr)")
        let selected = try generatedSelect(model: "Misc", package: package, dialect: .mysql)
        let row = try #require(try await DatabaseConnector.withDatabase(configuration) { try await $0.query("SELECT \(selected) FROM `misc`") }.first)
        #expect(try row.decode("flag", as: Bool.self))
        #expect(try row.decode("kind", as: String.self) == "a")
        #expect(try row.decode("note", as: String.self) == "hi")
        #expect(try row.decode("price", as: Double.self) == 2.5)
    }

    @Test func aSQLiteDatabaseImportsAndMigratesFromItsBaseline() async throws {
        let (configuration, root) = try await database(.sqlite, [
            "CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(80) NOT NULL UNIQUE, bio TEXT, active BOOLEAN NOT NULL DEFAULT 1 CHECK (active IN (0,\n  1)))",
            "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors ON DELETE RESTRICT, price DECIMAL(8, 2), published DATE)",
            "CREATE INDEX books_published ON books (published)",
            "CREATE TABLE people (person_id INTEGER PRIMARY KEY, book_id INTEGER REFERENCES books)",
            "CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES people ON DELETE CASCADE)",
            "INSERT INTO authors (name) VALUES ('Ursula')",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "legacy", "--from-database", Self.url(configuration), "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "keel: warning: authors: CHECK (active IN (0, 1)) is not in the spec; the database still enforces it\n"
            + "keel: warning: books: Keel's migrations name these constraints and indexes otherwise (books_published -> books_published_idx); a later migration that changes or drops one fails until it is renamed to Keel's name\n")
        let spec = try String(contentsOfFile: root + "/legacy/Sources/Legacy/spec/legacy.yaml", encoding: .utf8)
        #expect(spec.contains("\n# - authors: CHECK (active IN (0, 1)) is not in the spec; the database still enforces it\n"))
        #expect(spec.contains("""
              authors:
                columns:
                  id: id
                  name: { type: string, max_length: 80, unique: true }
                  bio: { type: text, nullable: true }
                  active: { type: bool, default: true }
              books:
                columns:
                  id: id
                  author_id: { type: ref, table: authors, on_delete: restrict }
                  price: { type: decimal, precision: 8, scale: 2, nullable: true }
                  published: { type: date, nullable: true }
                indexes:
                  - [published]
              people:
                columns:
                  person_id: id
                  book_id: { type: ref, table: books, on_delete: restrict, nullable: true }
              pets:
                columns:
                  id: id
                  owner: { type: ref, table: people, on_delete: cascade, nullable: true }

            """))
        let migrate = try await CLITests.keel(["migrate", "--url", Self.url(configuration), "--config", "Sources/Legacy/keel.yaml"], in: root + "/legacy")
        #expect(migrate.status == 0 && migrate.stdout.contains("applied \(MigrationBaseline.migrationName)"), "\(migrate.stdout)\(migrate.stderr)")
        #expect(try await liveColumns("authors", configuration) == ["id", "name", "bio", "active"])
    }

    /// Every table's columns with their nullability (`name` or `name?`), Keel's own tables left out.
    func catalog(_ configuration: DatabaseConfiguration) async throws -> [String: [String]] {
        let sql = switch configuration.dialect {
        case .postgres: "SELECT table_name::text AS t, column_name::text AS c, is_nullable::text AS n FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        case .mysql: "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, IS_NULLABLE AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION"
        case .sqlite: "SELECT m.name AS t, p.name AS c, CASE WHEN p.\"notnull\" = 0 AND p.pk = 0 THEN 'YES' ELSE 'NO' END AS n FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid"
        }
        let rows = try await DatabaseConnector.withDatabase(configuration) { try await $0.query(sql) }
        var tables: [String: [String]] = [:]
        for row in rows {
            guard let table = row["t"]?.text, !table.hasPrefix("keel_"), let column = row["c"]?.text else { continue }
            tables[table, default: []].append(column + (row["n"]?.text == "YES" ? "?" : ""))
        }
        return tables
    }

    /// Every foreign key as `table.column -> table`, Keel's own tables left out.
    func foreignKeys(_ configuration: DatabaseConfiguration) async throws -> Set<String> {
        let sql = switch configuration.dialect {
        case .postgres: "SELECT c.conrelid::regclass::text AS t, a.attname::text AS c, c.confrelid::regclass::text AS r FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] WHERE c.contype = 'f'"
        case .mysql: "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, REFERENCED_TABLE_NAME AS r FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL"
        case .sqlite: "SELECT m.name AS t, f.\"from\" AS c, f.\"table\" AS r FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'"
        }
        let rows = try await DatabaseConnector.withDatabase(configuration) { try await $0.query(sql) }
        return Set(rows.compactMap { row in
            guard let table = row["t"]?.text, !table.hasPrefix("keel_"), let column = row["c"]?.text, let target = row["r"]?.text else { return nil }
            return "\(table).\(column) -> \(target)"
        })
    }

    /// Two tables that refer to each other, as each database writes them.
    static func cyclic(_ dialect: DatabaseDialect) -> [String] {
        switch dialect {
        case .sqlite: [
            "CREATE TABLE teams (id INTEGER PRIMARY KEY, captain_id INTEGER REFERENCES players ON DELETE SET NULL)",
            "CREATE TABLE players (id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL REFERENCES teams ON DELETE CASCADE)",
        ]
        case .postgres, .mysql: [
            "CREATE TABLE teams (id BIGINT \(dialect == .mysql ? "AUTO_INCREMENT" : "GENERATED BY DEFAULT AS IDENTITY") PRIMARY KEY, captain_id BIGINT)",
            "CREATE TABLE players (id BIGINT \(dialect == .mysql ? "AUTO_INCREMENT" : "GENERATED BY DEFAULT AS IDENTITY") PRIMARY KEY, team_id BIGINT NOT NULL, FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE)",
            "ALTER TABLE teams ADD FOREIGN KEY (captain_id) REFERENCES players (id) ON DELETE SET NULL",
        ]
        }
    }

    /// The SQLite tables the other SQLite tests import, a primary key named person_id included.
    static let sqliteTables = [
        "CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(80) NOT NULL UNIQUE, bio TEXT, active BOOLEAN NOT NULL DEFAULT 1)",
        "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors ON DELETE RESTRICT, price DECIMAL(8, 2), published DATE)",
        "CREATE TABLE people (person_id INTEGER PRIMARY KEY, book_id INTEGER REFERENCES books)",
        "CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES people ON DELETE CASCADE)",
        "INSERT INTO authors (name) VALUES ('Ursula')",
    ]

    /// A new environment, a fresh test database: migrating an empty database with the imported package's migrations
    /// gives it the live tables, while the live database keeps its tables and rows.
    @Test(arguments: [DatabaseDialect.postgres, .mysql, .sqlite])
    func theBaselineCreatesTheLiveTablesInAnEmptyDatabase(_ dialect: DatabaseDialect) async throws {
        let (configuration, root) = try await database(dialect, dialect == .sqlite ? Self.sqliteTables : Self.pyDAL(dialect))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "legacy", "--from-database", Self.url(configuration), "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let live = try await catalog(configuration)
        let liveKeys = try await foreignKeys(configuration)
        #expect(!liveKeys.isEmpty)
        let rowsBefore = try await DatabaseConnector.withDatabase(configuration) { try await $0.query("SELECT * FROM \(dialect == .sqlite ? "authors" : "auth_user")").count }

        let empty = try await TestDatabases.fresh(dialect, name: "keel_import_empty_\(dialect.rawValue)")
        let config = ["--config", "Sources/Legacy/keel.yaml"]
        let fresh = try await CLITests.keel(["migrate", "--url", Self.url(empty)] + config, in: root + "/legacy")
        #expect(fresh.status == 0, "\(fresh.stdout)\(fresh.stderr)")
        #expect(try await catalog(empty) == live)
        #expect(try await foreignKeys(empty) == liveKeys)

        let migrate = try await CLITests.keel(["migrate", "--url", Self.url(configuration)] + config, in: root + "/legacy")
        #expect(migrate.status == 0 && migrate.stdout.contains("applied \(MigrationBaseline.migrationName)"), "\(migrate.stdout)\(migrate.stderr)")
        #expect(try await catalog(configuration) == live)
        #expect(try await foreignKeys(configuration) == liveKeys)
        #expect(try await DatabaseConnector.withDatabase(configuration) { try await $0.query("SELECT * FROM \(dialect == .sqlite ? "authors" : "auth_user")").count } == rowsBefore)
        // The generated service's tests and a new environment run the same migrations: the baseline's checksum holds.
        let again = try await CLITests.keel(["migrate", "--url", Self.url(empty)] + config, in: root + "/legacy")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    }

    /// Tables that refer to each other: the baseline creates both and both keys in an empty database, and adds no
    /// second key to the live one.
    @Test(arguments: [DatabaseDialect.postgres, .mysql, .sqlite])
    func theBaselineCreatesTablesThatReferToEachOther(_ dialect: DatabaseDialect) async throws {
        let (configuration, root) = try await database(dialect, Self.cyclic(dialect))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "legacy", "--from-database", Self.url(configuration), "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let live = try await catalog(configuration), liveKeys = try await foreignKeys(configuration)
        #expect(liveKeys == ["teams.captain_id -> players", "players.team_id -> teams"])
        let empty = try await TestDatabases.fresh(dialect, name: "keel_import_empty_\(dialect.rawValue)")
        let config = ["--config", "Sources/Legacy/keel.yaml"]
        for target in [empty, configuration] {
            let migrate = try await CLITests.keel(["migrate", "--url", Self.url(target)] + config, in: root + "/legacy")
            #expect(migrate.status == 0, "\(migrate.stdout)\(migrate.stderr)")
            #expect(try await catalog(target) == live)
            #expect(try await foreignKeys(target) == liveKeys)
        }
    }

    @Test func anUnreadableDatabaseWritesNothing() async throws {
        let root = NSTemporaryDirectory() + "keel-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let missing = try await CLITests.keel(["init", "legacy", "--from-database", "sqlite:missing.db"], in: root)
        #expect(missing.status == 1)
        #expect(missing.stderr == "keel: error: cannot read the database: no SQLite database at missing.db\n")
        let both = try await CLITests.keel(["init", "legacy", "--from-database", "sqlite:missing.db", "--spec", "x.yaml"], in: root)
        #expect(both.status == 2 && both.stderr.contains("--spec and --from-database both give the spec; pass one"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }
}
