"""Keeps the READMEs' code examples identical to files that are compiled, type-checked and run.

A README quotes a checked file with a marker line right before a fenced block:

    <!-- checked-example: bindings-python/examples/readme.py -->
    ```python
    ...
    ```

`PATH#NAME` quotes only the lines between `region NAME` and `endregion NAME` comments in the
file, with their common indentation removed. `--check` (part of `make test`) fails when a
block differs from its file, naming the README and the line; `--write` rewrites the blocks
from the files. The files themselves are checked where they live (mypy --strict, tsc
--strict, javac), so an example in a README can neither drift nor stop compiling.

Usage: python3 scripts/readme_examples.py --check | --write
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^<!-- checked-example: (?P<path>[^#\s]+)(?:#(?P<region>[\w-]+))? -->$")
FENCE = re.compile(r"^```")


def readmes() -> list[Path]:
    found = [ROOT / "README.md"]
    found += sorted(ROOT.glob("*/README.md"))
    return [p for p in found if p.is_file()]


def quoted(path: str, region: str | None) -> str:
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    if region is None:
        return "\n".join(lines).strip("\n")
    starts = [i for i, line in enumerate(lines) if re.search(rf"\bregion {re.escape(region)}\s*$", line)]
    ends = [i for i, line in enumerate(lines) if re.search(rf"\bendregion {re.escape(region)}\s*$", line)]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise SystemExit(f"readme_examples: {path} needs exactly one 'region {region}' ... 'endregion {region}'")
    return textwrap.dedent("\n".join(lines[starts[0] + 1 : ends[0]])).strip("\n")


def process(readme: Path, write: bool) -> list[str]:
    lines = readme.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    problems: list[str] = []
    i = 0
    rel = readme.relative_to(ROOT)
    while i < len(lines):
        line = lines[i]
        out.append(line)
        m = MARKER.match(line)
        i += 1
        if not m:
            continue
        if i >= len(lines) or not FENCE.match(lines[i]):
            problems.append(f"{rel}:{i}: a checked-example marker must be followed by a fenced block")
            continue
        out.append(lines[i])
        start = i + 1
        end = start
        while end < len(lines) and not FENCE.match(lines[end]):
            end += 1
        if end >= len(lines):
            problems.append(f"{rel}:{i + 1}: the fenced block is not closed")
            break
        want = quoted(m["path"], m["region"])
        have = "\n".join(lines[start:end]).strip("\n")
        if have != want:
            problems.append(f"{rel}:{start + 1}: differs from {m['path']}" + (f"#{m['region']}" if m["region"] else ""))
        out.extend(want.split("\n") if want else [])
        out.append(lines[end])
        i = end + 1
    if write:
        text = "\n".join(out) + "\n"
        if text != readme.read_text(encoding="utf-8"):
            readme.write_text(text, encoding="utf-8")
            print(f"readme_examples: rewrote {rel}")
        return [p for p in problems if "differs from" not in p]
    return problems


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] not in ("--check", "--write"):
        raise SystemExit(__doc__)
    write = sys.argv[1] == "--write"
    problems: list[str] = []
    count = 0
    for readme in readmes():
        count += sum(1 for line in readme.read_text(encoding="utf-8").splitlines() if MARKER.match(line))
        problems += process(readme, write)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        if not write:
            print("readme_examples: run `python3 scripts/readme_examples.py --write`", file=sys.stderr)
        raise SystemExit(1)
    print(f"readme_examples: {count} README examples match their checked files")


if __name__ == "__main__":
    main()
