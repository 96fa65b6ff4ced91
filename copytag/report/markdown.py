"""The report as Markdown: the same sections and tables as the HTML page, without charts.

Markdown renders inline HTML, so every cell is HTML-escaped and its
Markdown syntax characters are backslash-escaped: copy from the data stays
text in any renderer.
"""
from __future__ import annotations

import html
import re
from typing import Any, Iterable, Sequence

from .html import count, share
from .names import display_name
from .sections import METHODS, SECTIONS

#: Characters with a meaning inside a line of Markdown or a table row (no line starts with data,
#: so line-start syntax such as ``#`` or ``-`` needs no escape); ``<``, ``>``, ``&`` are HTML-escaped.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|~])")


def cell(value: Any) -> str:
    """One table cell: HTML-escaped, Markdown syntax escaped, on one line.

    >>> cell("<b>Hi</b> | *now*")
    '&lt;b&gt;Hi&lt;/b&gt; \\\\| \\\\*now\\\\*'
    """
    text = " ".join(str(value).split())
    return html.escape(MARKDOWN_SPECIALS.sub(r"\\\1", text), quote=False)


def md_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A pipe table; cells are escaped here."""
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def per_group(table: Any, render: Any) -> list[str]:
    """``render(table)``, or one ``###`` block per group."""
    if "group" not in table.columns:
        return [render(table)]
    return [f"### {cell(group)}\n\n{render(part)}" for group, part in table.groupby("group", sort=False)]


def languages_md(t: Any) -> str:
    """The languages table."""
    return md_table(("Language", "Code", "Creatives", "Share"),
                    ((r.name, r.language, count(r.count), share(r.share)) for r in t.itertuples()))


def phrases_md(t: Any) -> str:
    """The phrases table."""
    return md_table(("Language", "Phrase", "Creatives", "Share"),
                    ((display_name(r.language), r.phrase, count(r.count), share(r.share)) for r in t.itertuples()))


def keywords_md(t: Any) -> str:
    """The keyword table."""
    return md_table(("Action", "Language", "Keyword", "Creatives", "Share"),
                    ((r.action, r.language, r.keyword, count(r.count), share(r.share)) for r in t.itertuples()))


def actions_md(t: Any) -> str:
    """The action types table."""
    return md_table(("Action", "Creatives", "Share"), ((r.action, count(r.count), share(r.share)) for r in t.itertuples()))


def tones_md(t: Any) -> str:
    """The tones table."""
    return md_table(("Tone", "Creatives with it", "Share", "Primary tone of", "Primary share"),
                    ((r.tone, count(r.count), share(r.share), count(r.primary_count), share(r.primary_share))
                     for r in t.itertuples()))


def render_markdown(summary: Any, title: str = "Short-drama ad copy report") -> str:
    """The report tables of a :class:`~copytag.report.Summary` as a Markdown document."""
    meta = summary.meta
    out = [f"# {cell(title)}", "",
           cell(f"{count(meta['rows'])} creatives · {meta['created']} · copytag {meta['copytag_version']}"), ""]
    parts = (("languages", summary.languages, languages_md), ("phrases", summary.phrases, phrases_md),
             ("actions", summary.actions, actions_md), ("actions", summary.keywords, keywords_md),
             ("tones", summary.tones, tones_md))
    seen = set()
    for key, table, render in parts:
        if key not in seen:
            title_text, intro = SECTIONS[key]
            out += [f"## {cell(title_text)}", "", cell(intro), ""]
            seen.add(key)
        out += [*per_group(table, render), ""] if len(table) else ["_No rows._", ""]
    out += ["## Methods", ""] + [f"- **{cell(term)}**: {cell(text)}" for term, text in METHODS]
    return "\n".join(out) + "\n"
