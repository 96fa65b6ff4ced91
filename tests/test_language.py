"""Language detection: data-driven cases, candidates, bad input and properties on any string."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copytag.langdata import LANGUAGES
from copytag.language import clean_text, detect_language, detect_languages

CASES_FILE = Path(__file__).parent / "data" / "language_cases.tsv"


def read_cases() -> list[tuple[str, str, str]]:
    """(text, expected code, status) rows; ``\\n`` in a text stands for a newline."""
    lines = CASES_FILE.read_text(encoding="utf-8").split("\n")
    rows = []
    for line in lines[1:]:
        if line.strip("\n") == "":
            continue
        text, expected, status = (line.split("\t") + [""])[:3]
        rows.append((text.replace("\\n", "\n"), expected, status))
    return rows


CASES = read_cases()


def case_param(text: str, expected: str, status: str):
    marks = [pytest.mark.xfail(reason="known failure", strict=True)] if status == "known-failure" else []
    return pytest.param(text, expected, marks=marks, id=f"{expected}:{text[:30]}")


@pytest.mark.parametrize("text, expected", [case_param(*row) for row in CASES])
def test_case(text: str, expected: str) -> None:
    assert detect_language(text).code == expected


def test_cases_cover_every_language() -> None:
    covered = {expected for _, expected, status in CASES if status != "known-failure"}
    assert set(LANGUAGES) <= covered


def test_batch_agrees_with_one_by_one() -> None:
    texts = [text for text, _, _ in CASES]
    assert detect_languages(texts) == [detect_language(t) for t in texts]


def test_batch_with_candidates_agrees_with_one_by_one() -> None:
    texts = [text for text, _, _ in CASES]
    allowed = ["es", "pt", "zh"]
    assert detect_languages(texts, candidates=allowed) == [detect_language(t, candidates=allowed) for t in texts]


@pytest.mark.parametrize(
    "text, candidates, expected",
    [
        ("Continue", ["fr", "it"], "fr"),
        ("Continue", ["pt"], "pt"),
        ("Assista agora", ["pt", "es"], "pt"),
        ("下載觀看", ["zh-Hans"], "zh-Hans"),
        ("観看", ["zh"], "zh-Hant"),
        ("Watch now", ["ko", "ja"], "ko"),
        ("Dapatkan sekarang", ["ms"], "ms"),
        ("지금 보기", ["KO"], "ko"),
    ],
)
def test_candidates_restrict_the_answer(text: str, candidates: list[str], expected: str) -> None:
    assert detect_language(text, candidates=candidates).code == expected


def test_candidates_that_fit_no_script_give_score_zero() -> None:
    assert detect_language("Watch now", candidates=["ko"]).score == 0.0


@pytest.mark.parametrize("bad", [["en", "xx"], ["english"], ["zh-Latn"]])
def test_unknown_candidate_raises_lookup_error_naming_it(bad: list[str]) -> None:
    with pytest.raises(LookupError, match=repr(bad[-1])):
        detect_language("Watch now", candidates=bad)


@pytest.mark.parametrize("bad", [b"Watch now", None, 42, ["Watch now"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="detect_language"):
        detect_language(bad)  # type: ignore[arg-type]


def test_batch_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError, match="detect_languages"):
        detect_languages(["ok", b"bytes"])  # type: ignore[list-item]


def test_ambiguous_chinese_has_a_lower_score_than_marked_chinese() -> None:
    neutral = detect_language("完整版")  # no character tells the script
    marked = detect_language("完整版下載")
    assert neutral.code == "zh-Hant" and marked.code == "zh-Hant"
    assert neutral.score < marked.score


def test_score_is_higher_for_clear_copy() -> None:
    assert detect_language("Descarga la aplicación y mira todos los episodios").score > 0.9
    assert detect_language("Continue").score < detect_language("Continue watching now").score


def test_long_text_in_another_language_is_named_by_langdetect() -> None:
    swedish = "Ladda ner appen och titta på alla avsnitt gratis, hon gifte sig med en miljardär utan att veta det"
    assert detect_language(swedish).code == "sv"


def test_long_text_in_another_language_stays_within_candidates() -> None:
    swedish = "Ladda ner appen och titta på alla avsnitt gratis, hon gifte sig med en miljardär utan att veta det"
    assert detect_language(swedish, candidates=["de", "nl", "en"]).code in {"de", "nl", "en"}


def test_ukrainian_is_not_russian() -> None:
    assert detect_language("Завантажте застосунок і дивіться всі серії безкоштовно вже сьогодні").code == "uk"


def test_huge_text_takes_bounded_time() -> None:
    text = "Mira el episodio completo ahora. " * 40_000  # about 1.3 MB
    start = time.perf_counter()
    guess = detect_language(text)
    assert guess.code == "es"
    assert time.perf_counter() - start < 2.0  # generous: the work is bounded by a prefix


def test_clean_text_drops_brands_badges_and_hashtags() -> None:
    cleaned = clean_text("Download on the App Store: Regardez ReelShort #drama @studio https://x.y")
    assert "Regardez" in cleaned
    for gone in ("Download", "ReelShort", "drama", "studio", "https"):
        assert gone not in cleaned


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_string_gives_a_code_and_a_score(text: str) -> None:
    guess = detect_language(text)
    assert guess.code in LANGUAGES or guess.code == "und" or (guess.code.isalpha() or "-" in guess.code)
    assert 0.0 <= guess.score <= 1.0
    assert detect_language(text) == guess


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("L",)), max_size=50))
def test_no_letters_is_und(text: str) -> None:
    assert detect_language(text).code == "und"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=20))
def test_batch_matches_one_by_one_on_any_strings(texts: list[str]) -> None:
    assert detect_languages(texts) == [detect_language(t) for t in texts]


def test_answers_do_not_depend_on_the_word_caches() -> None:
    from copytag.language import clear_caches

    texts = [text for text, _, _ in read_cases()] + ["Weiter", "weiter schauen", "Weiter"]
    warm = [detect_language(t) for t in texts]
    clear_caches()
    assert [detect_language(t) for t in texts] == warm
    clear_caches()
    assert detect_languages(texts) == warm


@pytest.mark.parametrize(
    "text",
    ["#kortdrama #shortdrama #romantiek #shortdrama", "#kurzdrama #shortdrama #romantik 👉", "#dramacorto #amorverdadero #venganza"],
)
def test_hashtag_only_copy_keeps_copytags_guess(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from copytag import language

    closed = detect_language(text, candidates=list(LANGUAGES))  # langdetect is only asked when candidates is None

    def no_langdetect(text: str) -> None:
        raise AssertionError(f"langdetect asked about {text!r}")

    monkeypatch.setattr(language, "ask_langdetect", no_langdetect)
    assert detect_language(text) == closed
    assert detect_languages([text]) == [closed]


def test_long_foreign_copy_with_a_hashtag_still_asks_langdetect() -> None:
    text = "Se hela avsnittet gratis i appen, varje kväll kommer nya avsnitt #kortdrama"
    assert detect_language(text).code not in LANGUAGES


@pytest.mark.parametrize(
    "text, expected",
    [
        # langdetect skips words in capitals: on all-caps copy it reads next to nothing
        ("HIZMETÇI SANDILAR, MEĞER KONAĞIN SAHIBIYMIŞ 😳 TÜM BÖLÜMLERI SHORTMAX'TE IZLE", "tr"),
        ("SE HELA AVSNITTET GRATIS I APPEN, VARJE KVÄLL KOMMER NYA AVSNITT", None),
        # mojibake (UTF-8 read as Windows-1252): the letters are not the language's
        ("â€žUnterschreib hierâ€œ, sagte er. Sie tat es und verschwand fÃ¼r immer.", "de"),
        ("Ãšnete a mÃ¡s de 10 millones de fans y mira la serie completa", "es"),
    ],
)
def test_copy_langdetect_cannot_read_keeps_copytags_guess(text: str, expected: str | None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from copytag import language

    def no_langdetect(text: str) -> None:
        raise AssertionError(f"langdetect asked about {text!r}")

    monkeypatch.setattr(language, "ask_langdetect", no_langdetect)
    guess = detect_language(text)
    assert guess.code in LANGUAGES
    assert expected is None or guess.code == expected


DIGIT_TEXTS = [
    "Ep. 12 | Watch now", "Ep. 47 | Watch now", "Folge 3: Jetzt ansehen", "Folge 9: Jetzt ansehen",
    "Chỉ 29k xem hết cả bộ", "Watch in 4K HD", "Kijk nu in 8K", "7일 무료 체험", "3일 무료 체험",
    "只需99元", "Только 3 дня", "#drama2025 Mira ya", "Call 0800-123-456 to watch",
]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(DIGIT_TEXTS) | st.text(max_size=80), st.randoms(use_true_random=False))
def test_digits_do_not_change_the_answer(text: str, rng) -> None:
    """Digits say nothing about the language: any digits in their place give the same guess,
    which is what lets :func:`detect_languages` answer texts that differ only in digits once."""
    other = "".join(str(rng.randint(0, 9)) if ch in "0123456789" else ch for ch in text)
    assert detect_language(other) == detect_language(text)


def test_batch_answers_copies_that_differ_in_digits_once_and_the_same() -> None:
    from copytag import language

    language.clear_caches()
    texts = DIGIT_TEXTS * 2 + [t.replace("1", "5") for t in DIGIT_TEXTS]
    assert detect_languages(texts) == [detect_language(t) for t in texts]
    memo = language.MEMOS((language.resolve_candidates(None), True))
    assert len(memo) == len({language.digits_as_zero(t) for t in texts}) < len(set(texts))


def test_resolution_badges_are_not_words() -> None:
    assert "K" not in clean_text("Watch in 4K HD").split()
    assert "K" not in clean_text("Mira en 8K").split()


def test_shipped_word_table_matches_the_ngram_model() -> None:
    """language_latin_words.npz is derived from language_latin.npz: a listed word reads the same
    evidence from it as an unlisted word gets from its n-grams (a stale table fails here)."""
    import random

    import numpy as np

    from copytag.language import _latin_model, word_gram_sums

    model = _latin_model()
    words = random.Random(5).sample(sorted(model.word_index), 500) + ["the", "schauen", "sekarang"]
    rows = [model.word_index[w] for w in words]
    grams = list(model.gram_rows)
    weights = model.gram_weights[1:]
    expected = word_gram_sums(grams, weights, words) * model.gram_scale + model.word_weights[rows]
    assert np.array_equal(model.word_scores[rows], expected)
