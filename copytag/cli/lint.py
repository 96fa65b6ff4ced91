"""``copytag lint`` and ``copytag rules`` (not built yet)."""
from __future__ import annotations

import click


@click.command("lint")
@click.argument("texts", nargs=-1)
def lint_command(texts: tuple[str, ...]) -> None:
    """Check ad copy against platform rules before upload (planned)."""
    raise click.ClickException("copytag lint is planned, not built yet")


@click.command("rules")
@click.argument("code", required=False)
def rules_command(code: str | None) -> None:
    """List every lint rule, or print one rule's documentation (planned)."""
    raise click.ClickException("copytag rules is planned, not built yet")
