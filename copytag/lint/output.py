"""Render findings as text, JSON, SARIF 2.1.0 or GitHub workflow annotations."""
from __future__ import annotations

import json
from collections import Counter
from json.encoder import encode_basestring as _encode_basestring
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import Any, Iterable, Iterator

from .. import __version__
from .catalog import all_rules
from .docs import render_rule
from .finding import SEVERITIES, Finding

FORMATS = ("text", "json", "sarif", "github")
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass(frozen=True)
class Source:
    """Where one copy came from: a TEXT argument (``index``) or a file line (``path``, ``row``).

    ``offset`` is the character offset of the copy in its file and ``columns``
    says the copy starts its line, so that spans are columns too (plain text
    files, not CSV cells).
    """

    index: int | None = None
    path: str | None = None
    row: int | None = None
    offset: int | None = None
    columns: bool = False

    def label(self) -> str:
        if self.path is None:
            return f"text[{self.index}]"
        return f"{self.path}:{self.row}"


Result = tuple[Source, list[Finding]]


def render(results: list[Result], fmt: str, many_texts: bool) -> str:
    """All findings in the format ``fmt``."""
    return "".join(render_parts(results, fmt, many_texts))


def render_parts(results: list[Result], fmt: str, many_texts: bool) -> Iterator[str]:
    """:func:`render` in pieces, to write as they come: a big run's output is never one
    string (findings quote the copy, so one emoji makes Python store every character of
    it in 4 bytes)."""
    if fmt == "sarif":
        yield json.dumps(sarif_log(results), ensure_ascii=False, indent=2)
        return
    if fmt == "json":
        lines = _json_parts(results, many_texts)
        empty, opening, separator, closing = "[]", "[\n", ",\n", "\n]"
    elif fmt == "github":
        lines = (_github_line(s, f) for s, fs in results for f in fs)
        empty, opening, separator, closing = "", "", "\n", ""
    else:
        lines = chain(_text_lines(results), [summary(f for _, fs in results for f in fs)])
        empty, opening, separator, closing = "", "", "\n", ""
    first = next(lines, None)
    if first is None:
        yield empty
        return
    yield opening + first
    while block := list(islice(lines, _LINES_PER_PART)):
        yield separator + separator.join(block)
    yield closing


_LINES_PER_PART = 2000


def json_array(items: list[dict[str, Any]]) -> str:
    """``json.dumps(items, ensure_ascii=False, indent=2)`` for flat items, at the C encoder's speed.

    The standard library encodes in Python as soon as it indents; findings
    are flat, so each value is encoded on its own and indented here.

    >>> print(json_array([{"code": "CT101", "start": 0, "fix": None}]))
    [
      {
        "code": "CT101",
        "start": 0,
        "fix": null
      }
    ]
    """
    try:
        parts = [_json_object(item) for item in items]
    except TypeError:  # a value that is not flat: let json say how it is written
        return json.dumps(items, ensure_ascii=False, indent=2)
    return "[\n" + ",\n".join(parts) + "\n]" if parts else "[]"


def _json_parts(results: list[Result], many_texts: bool) -> Iterator[str]:
    """Each finding as an indented JSON object with where it came from, its own fields
    encoded once however many rows share it (repeated copy shares its findings)."""
    encoded: dict[int, str] = {}  # id(finding) -> its fields; ``results`` keeps every finding alive
    for source, findings in results:
        where = _json_source(source, many_texts)
        for finding in findings:
            if finding.row is not None:  # the row is among its own fields: encode it whole
                yield _json_object(_json_item(source, finding, many_texts))
                continue
            fields = encoded.get(id(finding))
            if fields is None:
                fields = encoded[id(finding)] = "  {\n" + _json_lines(finding.to_dict())
            yield fields + where


