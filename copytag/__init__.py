"""copytag: tag ad copy with its language, calls to action and tone.

>>> import copytag
>>> copytag.tag_tone("Only $0.99! 🔥").primary_tone
'exclamation'
"""
from .batch import tag_file
from .cta import Lexicon, extract_ctas, load_lexicon
from .frame import tag_frame
from .language import detect_language, detect_languages
from .lint import Finding, lint, lint_many
from .report import Summary, language_name, summarize
from .tagger import TagOptions, tag, tag_many
from .tone import tag_tone
from .types import ACTIONS, CTA, TONES, CopyTags, Evidence, LanguageGuess, ToneTags

__version__ = "0.1.0"

__all__ = [
    "ACTIONS",
    "CTA",
    "TONES",
    "CopyTags",
    "Evidence",
    "Finding",
    "LanguageGuess",
    "Summary",
    "Lexicon",
    "TagOptions",
    "ToneTags",
    "detect_language",
    "detect_languages",
    "extract_ctas",
    "language_name",
    "lint",
    "lint_many",
    "load_lexicon",
    "summarize",
    "tag",
    "tag_file",
    "tag_frame",
    "tag_many",
    "tag_tone",
]
