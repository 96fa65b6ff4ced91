"""The report's charts: matplotlib figures rendered off-screen (Agg) to PNG data URIs.

Figures are built with :class:`matplotlib.figure.Figure` directly, never
through pyplot, so rendering a report changes no global matplotlib state.
Labels the installed fonts cannot draw faithfully (a missing glyph, or a
script that needs shaping or right-to-left layout, which matplotlib does
not do) are replaced by a pointer to the table row, which the browser
renders with its own fonts.
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache
from typing import Any, Sequence

from .names import display_name

ACCENT = "#2563eb"
MUTED = "#93c5fd"
INK = "#1f2937"
GRID = "#e5e7eb"

#: Fonts tried after DejaVu Sans for labels in other scripts, when installed.
FALLBACK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK KR", "WenQuanYi Zen Hei", "Droid Sans Fallback",
)

#: Scripts drawn wrongly without shaping or bidi: Hebrew, Arabic, Indic, Thai, Lao, Myanmar, Khmer.
SHAPED_RANGES: tuple[tuple[int, int], ...] = (
    (0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF),
    (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF),
)

#: Most rows a bar chart or heatmap shows.
MAX_ROWS = 15


def to_data_uri(fig: Any) -> str:
    """A figure as a ``data:image/png;base64,...`` URI."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buffer)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def new_figure(rows: int, width: float = 8.0) -> tuple[Any, Any]:
    """A figure and axes sized for ``rows`` bars, in the report's style."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, 1.1 + 0.34 * max(rows, 3)), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(GRID)
    ax.tick_params(colors=INK, labelsize=9, length=0)
    ax.grid(axis="x", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


@lru_cache(maxsize=1)
def font_family() -> tuple[str, ...]:
    """DejaVu Sans and whichever :data:`FALLBACK_FONTS` are installed."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ("DejaVu Sans", *(name for name in FALLBACK_FONTS if name in installed))


@lru_cache(maxsize=1)
def drawable_characters() -> frozenset[int]:
    """Code points the fonts of :func:`font_family` have glyphs for."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    points: set[int] = set()
    for name in font_family():
        path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        points.update(FT2Font(path).get_charmap())
    return frozenset(points)


def can_draw(text: str) -> bool:
    """Whether matplotlib can draw ``text`` faithfully with the installed fonts.

    >>> can_draw("Watch full episodes"), can_draw("شاهد الآن")
    (True, False)
    """
    chars = drawable_characters()
    for ch in text:
        point = ord(ch)
        if point not in chars or any(lo <= point <= hi for lo, hi in SHAPED_RANGES):
            return False
    return True


def safe_label(text: str, fallback: str) -> str:
    """``text`` if it can be drawn, else ``fallback``; ``$`` escaped so mathtext never runs."""
    shown = text if can_draw(text) else fallback
    return shown.replace("$", r"\$")


def bar_chart(labels: Sequence[str], values: Sequence[float], title: str, secondary: Sequence[float] | None = None,
              legend: tuple[str, str] = ("", "")) -> str:
    """Horizontal bars of shares (0..1), largest on top; an optional second series beside them."""
    fig, ax = new_figure(len(labels))
    positions = list(range(len(labels)))[::-1]
    height = 0.4 if secondary is not None else 0.65
    offset = height / 2 if secondary is not None else 0
    bars = ax.barh([p + offset for p in positions], values, height=height, color=ACCENT, label=legend[0])
    annotate(ax, bars, values)
    if secondary is not None:
        more = ax.barh([p - offset for p in positions], secondary, height=height, color=MUTED, label=legend[1])
        annotate(ax, more, secondary)
        ax.legend(frameon=False, fontsize=9, loc="lower right", bbox_to_anchor=(1, 1), ncol=2)
    ax.set_yticks(positions, labels, fontfamily=list(font_family()))
    ax.xaxis.set_major_formatter(percent_formatter())
    ax.set_xlim(0, max([*values, *(secondary or []), 0.01]) * 1.18)
    ax.set_title(title, loc="left", fontsize=11, color=INK, fontweight="bold")
    return to_data_uri(fig)


def count_chart(labels: Sequence[str], counts: Sequence[int], title: str) -> str:
    """Horizontal bars of counts, largest on top."""
    fig, ax = new_figure(len(labels))
    positions = list(range(len(labels)))[::-1]
    bars = ax.barh(positions, counts, height=0.65, color=ACCENT)
    ax.bar_label(bars, labels=[f"{c:,}" for c in counts], padding=3, fontsize=8, color=INK)
    ax.set_yticks(positions, labels, fontfamily=list(font_family()))
    ax.set_xlim(0, max([*counts, 1]) * 1.15)
    ax.set_title(title, loc="left", fontsize=11, color=INK, fontweight="bold")
    return to_data_uri(fig)


def annotate(ax: Any, bars: Any, values: Sequence[float]) -> None:
    """Write each bar's share at its end."""
    ax.bar_label(bars, labels=[f"{v:.1%}" for v in values], padding=3, fontsize=8, color=INK)


