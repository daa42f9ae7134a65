#!/usr/bin/env bash
# Builds imgsign_uniffiFFI.xcframework (iOS device, iOS simulator, macOS) from the Rust crate
# bindings-uniffi, next to Package.swift, which then uses it as a binary target.
# Needs a Mac with Xcode and rustup. Run from anywhere: bash bindings-swift/build-xcframework.sh
#
# Steps:
#  1. static libraries per Apple target: `cargo rustc --crate-type staticlib` (the crate's
#     Cargo.toml keeps only lib + cdylib so that ordinary builds never emit a 30-70 MB .a);
#  2. lipo the two simulator slices and the two macOS slices into fat libraries;
#  3. headers: the committed imgsign_uniffiFFI.h and module.modulemap (checked for drift
#     against the Rust code by scripts/check-generated.sh);
#  4. xcodebuild -create-xcframework;
#  5. the release artifact: imgsign_uniffiFFI.xcframework.zip (the XCFramework at the zip's
#     root, named like the binary target, as SwiftPM requires) and its SHA-256, which
#     scripts/set-release.sh writes into the root Package.swift.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PROFILE="${PROFILE:-release}"
OUT="$HERE/imgsign_uniffiFFI.xcframework"
BUILD="$ROOT/target/xcframework"
LIB=libimgsign_uniffi.a

TARGETS=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
export IPHONEOS_DEPLOYMENT_TARGET=13.0 MACOSX_DEPLOYMENT_TARGET=10.15

cd "$ROOT"
rustup target add "${TARGETS[@]}"
for t in "${TARGETS[@]}"; do
  cargo rustc -p imgsign-uniffi --lib --profile "$PROFILE" --target "$t" --crate-type staticlib
done

dir() { echo "$ROOT/target/$1/$PROFILE"; }
rm -rf "$BUILD" "$OUT"
mkdir -p "$BUILD"/{ios,ios-sim,macos,headers}
cp "$(dir aarch64-apple-ios)/$LIB" "$BUILD/ios/$LIB"
lipo -create "$(dir aarch64-apple-ios-sim)/$LIB" "$(dir x86_64-apple-ios)/$LIB" -output "$BUILD/ios-sim/$LIB"
lipo -create "$(dir aarch64-apple-darwin)/$LIB" "$(dir x86_64-apple-darwin)/$LIB" -output "$BUILD/macos/$LIB"

cp "$HERE/Sources/imgsign_uniffiFFI/imgsign_uniffiFFI.h" "$BUILD/headers/"
cp "$HERE/Sources/imgsign_uniffiFFI/module.modulemap" "$BUILD/headers/module.modulemap"

xcodebuild -create-xcframework \
  -library "$BUILD/ios/$LIB" -headers "$BUILD/headers" \
  -library "$BUILD/ios-sim/$LIB" -headers "$BUILD/headers" \
  -library "$BUILD/macos/$LIB" -headers "$BUILD/headers" \
  -output "$OUT"

NAME="$(basename "$OUT")"
rm -f "$OUT.zip"
(cd "$HERE" && ditto -c -k --sequesterRsrc --keepParent "$NAME" "$NAME.zip")
# The same SHA-256 that `swift package compute-checksum` prints.
echo "built $OUT and $OUT.zip (checksum $(shasum -a 256 "$OUT.zip" | cut -d' ' -f1))"
