"""Fusion of the rules' result with the classifier's probabilities.

The rule: a rule hit always stays; a label the rules missed is added when
its probability reaches the label's threshold (chosen on the validation
split, see the model card). Added actions are ``CTA(..., source="model")``
and added tones ``Evidence(..., source="model")``, both with the
probability as ``score`` and no span. ``scores`` holds every label's
probability. ``other`` stays only when no tone at all remains.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..types import CTA, CopyTags, Evidence, primary_tone_of
from .classifier import TONE_LABELS


def fuse(rules: CopyTags, scores: dict[str, float], flagged: Sequence[str]) -> CopyTags:
    """``rules`` with the ``flagged`` labels (those missing from the rules) added, and ``scores`` set.

    >>> from copytag.types import CopyTags
    >>> base = CopyTags("Binge it tonight", "en", 0.9, frozenset(), (), frozenset({"other"}), "other")
    >>> t = fuse(base, {"watch": 0.93, "question": 0.1}, ["watch"])
    >>> sorted(t.actions), t.ctas[0].source, round(t.ctas[0].score, 2), t.primary_tone
    (['watch'], 'model', 0.93, 'other')
    """
    new_actions = [(a, scores[a]) for a in flagged if a not in TONE_LABELS and a not in rules.actions]
    new_tones = [(t, scores[t]) for t in flagged if t in TONE_LABELS and t not in rules.tones]
    if not new_actions and not new_tones:
        return with_scores(rules, scores)
    ctas = rules.ctas + tuple(CTA(a, "", 0, 0, "model", p, rules.language) for a, p in new_actions)
    tones = (rules.tones | {t for t, _ in new_tones}) - {"other"} if new_tones else rules.tones
    evidence = rules.tone_evidence + tuple(Evidence(t, "", 0, 0, "model", "model", p) for t, p in new_tones)
    return replace(
        rules,
        actions=rules.actions | {a for a, _ in new_actions},
        ctas=ctas,
        tones=tones,
        primary_tone=primary_tone_of(tones),
        tone_evidence=evidence,
        scores=scores,
    )


def with_scores(rules: CopyTags, scores: dict[str, float]) -> CopyTags:
    """``rules`` with ``scores`` set and nothing added: built directly, the common case on every text."""
    return CopyTags(rules.text, rules.language, rules.language_score, rules.actions, rules.ctas,
                    rules.tones, rules.primary_tone, rules.tone_evidence, scores)
