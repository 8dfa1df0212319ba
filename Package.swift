// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Keel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "keel", targets: ["keel"]),
        .library(name: "KeelSpec", targets: ["KeelSpec"]),
        .library(name: "KeelGenerator", targets: ["KeelGenerator"]),
        .library(name: "KeelRuntime", targets: ["KeelRuntime"]),
        // What a generated Swift client links against: AsyncHTTPClient (the ServiceClients trait), no server runtime, no drivers.
        .library(name: "KeelClient", targets: ["KeelClient"]),
        .executable(name: "example-service", targets: ["example-service"]),
        // Compiles the Swift of a target's keel.yaml in at build time.
        .plugin(name: "KeelPlugin", targets: ["KeelPlugin"]),
        // `swift package --allow-writing-to-package-directory keel-generate`: every other output, into the package.
        .plugin(name: "KeelGenerate", targets: ["KeelGenerate"]),
        // `swift package keel-check`: fails when those outputs are out of date (for CI).
        .plugin(name: "KeelCheck", targets: ["KeelCheck"]),
        // `swift package keel-diff --from origin/main`: the spec changes that break clients, replicas or data.
        .plugin(name: "KeelDiff", targets: ["KeelDiff"]),
    ],
    // The database drivers KeelRuntime compiles, span export (swift-otel) and calls to other services, all by default; a
    // service names only its own (`.package(path: "…", traits: ["PostgreSQL"])`) and compiles nothing else. `keel init
    // --database` writes the drivers' traits.
    traits: [
        .trait(name: "SQLite", description: "The SQLite driver (GRDB): DB_TYPE=sqlite."),
        .trait(name: "PostgreSQL", description: "The PostgreSQL driver (postgres-nio): DB_TYPE=postgres."),
        .trait(name: "MySQL", description: "The MySQL/MariaDB driver (MariaDB Connector/C, libmariadb-dev): DB_TYPE=mysql."),
        .trait(name: "OpenTelemetry", description: "Export spans over OTLP/HTTP (swift-otel) when OTEL_EXPORTER_OTLP_ENDPOINT is set."),
        .trait(name: "ServiceClients", description: "Calls to other services through generated Swift clients: KeelClient's transport, AsyncHTTPClient and its TLS stack."),
        .default(enabledTraits: ["SQLite", "PostgreSQL", "MySQL", "OpenTelemetry", "ServiceClients"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.1.0"),
        // OTLP over HTTP only: the default traits would compile gRPC too.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    targets: [
        // Spec loading, validation and the resolved model every emitter reads.
        .target(
            name: "KeelSpec",
            dependencies: [.product(name: "Yams", package: "Yams")],
            path: "Generator/KeelSpec"
        ),
        // Built-in Mustache templates, shipped as resources so `keel` finds them wherever it runs.
        .target(
            name: "KeelTemplates",
            path: "templates",
            resources: [.copy("swift"), .copy("typescript"), .copy("init")]
        ),
        // What the generator writes and the migrator reads alike: the migration checksum. No swift-crypto (its own
        // SHA-256): it is in the plugin tool's graph, which every service compiles for the host.
        .target(
            name: "KeelMigrationFormat",
            path: "Shared/KeelMigrationFormat"
        ),
        // Emitters (model -> files), the writer and the checker.
        .target(
            name: "KeelGenerator",
            dependencies: [
                "KeelSpec",
                "KeelTemplates",
                "KeelMigrationFormat",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Generator/KeelGenerator"
        ),
        // `keel diff`: the changes between two specs, classed by whom they break, and their reports.
        .target(
            name: "KeelSpecDiff",
            dependencies: ["KeelSpec", "KeelGenerator"],
            path: "Generator/KeelSpecDiff"
        ),
        // The commands that only generate: shared by `keel` and the plugins' tool.
        .target(
            name: "KeelCommands",
            dependencies: [
                "KeelGenerator",
                "KeelSpec",
                "KeelSpecDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Generator/KeelCommands"
        ),
        .executableTarget(
            name: "keel",
            dependencies: [
                "KeelCommands",
                "KeelGenerator",
                "KeelRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Generator/keel"
        ),
        // What the plugins run: KeelCommands without the runtime, since SwiftPM builds plugin tools apart, for the host.
        .executableTarget(
            name: "keel-plugin-tool",
            dependencies: [
                "KeelCommands",
                "KeelGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Generator/keel-plugin-tool"
        ),
        .plugin(
            name: "KeelPlugin",
            capability: .buildTool(),
            dependencies: ["keel-plugin-tool"],
            path: "Plugins/KeelPlugin"
        ),
        .plugin(
            name: "KeelGenerate",
            capability: .command(
                intent: .custom(verb: "keel-generate", description: "Write every output of each target's keel.yaml (migrations, OpenAPI, TypeScript, MarchProxy) into the package."),
                permissions: [.writeToPackageDirectory(reason: "keel-generate writes the migrations, OpenAPI, TypeScript and MarchProxy files keel.yaml names into the package.")]
            ),
            dependencies: ["keel-plugin-tool"],
            path: "Plugins/KeelGenerate"
        ),
        .plugin(
            name: "KeelCheck",
            capability: .command(intent: .custom(verb: "keel-check", description: "Fail when a generated file in the package is not what keel-generate would write.")),
            dependencies: ["keel-plugin-tool"],
            path: "Plugins/KeelCheck"
        ),
        .plugin(
            name: "KeelDiff",
            capability: .command(intent: .custom(verb: "keel-diff", description: "List the spec changes since a git revision that break clients, running replicas or data; fail on unacknowledged ones.")),
            dependencies: ["keel-plugin-tool"],
            path: "Plugins/KeelDiff"
        ),
        // Benchmarks of the generator's parts (bench/run-migrations.sh runs it in release mode).
        .executableTarget(
            name: "keel-bench",
            dependencies: ["KeelGenerator", "KeelSpec"],
            path: "bench/KeelBenchmarks"
        ),
        // A mutation fuzzer over specs: the generator must never trap (fuzz/run.sh runs it long, KeelCLITests briefly).
        .executableTarget(
            name: "keel-fuzz",
            dependencies: ["KeelGenerator", "KeelSpec"],
            path: "fuzz/keel-fuzz"
        ),
        // The hand-written yardstick of bench/run-service.sh: Hummingbird + GRDB on the example's products table.
        .executableTarget(
            name: "keel-baseline-service",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            path: "bench/BaselineService"
        ),
        // The MariaDB Connector/C (Debian's libmariadb-dev), for the MySQL/MariaDB driver.
        .systemLibrary(
            name: "CMariaDB",
            path: "Runtime/CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]
        ),
        // The library generated services link against.
        .target(
            name: "KeelRuntime",
            dependencies: [
                .target(name: "CMariaDB", condition: .when(traits: ["MySQL"])),
                "KeelMigrationFormat",
                // Calls to other services: the trace and deadline a request hands on, the circuit states in /metrics.
                "KeelClient",
                .product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["SQLite"])),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "JWTKit", package: "jwt-kit"),
                // SHA-256 of rate-limit keys and token states.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                // The shutdown of a rolling deploy: SIGTERM handled by the runtime, then Hummingbird's graceful shutdown.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                // Spans of requests, statements and calls; exported only with the OpenTelemetry trait.
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "OTel", package: "swift-otel", condition: .when(traits: ["OpenTelemetry"])),
            ],
            path: "Runtime/KeelRuntime"
        ),
        // The library generated Swift clients call other services through (issue 16): transport, typed errors, resilience.
        .target(
            name: "KeelClient",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["ServiceClients"])),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                // Connection errors the circuit breaker counts (NIOConnectionError); Hummingbird compiles it anyway.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["ServiceClients"])),
                .product(name: "NIOFoundationCompat", package: "swift-nio", condition: .when(traits: ["ServiceClients"])),
                // A span per outgoing call when the caller traces (the tracer comes from the server).
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Runtime/KeelClient"
        ),
        // The example spec's service: the generated code of specs/example with its hand-written handlers.
        .target(
            name: "ExampleService",
            dependencies: ["KeelRuntime", .product(name: "Hummingbird", package: "hummingbird")],
            path: "specs/example",
            exclude: ["spec", "keel.yaml", "generated/openapi.yaml", "generated/marchproxy", "generated/typescript", "generated/swift-client", "main"],
            sources: ["generated/swift", "service"],
            resources: [.copy("generated/migrations")]
        ),
        // A spec whose every name is a reserved word of SQL, Swift or TypeScript: its generated code must build.
        .target(
            name: "ReservedService",
            dependencies: ["KeelRuntime", .product(name: "Hummingbird", package: "hummingbird")],
            path: "specs/reserved",
            exclude: ["spec", "keel.yaml", "generated/openapi.yaml", "generated/marchproxy", "generated/typescript", "generated/swift-client"],
            sources: ["generated/swift", "service"],
            resources: [.copy("generated/migrations")]
        ),
        // The reserved-words spec's generated Swift client: it must build, and the tests call the custom endpoint with it.
        .target(
            name: "ReservedClient",
            dependencies: ["KeelClient"],
            path: "specs/reserved/generated/swift-client"
        ),
        // The example spec's generated Swift client, on KeelClient alone: it must build, and the tests call the shop with it.
        .target(
            name: "ExampleClient",
            dependencies: ["KeelClient"],
            path: "specs/example/generated/swift-client"
        ),
        // A small service calling the shop through the shop's generated client: the caller of the service-to-service tests.
        .target(
            name: "StorefrontService",
            dependencies: ["KeelRuntime", "KeelClient", .product(name: "Hummingbird", package: "hummingbird")],
            path: "specs/storefront",
            exclude: ["spec", "keel.yaml"],
            sources: ["generated/swift", "generated/swift-client", "service"],
            resources: [.copy("generated/migrations")]
        ),
        .executableTarget(
            name: "example-service",
            dependencies: ["ExampleService"],
            path: "specs/example/main"
        ),
        .testTarget(
            name: "KeelSpecTests",
            dependencies: ["KeelSpec"],
            path: "Tests/KeelSpecTests",
            exclude: ["Invalid"]
        ),
        .testTarget(
            name: "KeelGeneratorTests",
            dependencies: [
                "KeelGenerator", "KeelTestSupport", "KeelTemplates", .product(name: "Yams", package: "Yams"),
                // PlainTemplateTests compare Keel's plain-template renderer with swift-mustache's.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Tests/KeelGeneratorTests",
            exclude: ["Golden", "TypeScript"]
        ),
        .testTarget(
            name: "KeelSpecDiffTests",
            dependencies: ["KeelSpecDiff", "KeelSpec", "KeelGenerator"],
            path: "Tests/KeelSpecDiffTests",
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "KeelMigrationTests",
            dependencies: [
                "KeelGenerator", "KeelRuntime", "KeelMigrationFormat",
                // SHA256DigestTests compare Keel's SHA-256 with swift-crypto's.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/KeelMigrationTests"
        ),
        .testTarget(
            name: "KeelCLITests",
            dependencies: ["keel", "keel-plugin-tool", "keel-fuzz", "KeelGenerator", "KeelRuntime", "KeelTestSupport"],
            path: "Tests/KeelCLITests"
        ),
        // Fresh databases on the test servers, for the runtime and CLI tests.
        .target(
            name: "KeelTestSupport",
            dependencies: ["KeelRuntime", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/Support"
        ),
        .testTarget(
            name: "KeelRuntimeTests",
            dependencies: [
                "KeelRuntime",
                "KeelClient",
                "KeelTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // The identity-provider tests sign tokens with RSA and ECDSA keys they make.
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                // Tracing released on an event loop thread.
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/KeelRuntimeTests"
        ),
        .testTarget(
            name: "ReservedServiceTests",
            dependencies: [
                "ReservedService",
                "ReservedClient",
                "KeelClient",
                "KeelRuntime",
                "KeelTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/ReservedServiceTests"
        ),
        .testTarget(
            name: "KeelClientTests",
            dependencies: ["KeelClient"],
            path: "Tests/KeelClientTests"
        ),
        .testTarget(
            name: "ExampleServiceTests",
            dependencies: [
                "ExampleService",
                "ExampleClient",
                "StorefrontService",
                "KeelClient",
                "KeelRuntime",
                "KeelTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // ServicePair asks the two services it serves over HTTP.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Tests/ExampleServiceTests",
            exclude: ["Browser"]
        ),
    ]
)
