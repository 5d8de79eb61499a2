"""A digest of a stream: group the articles into stories, brief each story, index them.

``write_digest`` reads a JSON Lines stream of articles, places each one in a
story exactly as ``newsfuse stories`` does (online, in the stream's order), then
writes, for every story of at least ``min_articles`` articles, a cited brief in
Markdown and HTML (``newsfuse.summarize`` and ``newsfuse.render``; with the
facts and comparison sections of ``newsfuse.compare`` when that stage is
installed), and an index (``index.md``, ``index.html``) that lists the stories
by size, then recency, with links to their briefs.

The digest sits on top of the data path: it is a consumer of every stage.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsfuse.errors import NewsfuseError, UsageError
from newsfuse.ingest import article_from_json_line, open_json_lines_path
from newsfuse.render import render
from newsfuse.stories.features import parse_published
from newsfuse.stories.index import Look, StoryIndex
from newsfuse.stories.stream import place_article
from newsfuse.summarize import DEFAULT_WORDS, summarize
from newsfuse.text import WIRE_DATELINE, prepare_article
from newsfuse.types import Article, Summary

INDEX_NAMES = ("index.md", "index.html")
_TITLE_CHARS = 110


@dataclass(slots=True)
class StoryBrief:
    """One story of the digest: its articles, and the brief written for it."""

    story: str
    articles: list[Article]
    order: int  # position of the story's latest article in the stream
    summary: Summary | None = None
    files: dict[str, str] = field(default_factory=dict)  # format -> file name

    @property
    def title(self) -> str:
        titled = next((a.title for a in self.articles if a.title), None)
        if titled:
            return titled
        if self.summary is not None and self.summary.sentences:
            # untitled wire copy: the brief's opening sentence names the story
            # (without its dateline: "SAN JUAN, Puerto Rico _" says where, not what)
            first = WIRE_DATELINE.sub("", self.summary.sentences[0].text)
            return first if len(first) <= _TITLE_CHARS else first[: _TITLE_CHARS - 1] + "…"
        return f"Story {self.story}"

    @property
    def latest_published(self) -> float | None:
        times = [t for t in (parse_published(a.published) for a in self.articles) if t]
        return max(times) if times else None

    @property
    def first_published(self) -> float | None:
        times = [t for t in (parse_published(a.published) for a in self.articles) if t]
        return min(times) if times else None


@dataclass(slots=True)
class Digest:
    briefs: list[StoryBrief]  # the stories briefed, in index order
    stories: int  # all stories, briefed or not
    articles: int
    junk: int
    failed: int


def _read_stream(
    path: Path, on_error: Callable[[str], None]
) -> tuple[list[tuple[Article, str]], int, int]:
    """Every article of the stream with its story id; also junk and failed line counts."""
    index = StoryIndex()
    placed: list[tuple[Article, str]] = []
    junk = failed = 0
    seen: dict[str, str] = {}  # article id -> its story

    def settle(looks: list[Look]) -> None:
        for look in looks:
            if look.story is not None:
                seen[look.article] = look.story

    with path.open(encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                article = article_from_json_line(line, number, path.stem)
            except NewsfuseError as error:
                failed += 1
                on_error(str(error))
                continue
            article.origin = f"{article.id} ({path.name}, line {number})"
            if article.id in seen:  # the same article again: one copy is enough
                continue
            decision = place_article(index, article)
            seen[article.id] = decision.story
            settle(index.second_looks())
            if decision.junk is not None:
                junk += 1
                continue
            placed.append((article, decision.story))
    settle(index.second_looks(final=True))
    # a small story may have moved on its second look
    return [(article, seen[article.id]) for article, _ in placed], junk, failed


def _analysis_renderer() -> Callable[[Summary, str], str]:
    """Brief renderer: with the facts/comparison sections when that stage is present."""
    try:
        from newsfuse.compare import analyze
        from newsfuse.render_facts import render_brief
    except ImportError:  # the facts stage is optional: the brief alone
        return render

    def render_with_analysis(summary: Summary, output_format: str) -> str:
        # rules only (nlp=False): a digest briefs many stories, and the model is slow
        analysis = analyze(summary.articles, nlp=False)
        return render_brief(summary, analysis, output_format)

    return render_with_analysis


def _date(timestamp: float | None) -> str:
    if timestamp is None:
        return ""
    return datetime.fromtimestamp(timestamp, tz=UTC).strftime("%Y-%m-%d")


def _span(brief: StoryBrief) -> str:
    first, last = _date(brief.first_published), _date(brief.latest_published)
    if not last:
        return ""
    return first if first == last else f"{first} – {last}"


def _index_markdown(digest: Digest) -> str:
    lines = ["# Stories", ""]
    lines.append(
        f"{len(digest.briefs)} stories briefed of {digest.stories}, from {digest.articles} "
        f"articles ({digest.junk} scrape junk left out), by size, then recency."
    )
    lines.append("")
    for brief in digest.briefs:
        title = brief.title.replace("[", r"\[").replace("]", r"\]")
        span = _span(brief)
        when = f", {span}" if span else ""
        lines.append(
            f"- [{title}]({brief.files['markdown']}) — {len(brief.articles)} articles{when} "
            f"([HTML]({brief.files['html']}))"
        )
    return "\n".join(lines) + "\n"


def _index_html(digest: Digest) -> str:
    esc = html.escape
    items = []
    for brief in digest.briefs:
        span = _span(brief)
        when = f", {esc(span)}" if span else ""
        items.append(
            f'<li><a href="{esc(brief.files["html"])}">{esc(brief.title)}</a> '
            f'<span class="size">{len(brief.articles)} articles{when}</span> '
            f'(<a href="{esc(brief.files["markdown"])}">Markdown</a>)</li>'
        )
    summary = (
        f"{len(digest.briefs)} stories briefed of {digest.stories}, from {digest.articles} "
        f"articles ({digest.junk} scrape junk left out), by size, then recency."
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Stories</title>'
        "<style>body { font: 16px/1.55 Georgia, serif; max-width: 42rem; margin: 2rem auto; "
        "padding: 0 1rem; } .size { color: #555; font-size: .9rem; }</style></head><body>\n"
        f'<h1>Stories</h1>\n<p>{esc(summary)}</p>\n<ol class="stories">\n'
        + "\n".join(items)
        + "\n</ol>\n</body></html>\n"
    )


def write_digest(
    input_path: str | Path,
    output_folder: str | Path,
    min_articles: int = 2,
    words: int = DEFAULT_WORDS,
    on_error: Callable[[str], None] | None = None,
    with_analysis: bool = True,
) -> Digest:
    """Group ``input_path`` into stories and write briefs and an index into ``output_folder``."""
    if min_articles < 1:
        raise UsageError("--min-articles must be at least 1")
    path = open_json_lines_path(input_path)
    folder = Path(output_folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--output {folder}: is a file; give a folder")
    report_error = on_error or (lambda message: print(message, file=sys.stderr))
    placed, junk, failed = _read_stream(path, report_error)

    by_story: dict[str, StoryBrief] = {}
    for position, (article, story) in enumerate(placed):
        brief = by_story.setdefault(story, StoryBrief(story=story, articles=[], order=0))
        brief.articles.append(article)
        brief.order = position
    chosen = [b for b in by_story.values() if len(b.articles) >= min_articles]
    chosen.sort(key=lambda b: (-len(b.articles), -(b.latest_published or 0.0), -b.order))

    folder.mkdir(parents=True, exist_ok=True)
    renderer = _analysis_renderer() if with_analysis else render
    for brief in chosen:
        for article in brief.articles:
            prepare_article(article)
        brief.summary = summarize(brief.articles, words=words)
        for output_format, suffix in (("markdown", "md"), ("html", "html")):
            name = f"story-{brief.story}.{suffix}"
            (folder / name).write_text(renderer(brief.summary, output_format), encoding="utf-8")
            brief.files[output_format] = name
    digest = Digest(briefs=chosen, stories=len(by_story) + junk, articles=len(placed) + junk,
                    junk=junk, failed=failed)  # fmt: skip
    (folder / "index.md").write_text(_index_markdown(digest), encoding="utf-8")
    (folder / "index.html").write_text(_index_html(digest), encoding="utf-8")
    return digest


def digest_dict(digest: Digest) -> dict[str, Any]:
    """The digest's index as data: story id, title, size, files."""
    return {
        "stories": [
            {
                "story": b.story,
                "title": b.title,
                "articles": [a.id for a in b.articles],
                "files": b.files,
            }
            for b in digest.briefs
        ],
        "junk": digest.junk,
        "failed": digest.failed,
    }
