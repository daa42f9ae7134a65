#!/usr/bin/env python3
"""Sets a new version in every manifest at once, then runs the version check on the result.

The places are the ones scripts/check-versions.py checks: the workspace version and the
workspace's `imgsign` dependency (Cargo.toml, and the workspace crates in Cargo.lock), any
crate with a version of its own, every published package.json and its optionalDependencies,
the version the generated Node loader (bindings-node/native.js) expects of its platform
packages, the Kotlin pom.xml, the release manifest Package.swift (its checksum is written by
the release workflow, bindings-swift/scripts/set-release.sh), plus the places documents and
examples name the version a user installs (`from: "X"`, `--branch vX`). bindings-python takes
its version from Cargo (`dynamic`). CHANGELOG.md gets a dated heading for the new version
under "Unreleased".

Usage: python3 scripts/set-version.py NEW_VERSION [ROOT] [--date YYYY-MM-DD]
"""

from __future__ import annotations

import datetime
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("check_versions", HERE / "check-versions.py")
check_versions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_versions)

SEMVER = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$")
# Documents and examples that tell users which version to install: (path, pattern with one
# group around the version).
DOC_PLACES = [
    ("Package.swift", r'from: "([^"]+)"'),
    ("README.md", r'from: "([^"]+)"'),
    ("bindings-swift/README.md", r'from: "([^"]+)"'),
    ("bindings-swift/README.md", r"--branch v(\S+)"),
    ("bindings-swift/README.md", r"imgsign-swift-linux-(\S+?)-<target>"),
    ("bindings-kotlin/README.md", r"io\.imgsign:imgsign(?:-android)?:([0-9][^\s`\"]*)"),
    ("bindings-kotlin/README.md", r"<version>([^<]+)</version>"),
    ("examples/swift-server/Package.swift", r'from: "([^"]+)"'),
    ("examples/ios/Package.swift", r'from: "([^"]+)"'),
]


class Bump:
    def __init__(self, root: Path, old: str, new: str) -> None:
        self.root, self.old, self.new = root, old, new
        self.changed: list[str] = []

    def sub(self, rel: str, pattern: str, count: int = 0, required: bool = True) -> None:
        """Replaces the old version inside each match of `pattern` (one group: the version)."""
        path = self.root / rel
        if not path.exists():
            if required:
                raise SystemExit(f"set-version: {rel} is missing")
            return
        text = path.read_text()
        n = 0

        def repl(m: re.Match[str]) -> str:
            nonlocal n
            if m.group(1) != self.old:
                return m.group(0)
            n += 1
            start, end = m.span(1)
            return m.group(0)[: start - m.start()] + self.new + m.group(0)[end - m.start():]

        text = re.sub(pattern, repl, text, count=count)
        if n == 0 and required:
            raise SystemExit(f"set-version: no {self.old} found in {rel} for {pattern!r}")
        if n:
            path.write_text(text)
            self.changed.append(f"{rel} ({n})")


def set_version(root: Path, new: str, date: str) -> list[str]:
    old = check_versions.workspace_version(root)
    if not SEMVER.match(new):
        raise SystemExit(f"set-version: {new!r} is not a version (MAJOR.MINOR.PATCH[-PRE])")
    if new == old:
        raise SystemExit(f"set-version: the workspace already is {old}")
    b = Bump(root, old, new)

    b.sub("Cargo.toml", r'(?ms)^\[workspace\.package\].*?^version = "([^"]+)"', count=1)
    b.sub("Cargo.toml", r'imgsign = \{ path = "core", version = "([^"]+)"')
    cargo = check_versions.tomllib.loads((root / "Cargo.toml").read_text())
    members = cargo["workspace"]["members"]
    names = []
    for member in members:
        manifest = f"{member}/Cargo.toml"
        package = check_versions.tomllib.loads((root / manifest).read_text())["package"]
        names.append(package["name"])
        if package.get("version") != {"workspace": True}:
            b.sub(manifest, r'(?m)^version = "([^"]+)"', count=1)
    for lock in ("Cargo.lock", "fuzz/Cargo.lock"):
        for name in names:
            b.sub(lock, rf'(?m)^name = "{re.escape(name)}"\nversion = "([^"]+)"', required=False)

    for manifest in check_versions.package_manifests(root):
        data = check_versions.json.loads(manifest.read_text())
        if data.get("private") is True:
            continue
        rel = manifest.relative_to(root).as_posix()
        b.sub(rel, r'(?m)^  "version": "([^"]+)"', count=1)
        if data.get("optionalDependencies"):
            b.sub(rel, r'"imgsign-[a-z0-9-]+": "([^"]+)"')

    b.sub("bindings-node/native.js", r"bindingPackageVersion !== '([^']+)'")
    b.sub("bindings-node/native.js", r"expected ([0-9][^ ]*) but got")
    b.sub("bindings-kotlin/pom.xml", r"(?s)<artifactId>imgsign</artifactId>\s*<version>([^<]+)</version>", count=1)
    b.sub("Package.swift", r'(?m)^let releaseVersion = "([^"]+)"$', count=1)
    for rel, pattern in DOC_PLACES:
        b.sub(rel, pattern, required=False)

    changelog = root / "CHANGELOG.md"
    if changelog.exists():
        text = changelog.read_text()
        heading = f"## [{new}] - {date}"
        if heading not in text:
            if "## [Unreleased]\n" not in text:
                raise SystemExit("set-version: CHANGELOG.md has no '## [Unreleased]' heading")
            changelog.write_text(text.replace("## [Unreleased]\n", f"## [Unreleased]\n\n{heading}\n", 1))
            b.changed.append("CHANGELOG.md (heading)")
    return b.changed


def main() -> int:
    args = [a for a in sys.argv[1:]]
    date = datetime.date.today().isoformat()
    if "--date" in args:
        i = args.index("--date")
        date = args[i + 1]
        del args[i : i + 2]
    if len(args) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    new = args[0]
    root = Path(args[1]) if len(args) == 2 else HERE.parent
    old = check_versions.workspace_version(root)
    for line in set_version(root, new, date):
        print(f"  {line}")
    problems = check_versions.check(root)
    for p in problems:
        print(f"version mismatch: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"version {old} -> {new} in every manifest")
    print("next: `make vectors` (the ixlib vectors carry the version), then commit (RELEASING.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
