"""Lint speed on a 100k-row CSV of ad copy, single-threaded, and where the time goes.

    python benchmarks/lint.py [--rows 100000] [--platform google-ads] [--keep]

Builds the CSV from examples/creatives.csv with variations (capitals, marks,
emoji, padding, placeholders, broken encoding, markets swapped), then measures
in the same run:
  * tagging alone (copytag.tag_many, one pass per row: the floor the lint sits on),
  * tag + rules per row (tag_many once, then every applicable rule on every row),
  * the lint API as lint_many and the CLI call it (engine.lint_batch over batches
    of rows, each with its market's plan, from cold memos: each distinct text
    tagged once and each distinct (text, plan) linted once),
  * the CLI end to end (copytag lint --csv ... --format json, a subprocess),
  * the time of each rule over the pre-tagged rows.
Prints rows/s (CPU time of this process, steadier than wall time on a
shared machine; the CLI line is wall time) and the lint's overhead over tagging.
"""
from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from copytag.lint.context import Context
from copytag.lint.engine import BATCH_SIZE, lint_batch, lint_tags, make_plan
from copytag.tagger import tag_many

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "creatives.csv"
_SUFFIXES = ["", "", "", "!!", " 🔥", " #shortdrama", "  ", " {{title}}", " Ep.12", " FREE",
             " $0.99", "...", " — watch now", " (Part 2"]
_MARKETS = ["US", "BR", "MX", "FR", "DE", "JP", "KR", "TW", "ID", "TH"]


def vary(text: str, rng: random.Random) -> str:
    """One realistic variation of an example copy."""
    roll = rng.random()
    if roll < 0.05:
        text = text.upper()
    elif roll < 0.08:
        text = " " + text
    elif roll < 0.10:
        text = text.encode("utf-8").decode("cp1252", errors="replace")
    return text + rng.choice(_SUFFIXES)


def build_csv(path: Path, rows: int, seed: int = 11) -> None:
    with EXAMPLES.open(encoding="utf-8", newline="") as f:
        base = list(csv.DictReader(f))
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["creative_id", "market", "ad_copy"])
        for i in range(rows):
            row = rng.choice(base)
            market = row["market"] if rng.random() < 0.8 else rng.choice(_MARKETS)
            writer.writerow([f"b-{i:06d}", market, vary(row["ad_copy"], rng)])


def cold_start() -> None:
    """Forget the words, answers and findings remembered so far."""
    from copytag.language import clear_caches
    from copytag.memo import clear_all

    clear_caches()
    clear_all()


def read_rows(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["ad_copy"], r["market"]) for r in csv.DictReader(f)]


def timed(func) -> tuple[float, object]:
    """Seconds of CPU time of this process (steadier than wall time on a shared machine) and the result."""
    start = time.process_time()
    result = func()
    return time.process_time() - start, result


def rule_times(tagged: list, plans: dict) -> list[tuple[float, str]]:
    """Seconds spent in each rule over every pre-tagged row."""
    totals: dict[str, float] = {}
    for tags, market in tagged:
        plan = plans[market]
        ctx = Context(tags.text, tags, plan.spec, plan.market, plan.market_languages)
        for rule, run in plan.checks:
            start = time.process_time()
            for _ in run(ctx, rule):
                pass
            totals[rule.code] = totals.get(rule.code, 0.0) + time.process_time() - start
    return sorted(((t, c) for c, t in totals.items()), reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--platform", default="google-ads")
    parser.add_argument("--field", default="description")
    parser.add_argument("--keep", action="store_true", help="keep the generated CSV and print its path")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="copytag-lint-bench-"))
    path = folder / "copy.csv"
    build_csv(path, args.rows)
    rows = read_rows(path)
    n = len(rows)
    print(f"{n} rows, platform {args.platform}, field {args.field}, market per row; {path if args.keep else ''}")
    pairs, copies = len(set(rows)), len({text for text, _ in rows})
    print(f"distinct copy: {copies:,} ({copies / n:.1%}); distinct (copy, market) pairs: {pairs:,} ({pairs / n:.1%}). "
          "Repeats are answered from the lint's memos, so the rate depends on this share.")

    plans = {m: make_plan(args.platform, args.field, m or None) for m in {m for _, m in rows}}
    tag_many([text for text, _ in rows[:50]])  # load models and lexicons before timing
    t_tag, tags = timed(lambda: tag_many([text for text, _ in rows]))
    tagged = [(t, m) for t, (_, m) in zip(tags, rows)]
    t_rules, findings = timed(lambda: [lint_tags(t, plans[m]) for t, m in tagged])
    total = sum(len(f) for f in findings)
    t_lint = t_tag + t_rules
    print(f"tagging alone        {n / t_tag:10,.0f} rows/s  ({t_tag:.2f} s)")
    print(f"rules alone          {n / t_rules:10,.0f} rows/s  ({t_rules:.2f} s)")
    print(f"tag + rules per row  {n / t_lint:10,.0f} rows/s  ({t_lint:.2f} s; every rule on every row, no memo); "
          f"rules add {t_rules / t_tag:.0%} to tagging; {total} findings")
    row_plans = [plans[m] for _, m in rows]
    cold_start()  # nothing remembered from the runs above
    t_batch, batched = timed(lambda: [found for start in range(0, n, BATCH_SIZE)
                                      for found in lint_batch([t for t, _ in rows[start:start + BATCH_SIZE]],
                                                              row_plans[start:start + BATCH_SIZE])])
    same = "same findings" if batched == findings else "DIFFERENT findings"
    print(f"lint API (lint_batch){n / t_batch:10,.0f} rows/s  ({t_batch:.2f} s; as lint_many and the CLI call it, "
          f"from cold memos, tagging included; {same})")

    cmd = [sys.executable, "-m", "copytag", "lint", "--csv", str(path), "--market-column", "market",
           "--platform", args.platform, "--field", args.field, "--format", "json"]
    wall = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t_cli = time.perf_counter() - wall
    if proc.returncode not in (0, 1):
        print(f"CLI failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    else:
        print(f"CLI end to end       {n / t_cli:10,.0f} rows/s  ({t_cli:.2f} s wall clock, with start-up and JSON output)")

    print("slowest rules (s over all rows):")
    for seconds, code in rule_times(tagged, plans)[:8]:
        print(f"  {code}  {seconds:.3f}")
    if not args.keep:
        path.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
