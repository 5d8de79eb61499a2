"""Online story grouping: each article joins the best open story or opens a new one.

An article is compared only with the stories that share one of its most
discriminative words or names (an inverted index), never with every story, so
the cost of an article does not grow with the number of stories. A story's
evidence is the sum of its articles' TF-IDF vectors of content words (what) and
of names (who and where), and a story that is tight (one event) asks more of the
next article than a loose one (a topic followed over days). A near-copy of an
article already seen (MinHash over word shingles) joins that article's story
whatever the scores say.

A story gets a second look once ``SECOND_LOOK_AFTER`` more articles have come since
its last one (or the input ends), if it is still small: a lone article moves to the best
story that has formed since, when that story is at least ``SECOND_LOOK_THRESHOLD``
alike; a story of up to ``SMALL_STORY`` articles merges, all of them, into a larger
one at least ``SMALL_LOOK_THRESHOLD`` alike. When it opened, the story it belongs to
may not have existed yet, or had too few articles to be recognised: a lone article
is the commonest split (a late report of a wire story, a short page of a long-running
topic), two halves of one wire story the next.

Stories fade: with publication times, a story untouched for ``fade_days`` of
stream time closes; in any case the least recently joined stories close once
``max_open`` are open. A closed story is never joined again and leaves memory.

Every change is recorded (``pending``) so that ``newsfuse.stories.state`` can
write it to disk in the same transaction as the articles that caused it.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from newsfuse.stories.features import ArticleFeatures
from newsfuse.types import StoryAssignment

# Calibrated on stories_dev.jsonl with benchmarks/eval_stories.py (a sweep, then
# the stability of F1 across random halves of the stream); few on purpose.
JOIN_THRESHOLD = 0.25  # combined similarity needed to join a story
NAME_SHARE = 0.4  # weight of the name similarity beside the content similarity
# a story whose articles are alike (one event) asks more of the next one than a loose
# story (a topic followed over days): an article must score at least this share of
# the story's mean joining score
COHESION_SHARE = 0.6
DEFAULT_FADE_DAYS = 7.0
DEFAULT_MAX_OPEN = 5_000

_QUERY_TERMS = 10  # an article looks for stories through its best terms and names ...
_SCORED_CANDIDATES = 8  # ... and scores the stories it found most often
_ARTICLE_TERMS = 80  # an article's vector keeps its strongest terms (most of its mass)
_STORY_INDEX_TERMS = 30  # a story is found through its best terms and names
_CENTROID_TERMS = 150  # a story keeps its strongest terms only: memory stays bounded
_REINDEX_EVERY = 4  # a story's best terms settle as it grows: look again every 4th article
_POSTING_CAP = 300  # a word shared by more open stories than this does not discriminate
# MinHash bands of 8 rows: a pair is found with probability 1-(1-J^8)^8, i.e. about 3 %
# at Jaccard 0.5, 77 % at 0.8 and 99 % at 0.9: only near-copies are caught.
_BANDS = 8
_VOCABULARY_CAP = 200_000  # document frequencies kept; beyond, words seen once are forgotten
# A lone article's second look: after this many more articles, at this similarity (below
# JOIN_THRESHOLD: the stories have grown since). Dev B-cubed F1 0.893 -> 0.908 in the given
# order, 0.878 -> 0.895 over random orders; any threshold 0.10-0.18 gives the same within
# 0.003, and a look after 100 articles instead of 500 gained about half as much (0.900).
SECOND_LOOK_AFTER = 500
SECOND_LOOK_THRESHOLD = 0.15
# A small story's second look: merged whole into a larger story this alike (its summed
# evidence against the other's). Asks more than a lone article's look: a few articles
# that kept together were told apart from that story once already.
SMALL_STORY = 5
SMALL_LOOK_THRESHOLD = 0.3
# An article dated year Y (a dateline at its top) does not join an undated story whose
# articles speak of years, none of them Y and the newest more than this before Y: that
# story is an earlier event of the same kind (a coach fired in 2005, another in 2008).
_DATED_GAP = 1


@dataclass(slots=True)
class Story:
    """An open story: the summed evidence of its articles."""

    id: str
    size: int = 0
    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    terms_square: float = 0.0  # squared length of ``terms``, kept up to date as it grows
    names_square: float = 0.0
    first_published: float | None = None
    last_published: float | None = None
    last_sequence: int = 0
    join_scores: float = 0.0  # summed similarity of the articles that joined it
    joins: int = 0
    bands: list[int] = field(default_factory=list)
    indexed: frozenset[str] = frozenset()
    years: set[int] = field(default_factory=set)  # years its articles write
    dated: bool = False  # one of its articles had a dateline
    opened_by: str = ""  # the article that opened it, ...
    dateline: int = 0  # ... that article's dateline year (0: none) ...
    looked: bool = False  # ... and whether the story has had its second look
    # its second look is due this many articles (SECOND_LOOK_AFTER) after this sequence
    # number: its opening, moved on to its last article while it grows
    look_from: int = 0
    # its articles, while it awaits its second look (at most SMALL_STORY): they move with it
    members: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "terms": self.terms,
            "names": self.names,
            "first_published": self.first_published,
            "last_published": self.last_published,
            "last_sequence": self.last_sequence,
            "terms_square": self.terms_square,
            "names_square": self.names_square,
            "indexed": sorted(self.indexed),
            "join_scores": self.join_scores,
            "joins": self.joins,
            "bands": self.bands,
            "years": sorted(self.years),
            "dated": self.dated,
            "opened_by": self.opened_by,
            "dateline": self.dateline,
            "looked": self.looked,
            "look_from": self.look_from,
            "members": self.members,
        }

    @classmethod
    def from_record(cls, story_id: str, record: dict[str, Any]) -> Story:
        story = cls(
            id=story_id,
            size=int(record["size"]),
            terms={str(k): float(v) for k, v in record["terms"].items()},
            names={str(k): float(v) for k, v in record["names"].items()},
            first_published=record.get("first_published"),
            last_published=record.get("last_published"),
            last_sequence=int(record.get("last_sequence", 0)),
            join_scores=float(record.get("join_scores", 0.0)),
            joins=int(record.get("joins", 0)),
            bands=[int(b) for b in record.get("bands", [])],
            years={int(year) for year in record.get("years", ())},
            dated=bool(record.get("dated", False)),
            opened_by=str(record.get("opened_by", "")),
            dateline=int(record.get("dateline", 0)),
            # a state written before second looks (or before small stories had theirs, which
            # lacks the members to move): its stories are not looked at again
            looked=bool(record.get("looked", "opened_by" not in record))
            or ("members" not in record and int(record["size"]) > 1),
            look_from=int(record.get("look_from", record.get("last_sequence", 0))),
            members=[str(m) for m in record.get("members", [record.get("opened_by", "")])],
            terms_square=float(record["terms_square"]),
            names_square=float(record["names_square"]),
        )
        # as it was, not recomputed: a resumed run must decide exactly as an unbroken one
        story.indexed = frozenset(record["indexed"])
        if story.looked:
            story.members = []
        return story


@dataclass(frozen=True, slots=True)
class Look:
    """A second look's word on one article: the story it moved to (``None``: it stays),
    and whether it is settled (its line may be written: its story will not move)."""

    article: str
    story: str | None
    settled: bool


@dataclass(slots=True)
class PendingChanges:
    """What changed since the last save: exactly what the state must write."""

    stories: set[str] = field(default_factory=set)  # joined or opened (maybe closed since)
    closed: dict[str, Story] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)  # a small story moved out whole: no story
    counted: set[str] = field(default_factory=set)  # keys whose frequency changed
    bands: dict[int, tuple[str, str]] = field(default_factory=dict)
    forgotten_terms: bool = False


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values())) or 1.0


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = _norm(vector)
    return {key: weight / norm for key, weight in vector.items()}


def _dot(query: dict[str, float], target: dict[str, float]) -> float:
    # the shared keys first, in C: most of an article's words are not in a given story;
    # fsum, as the set's order varies between processes and the sum must not
    return math.fsum([query[key] * target[key] for key in query.keys() & target.keys()])


def _add(
    summed: dict[str, float], square: float, vector: dict[str, float]
) -> tuple[dict[str, float], float]:
    """``summed + vector`` in place, and its squared length updated, not recomputed."""
    for key, weight in vector.items():
        old = summed.get(key, 0.0)
        summed[key] = new = old + weight
        square += new * new - old * old
    if len(summed) > _CENTROID_TERMS * 2:
        summed = {key: summed[key] for key in _top(summed, _CENTROID_TERMS)}
        square = sum(w * w for w in summed.values())
    return summed, square


def _top(vector: dict[str, float], count: int) -> list[str]:
    if len(vector) <= count:
        return list(vector)
    if count * 4 <= len(vector):  # a few of many: a heap, with the same ties as sorting
        return heapq.nlargest(count, vector, key=vector.__getitem__)
    return sorted(vector, key=vector.__getitem__, reverse=True)[:count]


def _band_keys(sketch: tuple[int, ...]) -> list[int]:
    if not sketch:
        return []
    rows = len(sketch) // _BANDS
    # hashing a tuple of ints is stable across runs (only str hashing is salted)
    return [hash((band, sketch[band * rows : (band + 1) * rows])) for band in range(_BANDS)]


def _widen_published(story: Story, published: float | None) -> None:
    """Stretch the story's first and last publication times to take in ``published``."""
    if published is None:
        return
    if story.first_published is None or published < story.first_published:
        story.first_published = published
    if story.last_published is None or published > story.last_published:
        story.last_published = published


