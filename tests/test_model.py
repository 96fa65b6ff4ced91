"""The trained classifier: fusion with the rules, safe loading, determinism, the model card."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copytag
from copytag.model import LABELS, Classifier, ModelIntegrityError, UntrustedModelError, load_model
from copytag.model.apply import add_predictions
from copytag.model.card import scores_table
from copytag.model.augment import LONGEST_JOIN, long_copies
from copytag.model.corpus import load_corpus, load_holdout
from copytag.model.evaluate import evaluate_split, label_scores, threshold_ceiling
from copytag.model.features import FeatureSpec, RuleView, featurize
from copytag.model.store import FILES, read_config, shipped_dir, shipped_model, verify_pinned

ROOT = Path(__file__).resolve().parent.parent

# Copy the rules miss in different ways: paraphrase, typo, unmarked question,
# spelled-out number, plus plain cases the rules get.
TEXTS = [
    "Binge all 80 episodes tonight",
    "Install now to find out",
    "Who is the real heir",
    "downlaod now!!",
    "whatch free here",
    "Siete días para enamorarla",
    "¡Descarga la app y mira gratis! 🔥",
    "He couldn't watch her cry",
    "지금 무료로 시청하세요",
    "继续观看下一集",
    "",
    "🔥🔥🔥",
]


@pytest.fixture(scope="module")
def test_texts() -> list[str]:
    return [e.text for e in load_corpus() if e.split == "test"][:300] + TEXTS


@pytest.mark.parametrize("text", TEXTS)
def test_rule_hits_stay(text):
    rules, fused = copytag.tag(text, use_model=False), copytag.tag(text)
    assert set(rules.ctas) <= set(fused.ctas)
    assert rules.actions <= fused.actions
    assert rules.tones - {"other"} <= fused.tones
    assert set(rules.tone_evidence) <= set(fused.tone_evidence)


def test_model_additions_say_where_they_come_from(test_texts):
    model = shipped_model()
    added = 0
    for t in copytag.tag_many(test_texts):
        assert set(t.scores) == set(LABELS)
        for c in (c for c in t.ctas if c.source == "model"):
            added += 1
            assert (c.keyword, c.start, c.end, c.language) == ("", 0, 0, t.language)
            assert c.score == t.scores[c.action] >= model.thresholds[c.action]
        for e in (e for e in t.tone_evidence if e.source == "model"):
            added += 1
            assert (e.text, e.kind) == ("", "model") and e.score >= model.thresholds[e.tone]
        assert ("other" in t.tones) == (t.tones == {"other"})
    assert added > 0, "the model added nothing on 300 test copies: fusion is not wired in"


def test_use_model_false_gives_rules_only(test_texts):
    for t in copytag.tag_many(test_texts, use_model=False):
        assert t.scores == {}
        assert all(c.source == "lexicon" for c in t.ctas)
        assert all(e.source == "rule" for e in t.tone_evidence)


def test_tag_many_equals_tag_with_model(test_texts):
    assert copytag.tag_many(test_texts) == [copytag.tag(t) for t in test_texts]


def test_predictions_are_deterministic_and_independent_of_the_batch(test_texts):
    views = [RuleView(t.actions, t.tones, t.language) for t in copytag.tag_many(test_texts, use_model=False)]
    whole = shipped_model().predict_proba(test_texts, views)
    again = shipped_model().predict_proba(test_texts, views)
    one_by_one = np.vstack([shipped_model().predict_proba([t], [v]) for t, v in zip(test_texts[:40], views[:40])])
    assert np.array_equal(whole, again)
    assert np.array_equal(whole[:40], one_by_one)


def _constant_model(probability_logit: dict[str, float], threshold: float = 0.5) -> Classifier:
    spec = FeatureSpec(char_bits=4, word_bits=4)
    return Classifier(
        labels=LABELS,
        spec=spec,
        weights=np.zeros((spec.n_features, len(LABELS))),
        intercept=np.array([probability_logit.get(label, -10.0) for label in LABELS]),
        platt_a=np.ones(len(LABELS)),
        platt_b=np.zeros(len(LABELS)),
        thresholds={label: threshold for label in LABELS},
    )


@pytest.mark.parametrize(
    "text, logits, actions, tones, primary",
    [
        ("Who is the real heir", {"question": 5.0}, set(), {"question"}, "question"),
        ("Binge it tonight 🔥", {"watch": 5.0, "figure": 5.0}, {"watch"}, {"emoji", "figure"}, "figure"),
        ("Watch now!", {"watch": 5.0}, {"watch"}, {"exclamation"}, "exclamation"),
        ("Watch now!", {}, {"watch"}, {"exclamation"}, "exclamation"),
    ],
)
def test_fusion_rule(text, logits, actions, tones, primary):
    rules = copytag.tag(text, use_model=False)
    fused = add_predictions([text], [rules], _constant_model(logits))[0]
    assert (fused.actions, fused.tones, fused.primary_tone) == (actions, tones, primary)
    assert [c for c in fused.ctas if c.source == "lexicon"] == list(rules.ctas)


def test_threshold_is_inclusive_and_below_it_nothing_is_added():
    rules = copytag.tag("Quiet night", use_model=False)
    at = add_predictions(["Quiet night"], [rules], _constant_model({"question": 0.0}))[0]
    below = add_predictions(["Quiet night"], [rules], _constant_model({"question": -0.01}))[0]
    assert "question" in at.tones and at.primary_tone == "question"
    assert below.tones == {"other"} and below.scores["question"] < 0.5


@pytest.mark.parametrize("text", ["  ", "🔥🔥🔥", "!!! ???", "👉 ✨ 💯 …"])
def test_copy_without_letters_or_digits_gets_no_model_label(text):
    """The model has no words to read there: even a model sure of every label adds nothing."""
    rules = copytag.tag(text, use_model=False)
    fused = add_predictions([text], [rules], _constant_model(dict.fromkeys(LABELS, 10.0)))[0]
    assert (fused.actions, fused.tones) == (rules.actions, rules.tones)
    assert fused.scores["question"] > 0.99


@pytest.fixture()
def model_copy(tmp_path) -> Path:
    for name in FILES:
        shutil.copy(shipped_dir() / name, tmp_path / name)
    return tmp_path


def test_tampered_model_is_refused_with_a_clear_error(model_copy):
    data = bytearray((model_copy / "classifier.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (model_copy / "classifier.npz").write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="was modified") as info:
        verify_pinned(model_copy)
    assert "copytag train" in str(info.value) and "use_model=False" in str(info.value)


def test_edited_thresholds_are_refused(model_copy):
    path = model_copy / "classifier.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"thresholds"', '"thresholds" ', 1), encoding="utf-8")
    with pytest.raises(ModelIntegrityError, match="classifier.json was modified"):
        verify_pinned(model_copy)


def test_user_supplied_model_needs_trust(model_copy):
    with pytest.raises(UntrustedModelError, match="trusted=True"):
        load_model(model_copy)
    model = load_model(model_copy / "classifier.npz", trusted=True)
    assert model.thresholds == shipped_model().thresholds
    assert np.array_equal(model.weights, shipped_model().weights)


def test_model_is_small():
    assert sum((shipped_dir() / name).stat().st_size for name in FILES) <= 20_000_000


def test_model_card_metrics_equal_a_fresh_evaluation():
    config = read_config()
    stored = config["metrics"]
    assert evaluate_split("test") == stored
    card = (shipped_dir() / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert scores_table(stored["scores"], list(LABELS)) in card
    held = config["holdout_metrics"]
    assert held and evaluate_split("holdout") == held
    where = f"the held-out set ({len(load_holdout())} rows)"
    assert config["training"]["rows"]["holdout"] == len(load_holdout())
    assert scores_table(held["scores"], list(LABELS), where) in card


def test_held_out_rows_are_apart_from_the_corpus():
    """Training cannot see the held-out set: other ids, other groups, no near copy of a corpus row."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from add_rows import NEAR, similarity, trigrams

    held, corpus = load_holdout(), load_corpus()
    assert len(held) >= 1000 and {e.split for e in held} == {"holdout"}
    assert not {e.id for e in held} & {e.id for e in corpus}
    assert not {e.group for e in held} & {e.group for e in corpus}
    grams: dict[str, list[set[str]]] = {}
    for e in corpus:
        grams.setdefault(e.language, []).append(trigrams(e.text))
    close = [e.id for e in held if any(similarity(trigrams(e.text), g) >= NEAR for g in grams.get(e.language, ()))]
    assert close == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=6), st.integers(0, 3))
