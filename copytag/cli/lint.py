"""``copytag lint`` and ``copytag rules``: a thin layer over :mod:`copytag.lint`."""
from __future__ import annotations

import contextlib
import csv
import itertools
import sys
from pathlib import Path
from typing import Any, Iterator

import click

from ..lint.finding import SEVERITIES

_FORMATS = ("text", "json", "sarif", "github")
_FILES_FROM_ARGS = "\0args"  # --file without a value: the arguments are the files


@click.command("lint")
@click.argument("texts", nargs=-1)
@click.option("--file", "file_", is_flag=False, flag_value=_FILES_FROM_ARGS, default=None,
              metavar="F", help="Lint a text file, one copy per line ('-' for stdin). Further "
              "arguments are files too.")
@click.option("--csv", "csv_file", metavar="F", help="Lint a CSV file's --column; further arguments are CSV files too.")
@click.option("--column", help="The CSV column that holds the copy.  [default: ad_copy]")
@click.option("--market-column", help="A CSV column with each row's market (overrides --market).")
@click.option("--platform", help="google-ads, meta, tiktok, youtube or snapchat.")
@click.option("--field", help="The platform's text field (headline, description, primary-text ...).")
@click.option("--market", help="The market's ISO country code (BR, MX, US, TW ...): checks the language.")
@click.option("--language", help="The copy's language (ISO code); skips detection.")
@click.option("--select", help="Only these rule codes or prefixes, comma-separated (GA,CT1).")
@click.option("--ignore", help="Skip these rule codes or prefixes, comma-separated.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Exit 1 on findings this serious or more.  [default: error]")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), help="Output format.  [default: text]")
def lint_command(texts: tuple[str, ...], file_: str | None, csv_file: str | None, **flags: Any) -> None:
    """Check ad copy against platform rules before upload.

    Exit status: 0 no finding at or above --fail-on, 1 some, 2 usage error.
    Settings may also come from [tool.copytag.lint] in pyproject.toml or
    [lint] in copytag.toml, in this directory or a parent; flags win.
    With --format json, each finding has code, name, severity, message,
    start and end, plus file and row for files, or text (the 0-based
    position of the TEXT argument) when several TEXTs are given.

    \b
    Examples:
      copytag lint "Download now!!! 🔥" --platform google-ads --field headline --market US
      copytag lint --csv creatives.csv --column ad_copy --market-column market --format sarif
    """
    from ..lint.config import ConfigError, find_config

    try:
        _, config = find_config(Path.cwd())
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    settings = {**{k.replace("-", "_"): v for k, v in config.items()},
                **{k: v for k, v in flags.items() if v is not None}}
    _check_choice(settings, "fmt", settings.pop("format", None), _FORMATS, "format")
    _check_choice(settings, "fail_on", settings.get("fail_on"), SEVERITIES, "fail-on")
    sources = _read_sources(texts, file_, csv_file, settings)
    results = _lint_sources(sources, settings)
    _report(results, settings, many_texts=file_ is None and csv_file is None and len(texts) > 1)


def _check_choice(settings: dict[str, Any], key: str, value: Any, choices: tuple[str, ...], name: str) -> None:
    if key == "fmt" and settings.get("fmt") is None:
        settings["fmt"] = value
    value = settings.get(key)
    if value is not None and value not in choices:
        raise click.UsageError(f"{name} must be one of {', '.join(choices)}, not {value!r}")


def _read_sources(texts: tuple[str, ...], file_: str | None, csv_file: str | None,
                  settings: dict[str, Any]) -> Iterator[tuple[Any, str, str | None]]:
    """(source, text, market) for every copy to lint, from arguments, text files or CSV files."""
    from ..lint.output import Source

    if file_ is not None and csv_file is not None:
        raise click.UsageError("use --file or --csv, not both")
    if file_ is not None:
        paths = ([] if file_ == _FILES_FROM_ARGS else [file_]) + list(texts)
        return _read_text_files(_require_paths(paths, "--file"))
    if csv_file is not None:
        return _read_csv_files(_require_paths([csv_file, *texts], "--csv"), settings)
    if not texts:
        raise click.UsageError("nothing to lint: give TEXT arguments, --file F or --csv F")
    return iter([(Source(index=i), t, None) for i, t in enumerate(texts)])


def _require_paths(paths: list[str], option: str) -> list[str]:
    if not paths:
        raise click.UsageError(f"{option} needs a file name")
    missing = [p for p in paths if p != "-" and not Path(p).is_file()]
    if missing:
        raise click.UsageError(f"no such file: {', '.join(missing)}")
    return paths


