// swift-tools-version: 6.0
// Staircase — an offline terminal wizard for the County Durham Levels of Need.
// Module boundaries follow DESIGN.md: a pure core, a store, a terminal-free TUI,
// and one thin ncurses backend.
import PackageDescription

let package = Package(
    name: "Staircase",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "staircase", targets: ["staircase"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .target(name: "StaircaseCore"),
        .target(name: "CStoreSupport"),
        .target(name: "StaircaseStore", dependencies: ["StaircaseCore", "CStoreSupport"]),
        .target(name: "StaircaseTUI", dependencies: ["StaircaseCore"]),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "CTerminalGuard"),
        .target(
            name: "NcursesBackend",
            dependencies: ["CNcursesw", "CTerminalGuard", "StaircaseTUI"]
        ),
        .executableTarget(
            name: "staircase",
            dependencies: [
                "StaircaseCore", "StaircaseStore", "StaircaseTUI", "NcursesBackend", "CTerminalGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "StaircaseCoreTests",
            dependencies: ["StaircaseCore"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "StaircaseStoreTests", dependencies: ["StaircaseStore"]),
        .testTarget(
            name: "StaircaseTUITests",
            dependencies: ["StaircaseTUI", "StaircaseCore"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["StaircaseCore"]),
    ],
    swiftLanguageModes: [.v6]
)
