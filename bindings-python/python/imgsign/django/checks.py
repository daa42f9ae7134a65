"""System checks for imgsign's settings (``manage.py check``; run by ``runserver`` too).

=================  ===============================================================
id                 reported when
=================  ===============================================================
``imgsign.E001``   ``IMGSIGN``, ``IMGSIGN_SOURCES`` or a source is not a dict
``imgsign.E002``   a source has an unknown key (a typo such as ``"provder"``)
``imgsign.E003``   a source has no domain, or the core refuses it (``invalid_domain``)
``imgsign.E004``   the core refuses a provider, profile or option (``invalid_param``)
``imgsign.E005``   the core refuses a key (``invalid_key``: empty, a trailing newline, ...)
``imgsign.E006``   signing is configured but a key's environment variable is not set
``imgsign.E007``   ``IMGSIGN_SOURCES`` names a source ``"default"`` beside ``IMGSIGN``
``imgsign.E008``   the core refuses the set: two sources take the same URLs, a bad name
``imgsign.W001``   ``IMGSIGN`` has no key: URLs are unsigned and verification refuses all
=================  ===============================================================

Whether a provider, profile, domain or key is valid is asked of the core, by building the
source's objects; the message is the core's (it names the field and never shows a key).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, cast

from django.core import checks

from .. import ImgsignError, Sources
from .conf import SettingsProblem, SourceSettings, read_sources

__all__ = ["check_settings"]

_PROBLEM_IDS = {
    "not_a_mapping": "imgsign.E001",
    "unknown_key": "imgsign.E002",
    "no_domain": "imgsign.E003",
    "key_env_unset": "imgsign.E006",
    "two_defaults": "imgsign.E007",
}
_CODE_IDS = {"invalid_domain": "imgsign.E003", "invalid_param": "imgsign.E004", "invalid_key": "imgsign.E005"}


def _problem(p: SettingsProblem) -> checks.CheckMessage:
    return checks.Error(p.message, id=_PROBLEM_IDS[p.what], obj=p.where)


def _ask_core(s: SourceSettings) -> List[checks.CheckMessage]:
    if s.domain is None:
        return []
    try:
        Sources({s.name: cast(Any, s.spec())})
    except ImgsignError as e:
        return [checks.Error(f"{s.where}: {e}", id=_CODE_IDS.get(e.code, "imgsign.E004"), obj=s.where)]
    if s.key is None and not s.signing:
        return [checks.Warning(f"{s.where} has no key: URLs are built unsigned and verify_signed_url "
                               "refuses every request", hint="set key_env (the variable is read at start-up)",
                               id="imgsign.W001", obj=s.where)]
    return []


@checks.register("imgsign")
def check_settings(app_configs: Optional[Sequence[Any]] = None, **kwargs: Any) -> List[checks.CheckMessage]:
    """Checks ``settings.IMGSIGN`` and ``settings.IMGSIGN_SOURCES``."""
    from django.conf import settings

    sources, problems = read_sources(settings)
    out = [_problem(p) for p in problems]
    distinct: Dict[str, SourceSettings] = {s.name: s for s in sources.values()}  # "default" may be an alias
    for s in distinct.values():
        out += [_problem(p) for p in s.problems]
        out += _ask_core(s)
    if not out and len(distinct) > 1:
        # The set as a whole: no two sources may take the same URLs (host and path prefix).
        try:
            Sources({n: cast(Any, s.spec()) for n, s in distinct.items()})
        except ImgsignError as e:
            out.append(checks.Error(f"settings.IMGSIGN_SOURCES: {e}", id="imgsign.E008", obj="settings.IMGSIGN_SOURCES"))
    return out
