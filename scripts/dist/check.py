#!/usr/bin/env python3
"""`make dist-check`: uses every artifact of dist/ the way a user would, in empty projects
outside the repository (temporary folders), after `make dist`.

- Python: the wheel is manylinux2014 for `auditwheel show`, and installs into a new venv;
  the sdist installs into another (pip builds it from source); both sign the Pixta example.
- npm: the main and the platform tarball install into an empty project, where CommonJS,
  ESM and strict TypeScript sign it; the main tarball alone loads the WebAssembly build
  when it carries one, and otherwise fails with the error that names the platform, the
  package it looked for and the wasm fallback.
- JVM: the jar, pom, sources and javadoc jars install into the local Maven repository, and a
  plain Java Maven project depending on io.imgsign:imgsign signs it (the library loads from
  the jar); the jar is at most 3 MB and its libraries carry no symbols or debug info.
- CLI: the archive unpacks, `imgsign --version` prints the version and `imgsign sign` signs.
- Swift on Linux: the archive unpacks, pkg-config finds it and a C program linked with those
  flags calls the library.
- Every artifact holds LICENSE-MIT and LICENSE-APACHE (byte for byte the repository's), every
  Linux binary needs at most glibc 2.17, and SHA256SUMS matches.

Prints one line per check and closes with `dist-check: N passed, M failed`.
Usage: python3 scripts/dist/check.py [--only NAME,...]   (names: see CHECKS at the bottom)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import traceback
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("DIST_DIR", ROOT / "dist"))
VERSION = tomllib.loads((ROOT / "Cargo.toml").read_text())["workspace"]["package"]["version"]
LICENSES = {name: (ROOT / name).read_bytes() for name in ("LICENSE-MIT", "LICENSE-APACHE")}
GLIBC_FLOOR = (2, 17)
MAX_JAR_BYTES = 3 * 1024 * 1024

PROVIDER, KEY = "pixta", "wakanda123@"
URL = "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop"
SIGNED = URL + "&s=7d0d58f62c945d0ca08269205228bbe7"

# The versions the project's own package.json pins, for the TypeScript project.
NODE_DEV = json.loads((ROOT / "bindings-node" / "package.json").read_text())["devDependencies"]


class Failed(Exception):
    pass


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None, check: bool = True,
        timeout: int = 900) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.update(env or {})
    r = subprocess.run(cmd, cwd=cwd, env=full_env, text=True, capture_output=True, timeout=timeout)
    if check and r.returncode != 0:
        raise Failed(f"{' '.join(cmd[:3])}... exited {r.returncode}:\n{(r.stdout + r.stderr)[-3000:]}")
    return r


def expect(cond: bool, message: str) -> None:
    if not cond:
        raise Failed(message)


def one(pattern: str) -> Path:
    found = sorted(DIST.glob(pattern))
    expect(len(found) == 1, f"dist/{pattern}: expected one file, found {[f.name for f in found]}")
    return found[0]


def host_triple() -> str:
    out = run(["rustc", "-vV"]).stdout
    return re.search(r"^host: (\S+)$", out, re.M).group(1)


def npm_platform() -> str:
    arch = {"x86_64": "x64", "aarch64": "arm64", "arm64": "arm64"}[platform.machine()]
    if sys.platform == "linux":
        libc = "musl" if list(Path("/lib").glob("ld-musl-*")) else "gnu"
        return f"linux-{arch}-{libc}"
    return {"darwin": f"darwin-{arch}", "win32": f"win32-{arch}-msvc"}[sys.platform]


@contextlib.contextmanager
def scratch(name: str) -> Iterator[Path]:
    """An empty folder outside the repository, removed afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix=f"imgsign-dist-{name}-"))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def present(pattern: str) -> list[Path]:
    return sorted(DIST.glob(pattern))


def wheel() -> Path:
    return one(f"imgsign-{VERSION}-cp39-abi3-*.whl")


def sdist() -> Path:
    return one(f"imgsign-{VERSION}.tar.gz")


