// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// `.ci/fuzz` builds with FACTDESK_FUZZING=1: FactDeskKit and the fuzz targets are then
/// instrumented for libFuzzer and AddressSanitizer (the dependencies are not), and
/// `factdesk-fuzz` links libFuzzer's driver instead of its own replaying `main`.
let fuzzing = Context.environment["FACTDESK_FUZZING"] == "1"
let fuzzed: [SwiftSetting] = fuzzing
    ? [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"]), .define("FACTDESK_FUZZING")] : []

/// The crash test (`.ci/crash.py`, run by `.ci/run`) builds with FACTDESK_WRITE_TRACE=1: every
/// write transaction then reports where it is (`WriteTrace`), and the tests know the binary
/// does. A binary built without it, as shipped, has no such hook.
let writeTrace: [SwiftSetting] = Context.environment["FACTDESK_WRITE_TRACE"] == "1" ? [.define("FACTDESK_WRITE_TRACE")] : []

let package = Package(
    name: "FactDesk",
    products: [
        .library(name: "FactDeskKit", targets: ["FactDeskKit"]),
        .library(name: "FactDeskServer", targets: ["FactDeskServer"]),
        .executable(name: "factdesk", targets: ["factdesk"]),
        .executable(name: "factdesk-bench", targets: ["factdesk-bench"]),
        .executable(name: "factdesk-fuzz", targets: ["factdesk-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        // Named for their modules only; Hummingbird and postgres-nio already build on them.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // libxml2's HTML parser, which reads web pages as browsers do (unclosed tags, stray markup).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "FactDeskKit",
            dependencies: [
                "CLibXML2",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                "CZlib",
            ],
            swiftSettings: upcoming + fuzzed + writeTrace
        ),
        // zlib, the system's C library (as SQLite is): it compresses the pages the desk keeps.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "FactDeskServer",
            dependencies: [
                "FactDeskKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "factdesk",
            dependencies: [
                "FactDeskKit",
                "FactDeskServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "DeskGenerator",
            dependencies: ["FactDeskKit"],
            path: "Benchmarks/Sources/DeskGenerator",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "factdesk-bench",
            dependencies: [
                "DeskGenerator",
                "FactDeskKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/factdesk-bench",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "factdesk-fuzz",
            dependencies: ["FactDeskKit"],
            // A test tool, kept with the tests: libFuzzer calls it synchronously, so it alone
            // waits for the desk's asynchronous calls on a thread of libFuzzer's.
            path: "Tests/FuzzHarness",
            swiftSettings: upcoming + fuzzed,
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
        ),
        .testTarget(
            name: "FactDeskKitTests",
            dependencies: [
                "FactDeskKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // Labelled sentences of the sample articles, desks made by earlier FactDesks, and
            // web pages with their articles' text, read by the tests from the source tree.
            exclude: ["Labelled", "Fixtures", "Pages"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "FactDeskServerTests",
            dependencies: [
                "FactDeskServer",
                "FactDeskKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "factdeskTests",
            dependencies: [
                "factdesk",
                "factdesk-bench",
                "factdesk-fuzz",
                "FactDeskKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming + writeTrace
        ),
    ]
)
