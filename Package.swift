// swift-tools-version: 6.1
import PackageDescription

/// Settings every Lede target shares: a dependency shows in public API only through a
/// reviewable `public import`, and existentials are spelled `any`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Lede",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lede", targets: ["lede"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Pins cmark-gfm's special characters so that parses may run at once (see its header).
        .target(name: "CCmarkSpecialCharacters", dependencies: ["CCmarkGFM"]),
        .target(name: "LedeCore", swiftSettings: strictSettings),
        .target(
            name: "LedeMarkdown", dependencies: ["LedeCore", "CCmarkGFM", "CCmarkSpecialCharacters"],
            swiftSettings: strictSettings),
        .target(
            name: "LedeTemplates",
            dependencies: ["LedeCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LedeContent",
            dependencies: ["LedeCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LedeExplainer", dependencies: ["LedeCore", "LedeContent", "LedeMarkdown"],
            swiftSettings: strictSettings),
        .target(
            name: "LedeBuilder",
            dependencies: ["LedeCore", "LedeMarkdown", "LedeTemplates", "LedeContent", "LedeExplainer"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LedePreview",
            dependencies: [
                "LedeCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LedeCLI",
            dependencies: [
                "LedeCore", "LedeContent", "LedeBuilder", "LedePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "lede",
            dependencies: ["LedeCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        // Fuzz targets (`make fuzz`): a plain build makes each a replayer of input files; `make fuzz`
        // builds them with `-sanitize=fuzzer -DLEDE_FUZZING` into `.build-fuzz`, where their `main`
        // hands over to libFuzzer's driver (declared by CLibFuzzer).
        .target(name: "CLibFuzzer"),
        .target(name: "LedeFuzzSupport", dependencies: ["LedeCore", "CLibFuzzer"], swiftSettings: strictSettings),
        .executableTarget(
            name: "lede-fuzz-content",
            dependencies: ["LedeFuzzSupport", "LedeCore", "LedeContent", "LedeExplainer", "LedeMarkdown"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "lede-fuzz-markdown",
            dependencies: ["LedeFuzzSupport", "LedeCore", "LedeContent", "LedeExplainer", "LedeMarkdown"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "lede-fuzz-templates", dependencies: ["LedeFuzzSupport", "LedeCore", "LedeTemplates"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "lede-fuzz-request-path", dependencies: ["LedeFuzzSupport", "LedeCore", "LedePreview"],
            swiftSettings: strictSettings),
        .testTarget(name: "LedeCoreTests", dependencies: ["LedeCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "LedeMarkdownTests", dependencies: ["LedeMarkdown", "LedeCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "LedeTemplatesTests", dependencies: ["LedeTemplates", "LedeCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "LedeContentTests", dependencies: ["LedeContent", "LedeCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "LedeExplainerTests",
            dependencies: ["LedeExplainer", "LedeContent", "LedeCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LedeBuilderTests",
            dependencies: ["LedeBuilder", "LedeCore", "LedeContent"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LedePreviewTests", dependencies: ["LedePreview", "LedeCore"], swiftSettings: strictSettings),
        .testTarget(name: "LedeCLITests", dependencies: ["LedeCLI"], swiftSettings: strictSettings),
    ]
)