def test_long_copies_join_two_to_five_rows_of_one_group_each_once(sizes, seed):
    groups, start = [], 0
    for size in sizes:
        groups.append(list(range(start, start + size)))
        start += size
    texts = [f"row {i}" for i in range(start)]
    made = long_copies(groups, texts, seed)
    used = [i for parts, _ in made for i in parts]
    assert len(used) == len(set(used))
    for parts, text in made:
        assert 2 <= len(parts) <= LONGEST_JOIN
        assert any(set(parts) <= set(g) for g in groups)
        assert all(texts[i] in text for i in parts)
    # every group leaves at most one row out
    assert all(len(set(g) - set(used)) <= 1 for g in groups)


def test_features_hash_the_same_in_every_process():
    code = (
        "from copytag.model.features import *; "
        "X = featurize(['Watch now! 7 días'], [RuleView(frozenset(), frozenset(), 'en')], FeatureSpec()).tocsr(); "
        "print(sorted(X.indices.tolist()))"
    )
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout for _ in range(2)}
    local = featurize(["Watch now! 7 días"], [RuleView(frozenset(), frozenset(), "en")], FeatureSpec()).tocsr()
    assert runs == {f"{sorted(local.indices.tolist())}\n"}


def test_split_file_is_up_to_date_and_keeps_groups_whole():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_split.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    splits_of_group: dict[str, set[str]] = {}
    for e in load_corpus():
        splits_of_group.setdefault(e.group, set()).add(e.split)
    assert all(len(s) == 1 for s in splits_of_group.values())


