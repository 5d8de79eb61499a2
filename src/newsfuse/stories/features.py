"""What the story index needs from one article, computed with regular expressions only.

Grouping runs at thousands of articles a second, so there is no parser or tagger
here: content words (stop words dropped, stemmed), names (capitalized words that do
not open a sentence), figures and years the text states, word shingles for
near-duplicate detection, the year of a dateline at the top, and a scrape-junk verdict.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

import numpy as np

from newsfuse.language import Analyzer, stop_words_of_every_language

# Word tokens, any script; those with digits are left to _FIGURE (plain \w+ is several
# times faster than a letters-only class, and speed is what this module is for).
_WORD = re.compile(r"\w+")
# Figures that pin an event: "5.2", "23", "1,200", "2013"; with ":" or "/", times and dates.
_FIGURE = re.compile(r"\d[\d,.:/]*")
_YEAR_TEXT = re.compile(r"(?:19[5-9]|20[0-3])\d")
# A capitalized word inside a sentence (after a word, comma or closing bracket and one
# space) is a name; one that opens a sentence or a line may be any word.
_NAME = re.compile(r"(?<=[\w,;)] )[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*[\w]")
# A date at the top of a page ("July 25, 2005", "Tuesday 28 April 2009", "2013 - 09 - 26"):
# most often the day the article was written, when the page kept its dateline.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"(?i:{_MONTH})\s+\d{{1,2}}\s*,\s*((?:19|20)\d\d)(?!\d)"
    rf"|(?<!\d)\d{{1,2}}\s+(?i:{_MONTH})\s+((?:19|20)\d\d)(?!\d)"
    r"|(?<!\d)((?:19|20)\d\d)\s*[-/.]\s*[01]?\d\s*[-/.]\s*[0-3]?\d(?!\d)"
)
_DATELINE_CHARS = 300  # how far down the page a dateline may stand

# Pages that are not articles: log-in walls, error pages, crawl notices, widget text.
_JUNK_PHRASES = re.compile(
    r"""tweet\ with\ a\ location|you\ must\ log\ ?in\ to\ continue|page\ (?:was\ )?not\ found
      | this\ page\ (?:is\ not|isn'?t)\ available|404\ (?:error|not\ found)
      | ip\ address\ (?:has|may\ have)\ changed|the\ seed\ for\ this\ crawl
      | (?:enable|turn\ on)\ javascript|javascript\ (?:is\ )?(?:disabled|required)
      | your\ browser\ (?:is\ not|isn'?t)\ supported|access\ (?:to\ this\ page\ )?(?:is\ )?denied
      | please\ (?:log|sign)\ in\ to|subscribe\ to\ (?:continue|read)|are\ you\ a\ robot
      | we\ (?:use|value)\ cookies|this\ (?:video|content)\ is\ (?:not|no\ longer)\ available
      | terms\ of\ use\ information\ for
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A junk phrase only condemns a short page: a long article may quote one.
_JUNK_PHRASE_MAX_WORDS = 120
# Fewer content words than this and there is nothing to group on.
MIN_CONTENT_WORDS = 3

SHINGLE_WORDS = 4
MINHASH_PERMUTATIONS = 64
_rng = np.random.default_rng(20261124)  # fixed: sketches must agree between runs
_HASH_A = _rng.integers(1, 2**63, MINHASH_PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_HASH_B = _rng.integers(0, 2**63, MINHASH_PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """The evidence one article brings: terms, names, dates, shingle sketch."""

    terms: dict[str, float]  # stemmed content word -> sublinear term frequency
    names: dict[str, float]  # "@" + lowercased name word -> sublinear frequency
    years: frozenset[int]  # years written in the text
    published: float | None  # publication time, seconds since the epoch
    sketch: tuple[int, ...]  # MinHash of word shingles; () when too short
    content_words: int
    junk: str | None  # why this page is scrape junk, or None
    dateline: int = 0  # the year of a date at the top of the text, or 0


@cache
def _analyzer() -> Analyzer:
    return Analyzer("english")


_TERMS: dict[str, str] = {}  # word -> its stem, or "" for a stop word: one lookup a word
_TERMS_CACHE = 100_000


def _name_key(name: str) -> str:
    lowered = name.lower()
    key = "" if lowered in stop_words_of_every_language() else f"@{lowered}"
    _NAME_KEYS[name] = key
    return key


_NAME_KEYS: dict[str, str] = {}  # capitalized word -> "@" + lowercased, or "" for a stop word


def _term(word: str) -> str:
    if len(word) < 3 or word in stop_words_of_every_language() or not word.isalpha():
        term = ""  # figures are counted apart, as figures
    else:
        term = _analyzer().stem(word)
    _TERMS[word] = term
    return term


_FIGURES: dict[str, tuple[str, int]] = {}  # figure as written -> ("#" + key or "", year or 0)


def _figure(written: str) -> tuple[str, int]:
    figure = written.rstrip(".,")
    if ":" in figure or "/" in figure:  # a time or a date: not a figure that is counted
        read = ("", 0)
    else:
        year = int(figure) if _YEAR_TEXT.fullmatch(figure) else 0
        key = "" if figure in ("0", "1", "2", "3") else "#" + figure.replace(",", "")
        read = (key, year)
    _FIGURES[written] = read
    return read


def parse_published(value: str | None) -> float | None:
    """ISO 8601 (date or date and time) to seconds since the epoch; None if unreadable."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


_SUBLINEAR = [0.0] + [1.0 + math.log(count) for count in range(1, 1024)]


def _sublinear(counts: Counter[str]) -> dict[str, float]:
    """1 + log(count): a word said ten times says more than once, not ten times more."""
    table = _SUBLINEAR
    return {term: table[count if count < 1024 else 1023] for term, count in counts.items()}


# Shingles are hashed with a polynomial rolling hash over the bytes of the lowercased
# words, all at once in numpy (uint64 arithmetic wraps: that is the modulus). Not
# hash(): string hashing is salted per process, and sketches are kept between runs.
_SKETCH_BYTES = 1 << 12  # the first 600 words or so are enough to tell a copy
_ROLLING_BASE = 0x100000001B3  # odd, so invertible modulo 2**64
_POWERS = np.cumprod(np.full(_SKETCH_BYTES, _ROLLING_BASE, dtype=np.uint64), dtype=np.uint64)
_INVERSE_POWERS = np.cumprod(
    np.full(_SKETCH_BYTES, pow(_ROLLING_BASE, -1, 2**64), dtype=np.uint64), dtype=np.uint64
)
_SPACE = ord(" ") + 1
_SAMPLED_ABOVE = 160  # shingles; fewer are all kept


def _sketch(words: list[str]) -> tuple[int, ...]:
    """MinHash of the article's shingles of ``SHINGLE_WORDS`` words."""
    if len(words) < SHINGLE_WORDS * 2:
        return ()
    data = (" ".join(words) + " ").encode("utf-8")[:_SKETCH_BYTES]
    values = np.frombuffer(data, dtype=np.uint8).astype(np.uint64) + np.uint64(1)
    prefix = np.zeros(len(values) + 1, dtype=np.uint64)
    np.cumsum(values * _POWERS[: len(values)], out=prefix[1:])
    starts = np.concatenate(([0], np.flatnonzero(values == _SPACE) + 1))
    if len(starts) <= SHINGLE_WORDS:
        return ()
    first, last = starts[:-SHINGLE_WORDS], starts[SHINGLE_WORDS:]
    # hash of bytes [first, last): the prefix difference, shifted back to power 0
    shingles = (prefix[last] - prefix[first]) * _INVERSE_POWERS[first]
    if len(shingles) > _SAMPLED_ABOVE:
        # the same quarter of shingles in every article (chosen by hash value): Jaccard
        # on it estimates Jaccard on all, at a quarter of the cost
        shingles = shingles[(shingles >> np.uint64(62)) == 0]
    permuted = shingles[:, None] * _HASH_A[None, :] + _HASH_B[None, :]
    return tuple(permuted.min(axis=0).tolist())


def junk_reason(text: str, content_words: int) -> str | None:
    """Why a page is not an article (a log-in wall, an error page, nothing), or None."""
    if content_words <= _JUNK_PHRASE_MAX_WORDS:
        match = _JUNK_PHRASES.search(text)
        if match:
            return f"scrape junk: {match.group(0).lower()!r}"
    if content_words < MIN_CONTENT_WORDS:
        return "too short"
    return None


def extract_features(
    text: str, title: str | None = None, published: str | None = None
) -> ArticleFeatures:
    """Compute an article's features from its text (and title, when given apart)."""
    full = f"{title}\n{text}" if title and title not in text[: len(title) + 200] else text
    words = _WORD.findall(full.lower())
    if max(len(_TERMS), len(_NAME_KEYS), len(_FIGURES)) > _TERMS_CACHE:
        _TERMS.clear()  # a bound on memory; cleared between articles, never during one
        _NAME_KEYS.clear()
        _FIGURES.clear()
    # words to terms through one table, in C (map, Counter); a new word is looked up once.
    # set.difference against the dict tests the article's words only, never the table.
    for word in set(words).difference(_TERMS):
        _term(word)
    terms = Counter(map(_TERMS.__getitem__, words))
    terms.pop("", None)
    found_names = _NAME.findall(full)
    for name in set(found_names).difference(_NAME_KEYS):
        _name_key(name)
    names = Counter(map(_NAME_KEYS.__getitem__, found_names))
    names.pop("", None)
    figures = _FIGURE.findall(full)
    for figure in set(figures).difference(_FIGURES):
        _figure(figure)
    read = list(map(_FIGURES.__getitem__, figures))
    years = {year for _, year in read if year}
    # counted after the words and in text order, as the order of a vector's keys breaks
    # ties when its strongest terms are chosen
    terms.update([key for key, _ in read if key])
    content_words = sum(terms.values())
    dated = _DATELINE.search(full[:_DATELINE_CHARS])
    dateline = int(next(group for group in dated.groups() if group)) if dated else 0
    return ArticleFeatures(
        terms=_sublinear(terms),
        names=_sublinear(names),
        years=frozenset(years),
        published=parse_published(published),
        sketch=_sketch(words),
        content_words=content_words,
        junk=junk_reason(full, content_words),
        dateline=dateline,
    )
