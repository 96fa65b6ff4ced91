"""Benchmark ``copytag tag`` on large CSVs: speed, peak memory, and that no row is lost or changed.

Builds CSVs of realistic rows (examples/creatives.csv sampled and varied,
fixed seed) under build/bench/, then for each size runs the real command
with --jobs 1, --jobs 2, and on a Dask LocalCluster of 2 worker processes.
Checks rows in = rows out, input columns byte-identical and in order, and
identical output files across the runs; measures where time goes outside
the tagger (the pipeline with the tagger stubbed out, in this process).
Prints a markdown table.

    python benchmarks/batch.py                 # 100k and 1M rows
    python benchmarks/batch.py --rows 20000    # smaller, quicker
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "creatives.csv"
EMOJI = ["🔥", "😱", "💔", "👉", "❤️", "✨", "😭", "👑"]
SUFFIXES = ["", "", "", " Ep. {n}", " #shortdrama", " ({n}/80)", " 👉 Link", "!!"]
csv.field_size_limit(sys.maxsize)


@dataclass
class Run:
    rows: int
    name: str
    seconds: float
    peak_main_mb: float
    peak_all_mb: float
    output: Path
    digest: str = ""
    rows_out: int = 0
    input_kept: bool = False


def make_csv(rows: int, path: Path, seed: int = 6) -> Path:
    """``rows`` creatives sampled from the examples, each varied (ids, numbers, emoji, suffixes)."""
    with open(EXAMPLES, encoding="utf-8", newline="") as fh:
        header, *examples = list(csv.reader(fh))
    rng = random.Random(seed)
    seen: set[str] = set()
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for i in range(rows):
            _, app, market, copy = rng.choice(examples)
            copy = vary(copy, rng)
            seen.add(copy)
            writer.writerow([f"cr-{i:08d}", app, market, copy])
    DISTINCT[rows] = len(seen)
    return path


#: Distinct copies in the CSV of each size (the tagger answers repeats from memory).
DISTINCT: dict[int, int] = {}


def vary(copy: str, rng: random.Random) -> str:
    """A plausible variant of one ad copy: new numbers, an emoji, a suffix, sometimes upper case."""
    copy = "".join(str(rng.randint(0, 9)) if ch.isdigit() and rng.random() < 0.5 else ch for ch in copy)
    if rng.random() < 0.3:
        copy = f"{copy} {rng.choice(EMOJI)}"
    copy += rng.choice(SUFFIXES).format(n=rng.randint(1, 80))
    return copy.upper() if rng.random() < 0.05 else copy


def measure(cmd: list[str], rows: int, name: str, output: Path, extra_pids: list[int] = ()) -> Run:
    """Run ``cmd``, sampling the RSS of it (and its children, and ``extra_pids``) every 20 ms."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = {"main": 0, "all": 0}
    sampler = threading.Thread(target=sample_rss, args=(process.pid, extra_pids, peaks), daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{name} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return Run(rows, name, seconds, peaks["main"] / 2**20, peaks["all"] / 2**20, output)


def sample_rss(pid: int, extra_pids: list[int], peaks: dict[str, int]) -> None:
    try:
        main = psutil.Process(pid)
        while main.is_running() and main.status() != psutil.STATUS_ZOMBIE:
            own = main.memory_info().rss
            others = [p for p in main.children(recursive=True)] + [psutil.Process(x) for x in extra_pids]
            total = own + sum(safe_rss(p) for p in others)
            peaks["main"], peaks["all"] = max(peaks["main"], own), max(peaks["all"], total)
            time.sleep(0.02)
    except psutil.NoSuchProcess:
        pass


def safe_rss(process: psutil.Process) -> int:
    try:
        return process.memory_info().rss
    except psutil.NoSuchProcess:
        return 0


def tag_command(source: Path, output: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "copytag", "tag", str(source), "-o", str(output), "--column", "ad_copy", "--quiet", *options]


def verify(run: Run, source: Path) -> None:
    """Count the rows out, check the input columns came back byte for byte, hash the file."""
    digest = hashlib.sha256()
    with open(run.output, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    run.digest = digest.hexdigest()[:12]
    with open(source, encoding="utf-8", newline="") as a, open(run.output, encoding="utf-8", newline="") as b:
        pairs = zip_longest(csv.reader(a), csv.reader(b))
        header_in, header_out = next(pairs)
        width, kept, count = len(header_in), header_out[: len(header_in)] == header_in, 0
        for row_in, row_out in pairs:
            kept = kept and row_in is not None and row_out is not None and row_out[:width] == row_in
            count += row_out is not None
    run.rows_out, run.input_kept = count, kept


def run_size(rows: int, folder: Path, dask_address: str | None, dask_pids: list[int]) -> list[Run]:
    source = make_csv(rows, folder / f"creatives_{rows}.csv")
    runs = []
    for name, options in (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"])):
        output = folder / f"tagged_{rows}_{name[-1]}.csv"
        runs.append(measure(tag_command(source, output, *options), rows, name, output))
    if dask_address:
        output = folder / f"tagged_{rows}_dask.csv"
        command = tag_command(source, output, "--scheduler", dask_address)
        runs.append(measure(command, rows, "Dask, 2 workers", output, dask_pids))
    for run in runs:
        verify(run, source)
    return runs


def profile_glue(source: Path) -> dict[str, float]:
    """Seconds, each from cold memos: the whole pipeline, the pipeline with the tagger stubbed
    out, the tagger alone on the file's copy, and the tagger on each distinct copy once."""
    import copytag.batch as batch
    from copytag.frame import copy_texts, tag_columns
    from copytag.tagger import TagOptions

    import pandas as pd

    options = TagOptions()
    texts = copy_texts(pd.read_csv(source, dtype=str, keep_default_na=False)["ad_copy"].tolist(), "ad_copy")
    distinct = list(dict.fromkeys(texts))
    seconds = {"rows": len(texts), "distinct": len(distinct)}
    tag_columns(texts[:10_000], options)  # load the models and lexicons before timing
    cold_start()
    started = time.perf_counter()
    for i in range(0, len(texts), 10_000):
        tag_columns(texts[i : i + 10_000], options)
    seconds["tagger"] = time.perf_counter() - started
    cold_start()
    started = time.perf_counter()
    for i in range(0, len(distinct), 10_000):
        tag_columns(distinct[i : i + 10_000], options)
    seconds["distinct copy"] = time.perf_counter() - started
    cold_start()
    seconds["whole"] = time_pipeline(batch, source)
    constant = tag_columns(["x"], options)
    real = batch.tag_columns
    batch.tag_columns = lambda chunk, *_: {k: v * len(chunk) for k, v in constant.items()}
    try:
        seconds["glue"] = time_pipeline(batch, source)
    finally:
        batch.tag_columns = real
    return seconds


def cold_start() -> None:
    """Forget the words, answers and rows remembered so far."""
    from copytag.language import clear_caches
    from copytag.memo import clear_all

    clear_caches()
    clear_all()


def time_pipeline(batch, source: Path) -> float:
    started = time.perf_counter()
    batch.tag_file(str(source), str(source.with_suffix(".profile.csv")), "ad_copy")
    return time.perf_counter() - started


def start_cluster():
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    pids = [p.pid for p in psutil.Process().children(recursive=True)]
    return cluster, pids


def print_table(runs: list[Run]) -> None:
    print("| rows | run | seconds | rows/s | peak RSS main (MB) | peak RSS all processes (MB) | rows out | input kept | output sha256 |")
    print("|---:|---|---:|---:|---:|---:|---:|---|---|")
    for r in runs:
        print(f"| {r.rows:,} | {r.name} | {r.seconds:.1f} | {r.rows / r.seconds:,.0f} | {r.peak_main_mb:.0f} | "
              f"{r.peak_all_mb:.0f} | {r.rows_out:,} | {'yes' if r.input_kept else 'NO'} | {r.digest} |")


def print_checks(runs: list[Run]) -> None:
    sizes = sorted({r.rows for r in runs})
    for rows in sizes:
        same = [r for r in runs if r.rows == rows]
        one, two = same[0], same[1]
        print(f"- {rows:,} rows ({DISTINCT[rows]:,} distinct copies, {DISTINCT[rows] / rows:.0%}): --jobs 2 is {one.seconds / two.seconds:.2f}x --jobs 1; "
              f"identical outputs: {'yes' if len({r.digest for r in same}) == 1 else 'NO'}; "
              f"rows in = rows out: {'yes' if all(r.rows_out == rows for r in same) else 'NO'}")
    if len(sizes) > 1:
        small, big = (next(r for r in runs if r.rows == s and r.name == "--jobs 1") for s in (sizes[0], sizes[-1]))
        print(f"- peak RSS (--jobs 1) at {big.rows:,} rows is {big.peak_main_mb / small.peak_main_mb:.2f}x "
              f"that at {small.rows:,} rows ({big.peak_main_mb:.0f} MB vs {small.peak_main_mb:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", default="100000,1000000", help="comma-separated sizes (default 100000,1000000)")
    parser.add_argument("--out", default=str(ROOT / "build" / "bench"), help="folder for the CSVs (default build/bench)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster runs")
    parser.add_argument("--keep", action="store_true", help="keep the generated and tagged files")
    args = parser.parse_args()
    sizes = [int(s) for s in args.rows.split(",")]
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    cluster, pids = (None, []) if args.no_dask else start_cluster()
    try:
        runs = [run for rows in sizes for run in run_size(rows, folder, cluster and cluster.scheduler_address, pids)]
    finally:
        if cluster:
            cluster.close()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print_table(runs)
    print()
    print_checks(runs)
    t = profile_glue(folder / f"creatives_{sizes[0]}.csv")
    rows = t["rows"]
    print(f"- where time goes at {rows:,} rows, one process: whole pipeline {t['whole']:.1f} s "
          f"({rows / t['whole']:,.0f} rows/s); tagger alone {t['tagger']:.1f} s ({rows / t['tagger']:,.0f} rows/s); "
          f"reading + glue + writing with the tagger stubbed {t['glue']:.1f} s ({rows / t['glue']:,.0f} rows/s, "
          f"{t['glue'] / t['whole']:.0%} of the whole)")
    print(f"- repeated copy: {t['distinct']:,} of the {rows:,} rows ({t['distinct'] / rows:.0%}) have distinct copy; "
          f"the tagger remembers recent rows, so the rate depends on that share. Each distinct copy tagged once: "
          f"{t['distinct'] / t['distinct copy']:,.0f} texts/s")
    if not args.keep:
        for path in folder.glob("*.csv"):
            path.unlink()


if __name__ == "__main__":
    main()
