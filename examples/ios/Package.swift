// swift-tools-version:5.9
// SwiftUI example app: signs one URL with imgsign and shows it. Open this folder in Xcode
// (File > Open... > Package.swift) and run the ImgsignExample scheme on an iOS simulator or
// "My Mac". It depends on the local bindings-swift package; build its XCFramework first with
// bindings-swift/build-xcframework.sh.
import PackageDescription

let package = Package(
    name: "ImgsignExample",
    platforms: [.iOS(.v16), .macOS(.v13)],
    dependencies: [
        .package(name: "Imgsign", path: "../../bindings-swift"),
    ],
    targets: [
        .executableTarget(
            name: "ImgsignExample",
            dependencies: [.product(name: "Imgsign", package: "Imgsign")],
            path: "Sources/ImgsignExample"
        ),
    ]
)
