// swift-tools-version: 6.0
// Staircase — an offline terminal wizard for the County Durham Levels of Need.
// Module boundaries (ARCHITECTURE.md): a pure core, a store, a terminal-free TUI,
// and one thin ncurses backend.
//
// Linux only: the store, the terminal guard and the executable call Glibc (st_mtim,
// Glibc.exit) and link ncursesw from the system. No `platforms` entry claims otherwise;
// building elsewhere stops at the #error in Sources/staircase/Staircase.swift.
import PackageDescription

// Start-up memory and time (issue 26), release builds on Linux only:
// - Each function of Staircase's own modules gets its own section, and the linker (lld, shipped
//   with the Swift toolchain) lays out first the functions listed in
//   Sources/staircase/link-order.txt, those a recorded session ran (`Scripts/link-order` writes
//   it; docs/dev/benchmarks.md). The kernel maps file pages around every fault (64 KB, or a whole
//   large folio on newer kernels), so code spread over the 15 MB text section kept most of it
//   resident. A name the code no longer has is skipped: a stale list costs memory, not correctness.
// - Concrete generic types' metadata comes from accessor functions rather than from mangled
//   names, which the runtime demangled and checked against every protocol conformance in the
//   binary at start-up (39 % of the CPU before the first frame, 22 % after).
let packageRoot = String(#filePath.dropLast("Package.swift".count))
let releaseLinux = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let releaseCodegen: [SwiftSetting] = [
    .unsafeFlags(
        ["-Xfrontend", "-function-sections", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], releaseLinux)
]

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
        .target(name: "StaircaseCore", swiftSettings: releaseCodegen),
        .target(name: "CStoreSupport"),
        .target(
            name: "StaircaseStore",
            dependencies: ["StaircaseCore", "CStoreSupport", "StaircaseAge"],
            swiftSettings: releaseCodegen
        ),
        .target(name: "StaircaseTUI", dependencies: ["StaircaseCore"], swiftSettings: releaseCodegen),
        .target(
            name: "StaircaseAge",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: releaseCodegen
        ),
        .systemLibrary(name: "CNcursesw"),
        .systemLibrary(name: "CZlib", path: "Tests/CZlib"),
        .target(name: "CTerminalGuard"),
        .target(
            name: "NcursesBackend",
            dependencies: ["CNcursesw", "CTerminalGuard", "StaircaseCore", "StaircaseTUI"],
            swiftSettings: releaseCodegen
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
            //
            // The C++ library and libgcc's unwinder, which the static Swift runtime needs, come
            // from their static archives, as the runtime itself does: `static-link/` holds
            // one-line linker scripts named like the shared libraries, found first on the search
            // path (SwiftPM puts `-lstdc++` on the link line itself, so no flag could say
            // "static" for it). The shared C++ library cost the loader a 2 MB file to map and
            // thousands of symbols to resolve at every start, and its pages counted against the
            // wizard's memory (issue 26). glibc and ncurses stay shared: a machine's security
            // updates must reach them (Debian's policy on embedded copies; lintian checks it),
            // and glibc is LGPL, which a static copy would turn into an obligation to ship
            // Staircase's objects for relinking.
            exclude: ["link-order.txt", "static-link"],
            swiftSettings: releaseCodegen,
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-Xlinker", "--no-export-dynamic", "-use-ld=lld",
                        "-Xlinker", "--symbol-ordering-file=\(packageRoot)Sources/staircase/link-order.txt",
                        "-Xlinker", "--no-warn-symbol-ordering",
                        "-L", "\(packageRoot)Sources/staircase/static-link",
                    ],
                    releaseLinux
                )
            ]
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
