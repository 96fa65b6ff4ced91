"""The report tables on hand-made tagged frames with known answers, the CLI formats, escaping and guards."""
from __future__ import annotations

import json
import math
from dataclasses import FrozenInstanceError
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import copytag
from copytag.cli import main
from copytag.report import render_html, render_markdown
from copytag.safety import guard_formula

DATA = Path(__file__).parent / "data"
PHRASE_CASES = json.loads((DATA / "report_phrases.json").read_text(encoding="utf-8"))
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def tagged(rows: list[tuple]) -> pd.DataFrame:
    """A tagged frame from (copy, market, language, actions, tones, keywords, primary[, cta_actions]) rows."""
    columns = ["ad_copy", "market", "language", "actions", "tones", "cta_keywords", "primary_tone", "cta_actions"]
    return pd.DataFrame([list(r) + [""] * (len(columns) - len(r)) for r in rows], columns=columns[:8])


@pytest.fixture
def frame() -> pd.DataFrame:
    return tagged([
        ("Watch now! 🔥", "US", "en", "watch", "emoji|exclamation", "Watch", "exclamation", "watch"),
        ("Download the app and watch", "US", "en", "download|watch", "other", "Download|watch", "other",
         "download|watch"),
        ("WATCH free", "US", "en", "watch", "other", "WATCH", "other", "watch"),
        ("¿Quién es? Descarga ya 7 días", "MX", "es", "download", "question|figure", "Descarga", "question",
         "download"),
        ("繼續觀看", "TW", "zh-Hant", "continue|watch", "other", "繼續|觀看", "other", "continue|watch"),
        ("🔥🔥", "US", "und", "", "emoji", "", "emoji", ""),
    ])


def by_key(table: pd.DataFrame, key: str) -> dict:
    return table.set_index(key).to_dict("index")


# --- languages ----------------------------------------------------------------


def test_languages_count_share_and_names(frame):
    rows = by_key(copytag.summarize(frame).languages, "language")
    assert rows["en"]["count"] == 3 and rows["es"]["count"] == 1
    assert rows["zh-Hant"]["name"] == "Chinese Traditional"
    assert rows["und"]["name"] == "No letters"
    assert math.isclose(sum(r["share"] for r in rows.values()), 1.0)
    assert math.isclose(rows["en"]["share"], 3 / 6)


def test_languages_largest_first(frame):
    counts = copytag.summarize(frame).languages["count"].tolist()
    assert counts == sorted(counts, reverse=True)


def test_unknown_language_code_is_shown_as_itself():
    df = tagged([("Hej", "SE", "sv", "", "other", "", "other")])
    assert copytag.summarize(df).languages["name"].tolist() == ["sv"]
    with pytest.raises(LookupError, match="'sv'"):
        copytag.language_name("sv") if hasattr(copytag, "language_name") else copytag.report.language_name("sv")


# --- tones --------------------------------------------------------------------


def test_tones_are_multi_label_and_primary_sums_to_one(frame):
    rows = by_key(copytag.summarize(frame).tones, "tone")
    assert rows["emoji"]["count"] == 2          # "Watch now! 🔥" and "🔥🔥"
    assert rows["exclamation"]["count"] == 1
    assert rows["question"]["count"] == 1 and rows["figure"]["count"] == 1
    assert rows["other"]["count"] == 3
    assert rows["emoji"]["primary_count"] == 1   # the other emoji creative is primarily an exclamation
    assert sum(r["count"] for r in rows.values()) == 8  # more than 6 creatives: multi-label
    assert math.isclose(sum(r["primary_share"] for r in rows.values()), 1.0)
    assert list(rows) == list(copytag.TONES)


# --- actions and keywords -----------------------------------------------------


def test_actions_share_per_type_and_none(frame):
    rows = by_key(copytag.summarize(frame).actions, "action")
    assert rows["watch"]["count"] == 4
    assert rows["download"]["count"] == 2
    assert rows["continue"]["count"] == 1
    assert rows["click"]["count"] == 0
    assert rows["none"]["count"] == 1
    assert math.isclose(rows["watch"]["share"], 4 / 6)


def test_keywords_case_folded_with_most_frequent_form(frame):
    kws = copytag.summarize(frame).keywords
    en_watch = kws[(kws["action"] == "watch") & (kws["language"] == "en")]
    assert en_watch["count"].tolist() == [3]     # Watch, watch, WATCH: one keyword
    assert en_watch["keyword"].iloc[0] in {"Watch", "watch", "WATCH"}
    assert math.isclose(en_watch["share"].iloc[0], 1.0)  # of the 3 English creatives with a watch CTA
    zh = kws[kws["language"] == "zh-Hant"].set_index("action")["keyword"].to_dict()
    assert zh == {"continue": "繼續", "watch": "觀看"}


def test_keywords_form_is_the_most_frequent():
    df = tagged([("x", "US", "en", "watch", "other", kw, "other") for kw in ["watch", "Watch", "Watch"]])
    assert copytag.summarize(df).keywords["keyword"].tolist() == ["Watch"]


