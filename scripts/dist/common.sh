#!/usr/bin/env bash
# shellcheck disable=SC2034  # its variables are for the scripts that source it
# Shared by the scripts of scripts/dist/ (sourced, never run): paths, the version, the
# release-build tools and the one rule for building a Rust artifact for a target.
#
# Every Linux glibc binary is linked by zig against glibc 2.17 (`cargo zigbuild --target
# <triple>.2.17`), so the wheel, the npm addon, the JNA library, the Swift-on-Linux library
# and the CLI load on any distribution from manylinux2014 (CentOS 7) on, wherever they are
# built. musl targets also link through zig; Apple and Windows targets build with plain cargo
# on their own runners.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIST="${DIST_DIR:-$ROOT/dist}"
# A target folder of its own: release settings and the zig linker never mix with the
# development builds of `make test` in target/.
export CARGO_TARGET_DIR="${DIST_CARGO_TARGET_DIR:-$ROOT/target/dist}"
export CARGO_TERM_COLOR=never
GLIBC_FLOOR=2.17
VENV="$ROOT/.venv"

die() { echo "dist: $*" >&2; exit 1; }
note() { echo "==> $*"; }

workspace_version() {
  sed -nE '/^\[workspace\.package\]/,/^\[/{s/^version = "([^"]+)"/\1/p}' "$ROOT/Cargo.toml"
}
VERSION="$(workspace_version)"
[ -n "$VERSION" ] || die "no [workspace.package] version in Cargo.toml"

host_target() { rustc -vV | sed -n 's/^host: //p'; }

# The pinned release tools (requirements.txt) in the project venv, first on PATH: maturin,
# zig (python -m ziglang, which cargo-zigbuild and maturin --zig find), cargo-zigbuild.
dist_tools() {
  local bin="$VENV/bin"
  case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) bin="$VENV/Scripts" ;; esac   # Windows runners
  if [ ! -d "$bin" ]; then "$(command -v python3 || command -v python)" -m venv "$VENV"; fi
  "$bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/scripts/dist/requirements.txt"
  export PATH="$bin:$PATH"
}

# Whether a target links through zig (Linux, either libc) or natively.
uses_zig() { case "$1" in *-linux-gnu*|*-linux-musl*) return 0 ;; *) return 1 ;; esac; }

# The --target value for cargo zigbuild: glibc targets carry the glibc floor.
zig_target() { case "$1" in *-linux-gnu) echo "$1.$GLIBC_FLOOR" ;; *) echo "$1" ;; esac; }

# The oldest macOS an Apple binary supports (the wheels' macosx_10_12 / macosx_11_0 tags).
apple_deployment_target() {
  case "$1" in
    x86_64-apple-darwin) export MACOSX_DEPLOYMENT_TARGET=10.12 ;;
    aarch64-apple-darwin) export MACOSX_DEPLOYMENT_TARGET=11.0 ;;
  esac
}

# cargo_release TARGET CARGO_ARGS...: a release build of the given packages for TARGET;
# the artifacts land in $CARGO_TARGET_DIR/TARGET/release/.
cargo_release() {
  local target="$1"; shift
  apple_deployment_target "$target"
  if uses_zig "$target"; then
    cargo zigbuild --locked --release --target "$(zig_target "$target")" "$@"
  else
    cargo build --locked --release --target "$target" "$@"
  fi
}

# The file names of a cdylib and an executable on TARGET.
cdylib_file() {
  case "$1" in
    *-apple-*) echo "lib$2.dylib" ;;
    *-windows-*) echo "$2.dll" ;;
    *) echo "lib$2.so" ;;
  esac
}
exe_file() { case "$1" in *-windows-*) echo "$2.exe" ;; *) echo "$2" ;; esac; }

# JNA's resource folder for a target (com.sun.jna.Platform.RESOURCE_PREFIX).
jna_prefix() {
  case "$1" in
    x86_64-unknown-linux-gnu) echo linux-x86-64 ;;
    aarch64-unknown-linux-gnu) echo linux-aarch64 ;;
    x86_64-apple-darwin) echo darwin-x86-64 ;;
    aarch64-apple-darwin) echo darwin-aarch64 ;;
    x86_64-pc-windows-msvc) echo win32-x86-64 ;;
    aarch64-pc-windows-msvc) echo win32-aarch64 ;;
    *) die "no JNA resource folder known for $1" ;;
  esac
}

# Strips symbols a shipped library or executable does not need (the dynamic symbol table,
# which the bindings load through, stays). Windows binaries keep their debug info in a
# separate .pdb, which is never shipped.
strip_binary() {
  case "$(uname -s)" in
    Linux) strip --strip-unneeded "$1" ;;
    Darwin) strip -x "$1" ;;
    *) : ;;
  esac
}

# The highest GLIBC_x.y symbol version an ELF file needs ("" when it needs none).
glibc_needed() {
  objdump -T "$1" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1
}

# Fails unless an ELF file for a glibc target needs at most the glibc floor.
check_glibc_floor() {
  local file="$1" need
  need="$(glibc_needed "$file")"
  if [ -n "$need" ] && [ "$(printf '%s\n%s\n' "$need" "$GLIBC_FLOOR" | sort -V | tail -1)" != "$GLIBC_FLOOR" ]; then
    die "$(basename "$file") needs GLIBC_$need, above the floor $GLIBC_FLOOR"
  fi
  echo "$(basename "$file"): needs glibc ${need:-none} (floor $GLIBC_FLOOR)"
}

copy_licenses() {
  local dir
  for dir in "$@"; do cp "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$dir/"; done
}
