#!/usr/bin/env python3
"""Instruction counts per call of one hot path, by where they go.

    callgrind.py [--iterations N] [--top K] -- COMMAND ... OP

runs `COMMAND ... OP 0` and `COMMAND ... OP N` under `valgrind --tool=callgrind`, subtracts
the first (start-up and set-up) from the second function by function, and prints the
instructions per call grouped by area (the hash, URL parsing, encoding, allocation, ...),
then the K most expensive functions. Callgrind counts instructions, not time: the counts
repeat exactly from run to run, whatever else the machine is doing, which is what makes
them a profile to compare changes by. The script is used by scripts/profile-core.sh and the
profile scripts of the Python and Node packages.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

# (area, pattern on "file:function [object]"), first match wins. The patterns cover the
# core, its dependencies, CPython, Node/V8 and libc.
AREAS = [
    ("hash (MD5/SHA/HMAC)", r"^<?(md5|sha1|sha2|hmac|digest|block_buffer|crypto_common)::|compress256|compress512"),
    ("URL parsing (url, idna)", r"\burl::|idna|percent_encoding|form_urlencoded"),
    ("percent-encoding, dot segments, hex, base64",
     r"encode::encode_into|has_dot_segment|is_dot_segment|base64|hex::|HexSig|Keep::|is_clean"),
    ("numbers to text", r"write_int|write_float|flt2dec|fmt::num|core::fmt|alloc::fmt|itoa|ryu"),
    ("params: normalise, sort, check keys",
     r"normalize_params|sort_by_key_bytes|check_keys|key_cmp|duplicate|object_literal_index|slice::sort"),
    ("allocation", r"malloc|free|realloc|calloc|__rust_alloc|__rust_dealloc|__rust_realloc|raw_vec|RawVec|"
                   r"do_reserve_and_handle|finish_grow|alloc::alloc|PyMem_|PyObject_Malloc|PyObject_Free|"
                   r"pymalloc|_PyObject_GC|gc_alloc"),
    ("memcpy/memcmp", r"memcpy|memmove|memset|memcmp|bcmp|strlen|__memchr|memchr"),
    ("PyO3 argument handling", r"pyo3::"),
    ("CPython", r"libpython|python3|/Python/|/Objects/|Py[A-Z_]|_Py"),
    ("napi-rs", r"napi::|napi_derive|napi_sys"),
    ("Node-API / V8", r"node::|v8::|napi_|libnode|/node\b|Builtins_|\bv8\b"),
    ("imgsign core (building, signing, verifying)", r"imgsign::"),
    ("binding", r"imgsign_python|_imgsign|imgsign_node|imgsign_uniffi"),
    ("JavaScript/JIT code (no symbols)", r"^\?\?\?:0x|^0x"),
]

LINE = re.compile(r"^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(.*)$")


def functions(path: Path) -> dict[str, int]:
    """Self instruction count per function of one callgrind output file."""
    out = subprocess.run(
        ["callgrind_annotate", "--threshold=100", "--inclusive=no", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout
    counts: dict[str, int] = {}
    started = False
    for line in out.splitlines():
        if "file:function" in line:
            started = True
            continue
        if not started:
            continue
        m = LINE.match(line)
        if m and ":" in m.group(2):
            counts[m.group(2).strip()] = counts.get(m.group(2).strip(), 0) + int(m.group(1).replace(",", ""))
    return counts


def run(cmd: list[str], n: int, out: Path) -> dict[str, int]:
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--dump-instr=no", f"--callgrind-out-file={out}", *cmd, str(n)],
        check=True, capture_output=True,
    )
    return functions(out)


def function_name(entry: str) -> str:
    """The function of a "file:function [object]" entry."""
    return re.sub(r"\s*\[[^\]]*\]$", "", entry.split(":", 1)[-1]).strip()


def area(entry: str) -> str:
    fn = function_name(entry)
    for label, pattern in AREAS:
        if re.search(pattern, fn) or (label.startswith(("CPython", "Node", "JavaScript")) and re.search(pattern, entry)):
            return label
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=20_000)
    ap.add_argument("--top", type=int, default=8)
    ap.add_argument("--label", default="")
    ap.add_argument("--floor", type=float, default=0.0, help="instructions of the raw hash, for the ratio")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    with tempfile.TemporaryDirectory() as tmp:
        base = run(cmd, 0, Path(tmp) / "base")
        full = run(cmd, a.iterations, Path(tmp) / "full")
    per_fn = {k: (v - base.get(k, 0)) / a.iterations for k, v in full.items()}
    total = sum(per_fn.values())
    by_area: dict[str, float] = defaultdict(float)
    for k, v in per_fn.items():
        by_area[area(k)] += v
    label = a.label or " ".join(cmd[-1:])
    ratio = f", {total / a.floor:.2f}x the hash alone ({a.floor:,.0f})" if a.floor else ""
    print(f"\n{label}: {total:,.0f} instructions per call{ratio}")
    for name, v in sorted(by_area.items(), key=lambda kv: -kv[1]):
        if abs(v) >= 0.5:
            print(f"  {v:>9,.0f}  {100 * v / total:5.1f}%  {name}")
    print("  top functions:")
    for k, v in sorted(per_fn.items(), key=lambda kv: -kv[1])[: a.top]:
        print(f"  {v:>9,.0f}  {function_name(k)[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
