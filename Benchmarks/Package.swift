// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so that users of the libraries never pull in what the
// benchmarks need. It depends on the main package by path and is built in release mode by `run`.
let package = Package(
    name: "cognito-trigger-explorer-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "cognito-trigger-explorer", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "bench-parse",
            dependencies: [
                .product(name: "JSONDocument", package: "cognito-trigger-explorer"),
                .product(name: "CognitoTriggers", package: "cognito-trigger-explorer"),
            ]
        ),
        .executableTarget(
            name: "bench-edit",
            dependencies: [
                .product(name: "JSONDocument", package: "cognito-trigger-explorer"),
                .product(name: "CognitoTriggers", package: "cognito-trigger-explorer"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
