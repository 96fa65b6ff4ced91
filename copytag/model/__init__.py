"""The trained classifier that backs up the rules (see ``models/MODEL_CARD.md``).

>>> from copytag.model import LABELS
>>> LABELS[-2:]
('question', 'figure')
"""
from .classifier import LABELS, Classifier
from .store import ModelError, ModelIntegrityError, UntrustedModelError, load_model, shipped_model

__all__ = ["LABELS", "Classifier", "ModelError", "ModelIntegrityError", "UntrustedModelError", "load_model", "shipped_model"]
