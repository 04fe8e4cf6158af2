// swift-tools-version:6.0
import PackageDescription

// Coverage-guided fuzz targets (libFuzzer), in a package of their own so users of the libraries
// never build them. It depends on the main package by path; `Fuzz/run` builds it with
// `-sanitize=fuzzer,address` and runs each target for a given time.
let package = Package(
    name: "cognito-trigger-explorer-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "cognito-trigger-explorer", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "fuzz-parse",
            dependencies: ["FuzzSupport", .product(name: "JSONDocument", package: "cognito-trigger-explorer")]
        ),
        .executableTarget(
            name: "fuzz-edit",
            dependencies: ["FuzzSupport", .product(name: "JSONDocument", package: "cognito-trigger-explorer")]
        ),
        .executableTarget(
            name: "fuzz-sources",
            dependencies: [
                "FuzzSupport",
                .product(name: "EventSources", package: "cognito-trigger-explorer"),
                .product(name: "JSONDocument", package: "cognito-trigger-explorer"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
