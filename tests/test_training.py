"""`copytag train` end to end on a small slice of the corpus: the same data gives the same files."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from copytag.cli import main
from copytag.model import load_model
from copytag.model.corpus import default_data_dir, load_corpus, load_holdout
from copytag.model.evaluate import evaluate_split
from copytag.model.store import FILES
from copytag.model.train import ACTION_PRECISION_DROP, NEVER, THRESHOLD_FLOOR, choose_action_thresholds, train

LANGUAGES = ("en", "es", "ja")
PER_SPLIT = {"train": 90, "valid": 45, "test": 20}


@pytest.fixture(scope="module")
def small_data(tmp_path_factory) -> Path:
    """A models/data directory holding a slice of the corpus (three languages) and of the held-out set."""
    data = tmp_path_factory.mktemp("data")
    rows: dict[str, list] = {}
    for e in load_corpus():
        taken = [r for r in rows.get(e.language, []) if r.split == e.split]
        if e.language in LANGUAGES and len(taken) < PER_SPLIT[e.split]:
            rows.setdefault(e.language, []).append(e)
    held = [e for lang in LANGUAGES for e in [e for e in load_holdout() if e.language == lang][:20]]
    for folder, chosen in (("corpus", [e for lang in LANGUAGES for e in rows[lang]]), ("holdout", held)):
        (data / folder).mkdir()
        for lang in LANGUAGES:
            lines = [json.dumps({"id": e.id, "text": e.text, "language": e.language, "actions": sorted(e.actions),
                                 "tones": sorted(e.tones), "group": e.group}, ensure_ascii=False)
                     for e in chosen if e.language == lang]
            (data / folder / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    split = ["id\tsplit"] + [f"{e.id}\t{e.split}" for lang in LANGUAGES for e in rows[lang]]
    (data / "split.tsv").write_text("\n".join(split) + "\n", encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def trained(small_data, tmp_path_factory) -> tuple[dict, Path]:
    out = tmp_path_factory.mktemp("model")
    return train(small_data, out, seed=0, jobs=1), out


def test_training_is_deterministic_whatever_the_processes(small_data, trained, tmp_path):
    first, _ = trained
    again = train(small_data, tmp_path, seed=0, jobs=2)
    assert again["digests"] == first["digests"]
    assert set(first["digests"]) == set(FILES)


def test_the_seed_changes_the_variants_and_so_the_weights(small_data, trained, tmp_path):
    first, _ = trained
    other = train(small_data, tmp_path, seed=1, jobs=2)
    assert other["digests"] != first["digests"]


def test_a_trained_model_loads_when_trusted_and_its_card_matches_a_fresh_evaluation(small_data, trained):
    result, out = trained
    model = load_model(out, trusted=True)
    assert result["metrics"] == evaluate_split("test", small_data, model)
    assert result["holdout_metrics"] == evaluate_split("holdout", small_data, model)
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "Scores on the held-out set (60 rows)" in card
    assert f"train {PER_SPLIT['train'] * 3}, valid {PER_SPLIT['valid'] * 3}, test {PER_SPLIT['test'] * 3}, held out 60" in card


def test_training_never_reads_the_held_out_rows(small_data, trained, tmp_path):
    """Relabelling every held-out row changes its scores, never the weights or the thresholds."""
    first, first_out = trained
    data = tmp_path / "data"
    data.mkdir()
    (data / "split.tsv").write_bytes((small_data / "split.tsv").read_bytes())
    (data / "corpus").symlink_to(small_data / "corpus")
    (data / "holdout").mkdir()
    for path in (small_data / "holdout").glob("*.jsonl"):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for row in rows:
            row["actions"] = [] if row["actions"] else ["watch"]
        (data / "holdout" / path.name).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    other = train(data, tmp_path / "model", seed=0, jobs=2)
    assert other["digests"]["classifier.npz"] == first["digests"]["classifier.npz"]
    configs = [json.loads((out / "classifier.json").read_text(encoding="utf-8")) for out in (first_out, tmp_path / "model")]
    assert configs[0]["thresholds"] == configs[1]["thresholds"] and configs[0]["metrics"] == configs[1]["metrics"]
    assert other["holdout_metrics"] != first["holdout_metrics"]


def test_cli_train_writes_a_model_elsewhere_without_touching_the_pin(small_data, tmp_path):
    pin = (Path(__file__).resolve().parent.parent / "copytag" / "model" / "_pin.py").read_bytes()
    out = tmp_path / "cli-model"
    result = CliRunner().invoke(main, ["train", "--data", str(small_data), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "test actions micro-F1" in result.output and (out / "MODEL_CARD.md").is_file()
    assert (Path(__file__).resolve().parent.parent / "copytag" / "model" / "_pin.py").read_bytes() == pin


def test_cli_train_on_a_folder_without_a_corpus_says_what_to_pass(tmp_path):
    result = CliRunner().invoke(main, ["train", "--data", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code != 0
    assert "models/data" in result.output
    assert default_data_dir().is_dir()


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 300), st.integers(1, 6), st.sampled_from([None, 1, 2]))
def test_joint_action_thresholds_keep_the_micro_precision(seed, rows, columns, decimals):
    """On the rows they were chosen on, the fused actions lose at most ACTION_PRECISION_DROP of precision."""
    rng = np.random.default_rng(seed)
    gold = rng.random((rows, columns)) < 0.3
    rules = gold & (rng.random((rows, columns)) < 0.7) | (~gold & (rng.random((rows, columns)) < 0.03))
    probs = np.clip(gold * 0.6 + rng.random((rows, columns)) * 0.5, 0, 1)
    probs = probs if decimals is None else probs.round(decimals)  # ties
    thresholds = choose_action_thresholds(probs, rules, gold)
    assert all(t == NEVER or THRESHOLD_FLOOR <= t <= 1 for t in thresholds)
    fused = rules | (probs >= thresholds)

    def precision(pred):
        return (pred & gold).sum() / pred.sum() if pred.any() else 1.0

    assert precision(fused) >= precision(rules) - ACTION_PRECISION_DROP - 1e-12
    assert (fused & gold).sum() >= (rules & gold).sum()
