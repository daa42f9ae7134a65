// swift-tools-version:5.9
// imgsign for Swift (module `Imgsign`): the release manifest, the one an app adds by version:
//
//     .package(url: "https://github.com/imgsign/imgsign.git", from: "0.1.0"),
//     .product(name: "Imgsign", package: "imgsign"),
//
// The sources live in bindings-swift/, whose own Package.swift is the local development
// package. This manifest reads no environment and passes no compiler or linker flag.
// - Apple platforms: the C module is the XCFramework attached to each release; the release
//   workflow writes its version and checksum below (bindings-swift/scripts/set-release.sh).
// - Linux: the C module is the library installed by `make install-lib`, found through
//   pkg-config (imgsign_uniffi.pc); see bindings-swift/README.md.
import PackageDescription

let releaseVersion = "0.1.0"
let releaseChecksum = "0000000000000000000000000000000000000000000000000000000000000000"

#if os(Linux)
let ffiTarget: Target = .systemLibrary(
    name: "imgsign_uniffiFFI",
    path: "bindings-swift/Sources/imgsign_uniffiFFI",
    pkgConfig: "imgsign_uniffi"
)
#else
let ffiTarget: Target = .binaryTarget(
    name: "imgsign_uniffiFFI",
    url: "https://github.com/imgsign/imgsign/releases/download/v\(releaseVersion)/imgsign_uniffiFFI.xcframework.zip",
    checksum: releaseChecksum
)
#endif

let package = Package(
    name: "Imgsign",
    platforms: [.iOS(.v13), .macOS(.v10_15)],
    products: [
        .library(name: "Imgsign", targets: ["Imgsign"]),
    ],
    targets: [
        ffiTarget,
        .target(
            name: "Imgsign",
            dependencies: ["imgsign_uniffiFFI"],
            path: "bindings-swift/Sources/Imgsign"
        ),
        .testTarget(
            name: "ImgsignTests",
            dependencies: ["Imgsign"],
            path: "bindings-swift/Tests/ImgsignTests"
        ),
    ]
)
