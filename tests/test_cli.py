"""The command line through its real entry points."""
from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from copytag.cli import main


def test_every_command_is_documented_with_an_example() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--help"]).exit_code == 0
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and "Example" in result.output, f"copytag {name} --help has no example"


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "copytag" in result.output


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run([sys.executable, "-m", "copytag", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    assert "tag" in done.stdout and "lint" in done.stdout and "report" in done.stdout
