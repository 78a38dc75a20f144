// swift-tools-version: 6.0
// Staircase — an offline terminal wizard for the County Durham Levels of Need.
// Module boundaries (ARCHITECTURE.md): a pure core, a store, a terminal-free TUI,
// and one thin ncurses backend.
//
// Linux only: the store, the terminal guard and the executable call Glibc (st_mtim,
// Glibc.exit) and link ncursesw from the system. No `platforms` entry claims otherwise;
// building elsewhere stops at the #error in Sources/staircase/Staircase.swift.
import PackageDescription

let package = Package(
    name: "Staircase",
    products: [
        .executable(name: "staircase", targets: ["staircase"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .target(name: "StaircaseCore"),
        .target(name: "CStoreSupport"),
        .target(name: "StaircaseStore", dependencies: ["StaircaseCore", "CStoreSupport", "StaircaseAge"]),
        .target(name: "StaircaseTUI", dependencies: ["StaircaseCore"]),
        .target(
            name: "StaircaseAge",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .systemLibrary(name: "CNcursesw"),
        .systemLibrary(name: "CZlib", path: "Tests/CZlib"),
        .target(name: "CTerminalGuard"),
        .target(
            name: "NcursesBackend",
            dependencies: ["CNcursesw", "CTerminalGuard", "StaircaseCore", "StaircaseTUI"]
        ),
        // Developer commands (code generation, benchmarks): never in the shipped binary.
        .target(
            name: "StaircaseDevTools",
            dependencies: [
                "StaircaseCore", "StaircaseStore", "StaircaseAge", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "staircase-dev", dependencies: ["StaircaseDevTools"]),
        .executableTarget(
            name: "staircase",
            dependencies: [
                "StaircaseCore", "StaircaseStore", "StaircaseAge", "StaircaseTUI", "NcursesBackend", "CTerminalGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The static Swift runtime's link arguments export every symbol of the program
            // (`-export-dynamic`: 15,000 of them), for dladdr to name functions. Nothing loads
            // code into Staircase that would need them, the shipped binary is stripped, and a
            // backtracer reads the file's own symbol table. Exported, every start resolved the C
            // libraries' symbols against them: 0.5 ms of CPU and 0.6 MB of memory (issue 26).
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "StaircaseCoreTests",
            dependencies: ["StaircaseCore", "StaircaseDevTools"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "StaircaseStoreTests", dependencies: ["StaircaseStore", "StaircaseAge"]),
        .testTarget(
            name: "StaircaseTUITests",
            dependencies: ["StaircaseTUI", "StaircaseCore"],
            exclude: ["Snapshots", "LineSnapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["StaircaseCore", "StaircaseStore"], exclude: ["Scripts"]),
        .testTarget(name: "StaircaseAgeTests", dependencies: ["StaircaseAge", "CZlib"], exclude: ["Vectors"]),
    ],
    swiftLanguageModes: [.v6]
)
