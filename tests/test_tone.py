"""Tone tagging: data-driven cases, Unicode's emoji test file, and properties."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copytag import TONES, tag_tone
from copytag.tone import find_emoji
from copytag.types import TONE_PRECEDENCE

DATA = Path(__file__).parent / "data"
EMOJI_TEST = Path(__file__).resolve().parents[2] / "shared" / "eval" / "emoji" / "emoji-test.txt"


def load_cases() -> list:
    cases = []
    for line in (DATA / "tone_cases.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        marks = [pytest.mark.xfail(reason=rec["xfail"], strict=True)] if "xfail" in rec else []
        cases.append(pytest.param(rec, id=rec["label"], marks=marks))
    return cases


@pytest.mark.parametrize("case", load_cases())
def test_tone_case(case: dict) -> None:
    result = tag_tone(case["text"], language=case.get("language"))
    assert sorted(result.tones) == case["tones"]
    if "primary" in case:
        assert result.primary_tone == case["primary"]
    for tone, texts in case.get("evidence", {}).items():
        assert [e.text for e in result.evidence if e.tone == tone] == texts


def read_emoji_test() -> list[tuple[str, str]]:
    if not EMOJI_TEST.exists():
        pytest.skip(f"{EMOJI_TEST} is absent: the Unicode emoji test file is evaluation data")
    rows = []
    for line in EMOJI_TEST.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        codepoints, rest = line.split(";", 1)
        status = rest.split("#", 1)[0].strip()
        rows.append((status, "".join(chr(int(cp, 16)) for cp in codepoints.split())))
    return rows


def test_every_fully_qualified_and_component_sequence_is_exactly_one_emoji() -> None:
    rows = [(s, seq) for s, seq in read_emoji_test() if s in ("fully-qualified", "component")]
    assert len(rows) > 3900
    wrong = [seq for _, seq in rows if [seq[a:b] for a, b in find_emoji(seq)] != [seq]]
    assert wrong == []


def test_emoji_sequences_stay_one_inside_copy() -> None:
    rows = [seq for s, seq in read_emoji_test() if s == "fully-qualified"]
    text = "Watch " + " and ".join(rows) + "!"
    assert [text[a:b] for a, b in find_emoji(text)] == rows


def test_unqualified_single_symbols_are_text_style() -> None:
    singles = [seq for s, seq in read_emoji_test() if s == "unqualified" and len(seq) == 1]
    assert singles, "the file lists text-style symbols such as ©"
    assert [seq for seq in singles if find_emoji(seq)] == []


@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["list"]])
def test_non_str_raises_type_error_that_says_what_to_pass(bad: object) -> None:
    with pytest.raises(TypeError, match="expects the ad copy as str"):
        tag_tone(bad)  # type: ignore[arg-type]


def test_a_megabyte_of_copy_is_tagged() -> None:
    text = ("Watch now 🔥 only $0.99! #drama [NEW] 三年 five " * 25_000)[:1_000_000]
    result = tag_tone(text)
    assert result.tones == {"emoji", "exclamation", "figure", "label"}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_properties_hold_on_any_text(text: str) -> None:
    result = tag_tone(text)
    assert result.tones <= set(TONES)
    assert ("other" in result.tones) == (result.tones == {"other"})
    assert result.primary_tone == next(t for t in TONE_PRECEDENCE if t in result.tones)
    for e in result.evidence:
        assert text[e.start : e.end] == e.text
        assert e.tone in result.tones
    assert tag_tone(text) == result


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Watch", " ", "🔥", "👩🏽‍💻", "!", "¿", "$0.99", "#drama",
                                 "[NEW]", "三年", "1️⃣", "five", "©", "\u200d", "\ufe0f", "#"])))
def test_properties_hold_on_ad_like_text(parts: list[str]) -> None:
    test_properties_hold_on_any_text.hypothesis.inner_test("".join(parts))  # type: ignore[attr-defined]
