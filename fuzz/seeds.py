#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz target from conformance/vectors.json: one
input per vector (every vector's URL, key, path, params, srcset options, headers and clock,
in the target's input layout), so fuzzing starts from every case the project pins, the
reproductions of found defects among them. `argument_error` vectors name no input to feed.

    python3 fuzz/seeds.py          # rewrite fuzz/seeds/parse_sign_verify/
    python3 fuzz/seeds.py --check  # fail if the committed seeds are out of date
"""

import argparse
import json
import pathlib
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent
VECTORS = HERE.parent / "conformance" / "vectors.json"
OUT = HERE / "seeds" / "parse_sign_verify"

PROVIDERS = ["imgix", "gumlet", "pixta", "imageboss"]
PROFILES = ["canonical", "imgix-python", "imgix-js", "imgix-swift"]
SEP = b"\xff"  # never part of UTF-8 text (see fuzz_targets/parse_sign_verify.rs)


def value(v):
    if v is None:
        return "~"
    if isinstance(v, bool):
        return "b:" + ("1" if v else "0")
    if isinstance(v, int):
        return f"i:{v}"
    if isinstance(v, float):
        return f"f:{v!r}"
    return v


def seed(v):
    i = v["input"]
    if v["kind"] == "sources" and i["sources"]:
        # The call's URL, target and path, with the first source's domain, key and provider.
        i = {**i["sources"][0], **{k: x for k, x in i.items() if x is not None and k != "sources"}}
    provider = PROVIDERS.index(i["provider"]) if i.get("provider") in PROVIDERS else 0
    profile = PROFILES.index(i["profile"]) if i.get("profile") in PROFILES else 0
    selector = provider | profile << 2
    selector |= 0x10 if i.get("use_https") is False else 0
    selector |= 0x20 if i.get("include_library_param") else 0
    selector |= 0x40 if i.get("disable_path_encoding") else 0
    selector |= 0x80 if i.get("variable_qualities") else 0
    bounds = [i.get("min_width"), i.get("max_width"), i.get("tolerance")]
    numbers = ",".join("" if b is None else str(b) for b in bounds + (i.get("widths") or []))
    ratios = [r for r, _ in i.get("variable_qualities") or []] or i.get("device_pixel_ratios") or []
    fields = [
        i.get("url") or i.get("original_url") or "",
        i.get("key") or i.get("secret") or i.get("username") or "",
        i.get("path") or i.get("request_id") or i.get("password") or "",
        "&".join(f"{k}={value(x)}" for k, x in i.get("params") or []),
        numbers if v["kind"] in ("build_srcset", "target_widths") else "",
        ",".join(str(r) for r in ratios),
        "\n".join(f"{k}: {x}" for k, x in i.get("headers") or []),
        i.get("domain") or "",
        str(i.get("now") or i.get("timestamp") or 0),
        i.get("target") or "",
        i.get("profile") or "",
    ]
    return bytes([selector]) + SEP.join(f.encode("utf-8", "surrogatepass") for f in fields)


def seeds():
    doc = json.loads(VECTORS.read_text(encoding="utf-8"))
    return {v["id"]: seed(v) for v in doc["vectors"] if v["kind"] != "argument_error"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true")
    want = seeds()
    if ap.parse_args().check:
        have = {p.name: p.read_bytes() for p in OUT.glob("*")} if OUT.exists() else {}
        if have != want:
            print(f"{OUT.relative_to(HERE.parent)} is out of date: run python3 fuzz/seeds.py")
            return 1
        print(f"{OUT.relative_to(HERE.parent)} is up to date ({len(want)} seeds)")
        return 0
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    for name, data in want.items():
        (OUT / name).write_bytes(data)
    print(f"wrote {len(want)} seeds to {OUT.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
