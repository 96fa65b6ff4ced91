"""``tag_frame`` on pandas: the input columns plus the tag columns, same index, nothing overwritten."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import copytag
from copytag import tag_frame
from copytag.frame import tag_column_names
from copytag.types import TAG_COLUMNS

EXAMPLES = Path(__file__).parents[1] / "examples" / "creatives.csv"


@pytest.fixture(scope="module")
def creatives() -> pd.DataFrame:
    frame = pd.read_csv(EXAMPLES, dtype=str, keep_default_na=False).head(80)
    return frame.set_index(pd.Index([f"k{i % 7}" for i in range(len(frame))]))  # repeated labels on purpose


def test_columns_are_the_input_then_the_tags(creatives: pd.DataFrame) -> None:
    out = tag_frame(creatives, column="ad_copy")
    assert list(out.columns) == [*creatives.columns, *TAG_COLUMNS]


def test_index_and_input_values_are_kept(creatives: pd.DataFrame) -> None:
    out = tag_frame(creatives, column="ad_copy")
    assert out.index.equals(creatives.index)
    pd.testing.assert_frame_equal(out[list(creatives.columns)], creatives)


def test_values_are_those_of_to_dict_row_by_row(creatives: pd.DataFrame) -> None:
    out = tag_frame(creatives, column="ad_copy", use_model=False)
    expected = [t.to_dict() for t in copytag.tag_many(creatives["ad_copy"], use_model=False)]
    for name in TAG_COLUMNS:
        assert out[name].tolist() == [row[name] for row in expected], name


def test_input_frame_is_not_changed(creatives: pd.DataFrame) -> None:
    before = creatives.copy()
    tag_frame(creatives, column="ad_copy")
    pd.testing.assert_frame_equal(creatives, before)


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA], ids=["None", "NaN", "NA"])
def test_missing_cells_are_tagged_as_empty_copy(missing: object) -> None:
    frame = pd.DataFrame({"text": pd.Series(["Watch now!", missing], dtype=object)})
    out = tag_frame(frame)
    empty = copytag.tag("").to_dict()
    assert {name: out.loc[1, name] for name in TAG_COLUMNS} == {name: empty[name] for name in TAG_COLUMNS}


def test_tag_column_dtypes_are_text_and_float(creatives: pd.DataFrame) -> None:
    out = tag_frame(creatives, column="ad_copy")
    assert out["language_score"].dtype == "float64"
    assert all(pd.api.types.is_string_dtype(out[name]) for name in TAG_COLUMNS if name != "language_score")


def test_an_empty_frame_gets_the_tag_columns() -> None:
    out = tag_frame(pd.DataFrame({"text": pd.Series([], dtype=str)}))
    assert list(out.columns) == ["text", *TAG_COLUMNS] and len(out) == 0


def test_missing_column_lists_the_columns(creatives: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="no column 'copy'.*creative_id, app, market, ad_copy"):
        tag_frame(creatives, column="copy")


def test_a_name_clash_raises_and_prefix_resolves_it(creatives: pd.DataFrame) -> None:
    clashing = creatives.assign(language="fr")
    with pytest.raises(ValueError, match=r"already has column\(s\) language; pass prefix="):
        tag_frame(clashing, column="ad_copy")
    out = tag_frame(clashing, column="ad_copy", prefix="tag_")
    assert list(out.columns) == [*clashing.columns, *tag_column_names("tag_")]
    assert (out["language"] == "fr").all()


def test_options_and_overrides_are_checked(creatives: pd.DataFrame) -> None:
    with pytest.raises(TypeError, match="unknown option"):
        tag_frame(creatives, column="ad_copy", use_models=False)
    forced = tag_frame(creatives.head(3), column="ad_copy", options=copytag.TagOptions(language="en"))
    assert forced["language"].tolist() == ["en"] * 3 and not any(math.isnan(s) for s in forced["language_score"])


def test_non_text_cells_are_named() -> None:
    with pytest.raises(ValueError, match="row 2 of column 'text' holds int"):
        tag_frame(pd.DataFrame({"text": ["a", 5]}))


def test_rows_from_the_memo_equal_fresh_tagging(creatives: pd.DataFrame, monkeypatch) -> None:
    """Copy seen in an earlier call comes from the row memo: the same values, in order, however
    small the memo (a memo of 1 row turns over on every text)."""
    from copytag import frame
    from copytag.memo import Memos

    texts = creatives["ad_copy"].tolist()
    options = copytag.TagOptions(use_model=False)
    frame.ROW_MEMOS.clear()
    fresh = frame.tag_columns(texts, options)
    again = frame.tag_columns(texts[::-1] + texts, options)  # every text now comes from the memo
    assert again == {name: column[::-1] + column for name, column in fresh.items()}
    monkeypatch.setattr(frame, "ROW_MEMOS", Memos(size=1))
    assert frame.tag_columns(texts, options) == fresh
    assert len(frame.ROW_MEMOS(options)) <= 2


def test_an_empty_list_gives_empty_columns() -> None:
    from copytag.frame import tag_columns

    assert tag_columns([], copytag.TagOptions()) == {name: [] for name in TAG_COLUMNS}
