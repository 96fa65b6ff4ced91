"""Write copytag/lexicon/generated/<code>.toml: the inflected CTA forms of the stems listed
in copytag/lexicon/stems/<code>.toml, so the lexicon covers every imperative of a verb
without listing each by hand.

    python scripts/cta_inflect.py            # rewrite the generated files
    python scripts/cta_inflect.py --check    # exit 1 if one is stale

A stems file has one table per action type, each with lists the language's rules read:

- tr: ``verbs`` (bare imperative stems; "seyret>seyred" gives the stem that takes vowel
  suffixes) - the 2pl/polite -(y)In, -(y)InIz, optative -(y)AlIm, -sAnA, "-mAk için",
  "-(y)Abilirsin(iz)" forms, with vowel harmony.
- hi: ``nouns`` (light-verb compounds with करना: "डाउनलोड करें"), ``verbs`` (stems:
  देख -> देखें, देखो, देखिए ...), ``latin_nouns`` (Hinglish: "download karo").
- ar: ``verbs`` (masculine imperatives: شاهد -> شاهدي, شاهدوا, شاهده, شاهدها ...) and
  ``ambiguous`` (imperatives that are also a past or a noun: plural forms only).

Generated forms are ``always`` triggers: each is an unambiguous imperative.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Iterable

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from copytag.types import ACTIONS

LEXICON = Path(__file__).resolve().parent.parent / "copytag" / "lexicon"
STEMS = LEXICON / "stems"
OUT = LEXICON / "generated"

BACK, FRONT = set("aıou"), set("eiöü")
VOWELS = BACK | FRONT


def last_vowel(stem: str) -> str:
    return next((c for c in reversed(stem) if c in VOWELS), "e")


def harmony4(stem: str) -> str:
    """The four-way vowel (ı, i, u, ü) that follows ``stem``."""
    return {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[last_vowel(stem)]


def harmony2(stem: str) -> str:
    """The two-way vowel (a, e) that follows ``stem``."""
    return "a" if last_vowel(stem) in BACK else "e"


def turkish_forms(spec: str) -> list[str]:
    """The imperative and invitation forms of a Turkish verb.

    >>> turkish_forms("izle")[:4]
    ['izle', 'izleyin', 'izleyiniz', 'izleyelim']
    >>> turkish_forms("seyret>seyred")[:3]
    ['seyret', 'seyredin', 'seyrediniz']
    >>> turkish_forms("al")[1:4]
    ['alın', 'alınız', 'alalım']
    """
    stem, _, soft = spec.partition(">")
    soft = soft or stem
    y = "y" if soft[-1] in VOWELS else ""
    i, a = harmony4(stem), harmony2(stem)
    return [
        stem,
        f"{soft}{y}{i}n",
        f"{soft}{y}{i}n{i}z",
        f"{soft}{y}{a}l{i}m",
        f"{stem}s{a}n{a}",
        f"{stem}m{a}k için",
        f"{soft}{y}{a}bilirsin",
        f"{soft}{y}{a}bilirsiniz",
    ]


HINDI_LIGHT = ["करें", "करो", "कीजिए", "कीजिये", "करिए", "करिये", "करना", "कर लें", "कर लो", "कर दें"]
LATIN_LIGHT = ["karo", "karein", "karen", "kare", "kijiye", "kariye", "karna", "kar lo", "kar lein"]
#: Endings of a consonant-final stem, and of a vowel-final one (पा, छू: the vowel takes ए/ओ/इए).
HINDI_CONSONANT = ["ें", "ो", "िए", "िये", "ना", " लो", " लें", " डालो"]
HINDI_VOWEL = ["एं", "एँ", "ओ", "इए", "इये", "ना"]


def hindi_forms(kind: str, word: str) -> list[str]:
    """Polite, familiar and infinitive imperatives of a Hindi verb or light-verb compound.

    >>> hindi_forms("nouns", "डाउनलोड")[:2]
    ['डाउनलोड करें', 'डाउनलोड करो']
    >>> hindi_forms("verbs", "देख")[:3]
    ['देखें', 'देखो', 'देखिए']
    >>> hindi_forms("verbs", "पा")[:2], hindi_forms("verbs", "छू")[0]
    (['पाएं', 'पाएँ'], 'छुएं')
    """
    if kind == "nouns":
        return [f"{word} {light}" for light in HINDI_LIGHT]
    if kind == "latin_nouns":
        return [f"{word} {light}" for light in LATIN_LIGHT]
    vowel_final = word[-1] in "ािीुूेैोौ" or word[-1] in "आइईउऊएऐओऔ"
    base = word[:-1] + "ु" if word.endswith("ू") else word  # छू -> छुएं
    return [base + ending for ending in (HINDI_VOWEL if vowel_final else HINDI_CONSONANT)]


ARABIC_ENDINGS = ["ي", "وا", "ه", "ها", "يه", "يها", "وه", "وها"]
#: Verbs whose bare and suffixed forms are also nouns or past tenses (حمله "he carried it",
#: سجلي "my record"): only the plural imperative is unambiguous.
ARABIC_PLURAL = ["وا", "وه", "وها"]


def arabic_forms(kind: str, verb: str) -> list[str]:
    """Feminine, plural and object-suffixed imperatives of a masculine Arabic imperative.

    >>> arabic_forms("verbs", "شاهد")[:3], arabic_forms("ambiguous", "حمل")[0]
    (['شاهدي', 'شاهدوا', 'شاهده'], 'حملوا')
    """
    return [verb + ending for ending in (ARABIC_PLURAL if kind == "ambiguous" else ARABIC_ENDINGS)]


RULES: dict[str, Callable[[str, str], list[str]]] = {
    "tr": lambda kind, word: turkish_forms(word),
    "hi": hindi_forms,
    "ar": arabic_forms,
}


def generate(code: str) -> str:
    """The generated lexicon text of one language."""
    stems = tomllib.loads((STEMS / f"{code}.toml").read_text(encoding="utf-8"))
    own = (LEXICON / f"{code}.toml").read_text(encoding="utf-8")
    lines = [
        f"# Generated by scripts/cta_inflect.py from copytag/lexicon/stems/{code}.toml; do not edit.",
        f'code = "{code}"',
    ]
    for action in ACTIONS:
        forms = _new_forms(RULES[code], stems.get(action, {}), own)
        if forms:
            lines += ["", f"[{action}]", "always = [", *(f'  "{form}",' for form in forms), "]"]
    return "\n".join(lines) + "\n"


def _new_forms(rule: Callable[[str, str], list[str]], table: dict, own: str) -> list[str]:
    """The forms of every stem in ``table``, less those the hand-written file lists already."""
    seen: dict[str, None] = {}
    for kind, words in table.items():
        for word in words:
            for form in rule(kind, word):
                if f'"{form}"' not in own:
                    seen.setdefault(form)
    return list(seen)


def codes() -> Iterable[str]:
    return sorted(p.stem for p in STEMS.glob("*.toml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    OUT.mkdir(exist_ok=True)
    for code in codes():
        path, text = OUT / f"{code}.toml", generate(code)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        sys.exit(f"stale: {', '.join(map(str, stale))}; run python scripts/cta_inflect.py")


if __name__ == "__main__":
    main()
