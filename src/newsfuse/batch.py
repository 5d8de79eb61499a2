"""Summarize many clusters from a JSON Lines file, streaming, in input order.

Each input line is ``{"id": ..., "documents": [str, ...]}`` (optionally
``"language"``); each output line ``{"id", "summary", "sentences"}``. A bad line
gets an output line with ``"error"`` (and an empty summary) so output line N
always answers input line N; the run goes on. Lines are read and written in
windows, so memory stays bounded however long the file is.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from newsfuse.errors import NewsfuseError
from newsfuse.ingest import (
    MAX_FILE_BYTES,
    articles_from_documents,
    open_json_lines_path,
)
from newsfuse.render import sentence_dict
from newsfuse.summarize import summarize

_WINDOW_PER_WORKER = 16
# One line is one story: the same cap as one story's file for `newsfuse summarize`.
# A longer line is skipped unread (never held whole), so one bad line cannot stop a run.
MAX_LINE_BYTES = MAX_FILE_BYTES
# A window also ends once its lines hold this much text: 16 lines near the cap each
# would otherwise sit in memory at once (several times over, once parsed).
_WINDOW_MAX_BYTES = 48 * 1024 * 1024
_READ_CHUNK = 1024 * 1024
_LEADING_ID = re.compile(rb'^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d{1,20})\s*[,}]')


@dataclass(frozen=True, slots=True)
class BatchReport:
    lines: int
    failed: int


def summarize_line(line_number: int, line: str, words: int) -> tuple[dict[str, Any], str | None]:
    """One input line to one output record, and an error message when it failed."""
    record_id: Any = None
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ValueError("expected a JSON object")
        record_id = record.get("id")
        where = f"line {line_number}"
        articles = articles_from_documents(record.get("documents"), where, f"{record_id}:")
        if not articles:
            raise ValueError("'documents' holds no text")
        language = record.get("language") if isinstance(record.get("language"), str) else None
        summary = summarize(articles, words=words, language=language)
    except (ValueError, NewsfuseError) as error:  # JSONDecodeError is a ValueError
        message = f"line {line_number}: {error}"
        if isinstance(error, json.JSONDecodeError):
            message = f"line {line_number}: not valid JSON ({error.msg})"
        elif message.startswith(f"line {line_number}: line {line_number}"):
            message = str(error)
        output = {"id": record_id, "line": line_number, "error": message, "summary": "",
                  "sentences": []}  # fmt: skip
        return output, message
    output = {
        "id": record_id,
        "summary": summary.text,
        "sentences": [sentence_dict(s) for s in summary.sentences],
        "language": summary.language,
    }
    return output, None


@dataclass(frozen=True, slots=True)
class _OversizedLine:
    """A line over ``MAX_LINE_BYTES``: what is known of it without reading it all."""

    size: int
    record_id: Any


def _oversized_record(line_number: int, line: _OversizedLine) -> tuple[dict[str, Any], str]:
    message = (
        f"line {line_number}: {line.size / 2**20:.0f} MB is over the "
        f"{MAX_LINE_BYTES // 2**20} MB limit for one cluster; split its documents "
        "into several clusters"
    )
    output = {"id": line.record_id, "line": line_number, "error": message, "summary": "",
              "sentences": []}  # fmt: skip
    return output, message


def _summarize_window(
    args: tuple[list[tuple[int, str | _OversizedLine]], int],
) -> list[tuple[dict[str, Any], str | None]]:
    window, words = args
    return [
        _oversized_record(number, line)
        if isinstance(line, _OversizedLine)
        else summarize_line(number, line, words)
        for number, line in window
    ]


def _leading_id(head: bytes) -> Any:
    """The ``id`` of a record when it comes first, read from the line's first bytes."""
    match = _LEADING_ID.match(head)
    if match is None:
        return None
    try:
        return json.loads(match.group(1))
    except ValueError:
        return None


def _numbered_lines(stream: BinaryIO) -> Iterator[tuple[int, str | _OversizedLine]]:
    """Non-blank lines with their numbers; a line over the cap is skipped, not read."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            size, head = len(line), line[:4096]
            del line
            while True:
                rest = stream.readline(_READ_CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, _OversizedLine(size, _leading_id(head))
            continue
        if line.strip():
            # utf-8-sig on the first line: a byte-order mark there is not part of the JSON
            yield number, line.decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")


def _windows(
    numbered: Iterator[tuple[int, str | _OversizedLine]], max_lines: int
) -> Iterator[list[tuple[int, str | _OversizedLine]]]:
    """Consecutive lines in groups of at most ``max_lines`` lines and about 48 MB."""
    window: list[tuple[int, str | _OversizedLine]] = []
    held = 0
    for item in numbered:
        window.append(item)
        held += len(item[1]) if isinstance(item[1], str) else 0
        if len(window) >= max_lines or held >= _WINDOW_MAX_BYTES:
            yield window
            window, held = [], 0
    if window:
        yield window


def run_batch(
    input_path: str | Path,
    output: TextIO,
    words: int,
    workers: int = 1,
    on_error: Callable[[str], None] | None = None,
    progress: bool = False,
) -> BatchReport:
    """Summarize every line of ``input_path`` into ``output``, one line each, in order."""
    path = open_json_lines_path(input_path)
    report_error = on_error or (lambda message: print(message, file=sys.stderr))
    lines_done = failed = 0
    with path.open("rb") as stream:
        window_size = max(1, workers) * _WINDOW_PER_WORKER
        bar = _progress_bar(path, progress)
        executor = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
        try:
            for window in _windows(_numbered_lines(stream), window_size):
                if executor is None:
                    results = _summarize_window((window, words))
                else:
                    # split the window so every worker gets a share; map keeps the order
                    share = max(1, len(window) // workers)
                    chunks = [window[i : i + share] for i in range(0, len(window), share)]
                    results = [
                        result
                        for chunk in executor.map(_summarize_window, [(c, words) for c in chunks])
                        for result in chunk
                    ]
                for record, error in results:
                    output.write(json.dumps(record, ensure_ascii=False) + "\n")
                    lines_done += 1
                    if error:
                        failed += 1
                        report_error(error)
                output.flush()
                if bar is not None:
                    bar.update(len(window))
        finally:
            if executor is not None:
                executor.shutdown(cancel_futures=True)
            if bar is not None:
                bar.close()
    return BatchReport(lines=lines_done, failed=failed)


def _progress_bar(path: Path, enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(desc=path.name, unit=" clusters", file=sys.stderr)
