"""Adding the classifier's predictions to the rules' results, a batch at a time."""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np

from ..types import CopyTags
from .classifier import TONE_LABELS, Classifier
from .features import RuleView
from .fusion import fuse, with_scores
from .store import shipped_model


def add_predictions(texts: Sequence[str], rules: Sequence[CopyTags], model: Classifier | None = None) -> list[CopyTags]:
    """The rules' results with the model's labels fused in (one featurisation for the batch).

    Every text gets its scores; only the texts where a label the rules missed
    reaches its threshold go through :func:`fuse`. Copy with no letter and no
    digit ("  ", "🔥🔥 !!!") gets no label from the model: it has no words to read.

    >>> from copytag.tagger import tag
    >>> t = add_predictions(["Binge all 80 episodes tonight"], [tag("Binge all 80 episodes tonight", use_model=False)])[0]
    >>> sorted(t.scores) == sorted(shipped_model().labels)
    True
    """
    if not texts:
        return []
    model = model or shipped_model()
    labels = model.labels
    probs = model.predict_proba(texts, [RuleView(t.actions, t.tones, t.language) for t in rules])
    scores = [dict(zip(labels, row)) for row in probs.tolist()]
    out = [with_scores(r, s) for r, s in zip(rules, scores)]
    reached = (probs >= model.threshold_vector()) @ (1 << np.arange(len(labels)))
    reached *= np.fromiter((any(map(str.isalnum, t)) for t in texts), dtype=bool, count=len(texts))
    found = np.fromiter((_label_bits(labels, t.actions, t.tones) for t in rules), dtype=np.int64, count=len(rules))
    for i in np.flatnonzero(reached & ~found).tolist():
        out[i] = fuse(rules[i], scores[i], [label for j, label in enumerate(labels) if reached[i] >> j & 1])
    return out


@lru_cache(maxsize=4096)
def _label_bits(labels: tuple[str, ...], actions: frozenset[str], tones: frozenset[str]) -> int:
    """Bit ``j`` set when the rules found ``labels[j]`` (an action, or a tone in :data:`TONE_LABELS`)."""
    return sum(1 << j for j, label in enumerate(labels) if label in (tones if label in TONE_LABELS else actions))
