"""``copytag train`` (not built yet)."""
from __future__ import annotations

import click


@click.command("train")
def train_command() -> None:
    """Rebuild the shipped classifier from models/data (planned).

    \b
    Example:
      copytag train
    """
    raise click.ClickException("copytag train is planned, not built yet")
