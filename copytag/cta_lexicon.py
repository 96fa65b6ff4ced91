"""The CTA lexicon: one TOML file per language in ``copytag/lexicon/``, read on first use.

A lexicon file has the same shape for every language::

    code = "es"                  # the language the file describes
    name = "Spanish"
    script = "spaced"            # spaced: whole words; unspaced: substrings (zh, ja, th, ko)
    fold_accents = true          # match "descargala" and "descárgala" alike
    turkic_casing = false        # tr: "I" lowercases to "ı", "İ" to "i"
    verb_final = false           # tr, hi: a guarded trigger also counts where it closes its clause
    lead = ["ya", "y"]           # words that may open a clause before a guarded trigger
    link = ["para", "y"]         # words that tie a trigger to an earlier CTA ("toca para ver")
    objects = ["app", "gratis"]  # words after a trigger that show it addresses the reader
    subjects = ["ella", "lo"]    # words right before a guarded trigger that make it narrative
    negations = ["no"]           # words right before any trigger that cancel it: "no", vi "đã" (past)
    tails = []                   # words right after any trigger that make it narrative (zh 了)
    prefixes = []                # proclitics split off a word before lookup (Arabic و, ف);
                                 # "a>b" rewrites a to b ("لل>ال": ل + ال)

    [download]                   # one table per action type
    always = ["descargar"]       # a call to action wherever it stands
    guarded = ["descarga"]       # only clause-initial, after a CTA and a link word, or before an object
    object = []                  # only before an object word

    [stop]
    phrases = ["ella lo mira"]   # expressions that contain a trigger and are not calls to action

A surface form with `` ... `` in it is a separable verb: the parts must occur
in that order within one clause ("lade ... herunter" matches "Lade die App
jetzt herunter"). Users extend the lexicon with :func:`load_lexicon`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from .types import ACTIONS

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

#: How strictly a trigger must be placed to count (see the module doc).
CONDITIONS: tuple[str, ...] = ("always", "guarded", "object")
SCRIPTS: tuple[str, ...] = ("spaced", "unspaced")
_WORD_LISTS: tuple[str, ...] = ("lead", "link", "objects", "subjects", "negations", "tails", "prefixes")
_FLAGS: tuple[str, ...] = ("fold_accents", "turkic_casing", "verb_final")
_COMMON = "_common"
#: Inflected forms written by scripts/cta_inflect.py from the stems in ``lexicon/stems/``.
_GENERATED = "generated"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One surface form that signals ``action`` under ``condition``."""

    action: str
    surface: str
    condition: str = "always"


@dataclass(frozen=True)
class Lexicon:
    """The triggers of one language and the context words their conditions use.

    ``code`` is the language a match is reported in; an empty code means
    "the language being tagged" (user additions).

    >>> lex = load_lexicon({"watch": ["binge now"], "trial": {"guarded": ["vip"]}})
    >>> [(t.action, t.surface, t.condition) for t in lex.triggers]
    [('watch', 'binge now', 'always'), ('trial', 'vip', 'guarded')]
    """

    code: str = ""
    name: str = ""
    script: str = "spaced"
    fold_accents: bool = False
    turkic_casing: bool = False
    verb_final: bool = False
    lead: tuple[str, ...] = ()
    link: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    tails: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    stops: tuple[str, ...] = ()

    def __hash__(self) -> int:
        # Matchers are cached per lexicon value: hash the many triggers once, not per text.
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f) for f in self.__dataclass_fields__))
            object.__setattr__(self, "_hash", cached)
        return cached

    def extended(self, other: Lexicon) -> Lexicon:
        """This lexicon with the triggers, stop phrases and context words of ``other`` added.

        >>> base = load_lexicon({"code": "en", "watch": ["watch now"]})
        >>> [t.surface for t in base.extended(load_lexicon({"watch": ["binge"]})).triggers]
        ['watch now', 'binge']
        """
        merged = {f: getattr(self, f) + getattr(other, f) for f in (*_WORD_LISTS, "triggers", "stops")}
        return replace(self, **merged)

    def actions(self) -> frozenset[str]:
        """The action types this lexicon has at least one trigger for."""
        return frozenset(t.action for t in self.triggers)


def load_lexicon(source: str | os.PathLike[str] | Mapping[str, Any]) -> Lexicon:
    """A :class:`Lexicon` from a TOML file (path) or a mapping of the same shape.

    An action may map to a list (all ``always``) or to a table of
    conditions. Raises ``ValueError`` naming what is wrong.

    >>> load_lexicon({"code": "es", "download": {"guarded": ["baja"]}}).triggers
    (Trigger(action='download', surface='baja', condition='guarded'),)
    >>> load_lexicon({"wtach": ["x"]})
    Traceback (most recent call last):
    ...
    ValueError: lexicon <mapping>: unknown key 'wtach'; use the action types download, watch, click, obtain, trial, continue, a [stop] table, or code, name, script, fold_accents, turkic_casing, verb_final, lead, link, objects, subjects, negations, tails, prefixes
    """
    if isinstance(source, Mapping):
        return parse_lexicon(source, "<mapping>")
    path = os.fspath(source)
    with open(path, "rb") as handle:
        return parse_lexicon(tomllib.load(handle), path)


