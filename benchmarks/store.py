"""Cross-lingual agreement: do copytag's CTAs and tones survive translation, on real app-store copy?

    .venv/bin/python benchmarks/store.py [--limit N] [--examples K] [--data PATH]

Data (evaluation only: read, never copied into the repo, never trained on, never
used to tune rules): ../shared/eval/store-listings/store_listings.csv, Mozilla's
Firefox / Focus store listings, each row a translation (``text``, ``locale``)
of an English string (``source_en``). Only rows whose locale maps to one of
copytag's 19 languages other than English are used (``locale_code``: zh-TW ->
zh-Hant, zh-CN -> zh-Hans, others -> their language subtag).

Method. Each row is a pair: the English source, tagged as ``en``, and its
translation, tagged as its locale's language. Both are tagged with
``copytag.tag_many(texts, language=CODE, use_model=...)``: ``tag_many`` has no
per-text ``languages=`` argument, but its ``language`` option skips detection
and tags as the given language, so texts are tagged one language at a time
(the English sources once each). The labels are the six actions
(``t.actions``) and the ``question`` and ``figure`` tones (``t.tones``). With S
the labels on the source and T those on the translation, summed over rows:

- agreement recall = sum|S & T| / sum|S|: the share of the source's labels found
  again in the translation;
- agreement precision = sum|S & T| / sum|T|: the share of the translation's labels
  the source also has (a label with no support in the source is a likely false
  positive, or a translation that drifted);
- F1 of the two, and the counts (source positives, translation positives, both);

per label and micro-averaged over the six actions, under two configurations,
each tagging both sides the same way: ``rules`` (``use_model=False``) and
``rules + model`` (``use_model=True``, the trained classifier added), plus one
fixed pivot: the source tagged by the rules alone (the most precise pivot)
against translations tagged by each configuration (against ``rules``
translations it is the ``rules`` comparison itself, so only the ``rules +
model`` one is printed). Also printed: the micro action agreement per language,
and, for ``rules + model``, the translation labels the model added (``CTA`` /
tone ``Evidence`` with ``source == "model"``) and how many the source supports.

The English side is itself copytag's output, not a gold label: this measures
the consistency of copytag across languages, not its accuracy. A label found on
both sides can be wrong on both; a disagreement can be the source's error, the
translation's, or a free translation.

``--examples K`` prints K disagreements per action for a human to read. It is an
inspection aid only: no rule may be tuned to individual lines of this data.
"""
from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain, zip_longest
from pathlib import Path
from typing import Iterable, NamedTuple

import copytag
from copytag.types import ACTIONS, CopyTags

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _eval import OURS, STORE, locale_code  # noqa: E402

TONE_LABELS = ("question", "figure")
LABELS = ACTIONS + TONE_LABELS
MICRO = "actions (micro)"
CONFIGS = {"rules": False, "rules + model": True}
PIVOT = "rules pivot / rules + model"
LANGUAGES = tuple(code for code in OURS if code != "en")


class Row(NamedTuple):
    text: str  # the translation
    code: str  # its language, one of LANGUAGES
    source: str  # the English string it translates


@dataclass
class Counts:
    """Label counts over pairs: on the source, on the translation, on both."""

    source: int = 0
    translation: int = 0
    both: int = 0

    @property
    def recall(self) -> float:
        return self.both / self.source if self.source else float("nan")

    @property
    def precision(self) -> float:
        return self.both / self.translation if self.translation else float("nan")

    @property
    def f1(self) -> float:
        total = self.source + self.translation
        return 2 * self.both / total if total else float("nan")

    def add(self, source: bool, translation: bool) -> None:
        self.source += source
        self.translation += translation
        self.both += source and translation


class Result(NamedTuple):
    rows: list[Row]
    tags: dict[str, tuple[list[CopyTags], list[CopyTags]]]  # config -> (sources, translations), row-aligned
    comparisons: dict[str, dict[str, Counts]]  # comparison -> label (and MICRO) -> counts
    per_language: dict[str, dict[str, Counts]]  # config -> language -> micro action counts
    added: dict[str, list[int]]  # label -> [added by the model, supported by its source, by the rules pivot]


# --- reading and tagging ------------------------------------------------------------------


