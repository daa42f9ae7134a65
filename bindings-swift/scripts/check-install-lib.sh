#!/usr/bin/env bash
# Proves `make install-lib` without a Swift toolchain: installs into a temporary PREFIX, then
#  - pkg-config reports exactly the flags SwiftPM will use (and nothing SwiftPM prohibits);
#  - the installed library is stripped and exports the UniFFI symbols;
#  - a C program, compiled with those flags against the installed header, checks the
#    contract version and every API checksum that the generated Imgsign.swift checks at
#    start-up (so the Swift package initializes against this library), then calls version().
# Run from the repository root: bash bindings-swift/scripts/check-install-lib.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"

if ! command -v pkg-config >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pkg-config >/dev/null
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
P="$TMP/prefix"
make -s install-lib PREFIX="$P" >"$TMP/install.log"

fail() { echo "install-lib check FAILED: $*" >&2; exit 1; }
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
VERSION="$(cargo pkgid -p imgsign-uniffi | sed -E 's/.*[#@]//')"

flags="$(pkg-config --libs --cflags imgsign_uniffi)"
want="-I$P/include/imgsign_uniffi -L$P/lib -limgsign_uniffi"
[ "$(echo $flags)" = "$want" ] || fail "pkg-config gives '$flags', expected '$want'"
[ "$(pkg-config --modversion imgsign_uniffi)" = "$VERSION" ] || fail "pkg-config version is not $VERSION"
for f in $flags; do
  case "$f" in -I*|-L*|-l*) ;; *) fail "flag '$f' in the .pc file (SwiftPM accepts only -I, -L, -l here)" ;; esac
done

LIB="$P/lib/libimgsign_uniffi.so"
sections="$(readelf -S -W "$LIB")"
if grep -qE '\.symtab|\.debug_' <<<"$sections"; then fail "$LIB is not stripped"; fi
dynsyms="$(readelf --dyn-syms -W "$LIB")"   # captured: `readelf | grep -q` fails under pipefail
grep -q ' uniffi_imgsign_uniffi_fn_func_version$' <<<"$dynsyms" \
  || fail "$LIB does not export uniffi_imgsign_uniffi_fn_func_version"

# The checks the generated Swift runs at start-up, as C.
SWIFT="$HERE/Sources/Imgsign/Imgsign.swift"
contract="$(sed -nE 's/^ *let bindings_contract_version = ([0-9]+)$/\1/p' "$SWIFT")"
[ -n "$contract" ] || fail "no bindings_contract_version in Imgsign.swift"
checks="$(sed -nE 's/^ *if \((uniffi_imgsign_uniffi_checksum_[a-z0-9_]+)\(\) != ([0-9]+)\) \{$/    CHECK(\1, \2);/p' "$SWIFT")"
n_checks="$(grep -c CHECK <<<"$checks" || true)"
[ "$n_checks" -gt 0 ] || fail "no API checksums found in Imgsign.swift"
cat > "$TMP/check.c" <<C
#ifndef __clang__
#define _Nullable
#define _Nonnull
#endif
#include <stdio.h>
#include <string.h>
#include "imgsign_uniffiFFI.h"

static int bad = 0;
#define CHECK(fn, want) do { if (fn() != (want)) { fprintf(stderr, "%s: %u, the Swift bindings expect %u\n", #fn, (unsigned)fn(), (unsigned)(want)); bad = 1; } } while (0)

int main(void) {
    if (ffi_imgsign_uniffi_uniffi_contract_version() != $contract) {
        fprintf(stderr, "contract version %u, the Swift bindings expect $contract\n", ffi_imgsign_uniffi_uniffi_contract_version());
        bad = 1;
    }
$checks
    RustCallStatus status;
    memset(&status, 0, sizeof status);
    RustBuffer v = uniffi_imgsign_uniffi_fn_func_version(&status);
    if (status.code != 0) { fprintf(stderr, "version() failed\n"); return 1; }
    printf("%.*s\n", (int)v.len, (const char *)v.data);
    ffi_imgsign_uniffi_rustbuffer_free(v, &status);
    return bad;
}
C
# shellcheck disable=SC2086  # the pkg-config flags are words
gcc -std=c11 -Wall -Werror -o "$TMP/check" "$TMP/check.c" $flags || fail "the C program does not build with the pkg-config flags"
needed="$(readelf -d "$TMP/check")"
grep -q 'Shared library: \[libimgsign_uniffi.so\]' <<<"$needed" || fail "the C program is not linked to libimgsign_uniffi.so"
got="$(LD_LIBRARY_PATH="$P/lib" "$TMP/check")" || fail "the installed library does not match the generated Swift bindings"
[ "$got" = "$VERSION" ] || fail "version() of the installed library is '$got', expected $VERSION"
size="$(stat -c %s "$LIB")"
echo "install-lib: stripped $((size / 1024)) KiB library; pkg-config gives ${want//$P/PREFIX}; contract $contract and $n_checks API checksums match the Swift bindings; version() = $got"
