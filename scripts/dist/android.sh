#!/usr/bin/env bash
# The Android library io.imgsign:imgsign-android into dist/:
#   imgsign-android-<version>.aar          classes (the Kotlin of bindings-kotlin, generated
#                                          with UniFFI's Android cleaner) and jni/<abi>/
#                                          libimgsign_uniffi.so for arm64-v8a, armeabi-v7a,
#                                          x86_64 and x86, 16 KB page aligned; the licenses
#   imgsign-android-<version>-sources.jar, imgsign-android-<version>.pom
# Needs the Android NDK (ANDROID_NDK_HOME), the Android SDK and Gradle: the release
# workflow's Ubuntu runner has them; cargo-ndk is installed from crates.io.
# Usage: bash scripts/dist/android.sh
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"
unset CARGO_TARGET_DIR   # the NDK builds live in target/<android triple>/

OUT="$ROOT/build/android"
ABIS=(arm64-v8a armeabi-v7a x86_64 x86)
[ -n "${ANDROID_NDK_HOME:-}" ] || die "android.sh: ANDROID_NDK_HOME is not set (the Android NDK)"
command -v gradle >/dev/null 2>&1 || die "android.sh: no gradle on PATH"
rm -rf "$OUT" && mkdir -p "$OUT/jniLibs" "$OUT/kotlin" "$DIST"
command -v cargo-ndk >/dev/null 2>&1 || cargo install --locked cargo-ndk@4.1.2

note "libimgsign_uniffi.so for ${ABIS[*]} (16 KB pages)"
ndk_args=()
for abi in "${ABIS[@]}"; do ndk_args+=(-t "$abi"); done
(cd "$ROOT" && RUSTFLAGS="-C link-arg=-Wl,-z,max-page-size=16384" \
  cargo ndk "${ndk_args[@]}" -o "$OUT/jniLibs" build --locked --release -p imgsign-uniffi)
for abi in "${ABIS[@]}"; do
  so="$OUT/jniLibs/$abi/libimgsign_uniffi.so"
  [ -f "$so" ] || die "no $so"
  # Every LOAD segment aligned to 16 KB (0x4000), or Android 15+ devices with 16 KB pages refuse it.
  bad="$(readelf -lW "$so" | awk '$1 == "LOAD" && $NF != "0x4000" { print $NF }')"
  [ -z "$bad" ] || die "$abi: LOAD segments aligned to $bad, not 16 KB"
done

note "Kotlin with UniFFI's Android settings"
(cd "$ROOT" && cargo build -q --locked -p uniffi-bindgen -p imgsign-uniffi)
printf '[crates.imgsign_uniffi.bindings.kotlin]\nandroid = true\nandroid_cleaner = true\n' > "$OUT/uniffi-android.toml"
(cd "$ROOT" && target/debug/uniffi-bindgen generate --no-format --metadata-no-deps \
  -c "$OUT/uniffi-android.toml" -l kotlin -o "$OUT/kotlin" target/debug/libimgsign_uniffi.so)
cp "$ROOT/bindings-kotlin/src/main/kotlin/io/imgsign/Imgsign.kt" "$OUT/kotlin/io/imgsign/"

note "AAR (gradle assembleRelease)"
gradle -p "$ROOT/bindings-kotlin/android" --no-daemon -q \
  -Pimgsign.version="$VERSION" -Pimgsign.kotlin="$OUT/kotlin" -Pimgsign.jniLibs="$OUT/jniLibs" assembleRelease
aar="$DIST/imgsign-android-$VERSION.aar"
cp "$ROOT/bindings-kotlin/android/build/outputs/aar/imgsign-android-release.aar" "$aar"
mkdir -p "$OUT/licenses" && copy_licenses "$OUT/licenses"
(cd "$OUT/licenses" && zip -q "$aar" LICENSE-MIT LICENSE-APACHE)
for abi in "${ABIS[@]}"; do
  unzip -l "$aar" "jni/$abi/libimgsign_uniffi.so" >/dev/null || die "the AAR lacks jni/$abi/libimgsign_uniffi.so"
done

(cd "$OUT/kotlin" && cp "$OUT/licenses"/LICENSE-* . && zip -q -r "$DIST/imgsign-android-$VERSION-sources.jar" .)
python3 "$ROOT/scripts/dist/android-pom.py" > "$DIST/imgsign-android-$VERSION.pom"
ls -l "$DIST"/imgsign-android-"$VERSION"*
