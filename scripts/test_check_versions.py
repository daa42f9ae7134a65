#!/usr/bin/env python3
"""The version check fails when any one manifest is edited (run on temporary copies)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT / "scripts" / "check-versions.py"


def tracked_manifests() -> list[str]:
    """The files the checker reads, as the repository has them."""
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    names = ("Cargo.toml", "package.json", "pom.xml", "pyproject.toml", "Package.swift")
    files = [f for f in out.splitlines() if f.rsplit("/", 1)[-1] in names]
    return files + ["bindings-node/native.js"]


class VersionCheck(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.tmp)
        for f in tracked_manifests():
            (self.tmp / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / f, self.tmp / f)
        self.version = re.search(r'(?m)^version = "([^"]+)"', (ROOT / "Cargo.toml").read_text()).group(1)

    def run_checker(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(CHECKER), str(self.tmp)], capture_output=True, text=True)

    def bump(self, rel: str, old: str, new: str) -> None:
        path = self.tmp / rel
        text = path.read_text()
        self.assertIn(old, text, f"{rel} does not contain {old!r}")
        path.write_text(text.replace(old, new, 1))

    def test_the_copy_passes(self) -> None:
        r = self.run_checker()
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_each_edited_manifest_fails_and_is_named(self) -> None:
        v = self.version
        edits = [
            ("bindings-node/package.json", f'"version": "{v}"', '"version": "9.9.9"'),
            ("bindings-node/npm/linux-x64-gnu/package.json", f'"version": "{v}"', '"version": "9.9.9"'),
            ("bindings-node/npm/win32-arm64-msvc/package.json", f'"version": "{v}"', '"version": "9.9.9"'),
            ("bindings-node/native.js", f"bindingPackageVersion !== '{v}'", "bindingPackageVersion !== '9.9.9'"),
            ("bindings-kotlin/pom.xml", f"<version>{v}</version>", "<version>9.9.9</version>"),
            ("Cargo.toml", f'imgsign = {{ path = "core", version = "{v}" }}', 'imgsign = { path = "core", version = "9.9.9" }'),
            ("cli/Cargo.toml", "version.workspace = true", 'version = "9.9.9"'),
            ("bindings-python/pyproject.toml", 'dynamic = ["version"]', 'version = "9.9.9"'),
            ("Package.swift", f'let releaseVersion = "{v}"', 'let releaseVersion = "9.9.9"'),
        ]
        for rel, old, new in edits:
            with self.subTest(rel):
                self.setUp()
                self.bump(rel, old, new)
                r = self.run_checker()
                self.assertEqual(r.returncode, 1, f"editing {rel} was not caught")
                self.assertIn(rel.split("/")[0], r.stderr)
                self.assertIn("9.9.9", r.stderr)

    def test_a_new_workspace_version_fails_every_manifest_not_bumped(self) -> None:
        self.bump("Cargo.toml", f'version = "{self.version}"', 'version = "9.9.9"')
        r = self.run_checker()
        self.assertEqual(r.returncode, 1)
        for place in ("bindings-node/package.json", "bindings-kotlin/pom.xml", "imgsign"):
            self.assertIn(place, r.stderr)

    def test_a_private_package_json_is_not_a_published_manifest(self) -> None:
        self.bump("conformance/package.json", '"version": "0.0.0"', '"version": "5.5.5"')
        self.assertEqual(self.run_checker().returncode, 0)


class SetVersion(unittest.TestCase):
    """scripts/set-version.py rewrites every place the check knows, and the check passes."""

    setUp = VersionCheck.setUp
    run_checker = VersionCheck.run_checker

    def test_a_bump_moves_every_manifest(self) -> None:
        r = subprocess.run([sys.executable, str(ROOT / "scripts" / "set-version.py"), "9.9.9", str(self.tmp)],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(self.run_checker().returncode, 0)
        for f in tracked_manifests():
            text = (self.tmp / f).read_text()
            self.assertNotIn(f'"{self.version}"', text.replace('"0.0.0"', ""), f"{f} still names {self.version}")
        self.assertIn("let releaseVersion = \"9.9.9\"", (self.tmp / "Package.swift").read_text())

    def test_a_bad_version_is_refused(self) -> None:
        for bad in ("1.2", "v1.2.3", "1.2.3.4"):
            r = subprocess.run([sys.executable, str(ROOT / "scripts" / "set-version.py"), bad, str(self.tmp)],
                               capture_output=True, text=True)
            self.assertNotEqual(r.returncode, 0, bad)
        self.assertEqual(self.run_checker().returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=1)