def percent_formatter() -> Any:
    """Axis ticks as percentages of 1."""
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(xmax=1, decimals=0)


def heatmap(table: Any, column: str, value: str, title: str, columns: Sequence[str] | None = None) -> str:
    """Groups (rows) by categories (columns), coloured and labelled by ``value`` (a share)."""
    grid = table.pivot_table(index="group", columns=column, values=value, aggfunc="sum", sort=False).fillna(0)
    grid = grid.loc[list(dict.fromkeys(table["group"]))[:MAX_ROWS]]
    if columns is not None:
        grid = grid.reindex(columns=[c for c in columns if c in grid.columns])
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8.0, 1.2 + 0.32 * len(grid)), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    ax.imshow(grid.to_numpy(), cmap="Blues", aspect="auto", vmin=0, vmax=max(grid.to_numpy().max(), 0.01))
    label_cells(ax, grid.to_numpy())
    ax.set_xticks(range(grid.shape[1]), [safe_label(str(c), str(c)) for c in grid.columns], fontsize=8, rotation=30,
                  ha="right")
    ax.set_yticks(range(grid.shape[0]), [safe_label(str(g), f"group {i + 1}") for i, g in enumerate(grid.index)],
                  fontsize=8)
    ax.tick_params(length=0, colors=INK)
    ax.set_title(title, loc="left", fontsize=11, color=INK, fontweight="bold")
    return to_data_uri(fig)


def label_cells(ax: Any, values: Any) -> None:
    """Write each cell's share, in white on dark cells."""
    import numpy as np

    peak = max(values.max(), 0.01)
    for (row, col), v in np.ndenumerate(values):
        ax.text(col, row, f"{v:.0%}", ha="center", va="center", fontsize=7,
                color="white" if v > 0.55 * peak else INK)


def languages_chart(table: Any) -> str:
    """Share of creatives per language (per group: a heatmap of the leading languages)."""
    if "group" in table.columns:
        firsts = table.drop_duplicates("group").head(MAX_ROWS)["name"]
        overall = table.groupby("name")["count"].sum().sort_values(ascending=False).index
        leaders = list(dict.fromkeys([*firsts, *overall]))[:14]
        return heatmap(table, "name", "share", "Share of creatives by language, per group", leaders)
    top = table.head(MAX_ROWS)
    return bar_chart(list(top["name"]), list(top["share"]), "Share of creatives by language")


def phrases_chart(table: Any) -> str:
    """The most used phrases across languages (and groups), by creatives."""
    keys = ["language", "normalized"]
    totals = table.groupby(keys, sort=False).agg(phrase=("phrase", "first"), count=("count", "sum")).reset_index()
    top = totals.sort_values("count", ascending=False, kind="stable").head(MAX_ROWS).reset_index(drop=True)
    labels = [
        safe_label(f"{row.phrase}  ({row.language})", f"{display_name(row.language)} phrase, row {i + 1} of the table")
        for i, row in enumerate(top.itertuples())
    ]
    return count_chart(labels, list(top["count"]), "Top recurring phrases (creatives)")


def actions_chart(table: Any) -> str:
    """Share of creatives per action type (per group: a heatmap)."""
    if "group" in table.columns:
        return heatmap(table, "action", "share", "Share of creatives by action type, per group")
    return bar_chart(list(table["action"]), list(table["share"]), "Share of creatives by action type")


def tones_chart(table: Any) -> str:
    """Share of creatives per tone: multi-label beside primary (per group: primary-tone heatmap)."""
    if "group" in table.columns:
        return heatmap(table, "tone", "primary_share", "Primary tone proportions, per group")
    return bar_chart(list(table["tone"]), list(table["share"]), "Tones: share of creatives",
                     secondary=list(table["primary_share"]), legend=("has the tone", "primary tone"))
