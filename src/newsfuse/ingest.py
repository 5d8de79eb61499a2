"""Reading articles: plain text, HTML, JSON, JSON Lines, Multi-News files, folders, stdin.

Every reader returns ``Article`` objects whose ``original`` is the article text as
given (for HTML: the text trafilatura extracts, since markup has no sentences).
Nothing here cleans or splits: that is ``newsfuse.text``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from newsfuse.errors import (
    BinaryInputError,
    EmptyInputError,
    MalformedInputError,
    MissingInputError,
    TooLargeInputError,
)
from newsfuse.types import Article

# One story's articles are read whole; a larger file is almost surely not one story.
# `newsfuse batch` streams JSON Lines instead and has no such limit on the file.
MAX_FILE_BYTES = 20 * 1024 * 1024
MULTINEWS_SEPARATOR = "|||||"
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
_TEXT_FIELDS = ("text", "document", "body", "content")


def decode_bytes(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252, never binary."""
    if not data.strip():
        raise EmptyInputError(f"{where}: the input is empty; give it at least one article")
    if b"\x00" in data[:8192]:
        raise BinaryInputError(
            f"{where}: this is a binary file, not text; give plain text, HTML or JSON Lines"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Old news pages and wire archives are often Windows-1252; it maps almost every byte.
        return data.decode("cp1252", errors="replace")


def _read_file_bytes(path: Path) -> bytes:
    if not path.exists():
        raise MissingInputError(f"{path}: no such file or folder")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TooLargeInputError(
            f"{path}: {size / 2**20:.0f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit "
            "for one story; split it, or stream it as JSON Lines with `newsfuse batch`"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise MissingInputError(f"{path}: cannot be read ({error.strerror})") from error


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    return str(value)


def article_from_record(record: Any, where: str, default_id: str) -> Article:
    """One JSON object (``text`` plus optional metadata) to an Article."""
    if not isinstance(record, dict):
        raise MalformedInputError(f"{where}: expected a JSON object with a 'text' field")
    text = next((record[k] for k in _TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if text is None:
        raise MalformedInputError(f"{where}: the record has no 'text' string")
    return Article(
        id=_optional_str(record, "id") or default_id,
        original=text,
        title=_optional_str(record, "title"),
        source=_optional_str(record, "source") or _optional_str(record, "sitename"),
        url=_optional_str(record, "url"),
        published=_optional_str(record, "published") or _optional_str(record, "date"),
        author=_optional_str(record, "author"),
        language=_optional_str(record, "language"),
        origin=where,
    )


def articles_from_documents(documents: Any, where: str, prefix: str) -> list[Article]:
    """A Multi-News style cluster (``documents``: list of strings) to Articles."""
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise MalformedInputError(f"{where}: 'documents' must be a list of strings")
    return [
        Article(id=f"{prefix}{index}", original=text, origin=where)
        for index, text in enumerate(documents)
        if text.strip()
    ]


def _articles_from_json_value(value: Any, where: str, stem: str) -> list[Article]:
    if isinstance(value, dict) and "documents" in value:
        return articles_from_documents(value["documents"], where, f"{value.get('id', stem)}:")
    if isinstance(value, dict):
        return [article_from_record(value, where, stem)]
    if isinstance(value, list):
        return [
            article
            for index, item in enumerate(value)
            for article in _articles_from_json_value(item, f"{where}[{index}]", f"{stem}:{index}")
        ]
    raise MalformedInputError(f"{where}: expected a JSON object or a list of objects")


def parse_json_lines(text: str, where: str, stem: str) -> list[Article]:
    articles: list[Article] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise MalformedInputError(
                f"{where}, line {number}: not valid JSON ({error.msg})"
            ) from error
        articles.extend(
            _articles_from_json_value(value, f"{where}, line {number}", f"{stem}:{number}")
        )
    return articles


def parse_html(html: str, where: str, stem: str) -> Article:
    """An HTML page to an Article with trafilatura: text, title, author, date, site."""
    import trafilatura  # imported here: a few hundred ms, and only HTML needs it

    document = trafilatura.bare_extraction(
        html, with_metadata=True, favor_precision=True, include_comments=False
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise EmptyInputError(f"{where}: no article text found in this HTML page")
    return Article(
        id=stem,
        original=text,
        title=getattr(document, "title", None),
        source=getattr(document, "sitename", None),
        url=getattr(document, "url", None),
        published=getattr(document, "date", None),
        author=getattr(document, "author", None),
        origin=where,
    )


def parse_bytes(data: bytes, where: str, stem: str, suffix: str = "") -> list[Article]:
    """Sniff the format of ``data`` (by suffix, then content) and read its articles."""
    text = decode_bytes(data, where)
    suffix = suffix.lower()
    stripped = text.lstrip()
    if suffix in (".html", ".htm", ".xhtml") or _HTML_START.match(data[:2048]):
        return [parse_html(text, where, stem)]
    if suffix in (".jsonl", ".ndjson") or (
        suffix != ".json" and stripped.startswith("{") and "\n{" in stripped
    ):
        articles = parse_json_lines(text, where, stem)
    elif suffix == ".json" or stripped.startswith(("{", "[{")):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise MalformedInputError(
                f"{where}: not valid JSON (line {error.lineno}: {error.msg})"
            ) from error
        articles = _articles_from_json_value(value, where, stem)
    elif MULTINEWS_SEPARATOR in text:
        articles = [
            Article(id=f"{stem}:{index}", original=part, origin=where)
            for index, part in enumerate(text.split(MULTINEWS_SEPARATOR))
            if part.strip()
        ]
    else:
        articles = [Article(id=stem, original=text, origin=where)]
    if not articles:
        raise EmptyInputError(f"{where}: no articles in this input")
    return articles


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(
            part.startswith(".") for part in path.relative_to(folder).parts
        ):
            yield path


def read_articles(paths: Iterable[str | Path], stdin: BinaryIO | None = None) -> list[Article]:
    """Read every article from files, folders, and ``-`` (standard input).

    Ids are the file's stem (``000_2531361012707b7a``), the record's ``id``, or
    ``stem:line``; repeated ids get a ``#2`` suffix so citations stay unambiguous.
    """
    articles: list[Article] = []
    for given in paths:
        if str(given) == "-":
            if stdin is None:
                raise MissingInputError("-: standard input is not available")
            articles.extend(parse_bytes(stdin.read(), "<stdin>", "stdin"))
            continue
        path = Path(given)
        if path.is_dir():
            files = list(_files_under(path))
            if not files:
                raise EmptyInputError(f"{path}: the folder holds no files")
            for file in files:
                articles.extend(
                    parse_bytes(_read_file_bytes(file), str(file), file.stem, file.suffix)
                )
        else:
            articles.extend(parse_bytes(_read_file_bytes(path), str(path), path.stem, path.suffix))
    return _unique_ids(articles)


def _unique_ids(articles: list[Article]) -> list[Article]:
    seen: dict[str, int] = {}
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        if count > 1:
            article.id = f"{article.id}#{count}"
    return articles