def parse_lexicon(data: Mapping[str, Any], origin: str) -> Lexicon:
    """Check and convert the parsed content of one lexicon file."""
    _reject_unknown_keys(data, origin)
    script = data.get("script", "spaced")
    if script not in SCRIPTS:
        raise ValueError(f"lexicon {origin}: script must be one of {', '.join(SCRIPTS)}, got {script!r}")
    words = {key: _strings(data.get(key, ()), f"{origin} {key}") for key in _WORD_LISTS}
    stop = data.get("stop", {})
    return Lexicon(
        code=str(data.get("code", "")),
        name=str(data.get("name", "")),
        script=script,
        **{flag: bool(data.get(flag, False)) for flag in _FLAGS},
        triggers=tuple(_triggers(data, origin)),
        stops=_strings(stop.get("phrases", ()) if isinstance(stop, Mapping) else stop, f"{origin} stop"),
        **words,
    )


def _reject_unknown_keys(data: Mapping[str, Any], origin: str) -> None:
    known = set(ACTIONS) | set(_WORD_LISTS) | set(_FLAGS) | {"code", "name", "script", "stop"}
    for key in data:
        if key not in known:
            raise ValueError(
                f"lexicon {origin}: unknown key {key!r}; use the action types {', '.join(ACTIONS)}, "
                f"a [stop] table, or code, name, script, {', '.join(_FLAGS + _WORD_LISTS)}"
            )


def _triggers(data: Mapping[str, Any], origin: str) -> list[Trigger]:
    found: list[Trigger] = []
    for action in ACTIONS:
        table = data.get(action, {})
        if not isinstance(table, Mapping):
            table = {"always": table}
        for condition, surfaces in table.items():
            if condition not in CONDITIONS:
                raise ValueError(
                    f"lexicon {origin} [{action}]: unknown condition {condition!r}; "
                    f"use {', '.join(CONDITIONS)}"
                )
            where = f"{origin} [{action}] {condition}"
            found.extend(Trigger(action, s, condition) for s in _strings(surfaces, where))
    return found


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"lexicon {where}: expected a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


@lru_cache(maxsize=None)
def available_languages() -> tuple[str, ...]:
    """The codes that have a built-in lexicon, English first, then alphabetical.

    >>> available_languages()[:3]
    ('en', 'ar', 'de')
    >>> len(available_languages())
    20
    """
    names = [p.name[:-5] for p in _lexicon_dir().iterdir() if p.name.endswith(".toml")]
    codes = sorted(n for n in names if n != _COMMON and n != "en")
    return ("en", *codes) if "en" in names else tuple(codes)


def resolve_code(language: str) -> str:
    """The built-in lexicon code for ``language`` (case-insensitive), or ``LookupError`` naming it.

    >>> resolve_code("ZH-hans")
    'zh-Hans'
    >>> resolve_code("xx")
    Traceback (most recent call last):
    ...
    LookupError: no CTA lexicon for language 'xx'; the languages are en, ar, de, es, fr, hi, id, it, ja, ko, ms, nl, pl, pt, ru, th, tr, vi, zh-Hans, zh-Hant
    """
    code = _codes_by_lower().get(str(language).lower())
    if code is None:
        known = ", ".join(available_languages())
        hint = " (Chinese is zh-Hans or zh-Hant)" if str(language).lower() == "zh" else ""
        raise LookupError(f"no CTA lexicon for language {language!r}{hint}; the languages are {known}")
    return code


def has_lexicon(language: str | None) -> bool:
    """Whether ``language`` names a built-in lexicon (case-insensitive).

    A detector may name a language copytag has no lexicon for; pass ``None``
    for those so every lexicon is matched, instead of getting ``LookupError``.

    >>> has_lexicon("zh-hant"), has_lexicon("sv"), has_lexicon(None)
    (True, False, False)
    """
    return language is not None and language.lower() in _codes_by_lower()


@lru_cache(maxsize=None)
def _codes_by_lower() -> dict[str, str]:
    return {code.lower(): code for code in available_languages()}


@lru_cache(maxsize=None)
def builtin_lexicon(code: str) -> Lexicon:
    """The built-in lexicon of ``code``, with the words every language shares and its generated
    inflected forms added."""
    code = resolve_code(code)
    lexicon = replace(_read_builtin(code), code=code).extended(_read_builtin(_COMMON))
    generated = _lexicon_dir() / _GENERATED / f"{code}.toml"
    return lexicon.extended(_read_builtin(f"{_GENERATED}/{code}")) if generated.is_file() else lexicon


def _read_builtin(name: str) -> Lexicon:
    resource = _lexicon_dir() / f"{name}.toml"
    return parse_lexicon(tomllib.loads(resource.read_text(encoding="utf-8")), f"copytag/lexicon/{name}.toml")


def _lexicon_dir() -> Any:
    return resources.files("copytag") / "lexicon"
