"""``copytag report``: the industry report's four tables, as a page, a document or spreadsheets."""
from __future__ import annotations

import os

import click

#: Output suffix -> format.
FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json", ".xlsx": "xlsx"}


@click.command("report")
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False),
              help="The report file: .html, .md, .json or .xlsx (the suffix sets the format).")
@click.option("--column", default="ad_copy", show_default=True, help="The column that holds the ad copy.")
@click.option("--by", default=None, help="A column to split every table by (market, app, month ...).")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "json", "xlsx"]), default=None,
              help="Output format, when the suffix of -o does not say it.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1),
              help="Phrases and keywords kept per language.")
@click.option("--title", default="Short-drama ad copy report", show_default=True, help="The report's title.")
@click.option("--csv-dir", type=click.Path(file_okay=False), default=None,
              help="Also write each table as a CSV file in this folder.")
def report_command(input_path: str, output_path: str | None, column: str, by: str | None, fmt: str | None,
                   top: int, title: str, csv_dir: str | None) -> None:
    """Summarise INPUT_PATH (CSV, TSV, Parquet or JSONL; tagged or not) in the report's tables.

    A file written by `copytag tag` is summarised as it is; any other file is
    tagged first. The HTML page is self-contained: charts and styles are
    embedded, it runs no script and loads nothing.

    \b
    Example:
      copytag report tagged.csv -o report.html --by market
      copytag report tagged.csv -o tables.xlsx --csv-dir tables/
    """
    if output_path is None and csv_dir is None:
        raise click.UsageError("say where to write the report: -o report.html (or .md, .json, .xlsx) or --csv-dir DIR")
    kind = output_format(output_path, fmt) if output_path else None
    summary = build_summary(input_path, column, by, top)
    if output_path and kind:
        write_report(summary, output_path, kind, title)
        click.echo(f"summarised {summary.meta['rows']:,} creatives -> {output_path}")
    if csv_dir:
        from ..report.files import write_csv_dir

        paths = write_csv_dir(summary, csv_dir)
        click.echo(f"wrote {len(paths)} tables -> {csv_dir}")


def output_format(path: str, fmt: str | None) -> str:
    """The output format: ``--format``, or the suffix of ``-o``."""
    if fmt:
        return fmt
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in FORMATS:
        raise click.UsageError(f"cannot tell the format of {path!r}; use a .html, .md, .json or .xlsx name, "
                               "or --format")
    return FORMATS[suffix]


def build_summary(input_path: str, column: str, by: str | None, top: int):  # noqa: ANN201 - Summary
    """Read and summarise the input; errors about the data become short CLI errors."""
    from ..report import summarize
    from ..report.files import read_table

    try:
        return summarize(read_table(input_path), column=column, by=by, top=top)
    except (KeyError, ValueError, TypeError, LookupError) as error:
        message = error.args[0] if error.args else str(error)
        raise click.ClickException(f"{input_path}: {message}") from None


def write_report(summary, path: str, kind: str, title: str) -> None:  # noqa: ANN001 - Summary
    """Write the summary to ``path`` in the ``kind`` format."""
    from ..report import render_html, render_markdown
    from ..report.files import write_xlsx

    if kind == "xlsx":
        try:
            write_xlsx(summary, path)
        except RuntimeError as error:
            raise click.ClickException(str(error)) from None
        return
    text = {"html": render_html, "md": render_markdown}.get(kind)
    content = text(summary, title=title) if text else summary.to_json() + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(content)