def read_rows(path: Path, limit: int | None = None) -> list[Row]:
    """The rows whose locale is one of our languages other than English (at most ``limit`` per language)."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [Row(r["text"], locale_code(r["locale"]), r["source_en"]) for r in csv.DictReader(handle)]
    rows = [r for r in rows if r.code in LANGUAGES and r.text.strip() and r.source.strip()]
    if limit:
        seen: dict[str, int] = defaultdict(int)
        kept = []
        for row in rows:
            seen[row.code] += 1
            if seen[row.code] <= limit:
                kept.append(row)
        rows = kept
    return rows


def tag_rows(rows: list[Row], use_model: bool) -> tuple[list[CopyTags], list[CopyTags]]:
    """(source tags, translation tags), row-aligned: each side tagged as its known language."""
    sources = list(dict.fromkeys(r.source for r in rows))
    by_source = dict(zip(sources, copytag.tag_many(sources, language="en", use_model=use_model)))
    translations: list[CopyTags | None] = [None] * len(rows)
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_code[row.code].append(i)
    for code, indices in by_code.items():
        tagged = copytag.tag_many([rows[i].text for i in indices], language=code, use_model=use_model)
        for i, t in zip(indices, tagged):
            translations[i] = t
    return [by_source[r.source] for r in rows], translations  # type: ignore[return-value]


def labels(t: CopyTags) -> frozenset[str]:
    """The labels judged here: the actions, and the question and figure tones."""
    return t.actions | (t.tones & frozenset(TONE_LABELS))


def model_added(t: CopyTags) -> frozenset[str]:
    """The judged labels the classifier added to the rules' (``source == "model"``)."""
    actions = {c.action for c in t.ctas if c.source == "model"}
    tones = {e.tone for e in t.tone_evidence if e.source == "model" and e.tone in TONE_LABELS}
    return frozenset(actions | tones)


# --- measuring ------------------------------------------------------------------------------


def agreement(pairs: Iterable[tuple[frozenset[str], frozenset[str]]]) -> dict[str, Counts]:
    """Counts per label, and MICRO over the six actions, of (source labels, translation labels) pairs."""
    counts = {label: Counts() for label in (*LABELS, MICRO)}
    for source, translation in pairs:
        for label in LABELS:
            counts[label].add(label in source, label in translation)
            if label in ACTIONS:
                counts[MICRO].add(label in source, label in translation)
    return counts


def measure(rows: list[Row]) -> Result:
    """Tag ``rows`` under both configurations and compare every source with its translation."""
    tags = {name: tag_rows(rows, use_model) for name, use_model in CONFIGS.items()}
    sets = {name: ([labels(t) for t in src], [labels(t) for t in tr]) for name, (src, tr) in tags.items()}
    comparisons = {name: agreement(zip(*sets[name])) for name in CONFIGS}
    pivot = sets["rules"][0]
    comparisons[PIVOT] = agreement(zip(pivot, sets["rules + model"][1]))
    per_language: dict[str, dict[str, Counts]] = {}
    for name, (src, tr) in sets.items():
        per_language[name] = defaultdict(Counts)
        for row, s, t in zip(rows, src, tr):
            for action in ACTIONS:
                per_language[name][row.code].add(action in s, action in t)
    added = {label: [0, 0, 0] for label in LABELS}
    model_src = sets["rules + model"][0]
    for t, s, p in zip(tags["rules + model"][1], model_src, pivot):
        for label in model_added(t):
            added[label][0] += 1
            added[label][1] += label in s
            added[label][2] += label in p
    return Result(rows, tags, comparisons, per_language, added)


# --- printing -------------------------------------------------------------------------------


def pct(value: float) -> str:
    return "-" if math.isnan(value) else f"{100 * value:.1f}"


def print_header(result: Result, path: Path) -> None:
    rows = result.rows
    langs = sorted({r.code for r in rows})
    print(f"# Cross-lingual agreement of CTAs and tones on store listings ({path.name})\n")
    print(f"rows {len(rows):,}; distinct English sources {len({r.source for r in rows}):,}; "
          f"languages {len(langs)}: {' '.join(langs)}")
    print("S = labels on the English source, T = on the translation; recall = |S&T|/|S|, precision = |S&T|/|T|")