def npm_main() -> Path:
    return one(f"imgsign-{VERSION}.tgz")


def npm_native() -> Path:
    return one(f"imgsign-{npm_platform()}-{VERSION}.tgz")


def jar(classifier: str = "") -> Path:
    return one(f"imgsign-{VERSION}{classifier}.jar")


def this_or_only(prefix: str) -> Path:
    """The archive for this machine's target, or the only one there is (a workflow job
    that built one target, e.g. musl on a glibc runner)."""
    found = present(f"{prefix}-*.tar.gz")
    return found[0] if len(found) == 1 else one(f"{prefix}-{host_triple()}.tar.gz")


def cli_archive() -> Path:
    return this_or_only(f"imgsign-{VERSION}")


def swift_archive() -> Path:
    return this_or_only(f"imgsign-swift-linux-{VERSION}")


# --- archive contents --------------------------------------------------------------------

def zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}


def tar_members(path: Path) -> dict[str, bytes]:
    out = {}
    with tarfile.open(path) as t:
        for m in t.getmembers():
            if m.isfile():
                out[m.name] = t.extractfile(m).read()
    return out


def artifact_members() -> dict[str, tuple[dict[str, bytes], str]]:
    """Each artifact present that ships licenses: its files and the folder the licenses sit in."""
    arts = {}
    for p in present(f"imgsign-{VERSION}-cp39-abi3-*.whl"):
        arts[p.name] = (zip_members(p), f"imgsign-{VERSION}.dist-info/licenses/")
    for p in present(f"imgsign-{VERSION}.tar.gz"):
        arts[p.name] = (tar_members(p), f"imgsign-{VERSION}/")
    for p in present(f"imgsign-{VERSION}.tgz") + present(f"imgsign-*-{VERSION}.tgz"):
        arts[p.name] = (tar_members(p), "package/")
    for p in present(f"imgsign-{VERSION}.jar") + present(f"imgsign-{VERSION}-sources.jar"):
        arts[p.name] = (zip_members(p), "META-INF/")
    for p in present(f"imgsign-{VERSION}-*.tar.gz"):
        arts[p.name] = (tar_members(p), p.name.removesuffix(".tar.gz") + "/")
    for p in present(f"imgsign-swift-linux-{VERSION}-*.tar.gz"):
        arts[p.name] = (tar_members(p), "usr/local/share/doc/imgsign/")
    expect(arts, "no artifact in dist/")
    return arts


def elf_files() -> dict[str, bytes]:
    """Every Linux binary of the artifacts present (the workflows check one target's)."""
    files = {}
    sources = [(p, zip_members, ".so") for p in present(f"imgsign-{VERSION}-cp39-abi3-*linux*.whl")]
    sources += [(p, tar_members, ".node") for p in present(f"imgsign-linux-*-{VERSION}.tgz")]
    sources += [(p, zip_members, ".so") for p in present(f"imgsign-{VERSION}.jar")]
    sources += [(p, tar_members, "/imgsign") for p in present(f"imgsign-{VERSION}-*-linux-*.tar.gz")]
    sources += [(p, tar_members, ".so") for p in present(f"imgsign-swift-linux-{VERSION}-*.tar.gz")]
    for path, members, suffix in sources:
        for name, data in members(path).items():
            if name.endswith(suffix) and data[:4] == b"\x7fELF":
                files[f"{path.name}: {name}"] = data
    expect(files, "no Linux binary in dist/")
    return files


def glibc_target(name: str) -> bool:
    return "musl" not in name


def with_file(data: bytes, f):
    with tempfile.NamedTemporaryFile() as t:
        t.write(data)
        t.flush()
        return f(t.name)


# --- checks ------------------------------------------------------------------------------

