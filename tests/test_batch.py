"""``copytag tag`` and ``tag_file``: every row, in order, input kept as it is, bad input refused clearly."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import copytag
import copytag.frame
from copytag.batch import tag_file
from copytag.cli import main
from copytag.fileio import InputError
from copytag.types import TAG_COLUMNS

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parents[1] / "examples" / "creatives.csv"
csv.field_size_limit(sys.maxsize)

#: Cells that a careless pipeline changes: each must come back byte for byte.
TRICKY_CELLS = [
    ("leading zeros", "007"),
    ("NA marker", "NA"),
    ("null marker", "null"),
    ("empty", ""),
    ("spaces kept", "  two spaces  "),
    ("formula", "=HYPERLINK(\"http://x.test\",\"Watch\")"),
    ("plus formula", "+1+1"),
    ("minus formula", "-2+3"),
    ("at formula", "@SUM(A1)"),
    ("comma", "Watch now, free"),
    ("newline", "Episode 1\nEpisode 2"),
    ("crlf inside", "line one\r\nline two"),
    ("quotes", 'She said "watch"'),
    ("number-like", "1e5"),
    ("boolean-like", "TRUE"),
    ("emoji", "🔥🔥 Free 👉"),
    ("arabic", "شاهد الآن"),
    ("tab", "a\tb"),
]


def write_csv(path: Path, header: list[str], rows: list[list[str]], bom: bool = False) -> Path:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_rows(path: Path, delimiter: str = ",") -> list[list[str]]:
    """Every record of a CSV/TSV, parsed by the standard library (not by the code under test)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def run(*args: str) -> "click.testing.Result":  # noqa: F821
    return CliRunner().invoke(main, ["tag", *args], catch_exceptions=False)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def tricky_csv(tmp_path: Path) -> Path:
    rows = [[f"{i:03d}", name, cell, cell] for i, (name, cell) in enumerate(TRICKY_CELLS)]
    return write_csv(tmp_path / "tricky.csv", ["id", "case", "ad_copy", "note"], rows)


@pytest.fixture
def sample_csv(tmp_path: Path) -> Path:
    """The first 120 example creatives (20 languages), with a running row number."""
    rows = read_rows(EXAMPLES)
    header, body = rows[0], rows[1:121]
    return write_csv(tmp_path / "sample.csv", ["row", *header], [[str(i), *r] for i, r in enumerate(body)])


