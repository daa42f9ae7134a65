// swift-tools-version:5.9
// Local development package for the Swift bindings of imgsign. (Apps add imgsign by version
// through the release manifest at the repository root instead: SwiftPM refuses the unsafe
// linker flags below in a versioned dependency.)
//
// - With `imgsign_uniffiFFI.xcframework` present (built by ./build-xcframework.sh on a Mac), the
//   FFI module comes from that binary target: iOS, iOS simulator and macOS.
// - Without it (plain `swift test` on macOS or Linux), the FFI module is the committed
//   header + modulemap and the tests link the Rust library built by
//   `cargo build -p imgsign-uniffi` in the repository's target/debug folder.
import Foundation
import PackageDescription

let packageDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repoRoot = packageDir.deletingLastPathComponent()
let xcframework = packageDir.appendingPathComponent("imgsign_uniffiFFI.xcframework")
let useXCFramework = FileManager.default.fileExists(atPath: xcframework.path)
let rustLibDir = repoRoot.appendingPathComponent("target/debug").path

let ffiTarget: Target = useXCFramework
    ? .binaryTarget(name: "imgsign_uniffiFFI", path: "imgsign_uniffiFFI.xcframework")
    : .systemLibrary(name: "imgsign_uniffiFFI", path: "Sources/imgsign_uniffiFFI")

let linkSettings: [LinkerSetting] = useXCFramework
    ? []
    : [
        .linkedLibrary("imgsign_uniffi"),
        .unsafeFlags(["-L", rustLibDir, "-Xlinker", "-rpath", "-Xlinker", rustLibDir]),
    ]

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
            path: "Sources/Imgsign",
            linkerSettings: linkSettings
        ),
        .testTarget(
            name: "ImgsignTests",
            dependencies: ["Imgsign"],
            path: "Tests/ImgsignTests"
        ),
    ]
)