def print_summary(result: Result) -> None:
    print("\n## Micro agreement over the six actions (%)\n")
    print("| source / translation | recall | precision | F1 | source+ | translation+ | both |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, counts in result.comparisons.items():
        c = counts[MICRO]
        label = name if name == PIVOT else f"{name} / {name}"
        print(f"| {label} | {pct(c.recall)} | {pct(c.precision)} | {pct(c.f1)} | {c.source} | {c.translation} | {c.both} |")


def print_labels(result: Result) -> None:
    for name, counts in result.comparisons.items():
        print(f"\n## {name if name == PIVOT else f'{name} / {name}'}: agreement per label (%)\n")
        print("| label | recall | precision | F1 | source+ | translation+ | both |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for label in (*LABELS, MICRO):
            c = counts[label]
            print(f"| {label} | {pct(c.recall)} | {pct(c.precision)} | {pct(c.f1)} | {c.source} | {c.translation} | {c.both} |")


def print_per_language(result: Result) -> None:
    names = list(CONFIGS)
    print("\n## Micro action agreement per language (%): recall / precision\n")
    print("| language | rows | " + " | ".join(f"{n} R | {n} P" for n in names) + " |")
    print("|---|---:|" + "---:|---:|" * len(names))
    rows_per: dict[str, int] = defaultdict(int)
    for row in result.rows:
        rows_per[row.code] += 1
    for code in sorted(rows_per):
        cells = " | ".join(f"{pct(result.per_language[n][code].recall)} | {pct(result.per_language[n][code].precision)}"
                           for n in names)
        print(f"| {code} | {rows_per[code]} | {cells} |")


def print_added(result: Result) -> None:
    print("\n## rules + model: translation labels added by the model\n")
    print("| label | added | source (rules + model) has it | % | source (rules) has it | % |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0]
    for label in LABELS:
        n, same, pivot = result.added[label]
        totals = [a + b for a, b in zip(totals, (n, same, pivot))]
        if n:
            print(f"| {label} | {n} | {same} | {pct(same / n)} | {pivot} | {pct(pivot / n)} |")
    n, same, pivot = totals
    share = (lambda k: pct(k / n)) if n else (lambda k: "-")
    print(f"| all | {n} | {same} | {share(same)} | {pivot} | {share(pivot)} |")


def print_examples(result: Result, k: int, config: str = "rules + model") -> None:
    """Up to ``k`` disagreements per action under ``config``, alternating missed (on the source,
    not on the translation) and extra ones (the reverse), spread over languages.

    An inspection aid for a human reader only: this data is evaluation only, and no
    rule may be tuned to individual lines of it.
    """
    sources, translations = result.tags[config]
    print(f"\n## Disagreements under {config} (at most {k} per action; inspection only, never tune rules to them)\n")
    print("missed: on the source, not on the translation; extra: the reverse; (model): the classifier added the label")
    for action in ACTIONS:
        missed: dict[str, list[str]] = defaultdict(list)
        extra: dict[str, list[str]] = defaultdict(list)
        seen = set()
        for row, s, t in zip(result.rows, sources, translations):
            on_source, on_translation = action in s.actions, action in t.actions
            if on_source == on_translation or (row.code, row.text) in seen:
                continue
            seen.add((row.code, row.text))
            by_model = any(c.action == action and c.source == "model" for c in (t if on_translation else s).ctas)
            kind = "missed" if on_source else "extra"
            line = f"- {kind}{' (model)' if by_model else ''} [{row.code}] {_short(row.source)} -> {_short(row.text)}"
            (missed if on_source else extra)[row.code].append(line)
        lines = [x for x in chain.from_iterable(zip_longest(_spread(missed), _spread(extra))) if x]
        if lines:
            print(f"\n### {action}\n")
            print("\n".join(lines[:k]))


def _spread(by_code: dict[str, list[str]]) -> list[str]:
    """The lines of every language, taken in turn."""
    return [x for x in chain.from_iterable(zip_longest(*(by_code[c] for c in sorted(by_code)))) if x]


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=STORE, help=f"the store listings CSV (default {STORE})")
    parser.add_argument("--limit", type=int, help="at most N rows per language (quick runs)")
    parser.add_argument("--examples", type=int, default=0, metavar="K",
                        help="print K disagreements per action (inspection only: never tune rules to them)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: no store listings at {args.data} (the shared evaluation data: set COPYTAG_EVAL "
              "to the folder holding store-listings/, or pass --data PATH)")
        return 0
    rows = read_rows(args.data, args.limit)
    if not rows:
        print(f"skipped: no row of {args.data} is in one of our languages")
        return 0
    result = measure(rows)
    print_header(result, args.data)
    print_summary(result)
    print_labels(result)
    print_per_language(result)
    print_added(result)
    if args.examples > 0:
        print_examples(result, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
