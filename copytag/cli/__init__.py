"""The ``copytag`` command: a thin layer over the library.

Each command lives in its own module and is registered here.
"""
from __future__ import annotations

import click

from .. import __version__
from .lint import lint_command, rules_command
from .report import report_command
from .tag import tag_command
from .train import train_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="copytag")
def main() -> None:
    """Tag ad copy with its language, calls to action and tone.

    \b
    Example:
      copytag tag examples/creatives.csv -o tagged.csv --column ad_copy
    """


for _command in (tag_command, report_command, lint_command, rules_command, train_command):
    main.add_command(_command)
