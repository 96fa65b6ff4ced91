"""Adding the classifier's predictions to the rules' results, a batch at a time."""
from __future__ import annotations

from typing import Sequence

from ..types import CopyTags
from .classifier import Classifier
from .features import RuleView
from .fusion import fuse
from .store import shipped_model


def add_predictions(texts: Sequence[str], rules: Sequence[CopyTags], model: Classifier | None = None) -> list[CopyTags]:
    """The rules' results with the model's labels fused in (one featurisation for the batch).

    >>> from copytag.tagger import tag
    >>> t = add_predictions(["Binge all 80 episodes tonight"], [tag("Binge all 80 episodes tonight", use_model=False)])[0]
    >>> sorted(t.scores) == sorted(shipped_model().labels)
    True
    """
    if not texts:
        return []
    model = model or shipped_model()
    views = [RuleView(t.actions, t.tones, t.language) for t in rules]
    probs = model.predict_proba(texts, views)
    added = probs >= model.threshold_vector()
    return [fuse(r, model.labels, p, a) for r, p, a in zip(rules, probs, added)]