def check_artifacts_and_sums() -> str:
    names = [wheel(), sdist(), npm_main(), npm_native(), jar(), jar("-sources"), jar("-javadoc"),
             one(f"imgsign-{VERSION}.pom"), cli_archive()]
    if sys.platform == "linux":
        names.append(swift_archive())
    sums = {}
    for line in (DIST / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name.lstrip("*")] = digest
    listed = sorted(p.name for p in DIST.iterdir() if p.name != "SHA256SUMS")
    expect(sorted(sums) == listed, f"SHA256SUMS lists {sorted(sums)}, dist/ holds {listed}")
    for name, digest in sums.items():
        expect(hashlib.sha256((DIST / name).read_bytes()).hexdigest() == digest, f"SHA256SUMS: {name} differs")
    return f"{len(names)} artifacts, SHA256SUMS matches {len(sums)} files"


def check_licenses() -> str:
    for art, (members, folder) in artifact_members().items():
        for name, text in LICENSES.items():
            got = members.get(folder + name)
            expect(got is not None, f"{art}: no {folder}{name}")
            expect(got == text, f"{art}: {folder}{name} is not the repository's {name}")
    for copy in ("bindings-python", "bindings-node"):
        for name, text in LICENSES.items():
            expect((ROOT / copy / name).read_bytes() == text, f"{copy}/{name} differs from the root {name}")
    return f"LICENSE-MIT and LICENSE-APACHE in {len(artifact_members())} artifacts"


def check_python_metadata() -> str:
    meta = zip_members(wheel())[f"imgsign-{VERSION}.dist-info/METADATA"].decode()
    pkg_info = tar_members(sdist())[f"imgsign-{VERSION}/PKG-INFO"].decode()
    for label, text in (("wheel", meta), ("sdist", pkg_info)):
        expect("License-Expression: MIT OR Apache-2.0" in text, f"{label}: no License-Expression")
        for name in LICENSES:
            expect(f"License-File: {name}" in text, f"{label}: no License-File: {name}")
        for url in ("Homepage", "Repository", "Issues", "Changelog", "Documentation"):
            expect(re.search(rf"^Project-URL: {url}, https://", text, re.M), f"{label}: no Project-URL {url}")
    return "license expression, license files and project URLs in the wheel and the sdist"


def check_auditwheel() -> str:
    w = wheel()
    expect("manylinux2014_x86_64.manylinux_2_17_x86_64" in w.name or "manylinux_2_17" in w.name,
           f"{w.name} is not tagged manylinux2014")
    auditwheel = ROOT / ".venv" / "bin" / "auditwheel"
    out = run([str(auditwheel), "show", str(w)]).stdout
    tag = re.search(r'consistent with the\s+following platform tag:\s+"([^"]+)"', out)
    expect(tag is not None, f"auditwheel show said:\n{out}")
    expect(tag.group(1) in ("manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_17_aarch64"),
           f"auditwheel: the wheel is {tag.group(1)}, not manylinux2014")
    return f"{w.name}: auditwheel says {tag.group(1)}"


PY_SIGN = f"import imgsign; print(imgsign.Signer({PROVIDER!r}, {KEY!r}).sign_url({URL!r}))"


def new_venv(tmp: Path) -> Path:
    run([sys.executable, "-m", "venv", str(tmp / "venv")])
    if sys.platform == "win32":
        return tmp / "venv" / "Scripts" / "python.exe"
    return tmp / "venv" / "bin" / "python"


def check_pip_wheel() -> str:
    with scratch("wheel") as tmp:
        py = new_venv(tmp)
        run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-index", str(wheel())])
        out = run([str(py), "-c", PY_SIGN], cwd=tmp).stdout.strip()
        expect(out == SIGNED, f"the wheel signed {out!r}")
        return "pip install of the wheel into a new venv signs the Pixta example"


def check_pip_sdist() -> str:
    with scratch("sdist") as tmp:
        py = new_venv(tmp)
        # pip builds in a temporary folder with maturin from PyPI; a shared cargo target
        # folder only spares recompiling the registry crates on later runs.
        run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(sdist())],
            env={"CARGO_TARGET_DIR": str(ROOT / "target" / "dist-check-sdist")}, timeout=1800)
        out = run([str(py), "-c", PY_SIGN], cwd=tmp).stdout.strip()
        expect(out == SIGNED, f"the wheel built from the sdist signed {out!r}")
        return "pip install of the sdist (a build from source) signs the Pixta example"


