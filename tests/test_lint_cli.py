"""``copytag lint`` and ``copytag rules`` through their real entry points."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from copytag.cli import main
from copytag.lint import all_rules, get_rule
from copytag.lint.docs import render_rule

ROOT = Path(__file__).resolve().parent.parent
BAD = "Watch now!!"  # GA106 (error) on Google Ads
RULE_LINE_CODES = {r.code for r in all_rules()}


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run the CLI in an empty directory, so no config file of the repository applies."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("args, code", [
    (["Watch now", "--platform", "google-ads", "--select", "GA"], 0),
    ([BAD, "--platform", "google-ads"], 1),
    (["Watch now 😀", "--platform", "tiktok", "--fail-on", "error"], 1),
    (["Watch all episodes free", "--select", "CT106"], 0),
    (["Watch all episodes free", "--select", "CT106", "--fail-on", "info"], 1),
    (["Who is the heir", "--select", "CT102", "--fail-on", "warning"], 1),
])
def test_exit_codes(run, args, code):
    assert run("lint", *args).exit_code == code


@pytest.mark.parametrize("args, named", [
    (["x", "--platform", "bing"], "google-ads"),
    (["x", "--platform", "meta", "--field", "tagline"], "primary-text"),
    (["x", "--market", "XX"], "BR"),
    (["x", "--select", "QQ1"], "GA101"),
    (["x", "--format", "xml"], "sarif"),
    (["x", "--fail-on", "fatal"], "warning"),
    ([], "TEXT"),
    (["--file", "missing.txt"], "missing.txt"),
])
def test_usage_errors_exit_2_and_name_the_valid_choices(run, args, named):
    result = run("lint", *args)
    assert result.exit_code == 2
    assert named in result.output


def test_text_format(run):
    result = run("lint", BAD, "--platform", "google-ads", "--select", "GA106")
    assert result.output.splitlines() == [
        "text[0]:10: GA106 google-ads-repeated-punctuation (error) repeated punctuation '!!'; "
        "Google Ads disapproves repeated punctuation [fix: '!']",
        "Found 1 finding (1 error).",
    ]


def test_json_format_with_several_texts(run):
    result = run("lint", "Watch now", BAD, "--platform", "google-ads", "--select", "GA106",
                 "--format", "json")
    data = json.loads(result.output)
    assert data == [{"code": "GA106", "name": "google-ads-repeated-punctuation", "severity": "error",
                     "message": "repeated punctuation '!!'; Google Ads disapproves repeated punctuation",
                     "start": 9, "end": 11, "fix": "!", "text": 1}]


def test_csv_findings_carry_the_row(run, tmp_path):
    (tmp_path / "copy.csv").write_text(
        'id,ad_copy,market\n1,Watch now,US\n2,"Two\nlines!!",US\n3,Watch now!!,BR\n', "utf-8")
    result = run("lint", "--csv", "copy.csv", "--platform", "google-ads", "--select", "GA106",
                 "--format", "json")
    assert [(f["row"], f["file"]) for f in json.loads(result.output)] == [(3, "copy.csv"), (5, "copy.csv")]


def test_csv_market_column(run, tmp_path):
    (tmp_path / "c.csv").write_text("copy,m\nWatch now,BR\nWatch now,US\n", "utf-8")
    result = run("lint", "--csv", "c.csv", "--column", "copy", "--market-column", "m",
                 "--language", "en", "--select", "LG101", "--format", "json")
    assert [f["row"] for f in json.loads(result.output)] == [2]


def test_csv_unknown_column(run, tmp_path):
    (tmp_path / "c.csv").write_text("id,text\n1,Watch\n", "utf-8")
    result = run("lint", "--csv", "c.csv", "--column", "copy")
    assert result.exit_code == 2 and "id, text" in result.output


def test_file_mode_takes_several_files_like_pre_commit(run, tmp_path):
    (tmp_path / "a.txt").write_text("Watch now\n\nWatch now!!\n", "utf-8")
    (tmp_path / "b.txt").write_text("Watch now!!\n", "utf-8")
    result = run("lint", "--file", "--platform", "google-ads", "--select", "GA106",
                 "--format", "json", "a.txt", "b.txt")
    assert [(f["file"], f["row"]) for f in json.loads(result.output)] == [("a.txt", 3), ("b.txt", 1)]
    assert result.exit_code == 1


def test_file_from_stdin(run):
    result = run("lint", "--file", "-", "--platform", "google-ads", "--select", "GA106", input="A!!\n")
    assert result.exit_code == 1 and "-:1:2: GA106" in result.output


def test_github_format(run, tmp_path):
    result = run("lint", BAD, "--platform", "google-ads", "--select", "GA106", "--format", "github")
    assert result.output.startswith("::error title=GA106 google-ads-repeated-punctuation::")
    (tmp_path / "a.txt").write_text("Free, watch now\n", "utf-8")
    result = run("lint", "--file", "a.txt", "--select", "CT106", "--format", "github")
    assert result.output.strip() == (
        "::notice file=a.txt,line=1,col=1,endColumn=5,title=CT106 free-claim::'Free' claims "
        "something is free; make sure it is (no hidden or recurring costs) or disclose the terms")


def test_sarif_structure(run, tmp_path):
    (tmp_path / "a.txt").write_text("Hello\nWatch now!!\n", "utf-8")
    result = run("lint", "--file", "a.txt", "--platform", "google-ads", "--select", "GA106",
                 "--format", "sarif")
    log = json.loads(result.output)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == RULE_LINE_CODES
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    (res,) = sarif_run["results"]
    assert res["ruleId"] == "GA106" and rules[res["ruleIndex"]]["id"] == "GA106"
    assert res["level"] == "error" and res["message"]["text"]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
    assert region == {"charOffset": 15, "charLength": 2, "startLine": 2, "startColumn": 10, "endColumn": 12}


def test_config_file_settings_and_flags_win(run, tmp_path):
    (tmp_path / "copytag.toml").write_text(
        '[lint]\nplatform = "google-ads"\nselect = ["GA106"]\nformat = "json"\n', "utf-8")
    assert json.loads(run("lint", BAD).output)[0]["code"] == "GA106"
    assert run("lint", BAD, "--platform", "tiktok").output.strip() == "[]"


def test_bad_config_is_a_usage_error(run, tmp_path):
    (tmp_path / "copytag.toml").write_text('[lint]\nformat = "xml"\n', "utf-8")
    result = run("lint", "Watch now")
    assert result.exit_code == 2 and "format must be one of" in result.output


def test_rules_lists_every_rule(run):
    lines = run("rules").output.splitlines()
    assert [line.split()[0] for line in lines] == sorted(RULE_LINE_CODES)
    assert all(line.split()[2] in ("error", "warning", "info") for line in lines)


@pytest.mark.parametrize("code", sorted(RULE_LINE_CODES))
def test_rules_code_prints_the_documentation(run, code):
    assert run("rules", code.lower()).output == render_rule(get_rule(code))


def test_rules_prefix_and_unknown(run):
    assert [line.split()[0] for line in run("rules", "TT").output.splitlines()][:2] == ["TT101", "TT102"]
    result = run("rules", "ZZ101")
    assert result.exit_code == 2 and "GA101" in result.output


def test_real_entry_point_in_a_subprocess(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "copytag", "lint", BAD, "--platform", "google-ads", "--select", "GA106",
         "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)[0]["code"] == "GA106"


def test_pre_commit_hook_definition():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "- id: copytag-lint" in text
    assert "entry: copytag lint --file" in text
    assert "language: python" in text