def _earlier_event(story: Story, dateline: int) -> bool:
    """An undated story that speaks only of years well before the article's dateline."""
    if story.dated or not story.years or dateline in story.years:
        return False
    return max(story.years) < dateline - _DATED_GAP


class StoryIndex:
    """The open stories of a stream and what is needed to find them fast."""

    def __init__(
        self,
        fade_days: float = DEFAULT_FADE_DAYS,
        max_open: int = DEFAULT_MAX_OPEN,
        join_threshold: float = JOIN_THRESHOLD,
        name_share: float = NAME_SHARE,
        look_after: int = SECOND_LOOK_AFTER,
    ) -> None:
        self.fade_seconds = fade_days * 86400.0
        self.max_open = max_open
        self.join_threshold = join_threshold
        self.name_share = name_share
        self.look_after = look_after  # 0: no second looks
        self.stories: OrderedDict[str, Story] = OrderedDict()  # least recently joined first
        self.postings: dict[str, set[str]] = {}
        self.document_frequency: Counter[str] = Counter()
        self.documents = 0
        self.sequence = 0
        self.next_story = 1
        self.bands: dict[int, tuple[str, str]] = {}  # band key -> (article, story)
        self.latest_published: float | None = None
        self.pending = PendingChanges()
        self.scored = 0  # stories scored in this process: the cost of placing articles
        # small stories awaiting their second look, in the order it is due:
        # (the sequence it counts from, story id, the article that opened it)
        self.awaiting_look: deque[tuple[int, str, str]] = deque()
        # articles settled since the last second looks: their story grew past a look's
        # reach or closed before its look
        self.released: list[str] = []
        self.merged_away = 0  # stories this process merged into others on their look

    # ------------------------------------------------------------------ weights

    def _weigh(self, raw: dict[str, float], keep: int) -> dict[str, float]:
        frequency = self.document_frequency.get
        log = math.log
        scale = log(self.documents + 1) + 1.0
        weighted = {t: w * (scale - log(frequency(t, 0) + 1)) for t, w in raw.items()}
        if len(weighted) > keep:
            weighted = {t: weighted[t] for t in _top(weighted, keep)}
        norm = _norm(weighted)
        return {t: w / norm for t, w in weighted.items()}

    def _count_documents(self, features: ArticleFeatures) -> None:
        # term keys are stems or "#figures", name keys "@name": one namespace, no clash
        self.document_frequency.update(features.terms.keys())
        self.document_frequency.update(features.names.keys())
        self.pending.counted.update(features.terms.keys(), features.names.keys())
        self.documents += 1
        if len(self.document_frequency) > _VOCABULARY_CAP:
            self.document_frequency = Counter(
                {k: c for k, c in self.document_frequency.items() if c > 1}
            )
            self.pending.forgotten_terms = True

    # ------------------------------------------------------------------ lookup

    def _candidates(self, terms: dict[str, float], names: dict[str, float]) -> list[str]:
        keys = _top(terms, _QUERY_TERMS) + _top(names, _QUERY_TERMS)
        postings = [self.postings.get(key, ()) for key in keys]
        hits = Counter(chain.from_iterable(p for p in postings if len(p) <= _POSTING_CAP))
        # ties broken by id: set order varies between processes, decisions must not
        ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
        return [story_id for story_id, _ in ranked[:_SCORED_CANDIDATES]]

    def _duplicate(self, keys: list[int]) -> tuple[str, str] | None:
        for key in keys:
            hit = self.bands.get(key)
            if hit is not None and hit[1] in self.stories:
                return hit
        return None

    def _score(self, story: Story, terms: dict[str, float], names: dict[str, float]) -> float:
        content = _dot(terms, story.terms) / (math.sqrt(story.terms_square) or 1.0)
        named = (
            _dot(names, story.names) / math.sqrt(story.names_square)
            if names and story.names_square
            else 0.0
        )
        return (1.0 - self.name_share) * content + self.name_share * named

    # ------------------------------------------------------------------ update

    def _reindex(self, story: Story) -> None:
        wanted = frozenset(
            _top(story.terms, _STORY_INDEX_TERMS) + _top(story.names, _STORY_INDEX_TERMS)
        )
        for key in story.indexed - wanted:
            posting = self.postings.get(key)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self.postings[key]
        for key in wanted - story.indexed:
            self.postings.setdefault(key, set()).add(story.id)
        story.indexed = wanted

    def _close(self, story_id: str) -> None:
        story = self.stories.pop(story_id)
        if not story.looked:  # closed before its look: its articles stay where they are
            self.released += story.members
            story.looked, story.members = True, []
        for key in story.indexed:
            posting = self.postings.get(key)
            if posting is not None:
                posting.discard(story_id)
                if not posting:
                    del self.postings[key]
        for band in story.bands:
            if self.bands.get(band, ("", ""))[1] == story_id:
                del self.bands[band]
        self.pending.closed[story_id] = story

    def _fade(self, published: float | None) -> None:
        if published is not None:
            if self.latest_published is None or published > self.latest_published:
                self.latest_published = published
            horizon = self.latest_published - self.fade_seconds
            # stories are kept in order of last join; with times roughly in order the
            # first is the stalest, so a sweep is needed only when it has faded
            oldest = next(iter(self.stories.values()), None)
            if oldest and oldest.last_published is not None and oldest.last_published < horizon:
                for story in list(self.stories.values()):
                    if story.last_published is not None and story.last_published < horizon:
                        self._close(story.id)

    def _join(self, story: Story, terms: dict[str, float], names: dict[str, float],
              features: ArticleFeatures, article_id: str) -> None:  # fmt: skip
        story.size += 1
        if not story.looked and self.look_after > 0:
            story.members.append(article_id)
            self._settle_if_grown(story)
        story.terms, story.terms_square = _add(story.terms, story.terms_square, terms)
        story.names, story.names_square = _add(story.names, story.names_square, names)
        _widen_published(story, features.published)
        story.years |= features.years  # years 1950-2039 only: a few dozen at most
        story.dated = story.dated or features.dateline > 0
        story.last_sequence = self.sequence
        self.stories.move_to_end(story.id)
        if story.size <= _REINDEX_EVERY or story.size % _REINDEX_EVERY == 0:
            self._reindex(story)
        self.pending.stories.add(story.id)

    def _new_story_id(self) -> str:
        story_id = f"s{self.next_story:06d}"
        self.next_story += 1
        return story_id

    def assign(self, article_id: str, features: ArticleFeatures) -> StoryAssignment:
        """Place one article: into a story it copies, the best match, or a new story."""
        self.sequence += 1
        if features.junk is not None:
            return StoryAssignment(article_id, self._new_story_id(), junk=features.junk,
                                   new_story=True)  # fmt: skip
        self._fade(features.published)
        self._count_documents(features)
        terms = self._weigh(features.terms, _ARTICLE_TERMS)
        names = self._weigh(features.names, _ARTICLE_TERMS)
        band_keys = _band_keys(features.sketch)
        duplicate = self._duplicate(band_keys)
        best: Story | None = None
        best_score = 0.0
        duplicate_of: str | None = None
        if duplicate is not None:
            duplicate_of, story_id = duplicate
            best, best_score = self.stories[story_id], 1.0
        else:
            for story_id in self._candidates(terms, names):
                self.scored += 1
                story = self.stories[story_id]
                if features.dateline and _earlier_event(story, features.dateline):
                    continue
                score = self._score(story, terms, names)
                if story.joins and score < COHESION_SHARE * story.join_scores / story.joins:
                    continue
                if score > best_score:
                    best, best_score = story, score
        new_story = best is None or best_score < self.join_threshold
        if best is None or new_story:
            best = Story(id=self._new_story_id(), opened_by=article_id,
                         dateline=features.dateline, look_from=self.sequence,
                         looked=self.look_after <= 0)  # fmt: skip
            self.stories[best.id] = best
            if not best.looked:
                self._await_look(best)
        if not new_story and duplicate_of is None:
            best.join_scores += best_score
            best.joins += 1
        self._join(best, terms, names, features, article_id)
        while len(self.stories) > self.max_open:  # the least recently joined go first
            self._close(next(iter(self.stories)))
        for key in band_keys:
            if key not in self.bands:
                self.bands[key] = (article_id, best.id)
                self.pending.bands[key] = (article_id, best.id)
                best.bands.append(key)
        return StoryAssignment(article_id, best.id, score=round(best_score, 4),
                               duplicate_of=duplicate_of,
                        new_story=new_story)  # fmt: skip

    def second_looks(self, final: bool = False) -> list[Look]:
        """Give the small stories whose time has come (all of them, when ``final``) their
        second look: what moved, and which articles are settled (their lines may be
        written)."""
        horizon = self.sequence if final else self.sequence - self.look_after
        looks: list[Look] = []
        while self.awaiting_look and self.awaiting_look[0][0] <= horizon:
            _, story_id, _ = self.awaiting_look.popleft()
            story = self.stories.get(story_id)
            if story is None or story.looked:
                continue  # (settled when it closed or grew)
            if story.last_sequence > horizon and not final:
                # still growing: looked at once it has had as long since its last article
                # (dev random orders 0.894 looking from its opening, 0.898 from its last)
                story.look_from = story.last_sequence
                self.pending.stories.add(story.id)
                self._await_look(story)
                continue
            looks += self._second_look(story)
        looks += [Look(article, None, True) for article in self.released]
        self.released = []
        return looks

    def is_awaiting_look(self, story_id: str) -> bool:
        """Whether the articles of this story may still move (their lines must wait)."""
        story = self.stories.get(story_id)
        return story is not None and not story.looked and self.look_after > 0

    def _await_look(self, story: Story) -> None:
        entry = (story.look_from, story.id, story.opened_by)
        if self.awaiting_look and self.awaiting_look[-1] > entry:  # (put off, or restored)
            bisect.insort(self.awaiting_look, entry)
        else:
            self.awaiting_look.append(entry)

    def _second_look(self, small: Story) -> list[Look]:
        """Move a small story whole into the best larger story that is alike enough."""
        members, small.looked, small.members = small.members, True, []
        self.pending.stories.add(small.id)
        # a lone article's vectors are unit length already; a story's are sums
        terms = _unit(small.terms) if small.size > 1 else small.terms
        names = _unit(small.names) if small.size > 1 else small.names
        threshold = SECOND_LOOK_THRESHOLD if small.size == 1 else SMALL_LOOK_THRESHOLD
        best: Story | None = None
        best_score = 0.0
        for story_id in self._candidates(terms, names):
            story = self.stories[story_id]
            if story_id == small.id or story.size < small.size:
                continue
            # either may be the later event of the two (both directions of the dateline rule)
            if small.dateline and _earlier_event(story, small.dateline):
                continue
            if story.dateline and _earlier_event(small, story.dateline):
                continue
            score = self._score(story, terms, names)
            if score > best_score:
                best, best_score = story, score
        if best is None or best_score < threshold:
            return [Look(article, None, True) for article in members]
        bands = [(key, self.bands[key][0]) for key in small.bands
                 if self.bands.get(key, ("", ""))[1] == small.id]  # fmt: skip
        self._remove(small)
        best.join_scores += small.join_scores + best_score
        best.joins += small.joins + 1
        self._merge(best, small, bands)
        if best.looked or self._settle_if_grown(best):
            return [Look(article, best.id, True) for article in members]
        # the larger story awaits its own look: they wait, and move with it
        best.members += members
        return [Look(article, best.id, False) for article in members]

    def _settle_if_grown(self, story: Story) -> bool:
        """A story grown past ``SMALL_STORY`` has no second look: its articles are settled."""
        if story.looked or story.size <= SMALL_STORY:
            return story.looked
        story.looked = True
        self.released += story.members
        story.members = []
        return True

    def _remove(self, small: Story) -> None:
        """Take out a story whose articles all move: it never was a story."""
        self._close(small.id)
        del self.pending.closed[small.id]
        self.pending.stories.discard(small.id)
        self.pending.removed.add(small.id)
        self.merged_away += 1

    def _merge(self, story: Story, small: Story, bands: list[tuple[int, str]]) -> None:
        """Add the evidence of a small story to ``story``, as its joins would have."""
        story.size += small.size
        story.terms, story.terms_square = _add(story.terms, story.terms_square, small.terms)
        story.names, story.names_square = _add(story.names, story.names_square, small.names)
        _widen_published(story, small.first_published)
        _widen_published(story, small.last_published)
        story.years |= small.years
        story.dated = story.dated or small.dated
        story.last_sequence = self.sequence
        self.stories.move_to_end(story.id)
        self._reindex(story)
        for key, article in bands:  # its copies are found where it went
            if key not in self.bands:
                self.bands[key] = self.pending.bands[key] = (article, story.id)
                story.bands.append(key)
        self.pending.stories.add(story.id)

    def take_pending(self) -> PendingChanges:
        """The changes since the last call, handed over to be saved."""
        pending, self.pending = self.pending, PendingChanges()
        return pending

    def restore_story(self, story: Story) -> None:
        """Reopen a story read back from disk (in order of last join)."""
        self.stories[story.id] = story
        for key in story.indexed:
            self.postings.setdefault(key, set()).add(story.id)
        if not story.looked and self.look_after > 0:
            self._await_look(story)
