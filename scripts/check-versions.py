#!/usr/bin/env python3
"""Fails when a manifest's version disagrees with the workspace version in Cargo.toml.

The places checked: every workspace crate (`version.workspace = true` or the same number),
the workspace's own `imgsign` dependency, every `package.json` that is published (not
`"private": true`, outside `node_modules`), the version the generated Node loader
(`bindings-node/native.js`) expects of its platform packages, the Kotlin `pom.xml`, the
release manifest `Package.swift` (the version whose XCFramework it downloads; SwiftPM itself
takes the git tag), and `bindings-python/pyproject.toml` (a `version`, or `dynamic` taking it
from Cargo). `scripts/set-version.py` rewrites all of these at once.

Usage: python3 scripts/check-versions.py [ROOT]   (default: the repository root)
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path


def workspace_version(root: Path) -> str:
    cargo = tomllib.loads((root / "Cargo.toml").read_text())
    return cargo["workspace"]["package"]["version"]


SKIPPED_DIRS = {".git", "node_modules", "target", ".venv", "dist", "build", ".next"}


def package_manifests(root: Path) -> list[Path]:
    """Every package.json of the tree, outside dependencies and build output."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        if "package.json" in files:
            found.append(Path(folder) / "package.json")
    return sorted(found)


def check(root: Path) -> list[str]:
    want = workspace_version(root)
    cargo = tomllib.loads((root / "Cargo.toml").read_text())
    problems: list[str] = []

    def agree(place: str, got: object) -> None:
        if got != want:
            problems.append(f"{place}: version {got!r}, the workspace is {want!r}")

    agree("Cargo.toml [workspace.dependencies] imgsign", cargo["workspace"]["dependencies"]["imgsign"]["version"])
    for member in cargo["workspace"]["members"]:
        package = tomllib.loads((root / member / "Cargo.toml").read_text())["package"]
        version = package.get("version")
        if version != {"workspace": True}:
            agree(f"{member}/Cargo.toml", version)

    published = 0
    for manifest in package_manifests(root):
        data = json.loads(manifest.read_text())
        if data.get("private") is True:
            continue
        published += 1
        place = manifest.relative_to(root).as_posix()
        agree(place, data.get("version"))
        for name, version in (data.get("optionalDependencies") or {}).items():
            agree(f"{place} optionalDependencies {name}", version)
    if published == 0:
        problems.append("no published package.json found")

    loader = root / "bindings-node" / "native.js"
    expected = set(re.findall(r"bindingPackageVersion !== '([^']*)'", loader.read_text()))
    if not expected:
        problems.append("bindings-node/native.js: no platform-package version check found")
    for version in sorted(expected):
        agree("bindings-node/native.js (generated loader)", version)

    pom = ET.parse(root / "bindings-kotlin" / "pom.xml").getroot()
    agree("bindings-kotlin/pom.xml", pom.findtext("{http://maven.apache.org/POM/4.0.0}version"))

    swift = root / "Package.swift"
    if swift.exists():
        found = re.findall(r'(?m)^let releaseVersion = "([^"]*)"$', swift.read_text())
        if len(found) != 1:
            problems.append("Package.swift: no single `let releaseVersion = \"...\"` line")
        for version in found:
            agree("Package.swift releaseVersion", version)

    pyproject = root / "bindings-python" / "pyproject.toml"
    if pyproject.exists():
        project = tomllib.loads(pyproject.read_text())["project"]
        if "version" in project:
            agree("bindings-python/pyproject.toml", project["version"])
        elif "version" not in project.get("dynamic", []):
            problems.append("bindings-python/pyproject.toml: neither a version nor a dynamic one")
    return problems


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    problems = check(root)
    for p in problems:
        print(f"version mismatch: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"every manifest carries version {workspace_version(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
