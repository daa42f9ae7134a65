"""Vectors of the scheme model (docs/schemes.md): secrets, options and per-call values, tokens,
and the providers that sign inside the path (imgproxy, thumbor, imagor, Cloudinary).

Called by generate.py (`gen_schemes.generate(G)`); never imports imgsign. Expected values come
from the vendors' own packages run by oracles/ (oracle_py.py, oracle_node.mjs, the Go imagor
oracle), from the vendors' published vectors (oracles/published.json), and from the
independent implementations of the documented formulas in oracles/formulas.py. Every
vector's description names its source.
"""

import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ORACLES = HERE / "oracles"
sys.path.insert(0, str(ORACLES))
import formulas  # noqa: E402

NOW = 1700000000

# The documented secrets and options of the schemes that exist before this module's providers
# (docs/schemes.md): a key only, no salt, no options, no per-call values, no token.
QUERY_SCHEMES = {"imgix": "FOO123bar", "gumlet": "sample123xyz", "pixta": "wakanda123@", "imageboss": "abc"}
QUERY_DOMAINS = {"imgix": "demo.imgix.net", "gumlet": "demo.gumlet.io", "pixta": "image.pvnservices.com",
                 "imageboss": "img.imageboss.me"}


# ---------------------------------------------------------------------------------------- inputs
# Every input field is always present (conformance/README.md); None / [] / {} are "not given".

def sign_input(provider, key, url, *, salt=None, options=None, expires=None, values=None):
    return {"provider": provider, "key": key, "salt": salt, "options": dict(options or {}), "url": url,
            "expires": expires, "values": dict(values or {})}


# docs/behaviour.md, error codes: the codes whose rows read "verify: ..." (a URL, token or
# request that was checked and refused), as opposed to a bad argument.
VERIFY_FAILURES = ("missing_signature", "signature_mismatch", "expired", "malformed_url", "malformed_header",
                   "not_yet_valid", "ip_mismatch", "acl_mismatch")


def verify_input(provider, key, url, *, previous_keys=(), salt=None, previous_salts=(), options=None,
                 now=NOW, values=None, field="url"):
    return {"provider": provider, "key": key, "previous_keys": list(previous_keys), "salt": salt,
            "previous_salts": list(previous_salts), "options": dict(options or {}), field: url, "now": now,
            "values": dict(values or {})}


def token_input(provider, key, *, salt=None, options=None, expires=None, values=None):
    return {"provider": provider, "key": key, "salt": salt, "options": dict(options or {}), "expires": expires,
            "values": dict(values or {})}


def verify_token_input(provider, key, token, *, previous_keys=(), salt=None, previous_salts=(), options=None,
                       now=NOW, values=None):
    return {"provider": provider, "key": key, "previous_keys": list(previous_keys), "salt": salt,
            "previous_salts": list(previous_salts), "options": dict(options or {}), "token": token, "now": now,
            "values": dict(values or {})}


def builder_input(provider, domain, key, path, params, *, salt=None, options=None, profile=None, use_https=None,
                  lib=None, dpe=None):
    return {"domain": domain, "provider": provider, "key": key, "salt": salt, "options": dict(options or {}),
            "profile": profile, "use_https": use_https, "include_library_param": lib,
            "disable_path_encoding": dpe, "path": path, "params": [[k, v] for k, v in params]}


# ---------------------------------------------------------------------------------------- oracles

GO_ORACLE = ORACLES / ".bin" / "oracle_go"


def _pins():
    py = dict(line.strip().split("==") for line in (ORACLES / "requirements.txt").read_text().split() if line.strip())
    node = json.loads((ORACLES / "package.json").read_text())["dependencies"]
    return py, node


