"""``copytag train``: rebuild the classifier from the labelled corpus."""
from __future__ import annotations

from pathlib import Path

import click


@click.command("train")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The models/data directory (corpus/ and split.tsv). Default: the checkout's.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the model here instead of replacing (and pinning) the shipped one.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the training-only variants.")
@click.option("-j", "--jobs", type=int, default=-1, show_default=True,
              help="Processes fitting the labels (-1: one per core). The files do not depend on it.")
def train_command(data: Path | None, out: Path | None, seed: int, jobs: int) -> None:
    """Rebuild the classifier and its model card from models/data, deterministically.

    Without --out, replaces models/classifier.npz and .json, pins their
    SHA-256 in copytag/model/_pin.py and rewrites models/MODEL_CARD.md.
    A model written with --out loads with load_model(DIR, trusted=True).

    \b
    Example:
      copytag train
      copytag train --out /tmp/my-model
    """
    from ..model.train import run

    try:
        run(data, out, seed, click.echo, jobs)
    except (FileNotFoundError, ValueError) as error:
        raise click.ClickException(str(error)) from error
