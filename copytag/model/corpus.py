"""The labelled corpus the classifier learns from, with each row's split.

``<data>/corpus/<lang>.jsonl`` holds the rows (id, text, language,
actions, tones, group; a row written for training only also names its
split); ``<data>/split.tsv`` (made by ``scripts/make_split.py``) says which
split each id is in. ``<data>/holdout/<lang>.jsonl`` holds the held-out set:
rows of the same shape that training never reads (:func:`load_corpus` does
not see them); they are only scored (:func:`load_holdout`).
"""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from .store import shipped_dir

SPLITS = ("train", "valid", "test")
HOLDOUT = "holdout"


class Example(NamedTuple):
    """One labelled ad copy and its split."""

    id: str
    text: str
    language: str
    actions: frozenset[str]
    tones: frozenset[str]
    group: str
    split: str


def default_data_dir() -> Path:
    """``models/data`` of the installed (editable) package."""
    return shipped_dir() / "data"


def read_rows(data: Path, folder: str = "corpus") -> list[dict]:
    """Every row of every ``<folder>/<lang>.jsonl``, in file then line order."""
    paths = sorted((data / folder).glob("*.jsonl"))
    if not paths:
        raise FileNotFoundError(f"no {folder}/<lang>.jsonl under {data}: pass the models/data directory of a copytag checkout")
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def read_split(data: Path) -> dict[str, str]:
    """id -> split, from ``split.tsv`` (comment lines and the header skipped)."""
    path = data / "split.tsv"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run python scripts/make_split.py")
    lines = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return {row[0]: row[1] for row in lines if row and not row[0].startswith("#") and row[0] != "id"}


def load_corpus(data: Path | None = None) -> list[Example]:
    """The corpus rows with their split; a row missing from ``split.tsv`` is an error."""
    data = data or default_data_dir()
    rows = read_rows(data)
    split = read_split(data)
    missing = [r["id"] for r in rows if r["id"] not in split]
    if missing:
        raise ValueError(f"{len(missing)} corpus rows are not in split.tsv (e.g. {missing[0]}): run python scripts/make_split.py")
    return [
        Example(r["id"], r["text"], r["language"], frozenset(r["actions"]), frozenset(r["tones"]), r["group"], split[r["id"]])
        for r in rows
    ]


def load_holdout(data: Path | None = None) -> list[Example]:
    """The held-out rows (split ``holdout``), or none if the data has no ``holdout`` folder."""
    data = data or default_data_dir()
    if not (data / HOLDOUT).is_dir():
        return []
    rows = read_rows(data, HOLDOUT)
    return [Example(r["id"], r["text"], r["language"], frozenset(r["actions"]), frozenset(r["tones"]), r["group"], HOLDOUT) for r in rows]


# --- concepts: what the split (and the training folds) keep on one side -------------------


def skeleton(text: str) -> str:
    """The digits (as ASCII) and symbols of ``text``: what survives translation.

    >>> skeleton("7 días gratis 🎁"), skeleton("٧ أيام مجانا 🎁"), skeleton("Watch now")
    ('7🎁', '7🎁', '')
    """
    out = []
    for ch in text:
        if ch.isdigit():
            out.append(str(unicodedata.digit(ch, 0)))
        elif unicodedata.category(ch) == "So":
            out.append(ch)
    return "".join(out)


class _Concepts:
    """Union-find over group names and skeletons."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[key] = root
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def concepts_of(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows by concept: groups joined when any of their rows share a skeleton."""
    uf = _Concepts()
    for row in rows:
        uf.find("g:" + row["group"])
        skel = skeleton(row["text"])
        if skel:
            uf.join("g:" + row["group"], "s:" + skel)
    by_concept: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_concept[uf.find("g:" + row["group"])].append(row)
    return by_concept
