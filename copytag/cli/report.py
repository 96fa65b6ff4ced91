"""``copytag report`` (not built yet)."""
from __future__ import annotations

import click


@click.command("report")
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output_path", required=True, type=click.Path(dir_okay=False))
def report_command(input_path: str, output_path: str) -> None:
    """Summarise a file of creatives in the industry report's four tables (planned)."""
    raise click.ClickException("copytag report is planned, not built yet")
