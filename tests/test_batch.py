from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsfuse import batch
from newsfuse.batch import MAX_LINE_BYTES, run_batch


def _cluster_line(cluster_id: str, documents: list[str]) -> str:
    return json.dumps({"id": cluster_id, "documents": documents})


def _run(source: Path) -> tuple[list[dict[str, object]], list[str]]:
    output = io.StringIO()
    errors: list[str] = []
    report = run_batch(source, output, words=60, on_error=errors.append)
    records = [json.loads(line) for line in output.getvalue().splitlines()]
    assert report.lines == len(records)
    assert report.failed == len(errors)
    return records, errors


def test_a_30_mb_line_is_refused_alone_and_the_run_goes_on(
    tmp_path: Path, seed_texts: list[str]
) -> None:
    source = tmp_path / "clusters.jsonl"
    huge_document = "The town was retaken on Friday. " * (30 * 2**20 // 32)
    with source.open("w", encoding="utf-8") as stream:
        stream.write(_cluster_line("before", seed_texts) + "\n")
        stream.write(_cluster_line("huge", [huge_document]) + "\n")
        stream.write(_cluster_line("after", seed_texts[::-1]) + "\n")
    assert source.stat().st_size > 30 * 2**20 > MAX_LINE_BYTES
    records, errors = _run(source)
    assert [r["id"] for r in records] == ["before", "huge", "after"]
    assert records[0]["summary"] and records[2]["summary"]
    assert records[1]["summary"] == "" and records[1]["line"] == 2
    (message,) = errors
    assert message.startswith("line 2: 30 MB is over the 20 MB limit") and "\n" not in message
    assert records[1]["error"] == message


def test_an_oversized_last_line_without_newline_and_an_unknown_id(
    tmp_path: Path, seed_texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "MAX_LINE_BYTES", 4096)
    monkeypatch.setattr(batch, "_READ_CHUNK", 1000)
    source = tmp_path / "clusters.jsonl"
    short = "Officials said the town was retaken on Friday after a long siege."
    source.write_text(
        _cluster_line("ok", [short, short])
        + "\n"
        + json.dumps({"documents": ["word " * 2000], "id": "late"}),
        encoding="utf-8",
    )
    records, errors = _run(source)
    assert [r["id"] for r in records] == ["ok", None]
    assert "error" not in records[0]
    assert len(errors) == 1 and errors[0].startswith("line 2: ")


def test_line_numbers_count_blank_lines_and_a_byte_order_mark_is_ignored(
    tmp_path: Path, seed_texts: list[str]
) -> None:
    source = tmp_path / "clusters.jsonl"
    source.write_bytes(
        b"\xef\xbb\xbf"
        + _cluster_line("first", seed_texts).encode()
        + b"\n\n\r\n"
        + b'{"id": 7, "documents": "not a list"}\n'
    )
    records, errors = _run(source)
    assert [r["id"] for r in records] == ["first", 7]
    assert "error" not in records[0]
    assert errors == [records[1]["error"]] and str(errors[0]).startswith("line 4: ")


def test_windows_end_at_the_line_count_or_the_byte_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = iter([(1, "a" * 10), (2, "b" * 10), (3, "c" * 10), (4, "d")])
    assert [len(w) for w in batch._windows(lines, max_lines=3)] == [3, 1]
    monkeypatch.setattr(batch, "_WINDOW_MAX_BYTES", 15)
    lines = iter([(1, "a" * 10), (2, "b" * 10), (3, "c" * 10), (4, "d")])
    assert [[n for n, _ in w] for w in batch._windows(lines, max_lines=3)] == [[1, 2], [3, 4]]
