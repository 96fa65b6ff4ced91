"""The README's examples run and say what they show."""
from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_hold() -> None:
    results = doctest.testfile(str(README), module_relative=False, globs={"copytag": __import__("copytag")},
                               optionflags=doctest.NORMALIZE_WHITESPACE)
    assert results.attempted >= 5
    assert results.failed == 0
