"""Benchmark texts: realistic short ad copy, made reproducibly from the bundled examples."""
from __future__ import annotations

import csv
import random
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "creatives.csv"
_EXTRAS = [" 🔥", " 😱", " 👉", " ❤️", " 1️⃣", "!", "!!", "?", " #shortdrama", " [NEW]", " 🇺🇸", ""]


def short_copies(n: int, seed: int = 7) -> list[str]:
    """``n`` ad copies: the examples sampled with replacement, each varied a little
    (an emoji, a mark, a hashtag or an episode number added) so no two runs of the
    same text line up."""
    with EXAMPLES.open(encoding="utf-8", newline="") as f:
        base = [row["ad_copy"] for row in csv.DictReader(f)]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = rng.choice(base)
        roll = rng.random()
        if roll < 0.3:
            text += rng.choice(_EXTRAS)
        elif roll < 0.4:
            text += f" Ep.{rng.randint(1, 99)}"
        out.append(text)
    return out
