"""The story index on disk: one SQLite file, so a later run continues the same stories.

Consistency with the output: articles are saved in small transactions, and an
article's output line is written only after the transaction that holds its
assignment has committed. A run killed at any point (Ctrl-C, ``kill -9``) leaves
a state that answers every article already written, and holds nothing that a
resumed run would not also write; articles of a transaction that did not commit
are processed again, from the same state, to the same result.

SQLite's write-ahead log with ``synchronous=NORMAL`` makes a commit atomic and
durable against a crashed or killed process (not against a power cut, which
may lose the last transactions but never corrupts the file).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsfuse.errors import InputError, UsageError
from newsfuse.stories.index import Story, StoryIndex
from newsfuse.types import StoryAssignment

STATE_FILE = "stories.sqlite"
_STATE_VERSION = "2"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assignments (
    article TEXT PRIMARY KEY, sequence INTEGER NOT NULL, story TEXT NOT NULL,
    score REAL NOT NULL, duplicate_of TEXT, junk TEXT, new_story INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, open INTEGER NOT NULL, size INTEGER NOT NULL,
    first_published REAL, last_published REAL, last_sequence INTEGER NOT NULL,
    title TEXT, record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_frequency (term TEXT PRIMARY KEY, count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bands (story TEXT NOT NULL, key INTEGER NOT NULL,
    article TEXT NOT NULL, PRIMARY KEY (story, key)) WITHOUT ROWID;
"""
# Bands are kept by story, not by key: a key is held by one open story at a time but
# may pass to a later story once its holder closes, and rows kept in story order are
# appended near the end of the table, where keys in hash order would touch a page of
# the whole table each (a commit would rewrite more of it the longer the stream).


