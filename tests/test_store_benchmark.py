"""benchmarks/store.py on a tiny synthetic CSV (no evaluation data needed)."""
from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "store.py"

# (translation, locale, English source): invented copy, not from the evaluation data.
ROWS = [
    ("Descarga Firefox ahora", "es-ES", "Download Firefox now"),  # download on both sides
    ("Die App für unterwegs", "de", "Download the app"),  # download on the source only
    ("¿Necesitas un navegador más rápido?", "es-MX", "Need a faster browser?"),  # question on both
    ("Obtén un 50 % de descuento hoy", "es-ES", "Get 50% off today"),  # obtain and figure on both
    ("Lawrlwythwch nawr", "cy", "Download now"),  # not one of our languages: left out
    ("Download now", "en-GB", "Download now"),  # English: left out
]


@pytest.fixture(scope="module")
def store():
    spec = importlib.util.spec_from_file_location("store_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    path = tmp_path / "store_listings.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "locale", "source_en", "listing_file"])
        writer.writerows([(text, locale, source, "synthetic.lang") for text, locale, source in ROWS])
    return path


def as_tuple(counts) -> tuple[int, int, int]:
    return counts.source, counts.translation, counts.both


def test_counts_of_agreement(store, data: Path) -> None:
    rows = store.read_rows(data)
    assert [r.code for r in rows] == ["es", "de", "es", "es"]
    result = store.measure(rows)
    rules = result.comparisons["rules"]
    assert as_tuple(rules["download"]) == (2, 1, 1)
    assert as_tuple(rules["obtain"]) == (1, 1, 1)
    assert as_tuple(rules["watch"]) == (0, 0, 0)
    assert as_tuple(rules["question"]) == (1, 1, 1)
    assert as_tuple(rules["figure"]) == (1, 1, 1)
    micro = rules[store.MICRO]
    assert as_tuple(micro) == (3, 2, 2)
    assert micro.recall == pytest.approx(2 / 3) and micro.precision == 1.0
    assert as_tuple(result.per_language["rules"]["de"]) == (1, 0, 0)
    # the model only adds labels, so agreement found by the rules stays; the pivot is the rules' source
    for label in store.LABELS:
        assert result.comparisons["rules + model"][label].both >= rules[label].both
        assert result.comparisons[store.PIVOT][label].source == rules[label].source


def test_main_prints_the_tables(store, data: Path, capsys) -> None:
    assert store.main(["--data", str(data), "--examples", "1"]) == 0
    out = capsys.readouterr().out
    assert "rows 4; distinct English sources 4; languages 2: de es" in out
    assert "| actions (micro) | 66.7 | 100.0 | 80.0 | 3 | 2 | 2 |" in out
    assert "- missed [de] 'Download the app' -> 'Die App für unterwegs'" in out


def test_skips_without_the_data(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "store_listings.csv"
    done = subprocess.run([sys.executable, str(SCRIPT), "--data", str(missing)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("skipped: no store listings at") and "COPYTAG_EVAL" in done.stdout
    assert len(done.stdout.strip().splitlines()) == 1
