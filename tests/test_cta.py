"""Calls to action: the labelled cases of every language, the lexicon's coverage, user
terms, errors and properties that hold on any input."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copytag
from copytag.cta import SIBLINGS, extract_ctas, load_lexicon
from copytag.cta_lexicon import available_languages, builtin_lexicon
from copytag.types import ACTIONS

LANG_DIR = Path(__file__).parent / "lang"


def read_cases(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def split_field(value: str | None) -> list[str]:
    return [part for part in (value or "").split("|") if part]


def all_cases() -> list:
    params = []
    for path in sorted(LANG_DIR.glob("*/cta_cases.tsv")):
        code = path.parent.name
        for number, case in enumerate(read_cases(path), start=2):
            marks = [pytest.mark.xfail(reason=case["note"], strict=True)] if case.get("xfail") else []
            params.append(pytest.param(code, case, id=f"{code}:{number}", marks=marks))
    return params


@pytest.mark.parametrize("code, case", all_cases())
def test_labelled_case(code: str, case: dict[str, str]) -> None:
    found = extract_ctas(case["text"], language=code)
    assert {c.action for c in found} == set(split_field(case["actions"])), case["note"]
    keywords = [c.keyword for c in found]
    for expected in split_field(case["keywords"]):
        assert any(expected in k or k in expected for k in keywords), (expected, keywords)


def test_every_language_has_enough_cases() -> None:
    for code in available_languages():
        cases = read_cases(LANG_DIR / code / "cta_cases.tsv")
        minimum = 40 if code in ("en", "es", "fr", "pt", "de") else 25
        assert len(cases) >= minimum, code
        assert any(not c["actions"] for c in cases), f"{code} has no negative case"


@pytest.mark.parametrize("code", available_languages())
def test_lexicon_has_all_six_types(code: str) -> None:
    assert builtin_lexicon(code).actions() == set(ACTIONS)


def test_twenty_languages_have_lexicons() -> None:
    expected = {"en", "es", "fr", "pt", "de", "it", "pl", "ko", "ja", "zh-Hant", "zh-Hans",
                "id", "th", "vi", "ar", "hi", "tr", "ru", "nl", "ms"}
    assert set(available_languages()) == expected


def test_spans_slice_back_on_every_case() -> None:
    for path in LANG_DIR.glob("*/cta_cases.tsv"):
        for case in read_cases(path):
            for cta in extract_ctas(case["text"], language=path.parent.name) + extract_ctas(case["text"]):
                assert case["text"][cta.start : cta.end] == cta.keyword
                assert (cta.source, cta.score) == ("lexicon", 1.0)


def test_results_are_sorted_and_nested_ctas_all_count() -> None:
    found = extract_ctas("Tap to continue watching", "en")
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert {c.action for c in found} == {"click", "continue", "watch"}


def test_english_leftovers_are_reported_as_english() -> None:
    found = extract_ctas("Download now y mira gratis", "es")
    assert [(c.action, c.language) for c in found] == [("download", "en"), ("watch", "es")]


def test_homograph_is_reported_in_the_declared_language() -> None:
    assert [c.language for c in extract_ctas("Continue", "fr")] == ["fr"]
    assert [c.language for c in extract_ctas("Continue", None)] == ["en"]


def test_without_language_every_lexicon_is_matched() -> None:
    actions = {c.action for c in extract_ctas("立即下载 · Jetzt ansehen · Đăng ký ngay")}
    assert actions == {"download", "watch", "trial"}


def test_unknown_language_raises_lookup_error_naming_it() -> None:
    with pytest.raises(LookupError, match="'xx'"):
        extract_ctas("Watch now", language="xx")
    with pytest.raises(LookupError, match="zh-Hans or zh-Hant"):
        extract_ctas("下载", language="zh")


def test_language_code_is_case_insensitive_and_und_means_unknown() -> None:
    assert extract_ctas("Mira ya", "ES") == extract_ctas("Mira ya", "es")
    assert {c.action for c in extract_ctas("Mira ya", "und")} == {"watch"}


def test_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError, match="extract_ctas"):
        extract_ctas(b"Watch now")  # type: ignore[arg-type]


def test_user_terms_from_a_mapping() -> None:
    assert extract_ctas("Vívelo en la app", "es") == []
    extra = {"watch": ["vívelo"]}
    found = extract_ctas("Vívelo en la app", "es", extra=extra)
    assert [(c.action, c.keyword, c.language) for c in found] == [("watch", "Vívelo", "es")]


def test_user_terms_from_a_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "brand.toml"
    path.write_text('code = "en"\n[obtain]\nguarded = ["snag"]\n', encoding="utf-8")
    lexicon = load_lexicon(path)
    assert [c.keyword for c in extract_ctas("Snag 50 coins", "en", extra=lexicon)] == ["Snag"]
    assert extract_ctas("I had to snag it", "en", extra=lexicon) == []


def test_user_terms_share_the_language_folding() -> None:
    found = extract_ctas("MARATONEA YA", "es", extra={"watch": ["maratoneá ya"]})
    assert [c.keyword for c in found] == ["MARATONEA"]


def test_accented_words_must_match_exactly() -> None:
    assert extract_ctas("Il a téléchargé la vidéo", "fr") == []
    assert [c.keyword for c in extract_ctas("TELECHARGEZ L'APPLI", "fr")] == ["TELECHARGEZ"]


def test_bad_user_lexicon_says_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="unknown condition 'sometimes'"):
        load_lexicon({"watch": {"sometimes": ["x"]}})
    with pytest.raises(ValueError, match="list of non-empty strings"):
        load_lexicon({"watch": "binge"})


def test_tag_fills_ctas_and_actions() -> None:
    t = copytag.tag("Continue watching", language="en")
    assert t.actions == {"continue", "watch"}
    assert all(c.language == "en" for c in t.ctas)


def test_unicode_folding_keeps_original_spans() -> None:
    text = "ＤＯＷＮＬＯＡＤ ＮＯＷ"
    (cta,) = extract_ctas(text, "en")
    assert (cta.keyword, cta.start, cta.end) == ("ＤＯＷＮＬＯＡＤ", 0, 8)
    (cta,) = extract_ctas("👉 İNDİR", "tr")
    assert cta.keyword == "İNDİR"
    (cta,) = extract_ctas("شَاهِدْ الآن", "ar")
    assert cta.keyword == "شَاهِدْ"


def test_large_text_is_handled() -> None:
    text = "Watch now! 他继续说 好看 " * 20000
    found = extract_ctas(text, "zh-Hans")
    assert len(found) == 20000


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from([None, "en", "es", "de", "tr", "zh-Hans", "ja", "th", "ar", "ko"]))
def test_any_text_spans_slice_back_and_results_repeat(text: str, language: str | None) -> None:
    found = extract_ctas(text, language)
    assert all(text[c.start : c.end] == c.keyword and c.end > c.start for c in found)
    assert found == extract_ctas(text, language)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Watch", "now", "İNDİR", "ﾀﾞｳﾝﾛｰﾄﾞ", "e\u0301", "看", "好看", "ดู",
                                 "!", " ", "\u200d", "ß", "ﬁ", "حمّل", "lade", "herunter"]), max_size=12))
def test_tricky_pieces_never_break_spans(pieces: list[str]) -> None:
    text = "".join(pieces)
    for language in (None, "de", "tr"):
        for c in extract_ctas(text, language):
            assert text[c.start : c.end] == c.keyword


def test_one_cta_per_action_per_span() -> None:
    found = extract_ctas("지금 시청하세요", "ko")
    assert [(c.action, c.keyword) for c in found] == [("watch", "지금 시청하세요")]
    nested = extract_ctas("Tap to continue watching", "en")
    assert sorted(c.action for c in nested) == ["click", "continue", "watch"]


def test_quoted_dialogue_is_not_a_cta_unless_a_cta_introduces_it() -> None:
    assert extract_ctas("“Download those photos,” he ordered.", "en") == []
    found = extract_ctas("Нажми «Смотреть дальше»", "ru")
    assert {c.action for c in found} == {"click", "continue", "watch"}


def test_generated_inflections_are_fresh() -> None:
    script = Path(__file__).parent.parent / "scripts" / "cta_inflect.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_generated_forms_are_in_the_lexicon() -> None:
    surfaces = {t.surface for t in builtin_lexicon("tr").triggers}
    assert {"izleyin", "izleyelim", "tıklayınız"} <= surfaces


@pytest.mark.parametrize("text, language, keyword", [
    ("Tonton sampai habis tanpa iklan, muat turun sekarang!", "id", "muat turun"),  # Malay verb, Indonesian copy
    ("Jom tonton, unduh aplikasinya sekarang", "ms", "unduh"),  # Indonesian verb, Malay copy
])
def test_indonesian_and_malay_copy_get_each_others_calls_to_action(text, language, keyword):
    assert keyword in [c.keyword.casefold() for c in extract_ctas(text, language) if c.action == "download"]
    assert SIBLINGS[language] not in [c.language for c in extract_ctas(text, "en")]  # no sibling for others
