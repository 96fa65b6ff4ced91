"""Training-only variants of the corpus rows: what real copy does that the rules miss.

Two kinds, both deterministic (a generator seeded per row id):

* a typo in one call-to-action keyword the rules found (a letter dropped,
  doubled or swapped with its neighbour): the label stays, the rules
  usually stop firing, so the model learns to read the letters around it;
* a question with its question marks removed ("Who is the real heir?" ->
  "Who is the real heir"): still a question per the tagging guide.
"""
from __future__ import annotations

import random
from typing import Sequence

from ..types import CTA

QUESTION_MARKS = "?¿？؟⁉‽"


def typo(word: str, rng: random.Random) -> str:
    """``word`` with one edit inside it (its first letter kept), or unchanged if shorter than 4.

    >>> typo("download", random.Random(1)) != "download", len(typo("Tap", random.Random(1)))
    (True, 3)
    """
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    edit = rng.choice(("drop", "double", "swap"))
    if edit == "drop":
        return word[:i] + word[i + 1 :]
    if edit == "double":
        return word[: i + 1] + word[i] + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def with_typo(text: str, ctas: Sequence[CTA], rng: random.Random) -> str | None:
    """``text`` with a typo in the longest word of one of its rule-found keywords, or None."""
    spans = [(c.start, c.end) for c in ctas if c.end > c.start]
    if not spans:
        return None
    start, end = rng.choice(sorted(set(spans)))
    words = text[start:end].split(" ")
    longest = max(range(len(words)), key=lambda k: len(words[k]))
    changed = typo(words[longest], rng)
    if changed == words[longest]:
        return None
    words[longest] = changed
    return text[:start] + " ".join(words) + text[end:]


def without_question_marks(text: str) -> str | None:
    """``text`` with its question marks removed, or None if it has none.

    >>> without_question_marks("¿Quién es el padre?"), without_question_marks("Watch now")
    ('Quién es el padre', None)
    """
    if not any(mark in text for mark in QUESTION_MARKS):
        return None
    stripped = "".join(ch for ch in text if ch not in QUESTION_MARKS).strip()
    return stripped or None


def variants(row_id: str, text: str, ctas: Sequence[CTA], is_question: bool, seed: int) -> list[tuple[str, str]]:
    """(kind, text) of every variant of one training row."""
    rng = random.Random(f"{seed}:{row_id}")
    out = []
    typed = with_typo(text, ctas, rng)
    if typed:
        out.append(("typo", typed))
    unmarked = without_question_marks(text) if is_question else None
    if unmarked:
        out.append(("unmarked", unmarked))
    return out
