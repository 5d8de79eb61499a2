"""The data that flows through newsfuse, stage to stage.

This module imports nothing from the package: every stage imports it, never the
other way round. Offsets (``start``, ``end``) always index ``Article.original``,
the article text exactly as it was given, so a caller can highlight a sentence
in the page it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.original``: ``original[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one article, with its place in the original text."""

    article: str
    index: int  # position among the article's body sentences, from 0
    start: int
    end: int
    text: str  # == article.original[start:end]
    paragraph: int = 0
    is_headline: bool = False


@dataclass(slots=True)
class Article:
    """One news report: the text as given, what cleaning kept, and its metadata."""

    id: str
    original: str
    title: str | None = None
    source: str | None = None  # outlet or site name
    url: str | None = None
    published: str | None = None  # ISO 8601 when known
    author: str | None = None
    language: str | None = None
    origin: str | None = None  # the file (and line) it was read from
    # filled in by cleaning: the spans of ``original`` that are article text
    kept: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cleaned article text: the kept spans, one paragraph each."""
        if not self.kept:
            return ""
        return "\n\n".join(self.original[span.start : span.end] for span in self.kept)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a summary sentence's content appears: article id and character span."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence of a summary, taken from ``article`` at ``start:end``.

    ``start:end`` spans the whole original sentence; ``text`` is that sentence with
    white space collapsed and, for English, possibly trimmed (a dateline, a
    parenthesis, a closing ", police said"): it only ever drops material.
    ``also_in`` lists other articles that report the same content (near-duplicate
    sentences that were merged into this one), each with its own span.
    """

    text: str
    article: str
    start: int
    end: int
    also_in: tuple[Citation, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.article, *(c.article for c in self.also_in))


@dataclass(slots=True)
class Summary:
    """A cited multi-document summary of one story."""

    articles: list[Article]
    sentences: list[SummarySentence]
    words: int  # the word budget asked for
    language: str = "english"
    method: str = "newsfuse"

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """Where one article of a stream went: the story it joined or opened.

    ``duplicate_of`` names an earlier article it is a near-copy of (the same wire
    copy in another outlet); ``junk`` says why a page is scrape junk (a log-in wall,
    an error page), which is kept out of stories: a story of its own.
    """

    article: str
    story: str
    score: float = 0.0  # similarity to the story it joined; 0 for a new story
    duplicate_of: str | None = None
    junk: str | None = None
    new_story: bool = False


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: the words between the marks, and who said them.

    ``start:end`` spans the quoted words without the marks. ``speaker`` is the
    fullest name the article gives the speaker (or the description used, such
    as "his mother"); ``speaker_start:speaker_end`` is the mention that
    governs this quotation (may be a pronoun), None when no speaker is found.
    """

    text: str
    article: str
    start: int
    end: int
    speaker: str | None = None
    role: str | None = None  # "coalition spokesman", "the joint staff director"
    cue: str | None = None  # "said in a statement", "told Military Times"
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that states a quantity: "500 to 1,000" ISIS fighters in Abu Kamal."""

    text: str  # the span: "500 to 1,000", "$400", "38 million", "two"
    article: str
    start: int
    end: int
    value: float | tuple[float, float]  # a plain number, or (low, high) for a range
    unit: str | None = None  # "fighters", "USD", "percent", "years"
    what: str | None = None  # "ISIS fighters in Abu Kamal"


# ------------------------------------------------------------ entities, timeline, comparison


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named: ``original[start:end]`` of ``article``."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, merged within and across articles.

    ``name`` is the fullest name used (without the role); ``aliases`` are the
    other names the text gives it ("ISIS", "Islamic State", "Daesh").
    """

    name: str
    kind: str  # "person" | "organization" | "place"
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    role: str | None = None  # "Iraqi Prime Minister"
    roles: tuple[str, ...] = ()  # every role the articles give

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.mentions))


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A sentence that dates something, and the date expression in it.

    ``start:end`` is the sentence; ``expression_start:expression_end`` the date
    words as written. ``date`` is ISO 8601 at ``precision`` ("2017", "2017-07",
    "2017-11-17"); ``earliest``/``latest`` bound it in days. All three are None
    when the date is relative and the article has no publication date.
    """

    text: str
    article: str
    start: int
    end: int
    expression: str
    expression_start: int
    expression_end: int
    precision: str  # "day" | "week" | "part-of-month" | "month" | "season" | "year"
    relative: bool  # read against the publication date ("Friday", "two years ago")
    date: str | None = None
    earliest: str | None = None
    latest: str | None = None
    order: int = 0  # rank in the story's timeline, from 0


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence (or quotation) behind a comparison item; ``value`` as written there."""

    article: str
    start: int
    end: int
    text: str
    value: str | None = None  # "500 to 1,000", "mid-July", the quoted words


@dataclass(frozen=True, slots=True)
class ComparisonItem:
    """A fact as the sources report it.

    ``kind``: "shared" (several outlets), "unique" (one outlet), or a difference:
    "conflict" (values that cannot both hold), "update" (the same, explained by
    later publication), "precision" (one fact, told more or less exactly),
    "wording" (one speaker, quoted in different words).
    """

    kind: str
    text: str  # one line saying what the item is
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    subject: str | None = None  # "ISIS fighters", "Mosul", "Haider al-Abadi"
    # shared: every source words it alike, most likely copies of one wire story (agreement,
    # not independent confirmation)
    same_wording: bool = False


@dataclass(slots=True)
class Comparison:
    """What the sources of one story agree on, report alone, and tell differently."""

    shared: list[ComparisonItem] = field(default_factory=list)
    unique: list[ComparisonItem] = field(default_factory=list)
    conflicts: list[ComparisonItem] = field(default_factory=list)  # every difference kind


@dataclass(slots=True)
class Analysis:
    """Everything newsfuse extracts from one story's articles, with provenance."""

    articles: list[Article]
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    comparison: Comparison = field(default_factory=Comparison)
    methods: dict[str, str] = field(default_factory=dict)  # {"entities": "spacy", ...}
