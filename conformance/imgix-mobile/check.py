"""Runs the expectations of expectations.json (and the cases of hard_cases.json) through
    - swift_reference.py (imgix-swift expectations),
    - imgix-java 2.3.2 for real, through java_oracle.sh (imgix-java expectations), and
    - today's imgsign profiles through the imgsign CLI (`--imgsign PATH`),
and prints what matches.

    python3 check.py                          # reference + oracle on the test expectations
    python3 check.py --imgsign target/debug/imgsign [--table]
    python3 check.py --record                 # write the oracle's bytes into the JSON files

The Java oracle needs imgix-java on the class path (IMGIX_JAVA_CLASSPATH or Maven, see
java_oracle.sh); `--no-java` leaves it out.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
from typing import Any, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import swift_reference  # noqa: E402

PROFILES = ["canonical", "imgix-python", "imgix-js", "imgix-swift", "imgix-java"]


def load(name: str) -> dict:
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)


def save(name: str, doc: dict) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    # Lone UTF-16 surrogates (an input only Java can hold) stay JSON escapes.
    text = re.sub("[\ud800-\udfff]", lambda m: "\\u%04x" % ord(m.group()), text)
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(text + "\n")


# --- running ---------------------------------------------------------------------------------

def run_swift(case: dict) -> dict:
    i = case["input"]
    try:
        if case["operation"] == "reconstruct":
            out = swift_reference.reconstruct(i["original_url"], i["params"], i["domain"],
                                              i["token"], i["include_library_param"])
        elif case["operation"] == "build_url":
            out = swift_reference.build_url(i["domain"], i["path"], i["params"], i["use_https"],
                                            i["token"], i["include_library_param"])
        else:
            return {"error": "imgix-swift 1.1.3 has no " + case["operation"]}
        return {"ok": out}
    except Exception as e:  # a reference failure is reported as a mismatch
        return {"error": "%s: %s" % (type(e).__name__, e)}


def run_java(cases: list) -> dict:
    if not cases:
        return {}
    proc = subprocess.run(["bash", os.path.join(HERE, "java_oracle.sh")],
                          input=json.dumps(cases).encode(), capture_output=True, timeout=300)
    if proc.returncode != 0:
        sys.exit("java oracle failed:\n" + proc.stderr.decode())
    return {r["id"]: r for r in json.loads(proc.stdout.decode())}


def cli_value(v: Any) -> str:
    # imgsign's documented stringification (same in every profile).
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def run_imgsign(binary: str, profile: str, case: dict) -> dict:
    i = case["input"]
    op = case["operation"]
    if op == "target_widths":
        s = i["srcset"]
        argv = [binary, "widths", "--profile", profile, "--min-width", str(s["min_width"]), "--max-width",
                str(s["max_width"]), "--tolerance", str(s["tolerance"])]
    elif op == "reconstruct":
        argv = [binary, "reconstruct", "--domain", i["domain"] or "", "--profile", profile]
        if i["token"]:
            argv += ["--key", i["token"]]
        argv.append("--include-library-param" if i["include_library_param"] else "--no-include-library-param")
        argv += ["--", i["original_url"]] + ["%s=%s" % (k, cli_value(v)) for k, v in i["params"] if v is not None]
    else:
        argv = [binary, "build" if op == "build_url" else "srcset", "--domain", i["domain"] or "",
                "--profile", profile]
        if i["token"]:  # None, and imgix-java's "" (its "unsigned"), give an unsigned builder
            argv += ["--key", i["token"]]
        if not i["use_https"]:
            argv.append("--http")
        # Said either way: the compatibility profiles add their library param by default.
        argv.append("--include-library-param" if i["include_library_param"] else "--no-include-library-param")
        if op == "build_srcset":
            s = i["srcset"]
            if s["widths"] is not None:
                argv += ["--widths", ",".join(str(w) for w in s["widths"])]
            else:
                argv += ["--min-width", str(s["min_width"]), "--max-width", str(s["max_width"]),
                         "--tolerance", str(s["tolerance"])]
            if s["disable_variable_quality"]:
                argv.append("--no-variable-quality")
        argv.append("--")
        argv.append(i["path"])
        argv += ["%s=%s" % (k, cli_value(v)) for k, v in i["params"] if v is not None]
    env = dict(os.environ)
    env.pop("IMGSIGN_KEY", None)
    try:
        proc = subprocess.run(argv, capture_output=True, env=env)
    except UnicodeEncodeError:
        return {"error": "a lone surrogate cannot be passed on a command line"}
    if proc.returncode != 0:
        return {"error": proc.stderr.decode("utf-8", "replace").strip()}
    out = proc.stdout.decode("utf-8")
    if out.endswith("\n"):
        out = out[:-1]
    if op == "target_widths":
        return {"ok": [int(w) for w in out.split(",")]}
    return {"ok": out}


# --- comparing -------------------------------------------------------------------------------

def query_of(url: str) -> Optional[str]:
    if "?" not in url:
        return None
    return url.split("?", 1)[1].split("#", 1)[0]


def java_srcset_properties(case: dict, out: str) -> Optional[str]:
    """The assertions of TestSrcSet's @BeforeClass tests; None when they all hold."""
    entries = out.split(",")
    fixed = any("entries" in p and p.startswith("5") for p in case["asserted_properties"])
    if fixed:
        if len(entries) != 5:
            return "not 5 entries"
        for n, e in enumerate(entries, 1):
            url, desc = e.split(" ")[0].strip(), e.split(" ")[1]
            if desc != "%dx" % n or ("dpr=%d" % n) not in url:
                return "entry %d: %r" % (n, e)
    else:
        default = [100, 116, 135, 156, 181, 210, 244, 283, 328, 380, 441, 512, 594, 689, 799,
                   927, 1075, 1247, 1446, 1678, 1946, 2257, 2619, 3038, 3524, 4087, 4741, 5500,
                   6380, 7401, 8192]
        widths = [int(e.split(" ")[1][:-1]) for e in entries]
        if widths != default:
            return "widths %r" % widths
    for e in entries:
        src = e.split(" ")[0].strip()
        if "s=" not in src:
            return "unsigned entry"
        sig = src[src.index("s=") + 2:]
        params = src[src.index("?"):src.index("s=") - 1]
        if hashlib.md5(("MYT0KEN/image.jpg" + params).encode()).hexdigest() != sig:
            return "bad signature in %r" % src
        for p in case["asserted_properties"]:
            if p.startswith("every URL contains "):
                needle = p[len("every URL contains "):]
                if needle not in src:
                    return "%r lacks %r" % (src, needle)
    return None