def _json_source(source: Source, many_texts: bool) -> str:
    """The closing lines of a finding's object: the fields of :func:`_source_fields`."""
    fields = _source_fields(source, many_texts)
    lines = "".join(f",\n    {_encoded(key)}: {_json_value(value)}" for key, value in fields.items())
    return lines + "\n  }"


@lru_cache(maxsize=64)
def _encoded(name: str) -> str:
    """A field name as JSON (the same few, on every row)."""
    return _encode_string(name)


def _json_lines(item: dict[str, Any]) -> str:
    return ",\n".join(f"    {_encode_string(k)}: {_json_value(v)}" for k, v in item.items())


def _json_object(item: dict[str, Any]) -> str:
    if not item:
        return "  {}"
    return "  {\n" + _json_lines(item) + "\n  }"


def _json_value(value: Any) -> str:
    """One flat value as ``json`` writes it; ``TypeError`` for anything else."""
    if isinstance(value, str):
        return _encode_string(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    raise TypeError(f"not a flat JSON value: {value!r}")


def _encode_string(value: str) -> str:
    if type(value) is not str:
        raise TypeError(f"not a JSON string: {value!r}")
    return _encode_basestring(value)


def _json_item(source: Source, finding: Finding, many_texts: bool) -> dict[str, Any]:
    item = finding.to_dict()
    item.update(_source_fields(source, many_texts))
    return item


def _source_fields(source: Source, many_texts: bool) -> dict[str, Any]:
    """Where a finding came from, as JSON fields: its file and row, or its TEXT argument."""
    if source.path is not None:
        return {"file": source.path, "row": source.row}
    return {"text": source.index} if many_texts else {}


def _text_lines(results: list[Result]) -> Iterator[str]:
    return (f"{s.label()}:{f.start + 1}: {f.code} {f.name} ({f.severity}) {f.message}"
            + (f" [fix: {f.fix!r}]" if f.fix is not None else "")
            for s, fs in results for f in fs)


def summary(findings: Iterable[Finding]) -> str:
    """One line counting the findings by severity.

    >>> summary([])
    'No findings.'
    """
    counts = Counter(f.severity for f in findings)
    total = sum(counts.values())
    if not total:
        return "No findings."
    parts = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts[s])
    return f"Found {total} finding{'s' if total != 1 else ''} ({parts})."


def _github_line(source: Source, finding: Finding) -> str:
    props = []
    if source.path is not None:
        props += [f"file={_escape_property(source.path)}", f"line={source.row}"]
        if source.columns:
            props += [f"col={finding.start + 1}", f"endColumn={finding.end + 1}"]
    props.append(f"title={_escape_property(f'{finding.code} {finding.name}')}")
    where = "" if source.path is not None else f"{source.label()}: "
    return f"::{_GITHUB_LEVELS[finding.severity]} {','.join(props)}::{_escape_data(where + finding.message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def sarif_log(results: list[Result]) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run: every rule, and one result per finding."""
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {
                "name": "copytag",
                "version": __version__,
                "rules": [_sarif_rule(r) for r in rules],
            }},
            "results": [_sarif_result(s, f, index[f.code]) for s, fs in results for f in fs],
        }],
    }


def _sarif_rule(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": rule.why, "markdown": render_rule(rule)},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
    }


def _sarif_result(source: Source, finding: Finding, rule_index: int) -> dict[str, Any]:
    region: dict[str, Any] = {"charLength": finding.end - finding.start}
    if source.path is None:
        uri = f"text-{source.index}"
        region["charOffset"] = finding.start
    else:
        uri = source.path
        region["startLine"] = source.row
        if source.columns:
            region.update(startColumn=finding.start + 1, endColumn=finding.end + 1)
        if source.offset is not None:
            region["charOffset"] = source.offset + finding.start
        else:
            del region["charLength"]  # a CSV cell: the span is within the cell, not the line
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
    }
    result["properties"] = {"start": finding.start, "end": finding.end}
    if finding.fix is not None:
        result["properties"]["fix"] = finding.fix
    return result
