"""Training-only variants of the corpus rows: what real copy does that the rules miss.

Three kinds, all deterministic (seeded generators):

* a typo in one call-to-action keyword the rules found (a letter dropped,
  doubled or swapped with its neighbour): the label stays, the rules
  usually stop firing, so the model learns to read the letters around it;
* a question with its question marks removed ("Who is the real heir?" ->
  "Who is the real heir"): still a question per the tagging guide;
* long copy: 2 to 5 rows of one language joined into one multi-sentence
  text labelled with the union of their labels (see :func:`long_copies`).
"""
from __future__ import annotations

import random
from typing import Sequence

from ..types import CTA

QUESTION_MARKS = "?¿？؟⁉‽"
LONGEST_JOIN = 5
JOINERS = (" ", "\n", " ")  # a space twice as often as a line break


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


def long_copies(members: Sequence[Sequence[int]], texts: Sequence[str], seed: int) -> list[tuple[list[int], str]]:
    r"""Multi-sentence copy made of short rows: within each of ``members`` (row indices of one
    language and one fold), the rows in a seeded order, joined 2 to 5 at a time with a space or
    a line break. Labels are the union of the parts' (every tag is per creative), so the
    model meets long primary texts, which the corpus's 2-150-character rows do not show it.

    >>> long_copies([[0, 1, 2, 3]], ["Watch now", "She left", "EP 2", "Get coins"], 0)
    [([2, 0], 'EP 2 Watch now'), ([3, 1], 'Get coins\nShe left')]
    """
    rng = random.Random(f"{seed}:long")
    out = []
    for group in members:
        order = list(group)
        rng.shuffle(order)
        start = 0
        while len(order) - start >= 2:
            size = rng.randint(2, LONGEST_JOIN)
            parts = order[start : start + size]  # at least 2: the loop's condition
            start += size
            out.append((parts, rng.choice(JOINERS).join(texts[i] for i in parts)))
    return out