class Oracles:
    """The vendors' packages, run for real: cases are collected, then each oracle process
    runs once for all of them (`run`), then the callbacks registered with `later` make the
    vectors from the results."""

    COMMANDS = {
        "py": lambda: [sys.executable, str(ORACLES / "oracle_py.py")],
        "node": lambda: ["node", str(ORACLES / "oracle_node.mjs")],
        "go": lambda: [str(GO_ORACLE)],
    }

    def __init__(self):
        self.cases = {k: [] for k in self.COMMANDS}
        self.done = {k: 0 for k in self.COMMANDS}
        self.results = {}
        self.callbacks = []

    def add(self, oracle, op, inp):
        key = "%s#%d" % (oracle, len(self.cases[oracle]))
        self.cases[oracle].append({"id": key, "op": op, "input": inp})
        return key

    def later(self, fn):
        """Calls `fn` once the cases added so far have run; it may add cases and callbacks of
        its own (run in the next round)."""
        self.callbacks.append(fn)

    def ok(self, key):
        status, value = self.results[key]
        assert status == "ok", f"oracle case {key} failed: {value}"
        return value

    def outcome(self, key):
        return self.results[key]

    def run(self):
        """Rounds: every pending case runs (one process per oracle), then the pending
        callbacks, until nothing is pending."""
        if not GO_ORACLE.exists():
            sys.exit("gen_schemes: the Go oracle is not built; run `make conformance-deps`")
        while self.callbacks or any(len(c) > self.done[k] for k, c in self.cases.items()):
            for oracle, cases in self.cases.items():
                pending = cases[self.done[oracle]:]
                self.done[oracle] = len(cases)
                if not pending:
                    continue
                proc = subprocess.run(self.COMMANDS[oracle](), input=json.dumps(pending).encode(),
                                      cwd=str(ORACLES), stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
                if proc.returncode != 0:
                    sys.exit(f"gen_schemes: the {oracle} oracle failed:\n" + proc.stderr.decode("utf-8", "replace"))
                for r in json.loads(proc.stdout):
                    self.results[r["id"]] = ("ok", r["ok"]) if "ok" in r else ("error", r["error"])
            callbacks, self.callbacks = self.callbacks, []
            for fn in callbacks:
                fn()

    def check_pins(self):
        """The packages that run are the pinned ones."""
        py_pins, node_pins = _pins()
        pk, nk = self.add("py", "versions", {}), self.add("node", "versions", {})

        def check():
            for pins, got_all, where in ((py_pins, self.ok(pk), "PyPI"), (node_pins, self.ok(nk), "npm")):
                for name, want in pins.items():
                    got = got_all.get(name)
                    assert got == want, f"gen_schemes: {name} ({where}) is {got}, the pin is {want}; " \
                        "run make conformance-deps"
        self.later(check)


def whatwg(O, url):
    """The URL as a client sends it, by Node's WHATWG parser."""
    return O.add("node", "whatwg.url", {"url": url})


# ---------------------------------------------------------------------------------------- the model

def gen_model(G):
    """What the model documents for every scheme of the query family: no salt, no options,
    no per-call values, no token of its own (hand labels from docs/schemes.md)."""
    for p, k in QUERY_SCHEMES.items():
        base = f"https://{QUERY_DOMAINS[p]}/a.jpg?w=1"
        G.add(f"{p}-sign-salt-refused", "sign_url", f"{p} takes no salt (docs/schemes.md): invalid_key",
              sign_input(p, k, base, salt="pepper"), ("error", "invalid_key"))
        G.add(f"{p}-sign-unknown-option", "sign_url", f"{p} has no options (docs/schemes.md): invalid_param",
              sign_input(p, k, base, options={"signature_size": 8}), ("error", "invalid_param"))
        G.add(f"{p}-sign-unknown-value", "sign_url", f"{p} takes no per-call values (docs/schemes.md): invalid_param",
              sign_input(p, k, base, values={"ip": "192.0.2.1"}), ("error", "invalid_param"))
        G.add(f"{p}-verify-previous-salts-refused", "verify_url",
              f"{p} takes no salt, so no previous salts either (docs/schemes.md): invalid_key",
              verify_input(p, k, base, previous_keys=["old"], previous_salts=["pepper"]), ("error", "invalid_key"))
        G.add(f"{p}-verify-unknown-value", "verify_url",
              f"{p} takes no per-call values (docs/schemes.md): invalid_param",
              verify_input(p, k, base, values={"ip": "192.0.2.1"}), ("error", "invalid_param"))
        G.add(f"{p}-sign-token-refused", "sign_token",
              f"{p} signs URLs: it has no token on its own (docs/schemes.md): invalid_param",
              token_input(p, k, expires=NOW), ("error", "invalid_param"))
        G.add(f"{p}-verify-token-refused", "verify_token",
              f"{p} signs URLs: it has no token on its own (docs/schemes.md): invalid_param",
              verify_token_input(p, k, "exp=1~hmac=00"), ("error", "invalid_param"))
        G.add(f"{p}-build-salt-refused", "build_url", f"{p} takes no salt, in a builder either: invalid_key",
              builder_input(p, QUERY_DOMAINS[p], k, "/a.jpg", [("w", 1)], salt="pepper"), ("error", "invalid_key"))
        G.add(f"{p}-build-unknown-option", "build_url", f"{p} has no options, in a builder either: invalid_param",
              builder_input(p, QUERY_DOMAINS[p], k, "/a.jpg", [("w", 1)], options={"truncate": 20}),
              ("error", "invalid_param"))
    G.add("build-salt-without-key", "build_url", "a salt without a key (an unsigned builder) is invalid_key",
          builder_input("imgix", "demo.imgix.net", None, "/a.jpg", [], salt="pepper"), ("error", "invalid_key"))


def generate(G):
    gen_model(G)
    O = Oracles()
    O.check_pins()
    import gen_paths  # noqa: PLC0415 (the path-signature providers)
    gen_paths.generate(G, O)
    O.run()
