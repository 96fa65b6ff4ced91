"""The public contract of product.md: names, types, immutability, bad input."""
from __future__ import annotations

import dataclasses
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copytag
from copytag import ACTIONS, TONES, CopyTags

PUBLIC = ["tag", "tag_many", "tag_frame", "detect_language", "extract_ctas", "tag_tone", "lint",
          "summarize", "CopyTags", "CTA", "LanguageGuess", "TagOptions"]


def test_public_names_are_exported() -> None:
    for name in PUBLIC:
        assert name in copytag.__all__ and hasattr(copytag, name)


def test_result_has_the_contract_fields_and_is_immutable() -> None:
    t = copytag.tag("¡Descarga la app y mira gratis! 🔥")
    assert isinstance(t, CopyTags)
    assert isinstance(t.language, str) and 0.0 <= t.language_score <= 1.0
    assert t.actions <= set(ACTIONS) and t.tones <= set(TONES)
    assert t.primary_tone in TONES
    for cta in t.ctas:
        assert t.text[cta.start : cta.end] == cta.keyword
        assert cta.action in ACTIONS and cta.source in ("lexicon", "model")
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.language = "en"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        t.ctas[0].action = "click"  # type: ignore[misc]


def test_to_dict_is_flat_and_json_safe() -> None:
    row = copytag.tag("Watch now! 🔥 #drama").to_dict()
    assert list(row) == ["text", *copytag.types.TAG_COLUMNS]
    assert all(isinstance(v, (str, int, float)) for v in row.values())
    assert json.loads(json.dumps(row)) == row


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "🔥🔥", "12345", "!!!"])
def test_copy_without_letters_is_und(text: str) -> None:
    t = copytag.tag(text)
    assert t.language == "und"
    assert t.actions == frozenset()


def test_empty_copy_is_other() -> None:
    assert copytag.tag("").primary_tone == "other"
    assert copytag.tag("  ").tones == {"other"}


@pytest.mark.parametrize("bad", [None, b"Download", 3, 2.5, ["Watch"]])
@pytest.mark.parametrize("func", [copytag.tag, copytag.tag_tone, copytag.detect_language, copytag.extract_ctas])
def test_non_str_input_raises_type_error_naming_the_type(func, bad) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        func(bad)


def test_tag_many_keeps_length_and_order_and_treats_missing_as_empty() -> None:
    texts = ["Watch now", None, float("nan"), "", "Descarga la app"]
    results = copytag.tag_many(texts)
    assert [r.text for r in results] == ["Watch now", "", "", "", "Descarga la app"]
    assert [r.language for r in results][1:4] == ["und"] * 3


def test_tag_many_rejects_other_types_with_a_clear_error() -> None:
    with pytest.raises(TypeError, match="tag_many"):
        copytag.tag_many(["ok", 3])


def test_tag_many_in_processes_gives_the_same_results() -> None:
    texts = ["Watch now 🔥", "Descarga la app", "下载观看完整版", "지금 시청하세요", None] * 8
    assert copytag.tag_many(texts, n_jobs=2) == copytag.tag_many(texts)


def test_options_are_one_immutable_value_and_unknown_ones_are_refused() -> None:
    opts = copytag.TagOptions(language="fr")
    assert copytag.tag("Download", options=opts).language == "fr"
    assert copytag.tag("Download", language="de").language == "de"
    with pytest.raises(TypeError, match="unknown option"):
        copytag.tag("x", langauge="fr")


def test_a_megabyte_of_copy_is_tagged() -> None:
    text = ("Descarga la app y mira gratis! 🔥 $0.99 #drama " * 30_000)[:1_000_000]
    t = copytag.tag(text)
    assert {"exclamation", "emoji", "figure", "label"} <= t.tones


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_tag_never_raises_and_is_deterministic(text: str) -> None:
    t = copytag.tag(text)
    assert copytag.tag(text) == t
    assert t.actions == {c.action for c in t.ctas if c.source == "lexicon"} | {
        c.action for c in t.ctas if c.source == "model"}
    for cta in t.ctas:
        assert text[cta.start : cta.end] == cta.keyword
    assert not math.isnan(t.language_score)
