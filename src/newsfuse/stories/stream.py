"""Group a JSON Lines stream of articles into stories, one output line per input line.

Input lines are ``{"id", "text", "title"?, "source"?, "url"?, "published"?}``;
output lines ``{"id", "story"}`` in input order, with ``"duplicate_of"`` for a
near-copy of an earlier article and ``"junk"`` (the reason) for scrape junk,
which is kept out of stories (a story of its own). A bad line is answered with
``{"id", "line", "error", "story": null}`` and the run goes on.

Output lines are written after the state transaction that holds them commits
(``newsfuse.stories.state``): an interrupted run loses nothing it wrote, and a
rerun with the same ``--state`` answers the articles it already placed from the
state, without placing them again.
"""

from __future__ import annotations

import json
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from newsfuse.errors import NewsfuseError
from newsfuse.ingest import article_from_record, open_json_lines_path
from newsfuse.stories.features import ArticleFeatures, extract_features
from newsfuse.stories.index import (
    DEFAULT_FADE_DAYS,
    DEFAULT_MAX_OPEN,
    SECOND_LOOK_AFTER,
    Look,
    StoryIndex,
)
from newsfuse.stories.state import StoryState
from newsfuse.types import Article, StoryAssignment

# A transaction holds this many articles, or what arrived in this many seconds:
# small enough that an interrupted run redoes little, large enough to cost little.
TRANSACTION_ARTICLES = 500
TRANSACTION_SECONDS = 2.0
_PREPARE_CHUNK = 256  # lines a worker prepares at a time: few round trips
_FIRST_CHUNK = 16
_CHUNKS_AHEAD = 3  # chunks prepared or in preparation ahead of the placing, per worker


@dataclass(frozen=True, slots=True)
class StoriesReport:
    lines: int
    failed: int
    resumed: int  # articles answered from the state of an earlier run
    stories: int  # stories opened by this run
    junk: int
    duplicates: int


def assignment_record(decision: StoryAssignment) -> dict[str, Any]:
    """The output line for one placed article."""
    record: dict[str, Any] = {"id": decision.article, "story": decision.story}
    if decision.duplicate_of is not None:
        record["duplicate_of"] = decision.duplicate_of
    if decision.junk is not None:
        record["junk"] = True
        record["junk_reason"] = decision.junk
    return record


def place_article(index: StoryIndex, article: Article) -> StoryAssignment:
    """Compute one article's features and place it in the index.

    The text is read as given, not cleaned: share buttons and teaser links weigh
    little beside an article's words (dev B-cubed F1 0.886 as given, 0.880 cleaned),
    cleaning would cost a fifth of the time, and a log-in wall or an error page shows
    what it is only before cleaning drops its lines as page furniture.
    """
    features = extract_features(article.original, article.title, article.published)
    return index.assign(article.id, features)


def _title_of(article: Article) -> str | None:
    if article.title:
        return article.title
    first_line = article.original.strip().split("\n", 1)[0].strip()
    return first_line[:200] or None


