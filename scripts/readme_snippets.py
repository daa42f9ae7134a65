#!/usr/bin/env python3
"""The README's "Frameworks" snippets are copies of regions of tested example files, so they
cannot drift: each code block there follows a line

    <!-- snippet: examples/flask/flask_example.py#flask -->

and holds the lines between `[readme:flask]` and `[/readme]` in that file (the marker lines
are comments in the file's own language), dedented.

    python3 scripts/readme_snippets.py          # fail on any difference (part of make test)
    python3 scripts/readme_snippets.py --write  # rewrite the README's blocks from the files
"""

import argparse
import pathlib
import re
import sys
import textwrap

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MARK = re.compile(r"<!-- snippet: (?P<file>[^#\s]+)#(?P<name>[\w-]+) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```\n", re.S)


def region(file: str, name: str) -> str:
    lines = (ROOT / file).read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if f"[readme:{name}]" in line]
    if len(starts) != 1:
        raise SystemExit(f"{file}: expected one [readme:{name}] marker, found {len(starts)}")
    end = next((i for i in range(starts[0] + 1, len(lines)) if "[/readme]" in lines[i]), None)
    if end is None:
        raise SystemExit(f"{file}: [readme:{name}] has no [/readme]")
    return textwrap.dedent("\n".join(lines[starts[0] + 1:end])).strip("\n") + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    text = README.read_text(encoding="utf-8")
    found = 0
    stale = []

    def fix(m: "re.Match[str]") -> str:
        nonlocal found
        found += 1
        want = region(m["file"], m["name"])
        if m["body"] != want:
            stale.append(f"{m['file']}#{m['name']}")
        return f"<!-- snippet: {m['file']}#{m['name']} -->\n```{m['lang']}\n{want}```\n"

    new = MARK.sub(fix, text)
    if found == 0:
        print("README.md: no snippets found")
        return 1
    if args.write:
        README.write_text(new, encoding="utf-8")
        print(f"README.md: {found} snippets written")
        return 0
    if stale:
        print("README.md snippets differ from their example files (run python3 scripts/readme_snippets.py --write):")
        for s in stale:
            print("  " + s)
        return 1
    print(f"README.md: {found} snippets match their example files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
