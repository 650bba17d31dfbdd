// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "FactDesk",
    products: [
        .library(name: "FactDeskKit", targets: ["FactDeskKit"]),
        .executable(name: "factdesk", targets: ["factdesk"]),
        .executable(name: "factdesk-bench", targets: ["factdesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .target(
            name: "FactDeskKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "factdesk",
            dependencies: [
                "FactDeskKit",
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
        .testTarget(
            name: "FactDeskKitTests",
            dependencies: ["FactDeskKit", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "factdeskTests",
            dependencies: [
                "factdesk",
                "factdesk-bench",
                "FactDeskKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: upcoming
        ),
    ]
)