def npm_project(tmp: Path, *specs: str) -> None:
    (tmp / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0", "private": True}))
    run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", *specs], cwd=tmp)


JS_SIGN = f"new Signer({PROVIDER!r}, {KEY!r}).signUrl({URL!r})"


def check_npm() -> str:
    with scratch("npm") as tmp:
        npm_project(tmp, str(npm_main()), str(npm_native()),
                    f"typescript@{NODE_DEV['typescript']}", f"@types/node@{NODE_DEV['@types/node']}")
        (tmp / "cjs.cjs").write_text(f"const {{ Signer }} = require('imgsign')\nconsole.log({JS_SIGN})\n")
        (tmp / "esm.mjs").write_text(f"import {{ Signer }} from 'imgsign'\nconsole.log({JS_SIGN})\n")
        (tmp / "ts.mts").write_text(
            "import { Signer } from 'imgsign'\n"
            f"const url: string = {JS_SIGN}\n"
            "console.log(url)\n")
        (tmp / "tsconfig.json").write_text(json.dumps({
            "compilerOptions": {"strict": True, "module": "nodenext", "moduleResolution": "nodenext",
                                "target": "es2022", "types": ["node"], "outDir": "out"},
            "files": ["ts.mts"]}))
        run([str(tmp / "node_modules" / ".bin" / "tsc"), "-p", "tsconfig.json"], cwd=tmp)
        for script in ("cjs.cjs", "esm.mjs", "out/ts.mjs"):
            out = run(["node", script], cwd=tmp).stdout.strip()
            expect(out == SIGNED, f"{script} signed {out!r}")
        loaded = run(["node", "-p", "require('imgsign').__napiBindingTarget || 'native'"], cwd=tmp).stdout.strip()
        expect(loaded == "native", f"with the platform package installed, the binding loaded is {loaded!r}")
        return f"npm install of {npm_main().name} + {npm_native().name}: CommonJS, ESM and strict TypeScript sign"


def check_npm_without_binary() -> str:
    platform_name = npm_platform()
    has_wasm = "package/wasm/imgsign.wasm" in tar_members(npm_main())
    with scratch("npm-nobinary") as tmp:
        npm_project(tmp, str(npm_main()))
        expect(not (tmp / "node_modules" / f"imgsign-{platform_name}").exists(), "the platform package got installed")
        sign = ["node", "-e", f"const {{ Signer }} = require('imgsign'); console.log({JS_SIGN})"]
        said = []
        if has_wasm:
            out = run(sign, cwd=tmp).stdout.strip()
            expect(out == SIGNED, f"the wasm fallback signed {out!r}")
            said.append("the WebAssembly fallback signs")
            (tmp / "node_modules" / "imgsign" / "wasm" / "imgsign.wasm").unlink()
        r = run(sign, cwd=tmp, check=False)
        expect(r.returncode != 0, "loading without any binary succeeded")
        first = next((line for line in r.stderr.splitlines() if line.startswith("Error")), r.stderr[:400])
        for needle in (platform_name, f"imgsign-{platform_name}", "WebAssembly"):
            expect(needle in r.stderr, f"the error does not name {needle!r}: {first}")
        expect("npm has a bug" not in first, f"the error blames npm: {first}")
        said.append("without it the error names the platform, the package and the wasm fallback")
        return "main tarball alone: " + "; ".join(said)


def elf_sections(path: str) -> str:
    return run(["readelf", "-S", "-W", path]).stdout


def glibc_needed(path: str) -> tuple[int, ...]:
    # The symbol versions the file requires: what `objdump -T` lists, read with readelf,
    # which reads every architecture's ELF (a collect job checks aarch64 files on x86_64).
    out = run(["readelf", "-V", "-W", path]).stdout
    versions = {tuple(int(x) for x in v.split(".")) for v in re.findall(r"GLIBC_([0-9]+(?:\.[0-9]+)+)", out)}
    return max(versions) if versions else ()


def check_glibc_floor() -> str:
    needs = {}
    for name, data in elf_files().items():
        if not glibc_target(name):
            continue
        need = with_file(data, glibc_needed)
        expect(need <= GLIBC_FLOOR, f"{name} needs GLIBC_{'.'.join(map(str, need))}, above 2.17")
        needs[name] = need
    top = max(needs.values())
    return f"{len(needs)} Linux binaries need at most GLIBC_{'.'.join(map(str, top))} (floor 2.17)"


def check_stripped() -> str:
    for name, data in elf_files().items():
        sections = with_file(data, elf_sections)
        expect(".debug_" not in sections, f"{name} carries debug info")
        expect(".symtab" not in sections, f"{name} carries a symbol table")
    return f"{len(elf_files())} Linux binaries carry no symbol table and no debug info"


def check_jar() -> str:
    size = jar().stat().st_size
    expect(size <= MAX_JAR_BYTES, f"{jar().name} is {size} bytes, above 3 MB")
    libs = [n for n in zip_members(jar()) if n.endswith((".so", ".dylib", ".dll"))]
    expect(libs, "the jar carries no native library")
    for lib in libs:
        data = zip_members(jar())[lib]
        if data[:4] == b"\x7fELF":
            sections = with_file(data, elf_sections)
            expect(".debug_" not in sections and ".symtab" not in sections, f"{lib} in the jar is not stripped")
    return f"{jar().name} is {size / 1024 / 1024:.2f} MB (at most 3 MB) with {', '.join(libs)}"


def check_maven() -> str:
    with scratch("maven") as tmp:
        base = DIST / f"imgsign-{VERSION}"
        run(["mvn", "-B", "-q", "-ntp", "-Dstyle.color=never",
             "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file",
             f"-Dfile={base}.jar", f"-DpomFile={base}.pom",
             f"-Dsources={base}-sources.jar", f"-Djavadoc={base}-javadoc.jar"], cwd=tmp)
        (tmp / "pom.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>app</artifactId>
  <version>1.0.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>io.imgsign</groupId>
      <artifactId>imgsign</artifactId>
      <version>{VERSION}</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.14.0</version>
      </plugin>
    </plugins>
  </build>
</project>
""")
        src = tmp / "src" / "main" / "java" / "example"
        src.mkdir(parents=True)
        (src / "Main.java").write_text(f"""package example;

import io.imgsign.Signer;
import java.util.List;

public class Main {{
    public static void main(String[] args) throws Exception {{
        try (Signer signer = new Signer("{PROVIDER}", "{KEY}", List.of())) {{
            System.out.println(signer.signUrl("{URL}"));
        }}
    }}
}}
""")
        run(["mvn", "-B", "-q", "-ntp", "-Dstyle.color=never", "compile",
             "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
             "-Dmdep.outputFile=cp.txt"], cwd=tmp)
        cp = f"target/classes{os.pathsep}{(tmp / 'cp.txt').read_text().strip()}"
        expect(f"imgsign-{VERSION}.jar" in cp, f"the classpath lacks the imgsign jar: {cp}")
        # No library path: JNA must load the library out of the jar.
        out = run(["java", "-cp", cp, "example.Main"], cwd=tmp,
                  env={"LD_LIBRARY_PATH": "", "JAVA_TOOL_OPTIONS": ""}).stdout.strip()
        expect(out == SIGNED, f"the Java project signed {out!r}")
        return f"a Java Maven project depending on io.imgsign:imgsign:{VERSION} signs (the library loads from the jar)"


def check_cli() -> str:
    with scratch("cli") as tmp:
        with tarfile.open(cli_archive()) as t:
            t.extractall(tmp, filter="data")
        exe = tmp / cli_archive().name.removesuffix(".tar.gz") / "imgsign"
        out = run([str(exe), "--version"]).stdout.strip()
        expect(out == f"imgsign {VERSION}", f"--version printed {out!r}")
        out = run([str(exe), "sign", "--provider", PROVIDER, "--key", KEY, URL], cwd=tmp).stdout.strip()
        expect(out == SIGNED, f"imgsign sign printed {out!r}")
        return f"{cli_archive().name}: --version and sign"


def check_swift_linux() -> str:
    with scratch("swift") as tmp:
        with tarfile.open(swift_archive()) as t:
            t.extractall(tmp, filter="data")
        prefix = tmp / "usr" / "local"
        pc = prefix / "lib" / "pkgconfig"
        for f in ("lib/libimgsign_uniffi.so", "lib/pkgconfig/imgsign_uniffi.pc",
                  "include/imgsign_uniffi/imgsign_uniffiFFI.h"):
            expect((prefix / f).is_file(), f"the archive lacks usr/local/{f}")
        pkg = ["pkg-config", "--define-prefix", "imgsign_uniffi"]
        env = {"PKG_CONFIG_PATH": str(pc)}
        version = run([*pkg[:2], "--modversion", pkg[2]], env=env).stdout.strip()
        expect(version == VERSION, f"pkg-config --modversion is {version!r}")
        flags = run([*pkg[:2], "--cflags", "--libs", pkg[2]], env=env).stdout.split()
        (tmp / "check.c").write_text("""#ifndef __clang__
#define _Nullable
#define _Nonnull
#endif
#include <stdio.h>
#include <string.h>
#include "imgsign_uniffiFFI.h"
int main(void) {
    RustCallStatus status;
    memset(&status, 0, sizeof status);
    RustBuffer v = uniffi_imgsign_uniffi_fn_func_version(&status);
    if (status.code != 0) return 1;
    printf("%.*s\\n", (int)v.len, (const char *)v.data);
    ffi_imgsign_uniffi_rustbuffer_free(v, &status);
    return 0;
}
""")
        run(["gcc", "-std=c11", "-Wall", "-Werror", "-o", str(tmp / "check"), str(tmp / "check.c"), *flags])
        out = run([str(tmp / "check")], env={"LD_LIBRARY_PATH": str(prefix / "lib")}).stdout.strip()
        expect(out == VERSION, f"version() through the installed library is {out!r}")
        return f"{swift_archive().name}: pkg-config {VERSION}, a C program linked with its flags calls version()"


CHECKS = {
    "artifacts": check_artifacts_and_sums,
    "licenses": check_licenses,
    "python-metadata": check_python_metadata,
    "auditwheel": check_auditwheel,
    "glibc": check_glibc_floor,
    "stripped": check_stripped,
    "jar": check_jar,
    "pip-wheel": check_pip_wheel,
    "pip-sdist": check_pip_sdist,
    "npm": check_npm,
    "npm-no-binary": check_npm_without_binary,
    "maven": check_maven,
    "cli": check_cli,
}
if sys.platform == "linux":
    CHECKS["swift-linux"] = check_swift_linux


def main() -> int:
    only = None
    if len(sys.argv) == 3 and sys.argv[1] == "--only":
        only = sys.argv[2].split(",")
        unknown = set(only) - set(CHECKS)
        if unknown:
            print(f"unknown checks: {sorted(unknown)}; known: {sorted(CHECKS)}", file=sys.stderr)
            return 2
    elif len(sys.argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    if not DIST.is_dir():
        print("dist/ does not exist: run `make dist` first", file=sys.stderr)
        return 1
    passed = failed = 0
    for name, check in CHECKS.items():
        if only and name not in only:
            continue
        start = time.monotonic()
        try:
            said = check()
            passed += 1
            print(f"ok    {name}: {said} ({time.monotonic() - start:.0f} s)", flush=True)
        except Failed as e:
            failed += 1
            print(f"FAIL  {name}: {e}", flush=True)
        except Exception:  # a crash of the check itself is a failure too, with its trace
            failed += 1
            print(f"FAIL  {name}: {traceback.format_exc()}", flush=True)
    print(f"dist-check: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
