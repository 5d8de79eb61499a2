from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.digest import write_digest
from newsfuse.errors import UsageError
from tests.conftest import dev_file


def _stream(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_story_of_two_reports_gets_a_cited_brief_and_an_index(
    tmp_path: Path, seed_texts: list[str]
) -> None:
    source = _stream(tmp_path / "stream.jsonl", [
        {"id": "marine-times", "text": seed_texts[0], "published": "2017-11-17"},
        {"id": "notice", "text": "Notice\n\nYou must log in to continue."},
        {"id": "second", "text": seed_texts[1], "published": "2017-11-17"},
    ])  # fmt: skip
    digest = write_digest(source, tmp_path / "digest", words=60, with_analysis=False)
    assert len(digest.briefs) == 1 and digest.junk == 1
    brief = digest.briefs[0]
    assert [a.id for a in brief.articles] == ["marine-times", "second"]
    markdown = (tmp_path / "digest" / brief.files["markdown"]).read_text(encoding="utf-8")
    page = (tmp_path / "digest" / brief.files["html"]).read_text(encoding="utf-8")
    assert "Rawa" in markdown and "[^1]" in markdown
    assert 'data-article="marine-times"' in page or 'data-article="second"' in page
    index = (tmp_path / "digest" / "index.md").read_text(encoding="utf-8")
    assert f"]({brief.files['markdown']})" in index and "2 articles, 2017-11-17" in index
    assert "log in" not in markdown  # the junk page is in no brief
    index_page = (tmp_path / "digest" / "index.html").read_text(encoding="utf-8")
    assert f'href="{brief.files["html"]}"' in index_page


def test_stories_are_listed_by_size_then_recency(tmp_path: Path) -> None:
    path = dev_file("stories_dev.jsonl")
    with path.open(encoding="utf-8") as stream:
        records = [json.loads(line) for _, line in zip(range(120), stream, strict=False)]
    source = _stream(tmp_path / "stream.jsonl", [
        {"id": r["id"], "text": r["text"]} for r in records
    ])  # fmt: skip
    digest = write_digest(source, tmp_path / "digest", min_articles=2, words=40,
                          with_analysis=False)  # fmt: skip
    sizes = [len(b.articles) for b in digest.briefs]
    assert sizes == sorted(sizes, reverse=True) and min(sizes) >= 2
    for first, second in zip(digest.briefs, digest.briefs[1:], strict=False):
        if len(first.articles) == len(second.articles):
            assert first.order > second.order  # the more recent story first
    listed = (tmp_path / "digest" / "index.md").read_text(encoding="utf-8").count("\n- [")
    assert listed == len(digest.briefs)
    assert len(list((tmp_path / "digest").glob("story-*.html"))) == len(digest.briefs)


def test_the_digest_command_writes_the_folder(tmp_path: Path, seed_texts: list[str]) -> None:
    source = _stream(tmp_path / "stream.jsonl", [
        {"id": "a", "text": seed_texts[0]}, {"id": "b", "text": seed_texts[1]},
    ])  # fmt: skip
    output = tmp_path / "out"
    assert main(["digest", str(source), "--output", str(output), "--words", "50"]) == 0
    names = sorted(p.name for p in output.iterdir())
    assert "index.html" in names and "index.md" in names
    assert any(n.startswith("story-") and n.endswith(".md") for n in names)


def test_a_file_as_the_output_folder_is_a_usage_error(
    tmp_path: Path, seed_texts: list[str]
) -> None:
    source = _stream(tmp_path / "stream.jsonl", [{"id": "a", "text": seed_texts[0]}])
    taken = tmp_path / "taken"
    taken.write_text("", encoding="utf-8")
    with pytest.raises(UsageError):
        write_digest(source, taken)
    assert main(["digest", str(source), "--output", str(taken)]) == 2


def test_an_untitled_wire_story_is_named_without_its_dateline(tmp_path: Path) -> None:
    lead = (
        "SAN JUAN, Puerto Rico _ Hurricane Georges tore roofs off thousands of homes "
        "across Puerto Rico on Monday, officials said. "
    )
    source = _stream(tmp_path / "stream.jsonl", [
        {"id": "a", "text": lead + "Power was cut to most of the island and water ran short."},
        {"id": "b", "text": lead + "Shelters filled overnight as the storm moved west."},
    ])  # fmt: skip
    digest = write_digest(source, tmp_path / "digest", words=40, with_analysis=False)
    (brief,) = digest.briefs
    assert brief.title.startswith("Hurricane Georges tore roofs off")