def test_keyword_actions_without_cta_actions_column(frame):
    """Without ``cta_actions``, single-action creatives say which action a keyword has."""
    kws = copytag.summarize(frame.drop(columns="cta_actions")).keywords
    pairs = set(zip(kws["action"], kws["keyword"].str.casefold()))
    assert ("download", "download") in pairs          # learned from no single-action row, but ...
    assert ("watch", "watch") in pairs                # ... "watch" is learned from "Watch now!"
    assert ("download", "descarga") in pairs


def test_top_limits_keywords_and_phrases():
    df = tagged([(f"Go {i}", "US", "en", "watch", "other", f"kw{i % 4}", "other", "watch") for i in range(8)])
    assert len(copytag.summarize(df, top=2).keywords) == 2


# --- phrases ------------------------------------------------------------------


@pytest.mark.parametrize("case", PHRASE_CASES, ids=[c["label"] for c in PHRASE_CASES])
def test_phrases(case):
    language = case.get("language", "en")
    df = tagged([(t, "US", language, "", "other", "", "other") for t in case["texts"]])
    phrases = copytag.summarize(df).phrases
    found = phrases.set_index("normalized")
    if "absent" in case:
        assert case["absent"] not in found.index
        return
    row = found.loc[case["normalized"]]
    assert (row["phrase"], row["count"]) == (case["phrase"], case["count"])
    assert row["language"] == language


def test_phrase_share_is_of_the_language():
    df = tagged([("Watch full episodes", "US", "en", "", "other", "", "other")] * 2
                + [("Mira ya", "US", "es", "", "other", "", "other")] * 2)
    phrases = copytag.summarize(df).phrases
    assert phrases["share"].tolist() == [1.0, 1.0]


# --- groups -------------------------------------------------------------------


def test_by_gives_each_table_per_group(frame):
    s = copytag.summarize(frame, by="market")
    for name, table in s.tables().items():
        assert table.columns[0] == "group", name
    langs = s.languages
    assert list(dict.fromkeys(langs["group"])) == ["US", "MX", "TW"]  # largest group first
    for _, part in langs.groupby("group"):
        assert math.isclose(part["share"].sum(), 1.0)
    us = by_key(s.actions[s.actions["group"] == "US"], "action")
    assert us["watch"]["count"] == 3 and math.isclose(us["watch"]["share"], 3 / 4)


def test_missing_group_values_are_one_group(frame):
    frame.loc[0, "market"] = None
    groups = set(copytag.summarize(frame, by="market").languages["group"])
    assert "(missing)" in groups


# --- the summary object -------------------------------------------------------


def test_summary_is_immutable(frame):
    s = copytag.summarize(frame)
    table = s.languages
    table.loc[0, "count"] = 999
    assert s.languages.loc[0, "count"] != 999
    with pytest.raises(FrozenInstanceError):
        s.meta = {}  # type: ignore[misc]


def test_to_dict_and_to_json(frame):
    s = copytag.summarize(frame, by="market", top=3)
    data = json.loads(s.to_json())
    assert set(data) == {"meta", "languages", "phrases", "actions", "keywords", "tones"}
    assert data["meta"]["rows"] == 6 and data["meta"]["by"] == "market" and data["meta"]["top"] == 3
    assert data["meta"]["copytag_version"] == copytag.__version__
    assert data["languages"][0]["group"] == "US"
    assert s.to_dict()["tones"] == data["tones"]


def test_untagged_frame_is_tagged_first():
    df = pd.DataFrame({"ad_copy": ["Watch now!", "Only $0.99 🔥", None]})
    s = copytag.summarize(df)
    assert s.languages["count"].sum() == 3
    assert by_key(s.tones, "tone")["emoji"]["count"] == 1


@pytest.mark.parametrize("kwargs, error, words", [
    ({"column": "copy"}, KeyError, "no column 'copy'"),
    ({"by": "region"}, KeyError, "no column 'region' to group by"),
    ({"top": 0}, ValueError, "top must be"),
])
def test_bad_arguments_say_what_to_do(frame, kwargs, error, words):
    with pytest.raises(error, match=words):
        copytag.summarize(frame, **kwargs)


def test_partly_tagged_frame_is_refused(frame):
    with pytest.raises(ValueError, match="re-tag"):
        copytag.summarize(frame.drop(columns="tones"))


def test_not_a_frame_is_refused():
    with pytest.raises(TypeError, match="DataFrame"):
        copytag.summarize(["Watch now"])


# --- escaping -----------------------------------------------------------------


@pytest.fixture
def hostile() -> pd.DataFrame:
    rows = []
    for bad in HOSTILE:
        rows += [(f"{bad} Watch now", bad, bad, "watch", "other", bad, "other", "watch")] * 2
    return tagged(rows)


