"""Reading imgsign's Django settings: ``IMGSIGN`` (one source) and ``IMGSIGN_SOURCES``
(several, by name). Used by the runtime (:mod:`imgsign.django`) and by the system checks
(:mod:`imgsign.django.checks`), so both read the settings the same way.

A source's settings are passed to the core as given; what a source leaves out is passed as
"not given", and the core's default applies. Nothing here knows a provider, a profile or a
default of the core: whether a value is valid is the core's answer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple

__all__ = ["KNOWN_KEYS", "DEFAULT_KEY_ENV", "SourceSettings", "SettingsProblem", "read_sources", "DEFAULT"]

#: The keys a source's settings may have.
KNOWN_KEYS = (
    "domain",
    "path_prefix",
    "provider",
    "key",
    "key_env",
    "previous_keys",
    "previous_keys_env",
    "salt_env",
    "options",
    "profile",
    "use_https",
    "include_library_param",
    "disable_path_encoding",
)
#: The environment variable read for the key of ``settings.IMGSIGN`` when it names none.
DEFAULT_KEY_ENV = "IMGSIGN_KEY"
#: The name of the source a tag or decorator without ``source=`` uses.
DEFAULT = "default"


@dataclass(frozen=True)
class SettingsProblem:
    """A problem with the settings themselves (before the core is asked): ``what`` is one of
    ``not_a_mapping``, ``unknown_key``, ``no_domain``, ``key_env_unset``, ``two_defaults``."""

    what: str
    where: str
    message: str


@dataclass(frozen=True)
class SourceSettings:
    """One source, its keys read from the environment. ``signing`` is true when the settings
    ask for signing (``key``, ``key_env`` or previous keys given)."""

    name: str
    where: str
    domain: Optional[str]
    path_prefix: Any
    provider: Any
    key: Optional[str]
    previous_keys: Tuple[str, ...]
    profile: Any
    use_https: Any
    include_library_param: Any
    disable_path_encoding: Any
    signing: bool
    salt: Optional[str] = None
    options: Any = None
    problems: Tuple[SettingsProblem, ...] = field(default=())

    def spec(self) -> Dict[str, Any]:
        """The source as :class:`imgsign.Sources` takes it (None: not given, the core's default)."""
        return dict(domain=self.domain, path_prefix=self.path_prefix, provider=self.provider, key=self.key,
                    previous_keys=list(self.previous_keys), salt=self.salt, options=self.options,
                    profile=self.profile, use_https=self.use_https,
                    include_library_param=self.include_library_param,
                    disable_path_encoding=self.disable_path_encoding)


def _env(name: Any, where: str, problems: List[SettingsProblem]) -> Optional[str]:
    value = os.environ.get(str(name))
    if value is None:
        problems.append(SettingsProblem("key_env_unset", where,
                                        f"{where}: the environment variable {name} is not set"))
    return value


def _source(name: str, where: str, conf: Any, implicit_key_env: Optional[str]) -> SourceSettings:
    problems: List[SettingsProblem] = []
    if not isinstance(conf, Mapping):
        problems.append(SettingsProblem("not_a_mapping", where, f"{where} must be a dict"))
        return SourceSettings(name, where, None, None, None, None, (), None, None, None, None, False,
                              problems=tuple(problems))
    for k in conf:
        if k not in KNOWN_KEYS:
            problems.append(SettingsProblem("unknown_key", f"{where}[{k!r}]",
                                            f"{where}: unknown key {k!r} (known: {', '.join(KNOWN_KEYS)})"))
    domain = conf.get("domain")
    if not domain:
        problems.append(SettingsProblem("no_domain", f"{where}['domain']", f"{where}['domain'] is required"))
    key = conf.get("key")
    key_env = conf.get("key_env")
    if key is None and key_env is not None:
        key = _env(key_env, f"{where}['key_env']", problems)
    elif key is None and implicit_key_env is not None:
        key = os.environ.get(implicit_key_env)
    previous = list(conf.get("previous_keys") or ())
    for i, env in enumerate(conf.get("previous_keys_env") or ()):
        value = _env(env, f"{where}['previous_keys_env'][{i}]", problems)
        if value is not None:
            previous.append(value)
    salt = None
    if conf.get("salt_env") is not None:
        salt = _env(conf["salt_env"], f"{where}['salt_env']", problems)
    signing = any(conf.get(k) for k in ("key", "key_env", "previous_keys", "previous_keys_env"))
    return SourceSettings(
        name=name, where=where, domain=str(domain) if domain else None, path_prefix=conf.get("path_prefix"),
        salt=salt, options=conf.get("options"), provider=conf.get("provider"),
        key=key, previous_keys=tuple(previous), profile=conf.get("profile"), use_https=conf.get("use_https"),
        include_library_param=conf.get("include_library_param"),
        disable_path_encoding=conf.get("disable_path_encoding"), signing=signing, problems=tuple(problems))


def read_sources(settings: Any) -> Tuple[Dict[str, SourceSettings], List[SettingsProblem]]:
    """Every configured source by name (``settings.IMGSIGN`` is the source ``"default"``),
    and the problems of the settings as a whole. With one source only, it is also the default."""
    sources: Dict[str, SourceSettings] = {}
    problems: List[SettingsProblem] = []
    single = getattr(settings, "IMGSIGN", None)
    several = getattr(settings, "IMGSIGN_SOURCES", None)
    if single is not None:
        sources[DEFAULT] = _source(DEFAULT, "settings.IMGSIGN", single, DEFAULT_KEY_ENV)
    if several is not None:
        if not isinstance(several, Mapping):
            problems.append(SettingsProblem("not_a_mapping", "settings.IMGSIGN_SOURCES",
                                            "settings.IMGSIGN_SOURCES must be a dict of name to source settings"))
            several = {}
        for name, conf in several.items():
            where = f"settings.IMGSIGN_SOURCES[{name!r}]"
            if name == DEFAULT and single is not None:
                problems.append(SettingsProblem("two_defaults", where, f"{where}: settings.IMGSIGN is already "
                                                "the default source; give this source another name"))
                continue
            sources[str(name)] = _source(str(name), where, conf, None)
        if DEFAULT not in sources and len(sources) == 1:
            sources[DEFAULT] = next(iter(sources.values()))
    return sources, problems