def verdict(case: dict, result: dict, expected: Any = None) -> Optional[str]:
    """None when `result` meets the case's expectation, else a short reason."""
    cmp = case["compare"]
    if expected is None:
        expected = case["expected"]
    if cmp == "error":
        return None if "error" in result else "no error: %r" % result.get("ok")
    if "error" in result:
        return "error: " + result["error"]
    out = result["ok"]
    if cmp == "equals":
        return None if out == expected else "got %r" % (out,)
    if cmp == "contains":
        return None if expected in out else "got %r" % out
    if cmp == "query":
        return None if query_of(out) == expected else "got query %r" % query_of(out)
    if cmp == "query_contains":
        return None if expected in (query_of(out) or "") else "got %r" % out
    if cmp == "query_not_contains":
        return None if expected not in (query_of(out) or "") else "got %r" % out
    if cmp == "properties":
        if expected is not None:  # imgix-java's recorded bytes for this srcset
            return None if out == expected else "got %r" % out
        return java_srcset_properties(case, out)
    raise SystemExit("unknown compare %r" % cmp)


# --- main ------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--imgsign", help="path to the imgsign CLI: also measure its profiles")
    ap.add_argument("--no-java", action="store_true")
    ap.add_argument("--record", action="store_true",
                    help="store imgix-java's real output (oracle_expected / java) in the JSON files")
    ap.add_argument("--table", action="store_true", help="print every imgsign difference")
    args = ap.parse_args()

    exp_doc = load("expectations.json")
    hard_doc = load("hard_cases.json")
    cases = exp_doc["expectations"]
    java_cases = [c for c in cases if c["library"] == "imgix-java"]
    java = {} if args.no_java else run_java(java_cases)
    hard_java = {} if args.no_java else run_java(
        [dict(h, input=dict(h["input"], java_api="URLBuilder"))
         for h in hard_doc["cases"] if "imgix-java" in h["libraries"]])

    failures = 0
    for lib in ["imgix-swift", "imgix-java"]:
        mine = [c for c in cases if c["library"] == lib]
        if lib == "imgix-java" and args.no_java:
            print("imgix-java: oracle not run (--no-java)")
            continue
        bad = []
        for c in mine:
            r = run_swift(c) if lib == "imgix-swift" else java[c["id"]]
            why = verdict(c, r)
            if why:
                bad.append((c["id"], why))
            if lib == "imgix-java" and args.record and c["compare"] == "properties" and "ok" in r:
                c["oracle_expected"] = r["ok"]
        who = "swift_reference.py" if lib == "imgix-swift" else "imgix-java 2.3.2 (real)"
        print("%s: %s reproduces %d/%d expectations" % (lib, who, len(mine) - len(bad), len(mine)))
        for cid, why in bad:
            print("  MISMATCH %s: %s" % (cid, why))
        failures += len(bad)

    # hard cases: our own inputs; recorded outputs are checked, or written with --record
    hard_bad = 0
    for h in hard_doc["cases"]:
        got = {}
        if "imgix-swift" in h["libraries"]:
            sw = run_swift(h)
            got["imgix-swift"] = sw.get("ok", "ERROR " + sw.get("error", ""))
        if "imgix-java" in h["libraries"] and not args.no_java:
            j = hard_java[h["id"]]
            got["imgix-java"] = j.get("ok", "ERROR " + j.get("error", ""))
        if args.record:
            h["outputs"] = dict(h.get("outputs", {}), **got)
        else:
            for lib, value in got.items():
                if h.get("outputs", {}).get(lib) != value:
                    hard_bad += 1
                    print("  HARD CASE CHANGED %s [%s]: %r != recorded %r"
                          % (h["id"], lib, value, h.get("outputs", {}).get(lib)))
    print("hard cases: %d, %d differ from the recorded outputs" % (len(hard_doc["cases"]), hard_bad))
    failures += hard_bad

    if args.record:
        save("expectations.json", exp_doc)
        save("hard_cases.json", hard_doc)
        print("recorded")

    if args.imgsign:
        measure(args.imgsign, cases, args.table)
        measure_hard(args.imgsign, hard_doc["cases"], args.table)
    sys.exit(1 if failures and not args.record else 0)