def _open(path: str) -> Any:
    if path == "-":
        return contextlib.nullcontext(sys.stdin)  # read stdin, but do not close it
    return open(path, encoding="utf-8-sig", newline="")


def _read_text_files(paths: list[str]) -> Iterator[tuple[Any, str, str | None]]:
    from ..lint.output import Source

    for path in paths:
        with _open(path) as handle:
            offset = 0
            for row, line in enumerate(handle, start=1):
                text = line.rstrip("\r\n")
                if text.strip():  # blank lines separate copies; they are not empty copy
                    yield Source(path=path, row=row, offset=offset, columns=True), text, None
                offset += len(line)


def _read_csv_files(paths: list[str], settings: dict[str, Any]) -> Iterator[tuple[Any, str, str | None]]:
    from ..lint.output import Source

    column = settings.get("column") or "ad_copy"
    market_column = settings.get("market_column")
    for path in paths:
        with _open(path) as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            text_at = _column_index(header, column, path, "--column")
            market_at = _column_index(header, market_column, path, "--market-column") if market_column else None
            line = reader.line_num
            for record in reader:
                row, line = line + 1, reader.line_num
                text = record[text_at] if text_at < len(record) else ""
                market = record[market_at] if market_at is not None and market_at < len(record) else None
                yield Source(path=path, row=row), text, market or None


def _column_index(header: list[str], column: str, path: str, option: str) -> int:
    try:
        return header.index(column)
    except ValueError:
        raise click.UsageError(f"no column {column!r} in {path} ({option}); "
                               f"the columns are {', '.join(header)}") from None


def _lint_sources(sources: Iterator[tuple[Any, str, str | None]], settings: dict[str, Any]) -> list[Any]:
    """Lint every source, in batches that the tagger tags together."""
    from ..lint.engine import BATCH_SIZE, make_plan

    options = {k: settings.get(k) for k in ("platform", "field", "language", "select", "ignore")}
    default_market = settings.get("market")
    try:
        make_plan(market=default_market, **options)  # usage errors before any input is read
    except LookupError as exc:
        raise click.UsageError(str(exc).strip("'\"")) from None
    results: list[Any] = []
    while batch := list(itertools.islice(sources, BATCH_SIZE)):
        results += _lint_one_batch(batch, options, default_market)
    return results


def _lint_one_batch(batch: list[tuple[Any, str, str | None]], options: dict[str, Any],
                    default_market: str | None) -> list[Any]:
    from ..lint.engine import lint_batch, make_plan

    try:
        markets = [market for _, _, market in batch]
        by_market = {m: make_plan(market=m or default_market, **options) for m in dict.fromkeys(markets)}
        plans = [by_market[m] for m in markets]
        findings = lint_batch([text for _, text, _ in batch], plans)
    except LookupError as exc:
        where = f"{batch[0][0].label()} to {batch[-1][0].label()}"
        raise LintRunError(f"{where}: {str(exc).strip(chr(39) + chr(34))}") from None
    return [(source, found) for (source, _, _), found in zip(batch, findings)]


class LintRunError(click.ClickException):
    """An error while linting one copy (exit 2, like a usage error)."""

    exit_code = 2


def _report(results: list[Any], settings: dict[str, Any], many_texts: bool) -> None:
    from ..lint.output import render_parts

    fmt = settings.get("fmt") or "text"
    wrote = False
    for part in render_parts(results, fmt, many_texts):
        if part:
            click.echo(part, nl=False)
            wrote = True
    if wrote:
        click.echo()
    fail_on = settings.get("fail_on") or "error"
    if any(f.at_least(fail_on) for _, findings in results for f in findings):
        sys.exit(1)


@click.command("rules")
@click.argument("code", required=False)
def rules_command(code: str | None) -> None:
    """List every lint rule, or print one rule's documentation.

    CODE is a rule code (GA106) or name (google-ads-repeated-punctuation) for
    its full documentation, or a prefix (GA, CT1) to list a family.

    \b
    Examples:
      copytag rules
      copytag rules GA106
    """
    from ..lint.catalog import all_rules, get_rule, select_rules
    from ..lint.docs import render_rule, summary_line

    if code is None:
        rules = all_rules()
    else:
        try:
            click.echo(render_rule(get_rule(code)), nl=False)
            return
        except LookupError:
            try:
                rules = select_rules((code.upper(),), ())
            except LookupError as exc:
                raise click.UsageError(str(exc).strip("'\"")) from None
    for rule in rules:
        click.echo(summary_line(rule))
