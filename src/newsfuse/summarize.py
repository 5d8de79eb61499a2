"""Multi-document extractive summaries with citations.

The method is concept coverage (Gillick & Favre 2009): a summary is good when it
covers the word bigrams that many articles of the story use. Each bigram of
stemmed words (not two stop words) is a concept, weighted by how many articles
contain it and whether it appears in their leads; sentences are picked greedily
for new concept weight per word until the word budget is spent. Because covered
concepts earn nothing twice, repeated content is not picked twice; sentences of
other articles that say the same thing are cited in ``also_in``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.language import Analyzer, detect_language, normalize_language
from newsfuse.text import prepare_article
from newsfuse.types import Article, Citation, Sentence, Summary, SummarySentence

DEFAULT_WORDS = 120

# Calibrated on the dev clusters (Multi-News, DUC 2003); see benchmarks/.
_MIN_SENTENCE_WORDS = 6
_MAX_SENTENCE_WORDS = 60
_LEAD_SENTENCES = 3  # concepts in an article's first sentences count extra
_LEAD_BONUS = 0.5
_REDUNDANT_SIMILARITY = 0.5  # cosine of content-word sets: above this, same content
_DUPLICATE_SIMILARITY = 0.6  # above this a sentence of another article is cited too
_NEW_SOURCE_BONUS = 0.15  # relative gain for an article not yet cited: briefs draw on many outlets
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?…。！？؟।][\"”’'»)\]]*$")


@dataclass(slots=True)
class _Candidate:
    sentence: Sentence
    article_position: int  # the article's place in the input
    relative_position: float  # 0 for an article's first sentence, toward 1 for its last
    word_count: int
    concepts: frozenset[tuple[str, str]]
    content: frozenset[str]


def _set_cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _analyse(
    articles: Sequence[Article], analyzer: Analyzer
) -> tuple[list[_Candidate], list[list[_Candidate]]]:
    """Every body sentence as a candidate (with its concepts), grouped by article."""
    by_article: list[list[_Candidate]] = []
    for position, article in enumerate(articles):
        body = [s for s in article.sentences if not s.is_headline]
        candidates = []
        for rank, sentence in enumerate(body):
            tokens = analyzer.tokens(sentence.text)
            if not tokens:  # "* * *", "..." : no words, nothing to say
                continue
            stems = [analyzer.stem(t) for t in tokens]
            stop = [analyzer.is_stop_word(t) for t in tokens]
            concepts = frozenset(
                (stems[i], stems[i + 1])
                for i in range(len(stems) - 1)
                if not (stop[i] and stop[i + 1])
            )
            content = frozenset(s for s, is_stop in zip(stems, stop, strict=True) if not is_stop)
            candidates.append(
                _Candidate(
                    sentence=sentence,
                    article_position=position,
                    relative_position=rank / max(len(body), 1),
                    word_count=len(sentence.text.split()),
                    concepts=concepts,
                    content=content,
                )
            )
        by_article.append(candidates)
    return [c for group in by_article for c in group], by_article


def _concept_weights(by_article: list[list[_Candidate]]) -> dict[tuple[str, str], float]:
    """Weight = articles that use the concept, plus a bonus for each lead that does."""
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for candidates in by_article:
        seen: set[tuple[str, str]] = set()
        lead: set[tuple[str, str]] = set()
        for rank, candidate in enumerate(candidates):
            seen |= candidate.concepts
            if rank < _LEAD_SENTENCES:
                lead |= candidate.concepts
        for concept in seen:
            weights[concept] += 1.0
        for concept in lead:
            weights[concept] += _LEAD_BONUS
    if len(by_article) > 1:
        # a concept only one article uses says nothing about what the story is
        weights = defaultdict(float, {c: w for c, w in weights.items() if w > 1.0 + _LEAD_BONUS})
    return weights


def _is_selectable(candidate: _Candidate) -> bool:
    text = candidate.sentence.text
    return (
        _MIN_SENTENCE_WORDS <= candidate.word_count <= _MAX_SENTENCE_WORDS
        and not text[0].islower()
        and _ENDS_LIKE_SENTENCE.search(text) is not None
        and not _continues_quotation(text)
    )


def _continues_quotation(text: str) -> bool:
    """True when the sentence closes a quotation opened in an earlier sentence."""
    first_close = text.find("”")
    if first_close != -1 and "“" not in text[:first_close]:
        return True
    wire_close = text.find("''")
    return wire_close != -1 and "``" not in text[:wire_close]


def _select(
    candidates: list[_Candidate], weights: dict[tuple[str, str], float], budget: int
) -> list[_Candidate]:
    """Greedy budgeted coverage: best new concept weight per word, until full."""
    pool = [c for c in candidates if _is_selectable(c)] or [
        c for c in candidates if c.word_count <= budget
    ]
    covered: set[tuple[str, str]] = set()
    cited: set[int] = set()
    chosen: list[_Candidate] = []
    used = 0
    while pool:
        best: _Candidate | None = None
        best_score = 0.0
        for candidate in pool:
            if used + candidate.word_count > budget:
                continue
            gain = sum(weights.get(c, 0.0) for c in candidate.concepts - covered)
            # earlier sentences win ties: leads state the news
            if candidate.article_position not in cited:
                gain *= 1.0 + _NEW_SOURCE_BONUS
            score = gain / candidate.word_count - 1e-6 * candidate.relative_position
            if score > best_score:
                best, best_score = candidate, score
        if best is None:
            break
        chosen.append(best)
        cited.add(best.article_position)
        used += best.word_count
        covered |= best.concepts
        pool = [
            c
            for c in pool
            if c is not best and _set_cosine(c.content, best.content) < _REDUNDANT_SIMILARITY
        ]
    if not chosen and candidates:
        # nothing fits the budget: the shortest sentence is still a better answer than none
        chosen = [min(candidates, key=lambda c: c.word_count)]
    return chosen


def _also_in(chosen: _Candidate, by_article: list[list[_Candidate]]) -> tuple[Citation, ...]:
    """The closest sentence of every other article that says the same thing."""
    citations = []
    for position, candidates in enumerate(by_article):
        if position == chosen.article_position:
            continue
        best = max(
            candidates,
            key=lambda c: _set_cosine(c.content, chosen.content),
            default=None,
        )
        if best is not None and _set_cosine(best.content, chosen.content) >= _DUPLICATE_SIMILARITY:
            sentence = best.sentence
            citations.append(Citation(sentence.article, sentence.start, sentence.end))
    return tuple(citations)


def _order(chosen: list[_Candidate], articles: Sequence[Article]) -> list[_Candidate]:
    """Chronological when every article is dated, else by place in the articles."""
    dates = [article.published for article in articles]
    if all(dates):
        return sorted(
            chosen,
            key=lambda c: (dates[c.article_position], c.relative_position),
        )
    return sorted(chosen, key=lambda c: (c.relative_position, c.article_position))


def _as_articles(articles: Sequence[Article | str]) -> list[Article]:
    prepared = []
    for index, item in enumerate(articles):
        article = Article(id=str(index), original=item) if isinstance(item, str) else item
        if not article.sentences:
            prepare_article(article)
        prepared.append(article)
    return prepared


def summarize(
    articles: Sequence[Article | str],
    words: int = DEFAULT_WORDS,
    language: str | None = None,
) -> Summary:
    """Summarize one story's articles in at most ``words`` words, citing sources.

    ``articles`` are ``Article`` objects (from ``newsfuse.read_articles``) or plain
    strings; they are cleaned and split here when that has not been done.
    ``language`` is a name or ISO code; detected from the text when omitted.
    """
    if words < 1:
        raise ValueError("words must be at least 1")
    prepared = _as_articles(articles)
    resolved = normalize_language(language) or detect_language(
        " ".join(a.original[:4000] for a in prepared[:10])
    )
    analyzer = Analyzer(resolved)
    candidates, by_article = _analyse(prepared, analyzer)
    weights = _concept_weights(by_article)
    chosen = _order(_select(candidates, weights, words), prepared)
    sentences = [
        SummarySentence(
            text=c.sentence.text,
            article=c.sentence.article,
            start=c.sentence.start,
            end=c.sentence.end,
            also_in=_also_in(c, by_article),
        )
        for c in chosen
    ]
    return Summary(articles=prepared, sentences=sentences, words=words, language=resolved)
