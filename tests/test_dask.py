"""Dask: ``tag_frame`` on a Dask DataFrame and ``copytag tag --scheduler`` match pandas exactly."""
from __future__ import annotations

import builtins
import hashlib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from copytag import tag_frame
from copytag.batch import tag_file
from copytag.cli import main
from copytag.types import TAG_COLUMNS

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

EXAMPLES = Path(__file__).parents[1] / "examples" / "creatives.csv"


@pytest.fixture(scope="session")
def cluster():
    """Two worker processes, started once for the whole test session."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local, distributed.Client(local) as client:
        yield local, client


@pytest.fixture(scope="module")
def creatives() -> pd.DataFrame:
    frame = pd.read_csv(EXAMPLES, dtype=str, keep_default_na=False).head(150)
    frame.loc[3, "ad_copy"] = None  # a missing cell must be tagged as empty copy on every engine
    return frame


def test_dask_result_is_lazy_with_the_pandas_columns(creatives: pd.DataFrame) -> None:
    source = dd.from_pandas(creatives, npartitions=4)
    lazy = tag_frame(source, column="ad_copy")
    assert isinstance(lazy, dd.DataFrame)
    assert list(lazy.columns) == [*creatives.columns, *TAG_COLUMNS]
    assert lazy.dtypes.to_dict() == tag_frame(source.compute(), column="ad_copy").dtypes.to_dict()


def test_dask_on_a_process_cluster_equals_pandas(cluster, creatives: pd.DataFrame) -> None:
    _, client = cluster
    source = dd.from_pandas(creatives, npartitions=4)
    got = client.compute(tag_frame(source, column="ad_copy", use_model=False, prefix="t_")).result()
    # Dask stores the input's text columns in its own string dtype; the values are the same.
    pd.testing.assert_frame_equal(got, tag_frame(source.compute(), column="ad_copy", use_model=False, prefix="t_"))
    want = tag_frame(creatives, column="ad_copy", use_model=False, prefix="t_")
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    tags = [f"t_{name}" for name in TAG_COLUMNS]
    pd.testing.assert_frame_equal(got[tags], want[tags])


def test_scheduler_option_writes_the_same_bytes(cluster, tmp_path: Path) -> None:
    local, _ = cluster
    one, remote = tmp_path / "one.csv", tmp_path / "remote.csv"
    tag_file(str(EXAMPLES), str(one), chunk_size=60)
    args = ["tag", str(EXAMPLES), "-o", str(remote), "--chunk-size", "60", "--scheduler", local.scheduler_address]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(one.read_bytes()).digest() == hashlib.sha256(remote.read_bytes()).digest()


def test_missing_dask_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_import = builtins.__import__

    def without_distributed(name: str, *args, **kwargs):
        if name.split(".")[0] == "distributed":
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_distributed)
    args = ["tag", str(EXAMPLES), "-o", str(tmp_path / "out.csv"), "--scheduler", "tcp://127.0.0.1:1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and 'pip install "copytag[dask]"' in result.output
    assert not (tmp_path / "out.csv").exists()
