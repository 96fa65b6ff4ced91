"""Write docs/lint-rules.md from the lint's rule catalog (copytag/lint/rules/*.toml).

Usage: python scripts/gen_lint_docs.py [--check]
--check: exit 1 if the file on disk is out of date instead of writing it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from copytag.lint.docs import render_markdown

TARGET = Path(__file__).resolve().parent.parent / "docs" / "lint-rules.md"


def main(argv: list[str]) -> int:
    text = render_markdown("scripts/gen_lint_docs.py")
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/gen_lint_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
