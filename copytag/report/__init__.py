"""Summaries of tagged creatives: the industry report's tables, charts and pages.

>>> import pandas as pd, copytag
>>> s = copytag.summarize(pd.DataFrame({"ad_copy": ["Watch now!", "Watch now!"]}))
>>> int(s.languages["count"].sum())
2
"""
from .html import render_html
from .markdown import render_markdown
from .names import LANGUAGE_NAMES, language_name
from .summary import TABLE_NAMES, Summary, summarize

__all__ = ["LANGUAGE_NAMES", "TABLE_NAMES", "Summary", "language_name", "render_html", "render_markdown", "summarize"]