def _numbered_lines(stream: Iterable[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, line


@dataclass(slots=True)
class _Line:
    record: dict[str, Any]
    held: bool  # the article's story awaits its second look: it may still move


class _Writer:
    """Output lines wait here until the transaction that holds them commits, and the lines
    of a story's articles until its second look (lines stay in input order)."""

    def __init__(self, state: StoryState, output: TextIO, size: int) -> None:
        self.size = size
        self.state = state
        self.output = output
        self.waiting: deque[_Line] = deque()
        self.held: dict[str, list[_Line]] = {}  # article id -> its held lines
        self.added = 0  # lines added since the last commit
        self.started = time.monotonic()

    def add(self, record: dict[str, Any], hold: bool = False) -> None:
        line = _Line(record, hold)
        self.waiting.append(line)
        if hold:
            self.held.setdefault(record["id"], []).append(line)
        self.added += 1
        if self.added >= self.size or time.monotonic() - self.started > TRANSACTION_SECONDS:
            self.flush()

    def settle(self, look: Look) -> None:
        lines = self.held.pop(look.article, []) if look.settled else self.held.get(look.article, [])
        for line in lines:
            if look.story is not None:
                line.record["story"] = look.story
            line.held = not look.settled

    def flush(self) -> None:
        self.state.commit()
        written = []
        while self.waiting and not self.waiting[0].held:
            written.append(json.dumps(self.waiting.popleft().record, ensure_ascii=False))
        if written:
            self.output.write("\n".join(written) + "\n")
            self.output.flush()
        self.added = 0
        self.started = time.monotonic()


# One line, read: its number, the record's id, the article's id and title, its features,
# or else the error message. Not the Article: the text would cross between processes
# for nothing, as placing needs only these.
_Prepared = tuple[int, Any, str | None, str | None, ArticleFeatures | None, str | None]


def _prepare(item: tuple[int, str, str]) -> _Prepared:
    """Parse one line and compute its article's features: pure, so it can run anywhere."""
    number, line, stem = item
    record_id: Any = None
    try:
        value = json.loads(line)
        if isinstance(value, dict):
            record_id = value.get("id")
        article = article_from_record(value, f"line {number}", f"{stem}:{number}")
    except (ValueError, NewsfuseError) as error:  # JSONDecodeError is a ValueError
        message = f"line {number}: {error}"
        if isinstance(error, json.JSONDecodeError):
            message = f"line {number}: not valid JSON ({error.msg})"
        elif isinstance(error, NewsfuseError):
            message = str(error)
        return number, record_id, None, None, None, message
    features = extract_features(article.original, article.title, article.published)
    return number, record_id, article.id, _title_of(article), features, None


def _prepared_lines(lines: Iterable[str], stem: str, workers: int) -> Iterator[_Prepared]:
    items = ((number, line, stem) for number, line in _numbered_lines(lines))
    if workers <= 1:
        yield from map(_prepare, items)
        return
    # placing is sequential (each article sees the stories before it); reading and
    # features are not, and are half the work: other processes do them, in order, a
    # few large chunks ahead so that neither side waits for the other
    with ProcessPoolExecutor(max_workers=workers - 1) as pool:
        ahead: deque[Future[list[_Prepared]]] = deque()
        window: list[tuple[int, str, str]] = []
        chunk = _FIRST_CHUNK  # small at first, so that placing starts soon
        for item in items:
            window.append(item)
            if len(window) == chunk:
                ahead.append(pool.submit(_prepare_many, window))
                window = []
                chunk = min(chunk * 2, _PREPARE_CHUNK)
                if len(ahead) > _CHUNKS_AHEAD * (workers - 1):
                    yield from ahead.popleft().result()
        while ahead:
            yield from ahead.popleft().result()
        yield from map(_prepare, window)


def _prepare_many(items: list[tuple[int, str, str]]) -> list[_Prepared]:
    return [_prepare(item) for item in items]


def group_lines(
    lines: Iterable[str],
    output: TextIO,
    state: StoryState,
    where: str = "input",
    on_error: Callable[[str], None] | None = None,
    stop_after: int | None = None,
    transaction_articles: int = TRANSACTION_ARTICLES,
    workers: int = 1,
) -> StoriesReport:
    """Place the article of every line and write its output line, in order.

    ``workers`` > 1 computes features in that many processes less one, ahead of the
    placing, which stays in this one. ``stop_after`` ends the run after that many
    lines without the final commit, as a killed process would (for tests of resuming).
    """
    report_error = on_error or (lambda message: print(message, file=sys.stderr))
    writer = _Writer(state, output, transaction_articles)
    count = failed = resumed = junk = duplicates = 0
    first_story, merged_before = state.index.next_story, state.index.merged_away
    for number, record_id, article_id, title, features, message in _prepared_lines(
        lines, Path(where).stem, workers
    ):
        if stop_after is not None and count >= stop_after:
            state.abandon()
            return StoriesReport(count, failed, resumed, 0, junk, duplicates)
        count += 1
        if article_id is None or features is None:
            failed += 1
            report_error(message or f"line {number}: unreadable")
            writer.add({"id": record_id, "line": number, "error": message, "story": None})
            continue
        decision = state.lookup(article_id)
        if decision is not None:
            resumed += 1
        else:
            decision = state.index.assign(article_id, features)
            state.record(decision, title)
        junk += decision.junk is not None
        duplicates += decision.duplicate_of is not None
        writer.add(assignment_record(decision), hold=state.index.is_awaiting_look(decision.story))
        _settle(state, writer, state.index.second_looks())
    _settle(state, writer, state.index.second_looks(final=True))
    writer.flush()
    opened = state.index.next_story - first_story - (state.index.merged_away - merged_before)
    return StoriesReport(count, failed, resumed, opened, junk, duplicates)


def _settle(state: StoryState, writer: _Writer, looks: list[Look]) -> None:
    """Record where second looks moved articles, and release the lines of settled ones."""
    for look in looks:
        if look.story is not None:
            state.revise(look.article, look.story)
        writer.settle(look)


def group_file(
    input_path: str | Path,
    output: TextIO,
    state_folder: str | Path | None = None,
    fade_days: float = DEFAULT_FADE_DAYS,
    max_open: int = DEFAULT_MAX_OPEN,
    look_after: int = SECOND_LOOK_AFTER,
    on_error: Callable[[str], None] | None = None,
    stdin: TextIO | None = None,
    workers: int = 1,
) -> StoriesReport:
    """Group the articles of a JSON Lines file (or ``-``: standard input) into stories."""
    index = StoryIndex(fade_days=fade_days, max_open=max_open, look_after=look_after)
    if str(input_path) == "-":
        state = StoryState(state_folder, index)
        try:
            report = group_lines(
                stdin or sys.stdin, output, state, "stdin", on_error, workers=workers
            )
        except BaseException:
            state.abandon()
            raise
        state.close()
        return report
    path = open_json_lines_path(input_path)
    state = StoryState(state_folder, index)
    with path.open(encoding="utf-8", errors="replace") as stream:
        try:
            report = group_lines(stream, output, state, str(path), on_error, workers=workers)
        except BaseException:
            # what committed is in the output and the state; the rest is redone on resume
            state.abandon()
            raise
    state.close()
    return report
