"""Function words per language, to keep runs of words like "of the" out of the phrases.

The words are the short entries (at most :data:`MAX_LENGTH` characters) of
spaCy's stop-word lists: articles, prepositions, pronouns and conjunctions
("the", "of", "de", "la", "und"). The long entries are left out because
those lists also hold words ad copy uses as content ("full", "keep",
"después").

The lists are spaCy's ``spacy/lang/<code>/stop_words.py`` data files, read
one file at a time: importing the ``spacy.lang`` packages themselves takes
seconds and is not needed for a word list.
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

#: Longest stop word used.
MAX_LENGTH = 3

#: copytag language code -> spaCy language folder, where they differ.
SPACY_CODES = {"zh-Hant": "zh", "zh-Hans": "zh"}


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """The short lower-cased stop words of ``language``; empty when spaCy has no list for it.

    >>> "the" in stop_words("en"), "de" in stop_words("es"), "full" in stop_words("en"), stop_words("und")
    (True, True, False, frozenset())
    """
    path = stop_words_path(SPACY_CODES.get(language, language))
    if path is None:
        return frozenset()
    spec = importlib.util.spec_from_file_location(f"_copytag_stop_words_{language}", path)
    if spec is None or spec.loader is None:
        return frozenset()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()) if len(w) <= MAX_LENGTH and " " not in w)


def stop_words_path(code: str) -> str | None:
    """Where spaCy keeps the stop words of ``code``, if it is installed and has them."""
    if not code.replace("-", "").isalpha():
        return None
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], "lang", code, "stop_words.py")
    return path if os.path.isfile(path) else None
