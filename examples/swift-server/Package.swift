// swift-tools-version:6.0
// A Swift 6 command-line program that depends on imgsign by version, as a user's app or
// server (Vapor, Hummingbird) would. On Linux, install the library first:
// `make install-lib PREFIX=/usr/local` at the imgsign repository root (see README.md).
// IMGSIGN_PACKAGE_URL points the dependency at another git repository, such as a local
// tagged clone (file:///path/to/imgsign); its folder name must stay `imgsign`.
import PackageDescription

let imgsignURL = Context.environment["IMGSIGN_PACKAGE_URL"] ?? "https://github.com/imgsign/imgsign.git"

let package = Package(
    name: "ImgsignServerExample",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: imgsignURL, from: "0.1.0"),
    ],
    targets: [
        .executableTarget(
            name: "ImgsignServer",
            dependencies: [.product(name: "Imgsign", package: "imgsign")],
            path: "Sources/ImgsignServer"
        ),
    ]
)
