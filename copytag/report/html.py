"""The report as one self-contained HTML page: inline CSS, charts as data URIs, no script.

Every piece of text from the data goes through :func:`esc` (``html.escape``
with quotes), in element content and attributes alike, so nothing from the
data ever becomes markup. A Content-Security-Policy that allows no script
and no network is set as a second line of defence.
"""
from __future__ import annotations

import html
from typing import Any, Callable, Iterable, Sequence

from . import charts
from .names import display_name
from .sections import METHODS, SECTIONS

#: Groups whose tables are open when the page loads (the rest fold up).
OPEN_GROUPS = 3

#: Languages shown in the phrases section per group.
PHRASE_LANGUAGES = 8

#: Languages listed per action type in the keyword table.
KEYWORD_LANGUAGES = 10

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

CSS = """
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb;--bg:#f8fafc}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);
 font:15px/1.5 -apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:32px 28px 48px}
header{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:18px}
h1{font-size:28px;margin:0 0 6px}
h2{font-size:21px;margin:0 0 4px}
h3{font-size:15px;margin:18px 0 6px}
.meta,.intro,.note{color:var(--muted);margin:0 0 12px}
nav a{color:var(--accent);text-decoration:none;margin-right:16px;font-weight:600}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:22px 24px;margin:18px 0}
img.chart{display:block;width:100%;max-width:880px;height:auto;margin:8px 0 14px}
table{border-collapse:collapse;width:100%;font-size:14px;margin:4px 0 10px}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:#f9fafb}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:nth-child(even){background:#fbfcfe}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:4px 22px}
.lang{color:var(--muted);font-size:12px}
.kw{white-space:nowrap}
details{margin:6px 0}
summary{cursor:pointer;font-weight:600;padding:4px 0}
dl{display:grid;grid-template-columns:130px 1fr;gap:6px 14px;margin:0}
dt{font-weight:600}
dd{margin:0;color:#374151}
footer{color:var(--muted);font-size:13px;text-align:center;margin-top:24px}
"""