class TagCollector(HTMLParser):
    """The start tags of a page and their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_escapes_everything_from_the_data(hostile):
    page = render_html(copytag.summarize(hostile, by="market"), title=HOSTILE[0])
    parser = TagCollector()
    parser.feed(page)
    assert not [t for t, _ in parser.tags if t == "script"]
    assert not [a for _, attrs in parser.tags for a in attrs if a.startswith("on")]
    assert [t for t, _ in parser.tags].count("img") == 4  # the four charts, nothing else
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_markdown_escapes_html_and_table_syntax(hostile):
    hostile.loc[0, "cta_keywords"] = "a|b"
    text = render_markdown(copytag.summarize(hostile, by="market"))
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;" in text


# --- formula guards -----------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+33 6", "'+33 6"), ("-5% off", "'-5% off"), ("@SUM(A1)", "'@SUM(A1)"),
    ("  =cmd", "'  =cmd"), ("\t=1", "'\t=1"), ("\rX", "'\rX"), ("\n=1", "'\n=1"),
    ("Watch now", "Watch now"), ("", ""), (3, 3), (-2.5, -2.5), (None, None),
])
def test_guard_formula(value, expected):
    assert guard_formula(value) == expected


# --- command line -------------------------------------------------------------


@pytest.fixture
def tagged_csv(tmp_path, frame) -> Path:
    frame = pd.concat([frame, tagged([("=HYPERLINK(\"http://x\")", "US", "en", "watch", "other", "=HYPERLINK(\"http://x\")",
                                       "other", "watch")] * 2)])
    path = tmp_path / "tagged.csv"
    frame.to_csv(path, index=False)
    return path


def run(*args: str):
    return CliRunner().invoke(main, ["report", *map(str, args)])


@pytest.mark.parametrize("name, marker", [("r.md", "# Short-drama ad copy report"), ("r.json", '"meta"')])
def test_cli_text_formats(tmp_path, tagged_csv, name, marker):
    out = tmp_path / name
    result = run(tagged_csv, "-o", out, "--by", "market", "--top", "3")
    assert result.exit_code == 0, result.output
    assert marker in out.read_text(encoding="utf-8")


def test_cli_html_page(tmp_path, tagged_csv):
    out = tmp_path / "page.out"
    result = run(tagged_csv, "-o", out, "--format", "html", "--title", "Q3 <EU>", "--by", "market")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Q3 &lt;EU&gt;</title>" in page
    assert page.count('src="data:image/png;base64,') == 4
    assert "<script" not in page and "http://" not in page.replace("http://x", "")


def test_cli_reads_tsv_parquet_and_jsonl(tmp_path, frame):
    for name, write in [("t.tsv", lambda p: frame.to_csv(p, sep="\t", index=False)),
                        ("t.parquet", frame.to_parquet),
                        ("t.jsonl", lambda p: frame.to_json(p, orient="records", lines=True, force_ascii=False))]:
        path = tmp_path / name
        write(path)
        result = run(path, "-o", tmp_path / "r.json")
        assert result.exit_code == 0, (name, result.output)
        assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["meta"]["rows"] == 6


def test_cli_csv_dir_guards_formulas(tmp_path, tagged_csv):
    result = run(tagged_csv, "--csv-dir", tmp_path / "tables")
    assert result.exit_code == 0, result.output
    keywords = (tmp_path / "tables" / "keywords.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in keywords
    assert "\n=" not in keywords and ",=" not in keywords and '"=' not in keywords
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "actions.csv", "keywords.csv", "languages.csv", "meta.csv", "phrases.csv", "tones.csv"]


def test_cli_xlsx_guards_formulas(tmp_path, tagged_csv):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "tables.xlsx"
    result = run(tagged_csv, "-o", out)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["languages", "phrases", "actions", "keywords", "tones", "meta"]
    cells = [c.value for row in book["keywords"].iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells
    assert not any(isinstance(v, str) and v.startswith("=") for v in cells)


@pytest.mark.parametrize("args, words", [
    ([], "say where to write"),
    (["-o", "x.txt"], "cannot tell the format"),
    (["-o", "x.html", "--column", "copy"], "no column 'copy'"),
    (["-o", "x.html", "--top", "0"], "--top"),
])
def test_cli_errors_say_what_to_do(tmp_path, tagged_csv, args, words):
    result = run(tagged_csv, *[str(tmp_path / a) if a.startswith("x.") else a for a in args])
    assert result.exit_code != 0
    assert words in result.output


def test_cli_help_ends_with_an_example():
    result = CliRunner().invoke(main, ["report", "--help"])
    assert result.exit_code == 0 and "copytag report tagged.csv -o report.html" in result.output


def test_an_empty_table_gets_a_clear_error_not_a_crash(tmp_path) -> None:
    import pandas as pd
    from click.testing import CliRunner

    import copytag
    from copytag.cli import main

    with pytest.raises(ValueError, match="no rows"):
        copytag.summarize(pd.DataFrame({"ad_copy": []}))
    empty = tmp_path / "empty.csv"
    empty.write_text("ad_copy\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(empty), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "no rows" in result.output
    assert not (tmp_path / "r.html").exists()