def measure(binary: str, cases: list, table: bool) -> None:
    print("\nimgsign profiles on the libraries' expectations (expected = library test string;"
          " property-only srcsets use imgix-java's recorded bytes):")
    for lib in ["imgix-swift", "imgix-java"]:
        mine = [c for c in cases if c["library"] == lib]
        urlish = [c for c in mine if c["compare"] != "error"]
        for scope_name, scope in [("all", mine), ("build_url only", [c for c in urlish if c["operation"] == "build_url"])]:
            counts = []
            for p in PROFILES:
                ok = 0
                for c in scope:
                    exp = c.get("oracle_expected") if c["compare"] == "properties" else None
                    if verdict(c, run_imgsign(binary, p, c), exp) is None:
                        ok += 1
                counts.append("%s %d/%d" % (p, ok, len(scope)))
            print("  %s [%s]: %s" % (lib, scope_name, ", ".join(counts)))
        if table:
            for c in mine:
                row = []
                for p in PROFILES:
                    exp = c.get("oracle_expected") if c["compare"] == "properties" else None
                    why = verdict(c, run_imgsign(binary, p, c), exp)
                    row.append("ok" if why is None else why)
                if any(r != "ok" for r in row):
                    print("    %s" % c["id"])
                    print("      expected: %r" % (c.get("oracle_expected") or c["expected"],))
                    for p, r in zip(PROFILES, row):
                        print("      %-13s %s" % (p, r))


def measure_hard(binary: str, hard: list, table: bool) -> None:
    print("\nimgsign profiles on the hard cases (expected = each library's recorded output):")
    for lib in ["imgix-swift", "imgix-java"]:
        mine = [h for h in hard if lib in h["libraries"] and lib in h.get("outputs", {})]
        counts = collections.Counter()
        rows = []
        for h in mine:
            want = h["outputs"][lib]
            case = dict(h, compare="equals", expected=want)
            row = []
            for p in PROFILES:
                r = run_imgsign(binary, p, case)
                ok = (isinstance(want, str) and want.startswith("ERROR") and "error" in r) or r.get("ok") == want
                counts[p] += ok
                row.append("ok" if ok else (r.get("ok") or r.get("error")))
            rows.append((h["id"], want, row))
        print("  %s: %s" % (lib, ", ".join("%s %d/%d" % (p, counts[p], len(mine)) for p in PROFILES)))
        if table:
            for cid, want, row in rows:
                if any(r != "ok" for r in row):
                    print("    %s\n      %s: %r" % (cid, lib, want))
                    for p, r in zip(PROFILES, row):
                        print("      %-13s %r" % (p, r))


if __name__ == "__main__":
    main()
