#!/usr/bin/env python3
"""Counts a release's artifacts against the list of what it must hold, before anything is
published: a missing platform fails the release instead of reaching users as "no wheel /
no binary for my platform". Every archive must also carry both licenses.

Usage: python3 scripts/dist/expect.py (python|npm|jvm|cli) DIR
The lists here are the release workflows' matrices (.github/workflows/release-*.yml).
"""

from __future__ import annotations

import json
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "Cargo.toml").read_text())["workspace"]["package"]["version"]
LICENSES = ("LICENSE-MIT", "LICENSE-APACHE")

WHEEL_TAGS = [  # cp39-abi3-<platform tag> for each wheel of the release
    "manylinux2014_x86_64.manylinux_2_17_x86_64",
    "manylinux2014_aarch64.manylinux_2_17_aarch64",
    "musllinux_1_2_x86_64",
    "musllinux_1_2_aarch64",
    "macosx_10_12_x86_64",
    "macosx_11_0_arm64",
    "win_amd64",
]
JNA_LIBS = [
    "linux-x86-64/libimgsign_uniffi.so",
    "linux-aarch64/libimgsign_uniffi.so",
    "darwin-x86-64/libimgsign_uniffi.dylib",
    "darwin-aarch64/libimgsign_uniffi.dylib",
    "win32-x86-64/imgsign_uniffi.dll",
]
CLI_TARGETS = [
    "x86_64-unknown-linux-gnu",
    "aarch64-unknown-linux-gnu",
    "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-musl",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
    "x86_64-pc-windows-msvc",
]


def npm_platforms() -> list[str]:
    """napi's platform names of package.json's napi.targets (the npm/ folders)."""
    targets = json.loads((ROOT / "bindings-node" / "package.json").read_text())["napi"]["targets"]
    names = sorted(folder.name for folder in (ROOT / "bindings-node" / "npm").iterdir())
    if len(names) != len(targets):
        raise SystemExit(f"bindings-node/npm/ has {len(names)} platform folders for {len(targets)} napi targets")
    return names


def members(path: Path) -> list[str]:
    if path.suffix in (".whl", ".jar", ".zip"):
        with zipfile.ZipFile(path) as z:
            return z.namelist()
    with tarfile.open(path) as t:
        return t.getnames()


def expected(kind: str) -> list[str]:
    v = VERSION
    if kind == "python":
        return [f"imgsign-{v}-cp39-abi3-{tag}.whl" for tag in WHEEL_TAGS] + [f"imgsign-{v}.tar.gz"]
    if kind == "npm":
        return [f"imgsign-{v}.tgz"] + [f"imgsign-{p}-{v}.tgz" for p in npm_platforms()]
    if kind == "jvm":
        return [f"imgsign-{v}{c}" for c in (".jar", "-sources.jar", "-javadoc.jar", ".pom")]
    if kind == "cli":
        return [f"imgsign-{v}-{t}.{'zip' if 'windows' in t else 'tar.gz'}" for t in CLI_TARGETS]
    raise SystemExit(f"unknown kind {kind!r}")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    kind, folder = sys.argv[1], Path(sys.argv[2])
    want = expected(kind)
    have = sorted(p.name for p in folder.iterdir() if p.is_file())
    problems = [f"missing {name}" for name in want if name not in have]
    problems += [f"unexpected {name}" for name in have if name not in want]
    for name in want:
        path = folder / name
        if not path.exists() or name.endswith((".pom", "-javadoc.jar")):
            continue
        files = members(path)
        for lic in LICENSES:
            if not any(f == lic or f.endswith("/" + lic) for f in files):
                problems.append(f"{name} holds no {lic}")
    if kind == "jvm" and (folder / want[0]).exists():
        files = members(folder / want[0])
        problems += [f"{want[0]} lacks {lib}" for lib in JNA_LIBS if lib not in files]
    for p in problems:
        print(f"release {kind}: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"release {kind}: all {len(want)} artifacts, each with both licenses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
