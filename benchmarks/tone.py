"""Tone tagging speed: copytag.tag_tone against advertools and emoji, same texts, same run.

    python benchmarks/tone.py [--n 100000] [--repeat 3]

copytag finds all five tones (with evidence) in one call; each reference
function finds one thing. Prints texts/s (best of --repeat) and the ratio
copytag / reference.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _texts import short_copies  # noqa: E402

from copytag.tone import tag_tone  # noqa: E402


def per_text(func: Callable[[str], object]) -> Callable[[list[str]], object]:
    return lambda texts: [func(t) for t in texts]


def best_rate(run: Callable[[list[str]], object], texts: list[str], repeat: int) -> float:
    """Texts/s of the best of ``repeat`` runs; as ``timeit`` does, the garbage collector is
    paused while a run is timed (the same for every tool), so no tool pays for another's garbage."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            run(texts)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return len(texts) / best


def contenders() -> dict[str, Callable[[list[str]], object]]:
    found: dict[str, Callable[[list[str]], object]] = {"copytag.tag_tone": per_text(tag_tone)}
    try:
        import emoji

        found["emoji.emoji_list"] = per_text(emoji.emoji_list)
    except ImportError:
        print("emoji is not installed: skipped", file=sys.stderr)
    try:
        import advertools as adv

        for name in ("extract_emoji", "extract_exclamations", "extract_questions", "extract_numbers"):
            found[f"advertools.{name}"] = getattr(adv, name)
    except ImportError:
        print('advertools is not installed (pip install -e ".[bench]"): skipped', file=sys.stderr)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of texts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool; the best counts")
    args = parser.parse_args()
    texts = short_copies(args.n)
    tag_tone("warm up 🔥 1 #x [y] five")  # builds the lazy tables once
    rates = {}
    for name, run in contenders().items():
        repeat = args.repeat if name.startswith(("copytag", "emoji")) else 1
        rates[name] = best_rate(run, texts, repeat)
    ours = rates["copytag.tag_tone"]
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"{len(texts):,} short ad copies (mean {mean_len:.0f} characters), single thread\n")
    print("| tool | texts/s | copytag is ×faster |")
    print("|---|---:|---:|")
    for name, rate in rates.items():
        print(f"| {name} | {rate:,.0f} | {ours / rate:.1f} |")


if __name__ == "__main__":
    main()
