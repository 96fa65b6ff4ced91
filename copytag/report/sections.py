"""What each report section says, as data: titles, introductions and the methods note.

Shared by the HTML and Markdown pages so both read the same. Plain text:
the renderers escape it like any other text.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

#: Section id -> (title, one-line introduction).
SECTIONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "languages": ("Top ad languages", "Share of creatives per language of the copy (one language per creative)."),
        "phrases": ("Top ad titles and phrases",
                    "Recurring whole lines and runs of 2-4 words, counted once per creative, per language."),
        "actions": ("Action keywords by type",
                    "Share of creatives with each call to action (a creative can have several), "
                    "and the keywords that carried it, per language."),
        "tones": ("Proportions of tones",
                  "Share of creatives with each tone (multi-label), and each creative's primary tone (sums to 100%)."),
    }
)

#: The methods note: (term, explanation) pairs.
METHODS: tuple[tuple[str, str], ...] = (
    ("Language", "one ISO 639-1 code per creative, Chinese split into Traditional and Simplified; "
                 "copy with no letters at all is shown as \u201cNo letters\u201d."),
    ("Actions", "download, watch, click, obtain (get/claim), trial (sign up, join, free trial) and continue, "
                "tagged only when the copy invites the reader to act; \u201cnone\u201d counts creatives without a "
                "call to action."),
    ("Keywords", "the words that matched each call to action, case-folded for counting and shown in their most "
                 "frequent form, under the creative's language; counted once per creative."),
    ("Phrases", "whole copy lines (cut at sentence marks, line breaks, brackets and emoji) and runs of 2 to 4 "
                "words inside a line that neither start nor end with a short function word (\u201cthe\u201d, "
                "\u201cde\u201d), compared lower-cased without punctuation; a phrase recurs when at least two "
                "creatives use it, and a shorter phrase is left out when a longer one containing it covers 80% of "
                "its creatives."),
    ("Tones", "emoji, exclamation, question, figure (numbers, prices, durations), label (hashtags, bracketed "
              "labels) and other (none of these). The primary tone is the first of question, exclamation, figure, "
              "emoji, label, other that the copy has."),
    ("Shares", "fractions of the creatives in the group (or, for phrases and keywords, of the creatives in that "
               "language); multi-label shares can add up to more than 100%."),
)