def esc(value: Any) -> str:
    """Any value as HTML text: ``&``, ``<``, ``>`` and both quotes escaped.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(value), quote=True)


def share(value: float) -> str:
    """A share of 1 as a percentage with two decimals, as the industry report prints it.

    >>> share(0.6234)
    '62.34%'
    """
    return f"{value:.2%}"


def count(value: Any) -> str:
    """A count with thousands separators."""
    return f"{int(value):,}"


def table_html(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A table; ``rows`` hold cells that are already HTML (escape data before)."""
    head = "".join(f'<th{num_class(i, numeric)}>{esc(h)}</th>' for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{num_class(i, numeric)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def num_class(index: int, numeric: Sequence[int]) -> str:
    """The class attribute of a numeric column's cells."""
    return ' class="num"' if index in numeric else ""


def chart_img(uri: str, alt: str) -> str:
    """An ``<img>`` of a chart rendered to a data URI."""
    return f'<img class="chart" src="{esc(uri)}" alt="{esc(alt)}">'


def per_group(table: Any, render: Callable[[Any], str]) -> str:
    """``render(table)``, or with a ``group`` column one folding block per group."""
    if "group" not in table.columns:
        return render(table)
    blocks = []
    for i, (group, part) in enumerate(table.groupby("group", sort=False)):
        opened = " open" if i < OPEN_GROUPS else ""
        blocks.append(f"<details{opened}><summary>{esc(group)}</summary>{render(part)}</details>")
    return "".join(blocks)


def section(key: str, chart: str, body: str) -> str:
    """One report section: title, introduction, chart and tables."""
    title, intro = SECTIONS[key]
    return (f'<section id="{esc(key)}"><h2>{esc(title)}</h2><p class="intro">{esc(intro)}</p>'
            f"{chart_img(chart, title)}{body}</section>")


def languages_section(summary: Any) -> str:
    """Top ad languages: chart and table."""
    def render(t: Any) -> str:
        rows = ((esc(r.name), f'<span class="lang">{esc(r.language)}</span>', count(r.count), share(r.share))
                for r in t.itertuples())
        return table_html(("Language", "Code", "Creatives", "Share"), rows, numeric=(2, 3))

    table = summary.languages
    return section("languages", charts.languages_chart(table), per_group(table, render))


def phrases_section(summary: Any) -> str:
    """Top phrases: chart, then one small table per language."""
    table = summary.phrases
    if table.empty:
        return section_without_chart("phrases", "No phrase recurs in two or more creatives.")
    return section("phrases", charts.phrases_chart(table), per_group(table, phrase_tables))


def phrase_tables(table: Any) -> str:
    """The phrases of one group, one table per language (largest languages first)."""
    cards = []
    for language, part in list(table.groupby("language", sort=False))[:PHRASE_LANGUAGES]:
        rows = ((esc(r.phrase), count(r.count), share(r.share)) for r in part.itertuples())
        heading = f'{esc(display_name(language))} <span class="lang">{esc(language)}</span>'
        cards.append(f"<div><h3>{heading}</h3>{table_html(('Phrase', 'Creatives', 'Share'), rows, (1, 2))}</div>")
    return f'<div class="grid">{"".join(cards)}</div>'


def section_without_chart(key: str, message: str) -> str:
    """A section with nothing to chart: its title, introduction and why it is empty."""
    title, intro = SECTIONS[key]
    return (f'<section id="{esc(key)}"><h2>{esc(title)}</h2><p class="intro">{esc(intro)}</p>'
            f'<p class="note">{esc(message)}</p></section>')


def actions_section(summary: Any) -> str:
    """Action types: chart, and the report's keyword table (top keyword per language)."""
    actions, keywords = summary.actions, summary.keywords

    def render(t: Any) -> str:
        group = t["group"].iloc[0] if "group" in t.columns else None
        kws = keywords[keywords["group"] == group] if group is not None else keywords
        rows = ((esc(r.action), count(r.count), share(r.share), keyword_cell(kws[kws["action"] == r.action]))
                for r in t.itertuples())
        return table_html(("Action", "Creatives", "Share", "Top keyword per language"), rows, numeric=(1, 2))

    return section("actions", charts.actions_chart(actions), per_group(actions, render))


def keyword_cell(keywords: Any) -> str:
    """The most used keyword of each language, languages by volume: ``Download en · Descarga es``."""
    firsts = keywords.drop_duplicates("language").head(KEYWORD_LANGUAGES)
    items = (f'<span class="kw">{esc(r.keyword)} <span class="lang">{esc(r.language)}</span></span>'
             for r in firsts.itertuples())
    return " · ".join(items) or '<span class="lang">none found</span>'


def tones_section(summary: Any) -> str:
    """Tones: chart and table (multi-label and primary)."""
    def render(t: Any) -> str:
        rows = ((esc(r.tone), count(r.count), share(r.share), count(r.primary_count), share(r.primary_share))
                for r in t.itertuples())
        headers = ("Tone", "Creatives with it", "Share", "Primary tone of", "Primary share")
        return table_html(headers, rows, numeric=(1, 2, 3, 4))

    table = summary.tones
    return section("tones", charts.tones_chart(table), per_group(table, render))


def methods_section(summary: Any) -> str:
    """What the tags mean and how the page was made."""
    meta = summary.meta
    terms = "".join(f"<dt>{esc(term)}</dt><dd>{esc(text)}</dd>" for term, text in METHODS)
    made = (f"{count(meta['rows'])} creatives from column \u201c{meta['column']}\u201d"
            + (f", grouped by \u201c{meta['by']}\u201d ({meta['groups']} groups)" if meta.get("by") else "")
            + f"; top {meta['top']} phrases and keywords per language; made {meta['created']} "
            f"with copytag {meta['copytag_version']}.")
    return (f'<section id="methods"><h2>Methods</h2><p class="note">{esc(made)}</p>'
            f"<dl>{terms}</dl></section>")


def meta_line(meta: Any) -> str:
    """The line under the title: size, grouping, date and version."""
    parts = [f"{count(meta['rows'])} creatives"]
    if meta.get("by"):
        parts.append(f"by {meta['by']} ({meta['groups']} groups)")
    parts += [meta["created"], f"copytag {meta['copytag_version']}"]
    return " · ".join(esc(p) for p in parts)


def render_html(summary: Any, title: str = "Short-drama ad copy report") -> str:
    """The whole report page for a :class:`~copytag.report.Summary`, as one HTML string."""
    nav = "".join(f'<a href="#{key}">{esc(SECTIONS[key][0])}</a>' for key in SECTIONS)
    nav += '<a href="#methods">Methods</a>'
    body = "".join((languages_section(summary), phrases_section(summary), actions_section(summary),
                    tones_section(summary), methods_section(summary)))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body><main>"
        f'<header><h1>{esc(title)}</h1><p class="meta">{meta_line(summary.meta)}</p><nav>{nav}</nav></header>'
        f"{body}<footer>Made with copytag {esc(summary.meta['copytag_version'])}.</footer></main></body></html>\n"
    )
