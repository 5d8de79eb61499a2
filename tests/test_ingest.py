from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsfuse.errors import (
    BinaryInputError,
    EmptyInputError,
    MalformedInputError,
    MissingInputError,
    TooLargeInputError,
)
from newsfuse.ingest import MAX_FILE_BYTES, read_articles

PAGE = """<!doctype html><html><head><title>Rawa retaken | Example News</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-11-17"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rawa retaken</h1>
<p>Iraqi forces retook the town of Rawa from the Islamic State group on Friday, officials said.</p>
<p>The town was the last one in Iraq held by the militants, the prime minister said in a
statement that congratulated the armed forces.</p></article>
<footer><h3>In Other News</h3><a href="/x">Load More</a></footer></body></html>"""


def test_folder_of_text_files(seed_paths: list[Path]) -> None:
    articles = read_articles([seed_paths[0].parent])
    assert [a.id for a in articles] == [p.stem for p in seed_paths]
    assert articles[0].original == seed_paths[0].read_text(encoding="utf-8")


def test_html_page_keeps_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (article,) = read_articles([page])
    assert "retook the town of Rawa" in article.original
    assert "Load More" not in article.original and "Home" not in article.original
    assert article.source == "Example News"
    assert article.author == "Jane Doe"
    assert article.published == "2017-11-17"


def test_json_lines_records_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.jsonl"
    records = [
        {"id": "ap-1", "text": "One.", "title": "T", "url": "http://x", "source": "AP",
         "published": "2017-11-17"},
        {"text": "Two."},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, second = read_articles([path])
    assert (first.id, first.source, first.url, first.published) == (
        "ap-1", "AP", "http://x", "2017-11-17",
    )  # fmt: skip
    assert second.id == "story:2" and second.original == "Two."


def test_json_cluster_and_multinews_separator(tmp_path: Path) -> None:
    cluster = tmp_path / "c.json"
    cluster.write_text(json.dumps({"id": "c1", "documents": ["A.", "B."]}), encoding="utf-8")
    assert [a.id for a in read_articles([cluster])] == ["c1:0", "c1:1"]
    multinews = tmp_path / "m.txt"
    multinews.write_text("First article. ||||| Second article.", encoding="utf-8")
    assert [a.original.strip() for a in read_articles([multinews])] == [
        "First article.", "Second article.",
    ]  # fmt: skip


def test_stdin() -> None:
    articles = read_articles(["-"], stdin=io.BytesIO(b"Some article text from a pipe."))
    assert articles[0].original == "Some article text from a pipe."


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text("Two.", encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["x", "x#2"]


# ------------------------------------------------------------------ bad input


def test_missing_path() -> None:
    with pytest.raises(MissingInputError, match="no such file"):
        read_articles(["/nonexistent/article.txt"])


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="empty"):
        read_articles([path])


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BinaryInputError, match="binary"):
        read_articles([path])


def test_non_utf8_bytes_are_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président a parlé à Paris.".encode("cp1252"))
    (article,) = read_articles([path])
    assert article.original == "Le président a parlé à Paris."


def test_huge_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # 50 MB, written sparsely
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b".")
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(TooLargeInputError, match="over the 20 MB limit"):
        read_articles([path])


def test_malformed_json_lines_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine"}\n{"text": broken\n', encoding="utf-8")
    with pytest.raises(MalformedInputError, match="line 2"):
        read_articles([path])


def test_json_record_without_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": "no body"}', encoding="utf-8")
    with pytest.raises(MalformedInputError, match="no 'text'"):
        read_articles([path])


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError, match="no files"):
        read_articles([tmp_path])
