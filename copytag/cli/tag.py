"""``copytag tag``: tag a file of creatives (minimal; streaming version to come)."""
from __future__ import annotations

import click


@click.command("tag")
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output_path", required=True, type=click.Path(dir_okay=False))
@click.option("--column", default="ad_copy", show_default=True, help="The column that holds the ad copy.")
def tag_command(input_path: str, output_path: str, column: str) -> None:
    """Tag every row of INPUT_PATH and write OUTPUT_PATH.

    \b
    Example:
      copytag tag creatives.csv -o tagged.csv --column ad_copy
    """
    import pandas as pd

    from ..tagger import tag_many

    df = pd.read_csv(input_path, dtype=str, keep_default_na=False)
    if column not in df.columns:
        raise click.UsageError(f"no column {column!r} in {input_path}; columns: {', '.join(df.columns)}")
    tags = pd.DataFrame([t.to_dict() for t in tag_many(df[column])]).drop(columns="text")
    pd.concat([df, tags], axis=1).to_csv(output_path, index=False)
    click.echo(f"tagged {len(df)} rows -> {output_path}")