class StoryState:
    """A story index kept in ``DIR/stories.sqlite``; ``None`` keeps it in memory only."""

    def __init__(self, folder: str | Path | None, index: StoryIndex) -> None:
        self.index = index
        self._titles: dict[str, str] = {}  # titles of stories opened since the last commit
        # decisions since the last commit, with their sequence numbers
        self._waiting: dict[str, tuple[StoryAssignment, int]] = {}
        if folder is None:
            path = ":memory:"
        else:
            directory = Path(folder)
            if directory.exists() and not directory.is_dir():
                raise UsageError(f"--state {folder}: is a file; give a folder")
            directory.mkdir(parents=True, exist_ok=True)
            path = str(directory / STATE_FILE)
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # a fixed 16 MB of pages: a commit's updates of the frequencies and stories
            # are found in memory, not read back from the file
            self.db.execute("PRAGMA cache_size=-16384")
            self.db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as error:
            raise InputError(f"--state {folder}: not a newsfuse story state ({error})") from error
        self._load()
        self.db.execute("BEGIN")

    # ------------------------------------------------------------------ reading

    def _meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())

    def _load(self) -> None:
        meta = self._meta()
        if not meta:
            return
        if meta.get("version") != _STATE_VERSION:
            raise InputError(
                f"the story state is version {meta.get('version')}, this newsfuse reads "
                f"version {_STATE_VERSION}; start a new --state folder"
            )
        index = self.index
        index.documents = int(meta["documents"])
        index.sequence = int(meta["sequence"])
        index.next_story = int(meta["next_story"])
        latest = meta.get("latest_published")
        index.latest_published = float(latest) if latest else None
        index.document_frequency.update(
            dict(self.db.execute("SELECT term, count FROM document_frequency"))
        )
        rows = self.db.execute(
            "SELECT id, record FROM stories WHERE open = 1 ORDER BY last_sequence"
        )
        for story_id, record in rows:
            index.restore_story(Story.from_record(story_id, json.loads(record)))
        for key, article, story_id in self.db.execute(
            "SELECT b.key, b.article, b.story FROM bands b JOIN stories s ON s.id = b.story "
            "WHERE s.open = 1 ORDER BY b.story, b.key"
        ):
            index.bands[key] = (article, story_id)
        index.take_pending()  # what was just read is already on disk

    def lookup(self, article_id: str) -> StoryAssignment | None:
        """The decision stored for an article id, if it was assigned before."""
        found = self._waiting.get(article_id) or self._stored(article_id)
        return found[0] if found is not None else None

    def _stored(self, article_id: str) -> tuple[StoryAssignment, int] | None:
        """An article's committed decision and its place in the stream."""
        row = self.db.execute(
            "SELECT story, score, duplicate_of, junk, new_story, sequence FROM assignments "
            "WHERE article = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        story, score, duplicate_of, junk, new_story, sequence = row
        return StoryAssignment(
            article_id, story, score=score, duplicate_of=duplicate_of, junk=junk,
            new_story=bool(new_story),
        ), sequence  # fmt: skip

    def story_rows(self) -> list[dict[str, Any]]:
        """Every story: id, size, first and last publication time, title, open."""
        rows = self.db.execute(
            "SELECT id, size, first_published, last_published, title, open, last_sequence "
            "FROM stories ORDER BY id"
        )
        keys = ("id", "size", "first_published", "last_published", "title", "open",
                "last_sequence")  # fmt: skip
        return [dict(zip(keys, row, strict=True)) for row in rows]

    # ------------------------------------------------------------------ writing

    def record(self, decision: StoryAssignment, title: str | None = None) -> None:
        """Add one article's decision to the open transaction (written at the commit)."""
        self._waiting[decision.article] = (decision, self.index.sequence)
        if decision.junk is not None:
            self.db.execute(
                "INSERT OR REPLACE INTO stories VALUES (?, 0, 1, NULL, NULL, ?, ?, '{}')",
                (decision.story, self.index.sequence, title),
            )
        elif decision.new_story and title:
            self._titles[decision.story] = title

    def revise(self, article: str, story: str) -> None:
        """An article moved with its story on a second look: its new story, at its old
        place (a near-copy stays one)."""
        decision, sequence = (
            self._waiting.get(article)
            or self._stored(article)
            or (StoryAssignment(article, story), self.index.sequence)
        )
        self._waiting[article] = (replace(decision, story=story, new_story=False), sequence)

    def commit(self) -> None:
        """Write what the index changed and commit, with the decisions recorded since."""
        pending = self.index.take_pending()
        index = self.index
        self.db.executemany(
            "INSERT OR REPLACE INTO assignments VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(d.article, sequence, d.story, d.score, d.duplicate_of, d.junk, int(d.new_story))
             for d, sequence in self._waiting.values()],
        )  # fmt: skip
        self._waiting.clear()
        for story_id in pending.removed:  # a small story moved out whole: no such story
            self._titles.pop(story_id, None)
            self.db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            self.db.execute("DELETE FROM bands WHERE story = ?", (story_id,))
        changed = [(index.stories[s], 1) for s in pending.stories if s in index.stories]
        changed += [(story, 0) for story in pending.closed.values()]
        story_rows = [
            (story.id, is_open, story.size, story.first_published, story.last_published,
             story.last_sequence, self._titles.pop(story.id, None),
             json.dumps(story.to_record(), separators=(",", ":")))
            for story, is_open in changed
        ]  # fmt: skip
        self.db.executemany(
            "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "open = excluded.open, size = excluded.size, "
            "first_published = excluded.first_published, "
            "last_published = excluded.last_published, last_sequence = excluded.last_sequence, "
            "title = coalesce(stories.title, excluded.title), record = excluded.record",
            story_rows,
        )
        if pending.forgotten_terms:  # rare: the vocabulary was pruned, write it whole
            self.db.execute("DELETE FROM document_frequency")
            self.db.executemany(
                "INSERT INTO document_frequency VALUES (?, ?)", index.document_frequency.items()
            )
        else:  # the counts as they are now, for the keys counted since the last commit
            frequency = index.document_frequency
            self.db.executemany(
                "INSERT OR REPLACE INTO document_frequency VALUES (?, ?)",
                [(key, frequency[key]) for key in pending.counted],
            )
        self.db.executemany(
            "INSERT OR IGNORE INTO bands VALUES (?, ?, ?)",
            sorted((story, key, article) for key, (article, story) in pending.bands.items()),
        )
        meta = {
            "version": _STATE_VERSION,
            "documents": str(index.documents),
            "sequence": str(index.sequence),
            "next_story": str(index.next_story),
            "latest_published": "" if index.latest_published is None else
            repr(index.latest_published),
        }  # fmt: skip
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def close(self) -> None:
        """Commit what is pending and close the file."""
        self.commit()
        self.db.execute("COMMIT")
        self.db.close()

    def abandon(self) -> None:
        """Close without committing: the open transaction is rolled back."""
        self.db.execute("ROLLBACK")
        self.db.close()