def test_rows_that_name_their_split_keep_it_and_share_no_group():
    from copytag.model.corpus import default_data_dir, read_rows

    named = {r["id"]: r for r in read_rows(default_data_dir()) if "split" in r}
    assert named, "the corpus has no training-only rows"
    examples = load_corpus()
    assert all(e.split == named[e.id]["split"] for e in examples if e.id in named)
    groups_elsewhere = {e.group for e in examples if e.id not in named}
    assert not {r["group"] for r in named.values()} & groups_elsewhere


def test_rows_added_for_training_are_not_near_copies_of_test_rows():
    sys.path.insert(0, str(ROOT / "scripts"))
    from add_rows import NEAR, similarity, trigrams

    from copytag.model.corpus import default_data_dir, read_rows

    test_rows: dict[str, list[set[str]]] = {}
    for e in load_corpus():
        if e.split == "test":
            test_rows.setdefault(e.language, []).append(trigrams(e.text))
    added = [r for r in read_rows(default_data_dir()) if "split" in r]
    close = [r["id"] for r in added if any(similarity(trigrams(r["text"]), g) >= NEAR for g in test_rows.get(r["language"], ()))]
    assert len(added) > 4000 and close == []


def test_datasheet_counts_match_the_corpus():
    """The datasheet's tables (one row per language and per split) count what the corpus holds."""
    from collections import Counter

    sheet = (ROOT / "models" / "data" / "DATASHEET.md").read_text(encoding="utf-8").splitlines()
    header = next(line for line in sheet if line.startswith("| split | rows |"))
    labels = [c.strip() for c in header.strip("|").split("|")][2:]
    examples = load_corpus()

    def row(name: str, rows: list, with_splits: bool) -> str:
        counts = Counter(label for e in rows for label in e.actions | e.tones)
        splits = Counter(e.split for e in rows)
        size = f"{len(rows)} ({splits['train']} / {splits['valid']} / {splits['test']})" if with_splits else str(len(rows))
        return "| " + " | ".join([name, size, *(str(counts[label]) for label in labels)]) + " |"

    languages = sorted({e.language for e in examples})
    expected = [row(lang, [e for e in examples if e.language == lang], True) for lang in languages]
    expected.append(row("all", examples, True))
    expected += [row(s, [e for e in examples if e.split == s], False) for s in ("train", "valid", "test")]
    held = load_holdout()
    expected += [row(f"{lang} (held out)", [e for e in held if e.language == lang], False) for lang in sorted({e.language for e in held})]
    expected.append(row("holdout", held, False))
    assert [line for line in expected if line not in sheet] == []


def test_evaluate_split_can_narrow_the_rows():
    """``keep`` scores a subset (one language of the held-out set) exactly as that subset alone."""
    english = [e for e in load_holdout() if e.language == "en"]
    metrics = evaluate_split("holdout", keep=lambda e: e.language == "en")
    assert metrics["scores"]["rules"]["watch"]["support"] == sum("watch" in e.actions for e in english) > 0


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_threshold_ceiling_is_the_best_of_every_threshold_choice(data):
    """The ceiling equals a brute force over every threshold per column (tied probabilities
    admitted together, none below the floor), under the same precision budget."""
    import itertools

    rows = data.draw(st.integers(1, 7))
    cols = data.draw(st.integers(1, 3))
    cell = lambda s: np.array(data.draw(st.lists(s, min_size=rows * cols, max_size=rows * cols))).reshape(rows, cols)  # noqa: E731
    gold, rules = cell(st.booleans()).astype(bool), cell(st.booleans()).astype(bool)
    probs = cell(st.sampled_from([0.2, 0.5, 0.6, 0.7, 0.9]))
    budget = data.draw(st.sampled_from([0.0, 0.05, 0.2]))
    base = label_scores(gold.ravel(), rules.ravel())["precision"]
    best = -1.0
    choices = [sorted({float(p) for p in probs[:, j] if p >= 0.5}) + [1.01] for j in range(cols)]
    for thresholds in itertools.product(*choices):
        fused = rules | (probs >= np.array(thresholds))
        scores = label_scores(gold.ravel(), fused.ravel())
        if scores["precision"] >= base - budget - 1e-12:
            best = max(best, scores["f1"])
    assert threshold_ceiling(gold, rules, probs, budget=budget, floor=0.5)["f1"] == pytest.approx(best)
