"""Saving and loading the classifier without pickle, and checking it was not modified.

A model is two files: ``classifier.npz`` (arrays only, read with
``allow_pickle=False``) and ``classifier.json`` (labels, feature spec,
thresholds, metrics). The shipped model's SHA-256 digests are pinned in
:mod:`copytag.model._pin`; a shipped file that does not match is refused.
A model from any other path is loaded only when the caller says it trusts it.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from .classifier import Classifier
from .features import FeatureSpec

FILES = ("classifier.npz", "classifier.json")
FORMAT = "copytag-classifier/1"
REBUILD_HINT = (
    "rebuild it with `copytag train` (or `python -m copytag.model.train`), reinstall copytag, "
    "or tag without the model: copytag.tag(text, use_model=False) / copytag tag --no-model"
)


class ModelError(RuntimeError):
    """The classifier cannot be used as it is."""


class ModelIntegrityError(ModelError):
    """A model file's SHA-256 differs from the pinned one: the file was modified."""


class UntrustedModelError(ModelError):
    """A model from a user-supplied path was not marked as trusted."""


def shipped_dir() -> Path:
    """The directory the shipped model is installed in (package ``copytag._models``)."""
    return Path(str(files("copytag._models")))


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, as hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def shipped_model() -> Classifier:
    """The shipped classifier, checked against the pinned digests; loaded once."""
    return load_model()


def load_model(path: str | Path | None = None, trusted: bool = False) -> Classifier:
    """Load the shipped classifier, or the one at ``path`` (its directory or its ``.npz``).

    A model at ``path`` is refused unless ``trusted=True``: only load files
    you made yourself (``copytag train --out DIR``) or got from someone you trust.

    >>> load_model("/tmp/somewhere")
    Traceback (most recent call last):
    ...
    copytag.model.store.UntrustedModelError: refusing to load the model at /tmp/somewhere: pass trusted=True if you made it yourself or trust its source
    """
    if path is None:
        directory = shipped_dir()
        verify_pinned(directory)
    else:
        if not trusted:
            raise UntrustedModelError(
                f"refusing to load the model at {path}: pass trusted=True if you made it yourself or trust its source"
            )
        directory = Path(path).parent if str(path).endswith(".npz") else Path(path)
    return read_model(directory)


def verify_pinned(directory: Path) -> None:
    """Raise :class:`ModelIntegrityError` unless both model files match the pinned digests."""
    from ._pin import SHA256

    for name in FILES:
        path = directory / name
        if not path.is_file():
            raise ModelIntegrityError(f"the shipped model file {path} is missing; {REBUILD_HINT}")
        if file_digest(path) != SHA256[name]:
            raise ModelIntegrityError(
                f"the shipped model file {path} was modified (its SHA-256 differs from the pinned one); {REBUILD_HINT}"
            )


def read_model(directory: Path) -> Classifier:
    """Build a :class:`Classifier` from the two files in ``directory`` (no pickle)."""
    config = json.loads((directory / FILES[1]).read_text(encoding="utf-8"))
    if config.get("format") != FORMAT:
        raise ModelError(f"{directory / FILES[1]} is not a copytag classifier config (format {FORMAT!r} expected)")
    spec = FeatureSpec(**config["spec"])
    with np.load(directory / FILES[0], allow_pickle=False) as arrays:
        weights = np.zeros((spec.n_features, len(config["labels"])), dtype=np.float64)
        weights[arrays["rows"]] = arrays["weights"]
        return Classifier(
            labels=tuple(config["labels"]),
            spec=spec,
            weights=weights,
            intercept=arrays["intercept"],
            platt_a=arrays["platt_a"],
            platt_b=arrays["platt_b"],
            thresholds={k: float(v) for k, v in config["thresholds"].items()},
        )


def read_config(directory: Path | None = None) -> dict[str, Any]:
    """The JSON half of a model (shipped by default): labels, spec, thresholds, metrics."""
    return json.loads(((directory or shipped_dir()) / FILES[1]).read_text(encoding="utf-8"))


def write_model(model: Classifier, extra: Mapping[str, Any], directory: Path) -> dict[str, str]:
    """Write the two files (byte-for-byte reproducible) and return their SHA-256 digests."""
    used = np.flatnonzero(np.any(model.weights != 0, axis=1)).astype(np.int32)
    arrays = {
        "rows": used,
        "weights": model.weights[used].astype(np.float32),
        "intercept": np.asarray(model.intercept, dtype=np.float64),
        "platt_a": np.asarray(model.platt_a, dtype=np.float64),
        "platt_b": np.asarray(model.platt_b, dtype=np.float64),
    }
    directory.mkdir(parents=True, exist_ok=True)
    _write_npz(directory / FILES[0], arrays)
    config = {
        "format": FORMAT,
        "labels": list(model.labels),
        "spec": model.spec._asdict(),
        "thresholds": dict(model.thresholds),
        **extra,
    }
    (directory / FILES[1]).write_text(json.dumps(config, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return {name: file_digest(directory / name) for name in FILES}


def _write_npz(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """An ``.npz`` with fixed member timestamps, so equal arrays give equal bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())
