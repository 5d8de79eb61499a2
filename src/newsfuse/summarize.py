"""Multi-document extractive summaries with citations.

The method is concept coverage (Gillick & Favre 2009): a summary is good when it
covers the word bigrams that the human summary of the story would use. Each
bigram of stemmed words (not two stop words) is a concept. Its weight is the
probability, from a logistic model over a few features (how many articles use
it, how early, in headlines, as names or numbers, and how often summaries use
its words), that a reference summary contains it; the model was fitted on the
dev clusters by ``benchmarks/train_summarizer.py`` and ships as
``data/summarizer.json`` (plain JSON, read with numpy). Sentences are then
picked greedily for new concept weight per word until the word budget is spent.
Covered concepts earn nothing twice, so repeated content is not picked twice;
sentences of other articles that say the same thing are cited in ``also_in``.

English sentences are trimmed before they are weighed (``trim``): datelines,
parentheses, attributions at the end and leading connectives cost words and
carry little; the summary sentence keeps the span of the whole original.
Cross-validated on the dev clusters (train on four fifths, score the rest),
the learned weights lift Multi-News F1 from 44.0/15.1 (document counts) to
46.3/15.9, and trimming lifts DUC recall from 40.6/12.6 to 42.3/13.5. Fitting
on the English MultiLing clusters too, with a small bonus for an article's first
sentences (``position_prior``), lifts MultiLing English from 49.7/20.2 to
50.4/22.2 and leaves the others within noise. A bonus for English sentences
with a quotation mark (``quotation_prior``; Multi-News summaries quote the
reports) lifts Multi-News from 46.2/15.9 to 47.0/16.8 and costs DUC 42.4/12.8 to
41.8/12.5 (on French MultiLing, not trained on, it cost a point: English only).
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import groupby
from operator import attrgetter
from typing import Any

import numpy as np

from newsfuse.language import (
    Analyzer,
    detect_language,
    lexicon_for,
    normalize_language,
    word_pattern,
)
from newsfuse.text import AGENCY_DATELINE, prepare_article
from newsfuse.types import Article, Citation, Sentence, Summary, SummarySentence

DEFAULT_WORDS = 120

# Calibrated on the dev clusters (Multi-News, DUC 2003); see benchmarks/.
_MIN_SENTENCE_WORDS = 6
_MAX_SENTENCE_WORDS = 60
_LEAD_SENTENCES = 3  # an article's first sentences: where news reports state the news
_REDUNDANT_SIMILARITY = 0.5  # cosine of content-word sets: above this, same content
_DUPLICATE_SIMILARITY = 0.6  # above this a sentence of another article is cited too
# a sentence ends with one of these, then maybe some closing quotes and brackets
_FINAL_CHARS = ".!?…。！？؟।"
_CLOSING_CHARS = "\"”’'»)]"

Concept = tuple[str, str]
TRIMMING = True

# The features of a concept, in the order of the model's weights.
FEATURES = (
    "document_share",  # share of the articles that use it
    "single_document",  # only one article uses it
    "log_count",  # log(1 + occurrences)
    "earliest",  # 1 / (1 + first sentence index, over the articles)
    "mean_earliest",  # mean over the articles that use it of 1 / (1 + first index)
    "lead_share",  # share of the articles whose first sentences use it
    "in_headline",  # a headline uses it
    "has_stop_word",
    "capitalized",  # share of occurrences written as names
    "has_digit",
    "word_share",  # share of articles using its rarer word
    "sentence_share",  # share of the story's sentences that use it
    "log_documents",  # log(number of articles): the story's size
    "share_x_log_documents",  # agreement counts more in larger stories
    "rarer_word_count",  # log(1 + occurrences of its rarer content word) / log(1 + sentences)
    "commoner_word_count",  # the same for its commoner content word
    "earliest_relative",  # first place in an article, as a share of its length
    "document_share_squared",
    "rarer_word_prior",  # log-odds that a summary uses a word that the articles use,
    "commoner_word_prior",  # learned over the dev stories: a word's general news value
)


@dataclass(slots=True)
class _Candidate:
    sentence: Sentence
    article_position: int  # the article's place in the input
    rank: int  # the sentence's place among its article's body sentences
    relative_position: float  # 0 for an article's first sentence, toward 1 for its last
    word_count: int
    concepts: frozenset[int]  # indexes into _Story.concepts
    text: str  # the sentence, or what trimming kept of it
    content: frozenset[int]  # its content words, as numbers of _Story.stems
    in_quotation: bool = False  # inside a quotation opened by an earlier sentence


@dataclass(slots=True)
class _Story:
    """What the summarizer knows about one story's articles.

    Concepts are numbered in the order the articles first use them; the arrays
    beside ``concept_keys`` hold, per concept, what the articles do with it (all of
    the same length). Words are the story's stems, numbered as in ``stems``; the
    word arrays index by that number.
    """

    candidates: list[_Candidate]
    by_article: list[list[_Candidate]]
    concept_keys: np.ndarray  # first word * len(stems) + second word
    count: np.ndarray  # sentences that use it
    capitalized: np.ndarray  # of those, how many write it as a name
    documents: np.ndarray  # articles that use it
    earliest: np.ndarray  # first sentence index, over the articles
    earliest_sum: np.ndarray  # sum over articles of 1 / (1 + first index there)
    earliest_relative: np.ndarray  # first place as a share of the article's length
    lead_documents: np.ndarray  # articles whose first sentences use it
    in_headline: np.ndarray
    stem_ids: np.ndarray  # the lexicon's number of each story word
    # the lexicon's stems by number: clearing the lexicon starts a new list, so this one
    # stays right for the story
    lexicon_stems: list[str]
    word_documents: np.ndarray  # articles whose body uses the word as a content word
    word_counts: np.ndarray  # its occurrences as a content word in bodies
    word_is_stop: np.ndarray  # some occurrence of it is a stop word
    word_has_digit: np.ndarray
    sentences: int
    language: str

    @property
    def stems(self) -> list[str]:
        """The story's words (stems), in word-number order."""
        return [self.lexicon_stems[i] for i in self.stem_ids.tolist()]

    @property
    def concepts(self) -> list[Concept]:
        """Every concept as its two stems, in concept order."""
        stems = self.stems
        size = max(len(stems), 1)
        return [(stems[k // size], stems[k % size]) for k in self.concept_keys.tolist()]


@dataclass(frozen=True)
class SummarizerModel:
    """Concept weights (a logistic model) and the selection's settings."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]  # features are standardized before the dot product
    scale: tuple[float, ...]
    exponent: float = 1.0  # weight = probability ** exponent
    length_penalty: float = 1.0  # gain / words ** length_penalty
    position_prior: float = 0.0  # bonus weight for an article's early sentences
    quotation_prior: float = 0.0  # bonus weight for a sentence with a quotation mark
    # log-odds that a reference summary uses a stem, given that the articles do
    word_prior: dict[str, float] = field(default_factory=dict)
    default_word_prior: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummarizerModel:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("summarizer model was trained on other features")
        return cls(
            weights=tuple(data["weights"]),
            bias=float(data["bias"]),
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            exponent=float(data.get("exponent", 1.0)),
            length_penalty=float(data.get("length_penalty", 1.0)),
            position_prior=float(data.get("position_prior", 0.0)),
            quotation_prior=float(data.get("quotation_prior", 0.0)),
            word_prior={w: float(v) for w, v in data.get("word_prior", {}).items()},
            default_word_prior=float(data.get("default_word_prior", 0.0)),
        )


@cache
def default_model() -> SummarizerModel | None:
    """The shipped model, or None when it is missing (then: document counts)."""
    try:
        raw = resources.files("newsfuse").joinpath("data/summarizer.json").read_text("utf-8")
    except FileNotFoundError:
        return None
    return SummarizerModel.from_dict(json.loads(raw))


def _set_cosine(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:(?:he|she|they|it|officials|police|authorities|witnesses|experts|sources)"
    r"|the\s+(?:[a-z]+\s+)?(?:company|police|ministry|agency|government|spokesman|"
    r"spokeswoman|official|officials|report|statement|newspaper|department|military|army)"
    r"|(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}?)\s*(?:said|says|reported|reports|told\s+[\w\s]{1,40}?)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"in\s+a\s+statement))?(?=[.!?][\"”’']?$)"
)
_ACCORDING_TO = re.compile(r",\s+according\s+to\s+[^,;.]{3,60}(?=[.!?][\"”’']?$)")
_PARENTHETICAL = re.compile(r"\s+\([^()]{1,60}\)(?=[\s,.;:])")
_LEADING_ADVERBIAL = re.compile(
    r"^(?:However|Meanwhile|Still|Moreover|Furthermore|In addition|Also|Separately|"
    r"Earlier|Later|In a statement|On (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (?:morning|afternoon|evening|night))?),\s+(?=[A-Z])"
)


def trim(text: str) -> str:
    """``text`` without material a brief does not need: attributions at the end
    ("..., police said."), parentheses, leading connectives before a capital.

    Only drops words: what is left reads in the same order as the original.
    """
    # each pattern needs a fixed word or mark: looking for it first skips most sentences
    trimmed = text
    if "(" in trimmed:
        trimmed = AGENCY_DATELINE.sub("", trimmed)
    if "said" in trimmed or "says" in trimmed or "report" in trimmed or "told" in trimmed:
        trimmed = _TRAILING_ATTRIBUTION.sub("", trimmed)
    if "according" in trimmed:
        trimmed = _ACCORDING_TO.sub("", trimmed)
    if "(" in trimmed:
        trimmed = _PARENTHETICAL.sub("", trimmed)
    if "," in trimmed:
        trimmed = _LEADING_ADVERBIAL.sub("", trimmed)
    if trimmed is text:
        return text
    return trimmed if len(trimmed.split()) >= 4 else text


def _analyse(articles: Sequence[Article], analyzer: Analyzer) -> _Story:
    """Every body sentence as a candidate, and what each concept does in the story.

    The words of all sentences go into flat arrays, one entry per token; concepts,
    their occurrences and the word counts are then worked out with numpy.
    """
    lexicon = lexicon_for(analyzer.language)
    trimming = TRIMMING and analyzer.language == "english"
    kept: list[tuple[Sentence, str, bool]] = []  # sentences with words: text, quoted
    sentence_article: list[int] = []
    sentence_rank: list[int] = []  # place among the article's body sentences; -1: headline
    body_counts: list[int] = []
    tokens: list[str] = []
    lengths: list[int] = []
    for position, article in enumerate(articles):
        quoted = _inside_quotation(article.sentences)
        body_counts.append(max(sum(not s.is_headline for s in article.sentences), 1))
        rank = -1
        for sentence, in_quotation in zip(article.sentences, quoted, strict=True):
            text = trim(sentence.text) if trimming else sentence.text
            # picked per sentence: most are ASCII, the quickest pattern's case
            words = word_pattern(text).findall(text)
            if not words:  # "* * *", "..." : no words, nothing to say
                continue
            if not sentence.is_headline:
                rank += 1
            kept.append((sentence, text, in_quotation))
            sentence_article.append(position)
            sentence_rank.append(-1 if sentence.is_headline else rank)
            tokens.extend(words)
            lengths.append(len(words))

    sentence_count = len(kept)
    sizes = np.asarray(lengths, dtype=np.int64)
    starts = np.zeros(sentence_count + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    global_stem, stop, capital = lexicon.lookup(tokens)
    # the story's words, numbered in stem-id order (as np.unique would): marking them in
    # a table as long as the lexicon's stems is quicker than sorting the tokens
    present = np.zeros(len(lexicon.stems), dtype=bool)
    present[global_stem] = True
    stem_ids = np.flatnonzero(present)
    story_word = np.empty(len(present), dtype=np.int64)
    story_word[stem_ids] = np.arange(len(stem_ids))
    stem = story_word[global_stem]
    word_total = len(stem_ids)
    token_sentence = np.repeat(np.arange(sentence_count, dtype=np.int64), sizes)
    is_headline = np.asarray(sentence_rank, dtype=np.int64) < 0
    article_of_sentence = np.asarray(sentence_article, dtype=np.int64)

    # a concept: two neighbouring words of one sentence, not both stop words
    left = np.flatnonzero((token_sentence[:-1] == token_sentence[1:]) & ~(stop[:-1] & stop[1:]))
    right = left + 1
    opens_sentence = np.zeros(len(tokens), dtype=bool)
    opens_sentence[starts[:-1]] = True
    # capitals on both words, not at the sentence's start: a name
    named = capital[left] & capital[right] & ~opens_sentence[left]
    pair_keys = stem[left] * word_total + stem[right]
    pair_sentence = token_sentence[left]
    pair_total = len(left)
    # One stable sort groups the pairs by concept, each group in text order (so in
    # sentence order too): what np.unique gives, and the (sentence, concept) groups
    # besides, without a second sort.
    by_key = np.argsort(pair_keys, kind="stable")
    sorted_keys = pair_keys[by_key]
    opens_concept = np.empty(pair_total, dtype=bool)
    opens_concept[:1] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=opens_concept[1:])
    # concepts are numbered in the order of their first use
    first_use = np.zeros(pair_total, dtype=bool)
    first_use[by_key[opens_concept]] = True
    concept_keys = pair_keys[first_use]
    size = len(concept_keys)
    number_at = np.cumsum(first_use) - 1
    concept = np.empty(pair_total, dtype=np.int64)
    concept[by_key] = number_at[by_key[opens_concept]][np.cumsum(opens_concept) - 1]

    # one occurrence per (sentence, concept), in sentence order, then first use
    sorted_sentences = pair_sentence[by_key]
    opens_occurrence = opens_concept.copy()
    opens_occurrence[1:] |= sorted_sentences[1:] != sorted_sentences[:-1]
    occurrence_first = by_key[opens_occurrence]
    named_any = np.zeros(pair_total, dtype=bool)
    named_any[occurrence_first] = (
        np.bincount(np.cumsum(opens_occurrence) - 1, weights=named[by_key]) > 0
    )
    first_occurrence = np.zeros(pair_total, dtype=bool)
    first_occurrence[occurrence_first] = True
    occurrence_at = np.flatnonzero(first_occurrence)
    occurrence_sentence = pair_sentence[occurrence_at]
    occurrence_concept = concept[occurrence_at]
    occurrence_named = named_any[occurrence_at]
    occurrence_bounds = np.searchsorted(occurrence_sentence, np.arange(sentence_count + 1)).tolist()
    in_body = ~is_headline[occurrence_sentence]
    concept_of = occurrence_concept[in_body]
    headline_concepts = occurrence_concept[~in_body]

    content_at = np.flatnonzero(~stop)
    content_bounds = np.searchsorted(content_at, starts).tolist()
    content_words = stem[content_at]
    word_is_stop = np.zeros(word_total, dtype=bool)
    word_is_stop[stem[stop]] = True
    body_content = ~is_headline[token_sentence[content_at]]
    body_words = content_words[body_content]
    word_counts = np.bincount(body_words, minlength=word_total).astype(np.float64)
    # distinct (article, word) pairs; sorting is quicker than np.unique's hash table here
    word_in_article = np.sort(
        article_of_sentence[token_sentence[content_at[body_content]]] * word_total + body_words
    )
    distinct = np.empty(len(word_in_article), dtype=bool)  # np.diff's prepend copies
    distinct[:1] = True
    np.not_equal(word_in_article[1:], word_in_article[:-1], out=distinct[1:])
    word_in_article = word_in_article[distinct]
    word_documents = np.bincount(word_in_article % max(word_total, 1), minlength=word_total).astype(
        np.float64
    )

    # the concepts and content words of each sentence, as sets, without a Python loop
    concept_sets = map(
        frozenset,
        map(
            occurrence_concept.tolist().__getitem__,
            map(slice, occurrence_bounds, occurrence_bounds[1:]),
        ),
    )
    content_sets = map(
        frozenset,
        map(content_words.tolist().__getitem__, map(slice, content_bounds, content_bounds[1:])),
    )
    by_article: list[list[_Candidate]] = [[] for _ in articles]
    for (sentence, text, in_quotation), position, rank, concepts, content in zip(
        kept, sentence_article, sentence_rank, concept_sets, content_sets, strict=True
    ):
        if rank < 0:
            continue
        by_article[position].append(
            _Candidate(
                sentence,
                position,
                rank,
                rank / body_counts[position],
                len(text.split()),
                concepts,
                text,
                content,
                in_quotation,
            )
        )

    # where each article first uses each concept, in its body: the body's pairs grouped
    # by concept, each group in text order (so in article order), where the article changes
    body_pairs = by_key[~is_headline[sorted_sentences]]
    body_concepts = concept[body_pairs]
    body_articles = article_of_sentence[pair_sentence[body_pairs]]
    opens_use = np.empty(len(body_pairs), dtype=bool)
    opens_use[:1] = True
    opens_use[1:] = (body_concepts[1:] != body_concepts[:-1]) | (
        body_articles[1:] != body_articles[:-1]
    )
    first_concept = body_concepts[opens_use]
    first_article = body_articles[opens_use]
    first_rank = np.asarray(sentence_rank, dtype=np.float64)[pair_sentence[body_pairs[opens_use]]]
    earliest = np.full(size, float(1 << 30))
    np.minimum.at(earliest, first_concept, first_rank)
    earliest_relative = np.ones(size)
    np.minimum.at(
        earliest_relative, first_concept, first_rank / np.asarray(body_counts)[first_article]
    )
    in_headline = np.zeros(size)
    in_headline[headline_concepts] = 1.0
    return _Story(
        candidates=[c for group in by_article for c in group],
        by_article=by_article,
        concept_keys=concept_keys,
        count=np.bincount(concept_of, minlength=size).astype(np.float64),
        capitalized=np.bincount(
            concept_of, weights=occurrence_named[in_body].astype(np.float64), minlength=size
        ),
        documents=np.bincount(first_concept, minlength=size).astype(np.float64),
        earliest=earliest,
        earliest_sum=np.bincount(first_concept, weights=1.0 / (1.0 + first_rank), minlength=size),
        earliest_relative=earliest_relative,
        lead_documents=np.bincount(
            first_concept, weights=(first_rank < _LEAD_SENTENCES).astype(float), minlength=size
        ),
        in_headline=in_headline,
        stem_ids=stem_ids,
        lexicon_stems=lexicon.stems,
        word_documents=word_documents,
        word_counts=word_counts,
        word_is_stop=word_is_stop,
        word_has_digit=lexicon.stem_has_digit(stem_ids),
        sentences=int(np.count_nonzero(~is_headline)),
        language=analyzer.language,
    )


_prior_cache: list[Any] = [None, None, 0.0, np.zeros(0)]  # stems, table, default, priors


def _stem_priors(stems: list[str], table: dict[str, float], default: float) -> np.ndarray:
    """``table``'s value (``default`` when absent) of every stem of the lexicon list
    ``stems``, by stem number: one lookup per stem while the lexicon lives, not one
    per story. The list only grows until the lexicon starts a new one."""
    cached_stems, cached_table, cached_default, priors = _prior_cache
    if cached_stems is not stems or cached_table is not table or cached_default != default:
        priors = np.zeros(0)
    if len(priors) < len(stems):
        get = table.get
        fresh = np.array([get(stem, default) for stem in stems[len(priors) :]], float)
        priors = np.concatenate((priors, fresh))
    _prior_cache[:] = [stems, table, default, priors]
    result: np.ndarray = priors
    return result


def concept_features(
    story: _Story, model: SummarizerModel | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The FEATURES of the concepts the story's body uses: (concept indexes, rows).

    Concepts only a headline uses are left out: no sentence can cover them.
    """
    used = np.flatnonzero(story.documents)
    size = len(used)
    documents = max(len(story.by_article), 1)
    log_documents = math.log(documents)
    sentences = max(story.sentences, 1)
    # word-level values, one per stem of the story, then gathered per concept
    keys = story.concept_keys[used]
    word_total = len(story.stem_ids)
    first = keys // max(word_total, 1)
    second = keys % max(word_total, 1)
    # the word prior was learned on English stems: elsewhere every word is unknown
    word_prior = model.word_prior if model and story.language == "english" else {}
    default_prior = model.default_word_prior if model else 0.0
    is_stop = story.word_is_stop
    word_documents = np.where(story.word_documents > 0, story.word_documents, float(documents))
    if word_prior:
        priors = _stem_priors(story.lexicon_stems, word_prior, default_prior)[story.stem_ids]
    else:
        priors = np.full(word_total, default_prior)
    has_digit = story.word_has_digit

    count = story.count[used]
    used_by = story.documents[used]
    share = used_by / documents
    log_sentences = math.log1p(sentences)
    # of the words a content word (occurrences > 0), the rarer and the commoner; 0 for none
    first_count = story.word_counts[first]
    second_count = story.word_counts[second]
    commoner_count = np.maximum(first_count, second_count)
    lower_count = np.minimum(first_count, second_count)
    rarer_count = np.where(lower_count > 0, lower_count, commoner_count)
    # one feature per row, then transposed into a C-ordered copy: half the time of
    # np.column_stack, the same array
    columns = np.array(
        (
            share,
            used_by == 1,
            np.log1p(count),
            1.0 / (1.0 + story.earliest[used]),
            story.earliest_sum[used] / used_by,
            story.lead_documents[used] / documents,
            story.in_headline[used],
            is_stop[first] | is_stop[second],
            story.capitalized[used] / count,
            has_digit[first] | has_digit[second],
            np.minimum(word_documents[first], word_documents[second]) / documents,
            count / sentences,
            np.full(size, log_documents),
            share * log_documents,
            np.log1p(rarer_count) / log_sentences,
            np.log1p(commoner_count) / log_sentences,
            story.earliest_relative[used],
            share * share,
            np.minimum(priors[first], priors[second]),
            np.maximum(priors[first], priors[second]),
        ),
        dtype=np.float64,
    )
    rows: np.ndarray = columns.T.copy()
    return used, rows


def _concept_weights(story: _Story, model: SummarizerModel | None) -> list[float]:
    """A weight per concept of ``story.concepts`` (0 for those no body sentence uses)."""
    weights = np.zeros(len(story.concept_keys))
    used, rows = concept_features(story, model)
    if not len(used):
        return weights.tolist()
    if model is None:
        # without a model: articles that use the concept, more for leads
        documents = len(story.by_article)
        raw = rows[:, 0] * documents + 0.5 * rows[:, 5] * documents
        if documents > 1:
            raw = np.where(rows[:, 1] > 0, 0.0, raw)
        weights[used] = raw
        return weights.tolist()
    rows -= model.mean  # in place: the rows are this call's own, and it saves two copies
    rows /= model.scale
    logits = rows @ np.asarray(model.weights) + model.bias
    probability = 1.0 / (1.0 + np.exp(-logits))
    weights[used] = probability**model.exponent
    return weights.tolist()


def _is_selectable(candidate: _Candidate) -> bool:
    text = candidate.sentence.text
    return (
        _MIN_SENTENCE_WORDS <= candidate.word_count <= _MAX_SENTENCE_WORDS
        and not candidate.in_quotation
        and not text[0].islower()
        and _ends_like_sentence(text)
        and not _continues_quotation(text)
    )


def _ends_like_sentence(text: str) -> bool:
    """A final mark, then only closing quotes or brackets (and maybe a line break)."""
    core = (text[:-1] if text.endswith("\n") else text).rstrip(_CLOSING_CHARS)
    return bool(core) and core[-1] in _FINAL_CHARS


# Quotation marks by kind: curly, wire (``...''), straight (the same mark both ways).
_QUOTE_MARK = re.compile(r"[“”\"]|``|''")
_QUOTE_KIND = {"“": "curly", "”": "curly", "``": "wire", "''": "wire", '"': "straight"}
_OPENING_MARKS = ("“", "``")


def _inside_quotation(sentences: Sequence[Sentence]) -> list[bool]:
    """Per sentence: does a quotation opened by an earlier sentence of its paragraph
    run through it and close in it or a later sentence of that paragraph?

    The middle sentence of “A. B. C.” read alone is an orphan. A quotation that does
    not close inside its paragraph is left alone: a stray mark or an inch sign must
    not take the rest of the paragraph with it.
    """
    inside = [False] * len(sentences)
    number = 0  # of the paragraph's first sentence
    # paragraph by paragraph: a paragraph of one sentence has no earlier sentence to open
    # a quotation in, and most paragraphs of news are one sentence long
    for _, group in groupby(sentences, key=_paragraph_of):
        paragraph = list(group)
        if len(paragraph) > 1:
            _mark_inside(paragraph, number, inside)
        number += len(paragraph)
    return inside


_paragraph_of = attrgetter("paragraph")


def _mark_inside(paragraph: list[Sentence], first: int, inside: list[bool]) -> None:
    """``_inside_quotation`` for one paragraph, whose first sentence is number ``first``."""
    open_kinds: set[str] = set()
    # sentences that start inside a quotation, with the kinds of marks open there
    waiting: list[tuple[int, frozenset[str]]] = []
    for number, sentence in enumerate(paragraph, first):
        if open_kinds:
            waiting.append((number, frozenset(open_kinds)))
        text = sentence.text
        if not _has_quotation_mark(text):
            continue  # most sentences hold no quotation mark: a quicker look than the pattern
        for mark in _QUOTE_MARK.findall(text):
            kind = _QUOTE_KIND[mark]
            if mark in _OPENING_MARKS or kind not in open_kinds:
                if mark in _OPENING_MARKS or mark == '"':
                    open_kinds.add(kind)
                continue
            open_kinds.discard(kind)
            # the quotation that the waiting sentences of this kind started in closes
            for waiting_number, kinds in waiting:
                if kind in kinds:
                    inside[waiting_number] = True
            waiting = [entry for entry in waiting if kind not in entry[1]]


def _continues_quotation(text: str) -> bool:
    """True when the sentence closes a quotation opened in an earlier sentence."""
    first_close = text.find("”")
    if first_close != -1 and "“" not in text[:first_close]:
        return True
    wire_close = text.find("''")
    return wire_close != -1 and "``" not in text[:wire_close]


def _has_quotation_mark(text: str) -> bool:
    """Any mark of ``_QUOTE_MARK``: substring tests are quicker than the pattern."""
    return '"' in text or "“" in text or "”" in text or "``" in text or "''" in text


def _select(
    candidates: list[_Candidate],
    weights: list[float],
    budget: int,
    model: SummarizerModel | None,
    language: str,
) -> list[_Candidate]:
    """Greedy budgeted coverage: best new concept weight per word, until full."""
    pool = [c for c in candidates if _is_selectable(c)] or [
        c for c in candidates if c.word_count <= budget
    ]
    length_penalty = model.length_penalty if model else 1.0
    position_prior = model.position_prior if model else 0.0
    # learned on English clusters; on the French MultiLing ones it costs 1 R-1 point
    quotation_prior = model.quotation_prior if model and language == "english" else 0.0
    # web summaries (Multi-News) quote the reports: a quoting sentence is worth more
    quoting = [bool(quotation_prior) and _has_quotation_mark(c.sentence.text) for c in pool]

    def score(index: int) -> float:
        candidate = pool[index]
        concepts = candidate.concepts - covered if covered else candidate.concepts
        gain = sum(map(weights.__getitem__, concepts))
        prior = position_prior / (1.0 + candidate.rank) - 1e-6 * candidate.relative_position
        if quoting[index]:
            prior += quotation_prior
        return (gain + prior) / math.pow(candidate.word_count, length_penalty)

    covered: set[int] = set()
    chosen: list[_Candidate] = []
    used = 0
    # Lazy greedy: a score only falls as concepts get covered, so a candidate whose
    # fresh score still beats every other's last score is the best one (ties go to
    # the earlier candidate, as in a full scan).
    heap = [(-score(index), index) for index, c in enumerate(pool) if c.word_count <= budget]
    heapq.heapify(heap)
    while heap:
        _, index = heapq.heappop(heap)
        candidate = pool[index]
        if used + candidate.word_count > budget or any(
            _set_cosine(candidate.content, c.content) >= _REDUNDANT_SIMILARITY for c in chosen
        ):
            continue  # it will never fit, or says what the summary says
        fresh = (-score(index), index)
        if heap and fresh > heap[0]:
            heapq.heappush(heap, fresh)
            continue
        if fresh[0] >= 0:
            break  # the best candidate adds nothing
        chosen.append(candidate)
        used += candidate.word_count
        covered |= candidate.concepts
    if not chosen and candidates:
        # nothing fits the budget: the shortest sentence is still a better answer than none
        chosen = [min(candidates, key=lambda c: c.word_count)]
    return chosen


def _also_in(chosen: _Candidate, by_article: list[list[_Candidate]]) -> tuple[Citation, ...]:
    """The closest sentence of every other article that says the same thing."""
    content = chosen.content
    if not content:  # nothing to share: every similarity is 0
        return ()
    citations = []
    for position, candidates in enumerate(by_article):
        if position == chosen.article_position:
            continue
        # the first of the most similar, as max() would pick; _set_cosine inlined
        best, best_similarity = None, -1.0
        for candidate in candidates:
            other = candidate.content
            if other.isdisjoint(content):
                continue  # similarity 0: never cited, and the quickest test
            similarity = len(other & content) / math.sqrt(len(other) * len(content))
            if similarity > best_similarity:
                best, best_similarity = candidate, similarity
        if best is not None and best_similarity >= _DUPLICATE_SIMILARITY:
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


def analyse_story(articles: Sequence[Article], language: str) -> _Story:
    """The analysis ``summarize`` runs on prepared articles (for training scripts)."""
    return _analyse(articles, Analyzer(language))


def summarize(
    articles: Sequence[Article | str],
    words: int = DEFAULT_WORDS,
    language: str | None = None,
    model: SummarizerModel | None = None,
) -> Summary:
    """Summarize one story's articles in at most ``words`` words, citing sources.

    ``articles`` are ``Article`` objects (from ``newsfuse.read_articles``) or plain
    strings; they are cleaned and split here when that has not been done.
    ``language`` is a name or ISO code; detected from the text when omitted.
    ``model`` replaces the shipped concept model (for training and evaluation).
    """
    if words < 1:
        raise ValueError("words must be at least 1")
    prepared = _as_articles(articles)
    # the openings of a few articles hold hundreds of function words: enough to tell
    # languages apart (same verdict on every dev cluster and article as 10 x 4,000
    # characters), at half the cost
    resolved = normalize_language(language) or detect_language(
        " ".join(a.original[:1500] for a in prepared[:4])
    )
    story = _analyse(prepared, Analyzer(resolved))
    active_model = model or default_model()
    weights = _concept_weights(story, active_model)
    chosen = _order(
        _select(story.candidates, weights, words, active_model, story.language), prepared
    )
    sentences = [
        SummarySentence(
            text=c.text,
            article=c.sentence.article,
            start=c.sentence.start,
            end=c.sentence.end,
            also_in=_also_in(c, story.by_article),
        )
        for c in chosen
    ]
    return Summary(articles=prepared, sentences=sentences, words=words, language=resolved)
