"""Add newly written rows to the classifier corpus without touching the test split.

    python scripts/add_rows.py NEW_DIR [--valid-share 0.35] [--dry-run]
    python scripts/add_rows.py NEW_DIR --holdout [--dry-run]

``NEW_DIR/<lang>.jsonl`` holds the new rows (id, text, language, actions,
tones, group). Each row is checked (labels from the tagging guide, ``other``
exactly when no other tone), rows within :data:`NEAR` of a valid or test row
of the same language are dropped (the held-out splits must stay unseen), and
the rest are dealt, whole concepts at a time (a group, joined with the groups
sharing its digit/symbol skeleton, as ``make_split.py`` joins them), to
*valid* until ``--valid-share`` of the language's new rows are there, and
to *train*. Each appended row names its split, so ``make_split.py`` keeps it
and the existing rows' splits do not move.

With ``--holdout`` the rows go to the held-out set instead
(``models/data/holdout/<lang>.jsonl``, split ``holdout``): copy that is never
trained on, never used to choose a threshold, and only scored. A row within
:data:`NEAR` of *any* corpus row (or of a held-out row already there) is dropped.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

from copytag.model.corpus import HOLDOUT, concepts_of, load_corpus, load_holdout, read_rows
from copytag.types import ACTIONS, TONES

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_split import CORPUS  # noqa: E402

NEAR = 0.6
VALID_SHARE = 0.35
SEED = "copytag-new-rows-1"
KEYS = ("id", "text", "language", "actions", "tones", "group", "split")


def trigrams(text: str) -> set[str]:
    """Character 3-grams of the lower-cased text, spaces collapsed and digits as 0.

    >>> sorted(trigrams("Ep 7!"))
    [' 0!', ' ep', '0! ', 'ep ', 'p 0']
    """
    text = " " + re.sub(r"\d", "0", " ".join(text.lower().split())) + " "
    return {text[i : i + 3] for i in range(len(text) - 2)}


def similarity(a: set[str], b: set[str]) -> float:
    """Cosine similarity of two sets of 3-grams."""
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


def problems(row: dict) -> list[str]:
    """What is wrong with one new row (empty when nothing is)."""
    out = [f"missing {k}" for k in KEYS[:-1] if k not in row]
    if out:
        return out
    for field, known in (("actions", ACTIONS), ("tones", TONES)):
        unknown = sorted(set(row[field]) - set(known))
        if unknown:
            out.append(f"unknown {field} {unknown}")
    if ("other" in row["tones"]) == bool(set(row["tones"]) - {"other"}):
        out.append("'other' must be there exactly when no other tone is")
    return out


def held_out(splits: tuple[str, ...] = ("valid", "test", HOLDOUT)) -> dict[str, list[set[str]]]:
    """3-grams of every row of ``splits`` (the held-out rows included), by language."""
    out: dict[str, list[set[str]]] = {}
    for e in load_corpus(CORPUS.parent) + load_holdout(CORPUS.parent):
        if e.split in splits:
            out.setdefault(e.language, []).append(trigrams(e.text))
    return out


def deal(rows: list[dict], valid_share: float = VALID_SHARE) -> None:
    """Set each row's split: whole concepts to valid until ``valid_share`` is reached, then train."""
    concepts = concepts_of(rows)
    order = sorted(concepts, key=lambda k: hashlib.sha256(f"{SEED}:{k}".encode()).hexdigest())
    in_valid, goal = 0, valid_share * len(rows)
    for key in order:
        split = "valid" if in_valid < goal else "train"
        in_valid += len(concepts[key]) if split == "valid" else 0
        for row in concepts[key]:
            row["split"] = split


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new_dir", type=Path)
    parser.add_argument("--valid-share", type=float, default=VALID_SHARE, help="share of each language's new rows dealt to valid")
    parser.add_argument("--holdout", action="store_true", help="add to the held-out set (only scored), away from every corpus row")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    if not 0.0 <= args.valid_share <= 1.0:
        parser.error("--valid-share must be between 0 and 1")
    held = held_out(("train", "valid", "test", HOLDOUT) if args.holdout else ("valid", "test", HOLDOUT))
    known = {r["id"] for r in read_rows(CORPUS.parent)} | {e.id for e in load_holdout(CORPUS.parent)}
    files = {path: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
             for path in sorted(args.new_dir.glob("*.jsonl"))}
    bad = 0
    for path, rows in files.items():
        for row in rows:
            found = problems(row) + (["id already in the corpus"] if row.get("id") in known else [])
            if found:
                bad += 1
                print(f"{path.name}: {row.get('id')}: {'; '.join(found)}")
    if bad:
        print(f"{bad} rows have problems: nothing written")
        return 1
    for path, rows in files.items():
        kept = [r for r in rows if all(similarity(trigrams(r["text"]), g) < NEAR for g in held.get(r["language"], ()))]
        by_language: dict[str, list[dict]] = {}
        for row in kept:
            by_language.setdefault(row["language"], []).append(row)
        for language, group in sorted(by_language.items()):
            if args.holdout:
                for row in group:
                    row["split"] = HOLDOUT
            else:
                deal(group, args.valid_share)
            counts = Counter(r["split"] for r in group)
            print(f"{path.name}: {language}: {len(group)} rows added (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")")
            if not args.dry_run:
                folder = CORPUS.parent / HOLDOUT if args.holdout else CORPUS
                folder.mkdir(exist_ok=True)
                with (folder / f"{language}.jsonl").open("a", encoding="utf-8") as out:
                    out.writelines(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in group)
        near = "a corpus or held-out row" if args.holdout else "a valid, test or held-out row"
        print(f"{path.name}: {len(rows) - len(kept)} rows dropped: within {NEAR} of {near}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