def test_input_columns_come_back_byte_identical(tricky_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run(str(tricky_csv), "-o", str(out), "--column", "ad_copy", "--chunk-size", "4")
    assert result.exit_code == 0, result.output
    source, tagged = read_rows(tricky_csv), read_rows(out)
    assert tagged[0] == source[0] + list(TAG_COLUMNS)
    assert [row[: len(source[0])] for row in tagged] == source


@pytest.mark.parametrize("name, cell", [c for c in TRICKY_CELLS if c[1][:1] in "=+-@"])
def test_formula_cells_pass_through_unchanged(tricky_csv: Path, tmp_path: Path, name: str, cell: str) -> None:
    out = tmp_path / "out.csv"
    run(str(tricky_csv), "-o", str(out))
    assert [row[2] for row in read_rows(out) if row[1] == name] == [cell]


def test_rows_keep_their_order_across_chunks(sample_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert run(str(sample_csv), "-o", str(out), "--chunk-size", "7").exit_code == 0
    assert [row[0] for row in read_rows(out)[1:]] == [str(i) for i in range(120)]


def test_jobs_2_writes_the_same_bytes_as_jobs_1(sample_csv: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert run(str(sample_csv), "-o", str(one), "--chunk-size", "9").exit_code == 0
    assert run(str(sample_csv), "-o", str(two), "--chunk-size", "9", "--jobs", "2").exit_code == 0
    assert sha(one) == sha(two)


def test_tag_values_are_those_of_to_dict(sample_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    run(str(sample_csv), "-o", str(out), "--no-model")
    tagged = pd.read_csv(out, dtype=str, keep_default_na=False)
    expected = [t.to_dict() for t in copytag.tag_many(tagged["ad_copy"], use_model=False)]
    for name in TAG_COLUMNS:
        want = [f"{row[name]}" if name != "language_score" else float(row[name]) for row in expected]
        got = tagged[name].tolist() if name != "language_score" else tagged[name].astype(float).tolist()
        assert got == want, name


def test_missing_column_lists_the_columns_and_exits_2(sample_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run(str(sample_csv), "-o", str(out), "--column", "copy")
    assert result.exit_code == 2
    assert "no column 'copy'" in result.output and "row, creative_id, app, market, ad_copy" in result.output
    assert not out.exists()


def test_empty_file_is_refused_clearly(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = run(str(empty), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 2 and "is empty" in result.output


def test_header_only_gives_header_only(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "header.csv", ["id", "ad_copy"], [])
    out = tmp_path / "out.csv"
    result = run(str(source), "-o", str(out))
    assert result.exit_code == 0 and "tagged 0 rows" in result.output
    assert read_rows(out) == [["id", "ad_copy", *TAG_COLUMNS]]


def test_empty_cells_are_tagged_as_empty_copy(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", ["id", "ad_copy"], [["1", ""], ["2", "Watch now!"], ["3", ""]])
    out = tmp_path / "out.jsonl"
    run(str(source), "-o", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    empty = {k: v for k, v in copytag.tag("").to_dict().items() if k != "text"}
    assert [{k: r[k] for k in TAG_COLUMNS} for r in (records[0], records[2])] == [empty, empty]


def test_utf8_bom_is_not_part_of_the_first_column_name(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "bom.csv", ["id", "ad_copy"], [["1", "Hi"]], bom=True)
    out = tmp_path / "out.csv"
    assert run(str(source), "-o", str(out), "--column", "ad_copy").exit_code == 0
    assert read_rows(out)[0][:2] == ["id", "ad_copy"]


@pytest.fixture
def latin1_csv(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"id,ad_copy\n1,Watch now\n2,T\xe9l\xe9chargez\n")
    return path


def test_invalid_utf8_names_the_line_and_the_way_out(latin1_csv: Path, tmp_path: Path) -> None:
    result = run(str(latin1_csv), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 2
    assert "line 3" in result.output and "--encoding" in result.output and "--errors replace" in result.output
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("option, expected", [(("--encoding", "latin-1"), "Téléchargez"), (("--errors", "replace"), "T�l�chargez")])
def test_undecodable_input_can_be_read_as_asked(latin1_csv: Path, tmp_path: Path, option: tuple, expected: str) -> None:
    out = tmp_path / "out.csv"
    assert run(str(latin1_csv), "-o", str(out), *option).exit_code == 0
    assert read_rows(out)[2][1] == expected


def test_a_one_megabyte_cell_comes_back_whole(tmp_path: Path) -> None:
    # Quotes, a comma and a newline up front; one long word after keeps the tagger's share small.
    big = ('Watch now, "free"\nthen ' + "Fullepisode" * 100_000)[:1_000_000]
    source = write_csv(tmp_path / "big.csv", ["id", "ad_copy"], [["1", "short"], ["2", big], ["3", "end"]])
    out = tmp_path / "out.csv"
    assert run(str(source), "-o", str(out)).exit_code == 0
    rows = read_rows(out)
    assert [r[1] for r in rows[1:]] == ["short", big, "end"] and rows[2][len(rows[0]) - 1] != ""


def test_a_failure_leaves_no_output_and_no_temporary_file(tmp_path: Path) -> None:
    source = tmp_path / "late_error.csv"
    source.write_bytes(b"id,ad_copy\n" + b"".join(b"%d,Watch now\n" % i for i in range(50)) + b"50,caf\xe9\n")
    before = sha(source)
    out = tmp_path / "out.csv"
    result = run(str(source), "-o", str(out), "--chunk-size", "10")
    assert result.exit_code == 2 and "line 52" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late_error.csv"]
    assert sha(source) == before


def test_a_failure_keeps_an_older_output_as_it_was(latin1_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("previous run\n")
    assert run(str(latin1_csv), "-o", str(out)).exit_code == 2
    assert out.read_text() == "previous run\n"


def test_ctrl_c_leaves_no_output(sample_csv: Path, tmp_path: Path) -> None:
    def interrupt(rows: int, position: int, total: int) -> None:
        raise KeyboardInterrupt

    out = tmp_path / "out.csv"
    with pytest.raises(KeyboardInterrupt):
        tag_file(str(sample_csv), str(out), chunk_size=10, jobs=2, on_progress=interrupt)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.csv"]


def test_a_real_interrupt_stops_every_process_and_leaves_no_output(sample_csv: Path, tmp_path: Path) -> None:
    rows = read_rows(sample_csv)
    source = write_csv(tmp_path / "many.csv", rows[0], rows[1:] * 100)
    out = tmp_path / "out.csv"
    command = [sys.executable, "-m", "copytag", "tag", str(source), "-o", str(out), "--jobs", "2", "--chunk-size", "50"]
    child = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    wait_for(lambda: list(tmp_path.glob(".out.csv.*.part")), child)
    os.killpg(child.pid, signal.SIGINT)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == 130 and b"was not written" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.csv", "sample.csv"]


def wait_for(condition, child: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert child.poll() is None and time.monotonic() < deadline, "the run ended before it could be interrupted"
        time.sleep(0.02)


@pytest.fixture
def fail_on_boom(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tagger fails (as a bug would) on the copy "boom", in this process."""
    real = copytag.frame.tag_many

    def tag_many(texts, **kwargs):
        if "boom" in texts:
            raise LookupError("no lexicon for this text")
        return real(texts, **kwargs)

    monkeypatch.setattr(copytag.frame, "tag_many", tag_many)


@pytest.mark.usefixtures("fail_on_boom")
def test_a_tagger_failure_names_the_row_and_leaves_no_output(tmp_path: Path) -> None:
    rows = [[str(i), "boom" if i == 7 else "Watch now"] for i in range(1, 10)]
    source = write_csv(tmp_path / "in.csv", ["id", "ad_copy"], rows)
    result = run(str(source), "-o", str(tmp_path / "out.csv"), "--chunk-size", "4")
    assert result.exit_code == 2
    assert "tagging row 7 failed with LookupError: no lexicon for this text; the text was 'boom'" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_output_equal_to_input_is_refused(sample_csv: Path) -> None:
    before = sha(sample_csv)
    result = run(str(sample_csv), "-o", str(sample_csv))
    assert result.exit_code == 2 and "is the input file" in result.output
    assert sha(sample_csv) == before


def test_a_tag_column_never_overwrites_an_input_column(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", ["language", "ad_copy"], [["fr", "Hi!"]])
    clash = run(str(source), "-o", str(tmp_path / "out.csv"))
    assert clash.exit_code == 2 and "already has column(s) language" in clash.output and "--prefix tag_" in clash.output
    assert run(str(source), "-o", str(tmp_path / "out.csv"), "--prefix", "tag_").exit_code == 0
    assert read_rows(tmp_path / "out.csv")[0][:3] == ["language", "ad_copy", "tag_language"]


FORMAT_CASES = ["csv", "tsv", "parquet", "jsonl"]


@pytest.mark.parametrize("source_format", FORMAT_CASES)
@pytest.mark.parametrize("target_format", FORMAT_CASES)
def test_every_format_pair_gives_the_same_table(sample_csv: Path, tmp_path: Path, source_format: str, target_format: str) -> None:
    baseline = tmp_path / "baseline.csv"
    tag_file(str(sample_csv), str(baseline))
    source = convert(sample_csv, tmp_path / f"in.{source_format}")
    out = tmp_path / f"out.{target_format}"
    tag_file(str(source), str(out), chunk_size=25)
    assert_frames_match(load(out), load(baseline))


def convert(csv_path: Path, target: Path) -> Path:
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    write_table(frame, target)
    return target


def write_table(frame: pd.DataFrame, target: Path) -> None:
    suffix = target.suffix
    if suffix == ".parquet":
        frame.to_parquet(target, index=False)
    elif suffix == ".jsonl":
        target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict("records")), encoding="utf-8")
    else:
        frame.to_csv(target, sep="\t" if suffix == ".tsv" else ",", index=False)


def load(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".jsonl":
        return pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    return pd.read_csv(path, sep="\t" if path.suffix == ".tsv" else ",", dtype=str, keep_default_na=False)


def assert_frames_match(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert list(got.columns) == list(want.columns)
    for name in want.columns:
        if name == "language_score":
            assert got[name].astype(float).tolist() == want[name].astype(float).tolist()
        else:
            assert got[name].astype(str).tolist() == want[name].astype(str).tolist(), name


def test_text_and_typed_inputs_write_the_same_csv_bytes(tricky_csv: Path, tmp_path: Path) -> None:
    """CSV input takes the plain-text writer, Parquet input the pandas one: same bytes out."""
    from_csv, from_parquet = tmp_path / "from_csv.csv", tmp_path / "from_parquet.csv"
    tag_file(str(tricky_csv), str(from_csv))
    tag_file(str(convert(tricky_csv, tmp_path / "tricky.parquet")), str(from_parquet))
    assert from_csv.read_bytes() == from_parquet.read_bytes()


def test_parquet_keeps_column_types_and_nulls(tmp_path: Path) -> None:
    source = tmp_path / "in.parquet"
    pd.DataFrame({"n": pd.array([1, None, 3], dtype="Int64"), "ad_copy": ["Watch now!", None, "Hi"]}).to_parquet(source)
    out = tmp_path / "out.parquet"
    tag_file(str(source), str(out), chunk_size=2)
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.column("n").to_pylist() == [1, None, 3] and str(table.schema.field("n").type) == "int64"
    assert table.column("ad_copy").to_pylist() == ["Watch now!", None, "Hi"]
    assert table.column("primary_tone").to_pylist()[1] == copytag.tag("").primary_tone


def test_jsonl_keeps_values_and_types(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    records = [{"id": 7, "ad_copy": "Watch now!", "meta": {"cpm": 1.5}}, {"id": 8, "ad_copy": None, "meta": None}]
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    tag_file(str(source), str(out))
    tagged = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [{k: r[k] for k in ("id", "ad_copy", "meta")} for r in tagged] == records
    assert list(tagged[0]) == ["id", "ad_copy", "meta", *TAG_COLUMNS]


@pytest.mark.parametrize(
    "lines, message",
    [
        (['{"ad_copy": "a"}', "not json"], "line 2 is not valid JSON"),
        (['{"ad_copy": "a"}', '["a"]'], "line 2 holds a JSON list"),
        (['{"ad_copy": "a"}', '{"ad_copy": "b", "x": 1}'], "line 2 has keys the first record lacks: x"),
        (['{"ad_copy": 5}'], "row 1 of column 'ad_copy' holds int"),
    ],
)
def test_bad_json_lines_are_named(tmp_path: Path, lines: list[str], message: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 2 and message in result.output


def test_empty_jsonl_gives_empty_output(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert run(str(source), "-o", str(out)).exit_code == 0
    assert out.read_bytes() == b""


def test_unknown_extension_asks_for_a_format(sample_csv: Path, tmp_path: Path) -> None:
    odd = tmp_path / "creatives.data"
    odd.write_bytes(sample_csv.read_bytes())
    result = run(str(odd), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 2 and "--input-format" in result.output
    assert run(str(odd), "-o", str(tmp_path / "out.csv"), "--input-format", "csv").exit_code == 0


def test_format_option_overrides_the_extension(sample_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert run(str(sample_csv), "-o", str(out), "--format", "jsonl").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["row"] == "0"


def test_summary_names_rows_languages_actions_and_tones(sample_csv: Path, tmp_path: Path) -> None:
    result = run(str(sample_csv), "-o", str(tmp_path / "out.csv"))
    lines = result.output.splitlines()
    assert lines[0].startswith("tagged 120 rows in ") and "rows/s" in lines[0]
    assert [line.split(" ")[0] for line in lines[1:]] == ["languages", "actions:", "tones:"]
    assert result.stderr == ""  # no progress bar when not on a terminal


def test_quiet_prints_nothing(sample_csv: Path, tmp_path: Path) -> None:
    result = run(str(sample_csv), "-o", str(tmp_path / "out.csv"), "--quiet")
    assert result.exit_code == 0 and result.output == ""


def test_the_installed_module_runs_end_to_end(sample_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    done = subprocess.run(
        [sys.executable, "-m", "copytag", "tag", str(sample_csv), "-o", str(out), "--jobs", "2"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("tagged 120 rows") and done.stderr == ""
    assert len(read_rows(out, "\t")) == 121


def test_bad_options_are_refused(sample_csv: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="chunk_size"):
        tag_file(str(sample_csv), str(tmp_path / "o.csv"), chunk_size=0)
    assert run(str(sample_csv), "-o", str(tmp_path / "o.csv"), "--jobs", "0").exit_code == 2
    assert run(str(sample_csv), "-o", str(tmp_path / "nowhere" / "o.csv")).exit_code == 2


def test_obvious_copy_is_tagged_in_a_file(tmp_path: Path) -> None:
    if copytag.tag("Download the app and watch the full episode now").language == "und":
        pytest.xfail("the language detector and CTA lexicon have not landed yet")
    rows = [["1", "Download the app and watch the full episode now!"], ["2", "¡Descarga la app y mira gratis!"]]
    source = write_csv(tmp_path / "in.csv", ["id", "ad_copy"], rows)
    out = tmp_path / "out.csv"
    run(str(source), "-o", str(out))
    tagged = read_rows(out)
    assert [r[2] for r in tagged[1:]] == ["en", "es"]
    assert all("download" in r[4].split("|") for r in tagged[1:])


def _chunks_of(texts: list[str], size: int):
    from copytag.fileio import Chunk

    for start in range(0, len(texts), size):
        yield Chunk(pd.DataFrame({"ad_copy": texts[start : start + size]}), start + size)


def test_workers_get_only_copy_not_seen_and_the_columns_are_those_of_one_process() -> None:
    """On an executor, copy tagged in an earlier chunk comes from the parent's memo; the
    columns are the same as tagging every chunk here."""
    from concurrent.futures import ThreadPoolExecutor

    from copytag.batch import tag_chunks
    from copytag.tagger import TagOptions

    texts = ["Watch now!", "Mira ya", "", "Watch now!", "Descarga la app", "Mira ya", "7 days free trial"] * 5
    options = TagOptions(use_model=False)
    here = [tags for _, tags in tag_chunks(_chunks_of(texts, 4), "ad_copy", options, None, 1)]
    sent: list[list[str]] = []
    with ThreadPoolExecutor(2) as pool:
        class Recording:
            def submit(self, func, todo, *args):
                sent.append(todo)
                return pool.submit(func, todo, *args)

        there = [tags for _, tags in tag_chunks(_chunks_of(texts, 4), "ad_copy", options, Recording(), 1)]
    assert there == here
    assert sum(map(len, sent)) == len(set(texts))  # one chunk in flight: each copy is sent once


@pytest.mark.usefixtures("fail_on_boom")
def test_a_failure_on_an_executor_names_the_row_of_the_copy() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from copytag.batch import tag_chunks
    from copytag.frame import TaggingError
    from copytag.tagger import TagOptions

    texts = ["Watch now", "Mira ya", "Watch now", "Mira ya", "Watch now", "Watch now", "Mira ya", "boom"]
    # the last chunk is rows 7 and 8; row 7's copy is known, so only "boom" is sent, with its number
    with ThreadPoolExecutor(2) as pool, pytest.raises(TaggingError, match="tagging row 8 failed with LookupError"):
        list(tag_chunks(_chunks_of(texts, 3), "ad_copy", TagOptions(use_model=False), pool, 2))
