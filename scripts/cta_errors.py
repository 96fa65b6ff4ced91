"""List the CTA extractor's errors on the corpus *train* split, for error analysis.

Only train rows are read: the valid and test splits judge the lexicon on copy it was
not written from, so their rows are never printed here.

Run: python scripts/cta_errors.py [--language tr] [--action watch] [--kind fn|fp]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from cta import read_corpus  # noqa: E402  (benchmarks/cta.py reads the split-filtered corpus)

from copytag.cta import extract_ctas  # noqa: E402


def list_errors(language: str | None, action: str | None, kind: str | None) -> int:
    """Print one line per wrong action of a train row; return how many."""
    wrong = 0
    for row in read_corpus("train"):
        if language and row.language != language:
            continue
        found = extract_ctas(row.text, row.language)
        got = {c.action for c in found}
        for name, missing in (("fn", row.actions - got), ("fp", got - row.actions)):
            for act in sorted(missing):
                if (kind is None or kind == name) and (action is None or action == act):
                    wrong += 1
                    keywords = [c.keyword for c in found if c.action == act]
                    print(f"{name}\t{row.language}\t{act}\t{row.text}\t{keywords or ''}")
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language")
    parser.add_argument("--action")
    parser.add_argument("--kind", choices=("fn", "fp"))
    args = parser.parse_args()
    print(f"{list_errors(args.language, args.action, args.kind)} errors", file=sys.stderr)


if __name__ == "__main__":
    main()
