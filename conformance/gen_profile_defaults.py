"""Vectors of kind `profile_defaults`: what each profile assumes when an argument is not
given (the fluid srcset range) and the library identity it writes as `ixlib`, the values a
drop-in for an official library reads from the core (docs/behaviour.md, "Profile defaults").

Expected values, never from imgsign:
  * `imgix-js`: @imgix/js-core 3.8.0 run for real: `ImgixClient.version()`, the
    `settings.libraryParam` and `includeLibraryParam` of a new client, the `ixlib` of a built
    URL, and the range its `targetWidths()` and `buildSrcSet()` use when none is given, read
    from the key js-core memoizes the widths under (`${tolerance}/${min}/${max}`);
  * `imgix-python`: imgix 4.0.0 run for real: `imgix.__version__`, the `ixlib` of a built URL,
    and the defaults of `target_widths` and of `UrlBuilder(include_library_param=...)` as its
    signatures declare them;
  * `imgix-java` and `imgix-swift`: the facts read from the libraries' sources at their release
    tags (imgix-mobile/NOTES.md §1.4-1.5, §2.2-2.5), checked against the `ixlib` values of their
    own test expectations and of the URLs recorded from the real imgix-java classes;
  * `canonical`: docs/behaviour.md's own defaults, as the independent reference implementation
    (reference.py) holds them, and `imgsign-<version>` of the workspace's version.
"""

import inspect
import json
import pathlib
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import imgix

import reference as ref

HERE = pathlib.Path(__file__).resolve().parent
MOBILE = HERE / "imgix-mobile"

# js-core, run for real (one node process).
_JS = r"""
const ImgixClient = require('@imgix/js-core')
const client = new ImgixClient({ domain: 'demo.imgix.net' })
const cache = {}
ImgixClient.targetWidths(undefined, undefined, undefined, cache)
const srcsetClient = new ImgixClient({ domain: 'demo.imgix.net' })
srcsetClient.buildSrcSet('a.jpg')
process.stdout.write(JSON.stringify({
  version: ImgixClient.version(),
  libraryParam: client.settings.libraryParam,
  includeLibraryParam: client.settings.includeLibraryParam,
  url: client.buildURL('a.jpg'),
  cacheKeys: Object.keys(cache),
  srcsetCacheKeys: Object.keys(srcsetClient.targetWidthsCache),
}))
"""


def _ixlib(url):
    values = parse_qs(urlsplit(url).query).get("ixlib", [])
    assert len(values) == 1, url
    return values[0]


def _range_of_cache_key(key):
    tol, mn, mx = key.split("/")
    return int(mn), int(mx), float(tol)


def _entry(profile, srcset, library_param, library_version, include_library_param):
    mn, mx, tol = srcset if srcset is not None else (None, None, None)
    assert library_param.endswith("-" + library_version), (library_param, library_version)
    return {"profile": profile, "min_width": mn, "max_width": mx, "tolerance": tol,
            "library_param": library_param, "library_version": library_version,
            "include_library_param": include_library_param}


def _imgix_js():
    proc = subprocess.run(["node", "-e", _JS], cwd=str(HERE), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if proc.returncode != 0:
        sys.exit("gen_profile_defaults: js-core failed:\n" + proc.stderr.decode("utf-8", "replace"))
    js = json.loads(proc.stdout)
    assert js["cacheKeys"] == js["srcsetCacheKeys"] and len(js["cacheKeys"]) == 1, js
    assert _ixlib(js["url"]) == js["libraryParam"], js
    return _entry("imgix-js", _range_of_cache_key(js["cacheKeys"][0]), js["libraryParam"],
                  js["version"], js["includeLibraryParam"] is True)


def _imgix_python():
    tw = inspect.signature(imgix.target_widths).parameters
    srcset = (tw["start"].default, tw["stop"].default, tw["tol"].default)
    include = inspect.signature(imgix.UrlBuilder).parameters["include_library_param"].default
    ixlib = _ixlib(imgix.UrlBuilder("demo.imgix.net").create_url("a.jpg"))
    return _entry("imgix-python", srcset, ixlib, imgix.__version__, include is True)


def _mobile_ixlibs():
    """Every `ixlib` value in the mobile libraries' expected or recorded URLs, by library."""
    found = {}
    exp = json.loads((MOBILE / "expectations.json").read_text(encoding="utf-8"))
    for e in exp["expectations"]:
        if isinstance(e.get("expected"), str) and "ixlib=" in e["expected"]:
            found.setdefault(e["library"], set()).add(_ixlib(e["expected"].split(",")[0].split(" ")[0]))
    recorded = (MOBILE / "java_recorded.json").read_text(encoding="utf-8")
    for part in recorded.split("ixlib=")[1:]:
        found.setdefault("imgix-java", set()).add(part.split("&")[0].split('"')[0].split(" ")[0])
    return found


# imgix-java 2.3.2 (NOTES.md §2.2, §2.5): `URLBuilder` turns `ixlib=java-2.3.2` on; its
# `createSrcSet` and `targetWidths` default to 100, 8192 and 0.08.
JAVA = ("java-2.3.2", "2.3.2", (100, 8192, 0.08), True)
# imgix-swift 1.1.3 (NOTES.md §1.4-1.5): `ixlib=swift-1.1.3` on by default; no srcset at all.
SWIFT = ("swift-1.1.3", "1.1.3", None, True)


def _mobile():
    ixlibs = _mobile_ixlibs()
    out = []
    for profile, (lib, version, srcset, include) in (("imgix-swift", SWIFT), ("imgix-java", JAVA)):
        assert ixlibs.get(profile) == {lib}, (profile, ixlibs.get(profile))
        out.append(_entry(profile, srcset, lib, version, include))
    java_tw = [e for e in json.loads((MOBILE / "expectations.json").read_text(encoding="utf-8"))["expectations"]
               if e["library"] == "imgix-java" and e["operation"] == "target_widths"]
    assert any((e["input"]["srcset"]["min_width"], e["input"]["srcset"]["max_width"],
                e["input"]["srcset"]["tolerance"]) == JAVA[2] for e in java_tw), java_tw
    return out


def _canonical():
    d = ref.SRCSET_DEFAULTS
    version = ref.library_version()
    return _entry("canonical", (d["min_width"], d["max_width"], d["tolerance"]), "imgsign-" + version,
                  version, ref.BUILDER_DEFAULTS["include_library_param"])


def generate(G):
    entries = [_canonical(), _imgix_python(), _imgix_js(), *_mobile()]
    for e in entries:
        srcset = ("no srcset" if e["min_width"] is None
                  else f"srcset {e['min_width']}..{e['max_width']} tolerance {e['tolerance']}")
        G.add(f"profile-defaults-{e['profile']}", "profile_defaults",
              f"{e['profile']}: {srcset}, ixlib={e['library_param']}"
              f"{' on' if e['include_library_param'] else ' off'} by default",
              {"profile": e["profile"]}, ("expected", e))
