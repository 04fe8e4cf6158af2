// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cognito-trigger-explorer",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "JSONDocument", targets: ["JSONDocument"]),
        .library(name: "CognitoTriggers", targets: ["CognitoTriggers"]),
        .library(name: "EventSources", targets: ["EventSources"]),
        .executable(name: "cognito-explorer", targets: ["cognito-explorer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "JSONDocument"),
        .target(name: "TerminalText"),
        .target(name: "CognitoTriggers", dependencies: ["JSONDocument", "TerminalText"]),
        .systemLibrary(name: "CZlib"),
        .target(name: "EventSources", dependencies: ["CognitoTriggers", "JSONDocument", "CZlib"]),
        .target(name: "ExplorerCore", dependencies: ["CognitoTriggers", "EventSources", "JSONDocument", "TerminalText"]),
        .target(
            name: "LambdaHost",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .systemLibrary(name: "CNcurses"),
        .target(name: "NcursesBackend", dependencies: ["CNcurses", "ExplorerCore"]),
        .executableTarget(
            name: "cognito-explorer",
            dependencies: [
                "JSONDocument", "CognitoTriggers", "EventSources", "ExplorerCore", "NcursesBackend", "LambdaHost", "TerminalText",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["JSONDocument"], path: "Tests/TestSupport"),
        .testTarget(name: "JSONDocumentTests", dependencies: ["JSONDocument", "TestSupport"]),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "CognitoTriggersTests", dependencies: ["CognitoTriggers", "TerminalText", "TestSupport"]),
        .testTarget(name: "EventSourcesTests", dependencies: ["EventSources", "TestSupport"]),
        .testTarget(name: "ExplorerCoreTests", dependencies: ["ExplorerCore", "EventSources", "TerminalText", "TestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend"]),
        .testTarget(name: "LambdaHostTests", dependencies: ["LambdaHost", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        .testTarget(name: "CognitoExplorerTests", dependencies: [
            "cognito-explorer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
