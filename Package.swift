// swift-tools-version:6.0
import PackageDescription

// One pipeline, one direction: load → validate → render → write. A module per stage keeps it honest.

// Release builds let the optimiser see across modules, so small accessors (an entry's name, a digest's
// step, a template value's constructor) are inlined where they are used: about 3 % of a build's CPU.
//
// On Linux a release build also carries the Swift runtime and Foundation inside the binary (as SwiftPM's
// `--static-swift-stdlib` does: every module compiled against the static runtime, and linked with it): calls into
// the runtime (a build makes hundreds of millions, reference counting most of them) go straight to it rather than
// through the dynamic linker's tables, and the program starts in a third of the time. About 8 % of a build's CPU
// (docs/performance.md, "Fifteenth round").
//
// Release builds also leave out lexical lifetimes (`-enable-lexical-lifetimes=false`, Swift's rule before 5.7): a
// value may be released after its last use rather than at the end of its scope, which lets the optimiser drop
// about a tenth of the build's retains and releases (each an atomic operation; docs/performance.md, "Twenty-first
// round"). Nothing here reads memory a class owns through a pointer after the object's last use (the few classes
// that own raw memory are read only inside their own methods), which is the one thing that rule would break;
// `make test` checks that the release binary writes the same bytes as the debug one (Tests/release).
let optimised: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization", "-Xfrontend", "-enable-lexical-lifetimes=false"], .when(configuration: .release)),
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]
let staticRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "handbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "HandbookModel", swiftSettings: optimised),
        .target(name: "Mustache", swiftSettings: optimised),
        .target(name: "HandbookLoad", dependencies: ["HandbookModel"], swiftSettings: optimised),
        .target(name: "HandbookValidate", dependencies: ["HandbookModel", "HandbookLoad"], swiftSettings: optimised),
        .target(name: "HandbookRender", dependencies: ["HandbookModel", "HandbookLoad", "Mustache", "CCmark"], swiftSettings: optimised),
        .target(name: "HandbookBuild", dependencies: ["HandbookModel", "HandbookLoad", "HandbookValidate", "HandbookRender"], swiftSettings: optimised),
        // `handbook serve`: the HTTP server, the watcher and live reload, on the toolchain's sockets; serves what
        // HandbookBuild prepares, from memory, and writes nothing.
        .target(name: "HandbookServe", dependencies: ["HandbookModel", "HandbookLoad", "HandbookValidate", "Mustache", "HandbookRender", "HandbookBuild"], swiftSettings: optimised),
        // The CLI reads HandbookRender's SectorInsights for `check --gaps`; only HandbookBuild renders and writes.
        .target(name: "HandbookCLI", dependencies: ["HandbookModel", "HandbookLoad", "HandbookValidate", "HandbookRender", "HandbookBuild", "HandbookServe"], swiftSettings: optimised),
        .executableTarget(name: "handbook", dependencies: ["HandbookCLI"], swiftSettings: optimised, linkerSettings: staticRuntime),
        .target(name: "HandbookTestSupport", dependencies: ["HandbookModel"], path: "Tests/HandbookTestSupport"),
        .testTarget(name: "HandbookModelTests", dependencies: ["HandbookModel"]),
        .testTarget(name: "HandbookLoadTests", dependencies: ["HandbookLoad", "HandbookModel", "HandbookTestSupport"]),
        .testTarget(name: "HandbookValidateTests", dependencies: ["HandbookValidate", "HandbookLoad", "HandbookModel"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache", "HandbookTestSupport"]),
        .testTarget(name: "HandbookRenderTests", dependencies: ["HandbookRender", "HandbookModel", "HandbookTestSupport"]),
        .testTarget(name: "HandbookBuildTests", dependencies: ["HandbookBuild", "HandbookRender", "HandbookValidate", "HandbookLoad", "HandbookModel", "HandbookTestSupport"]),
        .testTarget(name: "HandbookServeTests", dependencies: ["HandbookServe", "HandbookCLI", "HandbookBuild", "HandbookModel", "HandbookTestSupport"]),
        .testTarget(
            name: "HandbookCLITests",
            dependencies: ["HandbookCLI", "HandbookBuild", "HandbookRender", "HandbookValidate", "HandbookModel", "HandbookTestSupport"],
            exclude: ["Fixtures", "Snapshots", "Golden"]
        ),
    ]
)
