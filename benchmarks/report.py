"""Time ``copytag.summarize`` and the HTML report on a large tagged file.

Builds a tagged frame of ``--rows`` creatives (default 1,000,000) by tagging
examples/creatives.csv once and repeating it with variation: suffixes such as
"Ep. 37", prices and emoji on 70% of the rows (so phrases are counted over
many distinct texts), random markets, apps and months. ``--distinct`` makes
every text different (the worst case for phrase counting). Prints the
figures; the target is under 60 s for summarising 1M tagged rows.

    .venv/bin/python benchmarks/report.py [--rows N] [--distinct] [--by market] [--tagged FILE]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import copytag
from copytag.report import render_html

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "creatives.csv"
SUFFIXES = [f" Ep. {n}" for n in range(1, 121)] + [f" Only ${p}" for p in ("0.99", "1.99", "4.99")] + [
    " 🔥", " 😱😱", "!!!", " 💔 Watch now", " #shortdrama", " [NEW]", " 👉 Download the app"]
MARKETS = ["US", "BR", "MX", "FR", "DE", "JP", "KR", "ID", "TH", "VN", "TW", "IT", "ES", "PL", "TR", "IN"]


def build_frame(rows: int, distinct: bool, tagged_path: str | None, seed: int = 7) -> pd.DataFrame:
    """``rows`` tagged creatives made from the examples (or a tagged file), with variation."""
    if tagged_path:
        tagged = pd.read_csv(tagged_path, dtype=str, keep_default_na=False)
    else:
        tagged = copytag.tag_frame(pd.read_csv(EXAMPLES, dtype=str, keep_default_na=False), column="ad_copy")
    rng = np.random.default_rng(seed)
    frame = tagged.iloc[rng.integers(0, len(tagged), rows)].reset_index(drop=True)
    suffix = np.array(SUFFIXES, dtype=object)[rng.integers(0, len(SUFFIXES), rows)]
    varied = rng.random(rows) < 0.7
    frame["ad_copy"] = frame["ad_copy"].where(~varied, frame["ad_copy"] + pd.Series(suffix))
    if distinct:
        frame["ad_copy"] = frame["ad_copy"] + " #" + pd.Series(np.arange(rows)).astype(str)
    frame["market"] = np.array(MARKETS, dtype=object)[rng.integers(0, len(MARKETS), rows)]
    frame["month"] = pd.Series(rng.integers(1, 13, rows)).map(lambda m: f"2025-{m:02d}")
    return frame


def timed(label: str, func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--distinct", action="store_true", help="make every ad copy distinct")
    parser.add_argument("--tagged", help="start from this tagged CSV instead of tagging the examples")
    parser.add_argument("--by", default="market", help="column for the grouped run (market, app or month)")
    args = parser.parse_args()

    frame = timed(f"build {args.rows:,} tagged rows", build_frame, args.rows, args.distinct, args.tagged)
    print(f"{'distinct ad copies':<44} {frame['ad_copy'].nunique():>8,}")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "tagged.parquet")
        frame.to_parquet(path)
        frame = timed("read tagged Parquet", pd.read_parquet, path)
    summary = timed("summarize (tagged, no by)", copytag.summarize, frame)
    page = timed("render HTML", render_html, summary)
    grouped = timed(f"summarize (tagged, by={args.by})", copytag.summarize, frame, by=args.by)
    grouped_page = timed(f"render HTML (by={args.by})", render_html, grouped)
    print(f"{'HTML size (no by / by)':<44} {len(page) / 1e3:8.0f} kB / {len(grouped_page) / 1e3:.0f} kB")
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
