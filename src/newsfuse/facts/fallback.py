"""A learned last resort for quotations the attribution rules leave without a speaker.

Every person or organisation named near the quotation (from the paragraph before to
just after it) is a candidate, described by where it is named (before or after, how
far, same sentence or paragraph), how (as a subject, before a reporting verb, as a
person, with a role) and how often the article names it. A logistic model, trained by
``benchmarks/train_speaker_fallback.py`` on the development gold sets and stored in
``data/speaker_fallback.json``, scores them; the best one speaks.

Why learned: the rules answer when the text says who speaks; what is left (no cue, a
cue with no subject) is a matter of weighing weak hints, which a model fitted on
annotated quotations does better than a hand ordering (8 of 14 unattributed quotations
of the unseen gold sets right, against 3 to 5 for hand orderings of the same hints).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsfuse.facts.speakers import NameIndex, NameMention, common_word, names_organisation

FEATURES = (
    "has_cue",
    "log_distance_before",
    "log_distance_after",
    "named_before",
    "named_after",
    "subject",
    "reports",
    "likely_person",
    "person",
    "role",
    "same_sentence",
    "same_paragraph",
    "log_mentions_near",
    "log_mentions_in_article",
    "previous_speaker",
    "rank_before",
)
_FAR = 1e5  # distance of a candidate never named on that side
_AFTER = 200  # characters after the quotation still searched for its speaker
_RANKS = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name near a quotation, its nearest mention and its feature values."""

    name: str  # fullest form in the article
    mention: NameMention
    features: tuple[float, ...]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    # crude on purpose (". " and line breaks): the model was fitted on these bounds
    before = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    after = [found for found in (text.find(". ", end), text.find("\n", end)) if found >= 0]
    return before, min(after or [len(text)])


def _dateline(text: str, mention: NameMention) -> bool:
    """A city in capitals opening a line before a comma: "ZURICH, Switzerland (AP)"."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    return (
        mention.name.isupper()
        and len(mention.name) > 3
        and not text[line_start : mention.start].strip()
        and text.startswith(",", mention.end)
    )


def candidates(
    text: str,
    start: int,
    end: int,
    paragraphs: list[tuple[int, int]],
    names: NameIndex,
    quoted: list[tuple[int, int]],
    has_cue: bool,
    previous_speaker: str | None,
    counts: dict[str, int] | None = None,
) -> list[Candidate]:
    """The people and organisations named near the quotation ``text[start:end]``.

    ``counts``: ``mention_counts(names)``, when several quotations of one article ask.
    """
    paragraph = next((i for i, (s, e) in enumerate(paragraphs) if s <= start < e), 0)
    low = paragraphs[max(0, paragraph - 1)][0] if paragraphs else 0
    high = max(paragraphs[paragraph][1] if paragraphs else end, end + _AFTER)
    paragraph_start, paragraph_end = paragraphs[paragraph] if paragraphs else (0, len(text))
    sentence_start, sentence_end = _sentence_bounds(text, start, end)
    in_article = counts if counts is not None else mention_counts(names)
    found: dict[str, dict[str, float]] = {}
    nearest: dict[str, NameMention] = {}
    for mention in names.mentions:
        if not low <= mention.start < min(high, len(text)) or mention.not_antecedent:
            continue
        if names.is_plain_word(mention.name):
            continue  # "Friday's report ... it said": a day is no speaker
        if _dateline(text, mention):
            continue  # "ZURICH, Switzerland (AP) _": where the story was filed
        if any(s <= mention.start < e for s, e in quoted):
            continue
        full = names.fullest(mention.name, mention.start)
        if common_word(text, full) and not names_organisation(full):
            # "Fire and police units were ...", "Civil protection": no one's name ("Police"
            # is a body all the same)
            continue
        before = mention.end <= start
        distance = float(max(0, start - mention.end if before else mention.start - end))
        values = found.setdefault(
            full, {"before": _FAR, "after": _FAR, "near": 0.0, "subject": 0.0, "reports": 0.0,
                   "likely": 0.0, "person": 0.0, "role": 0.0, "sentence": 0.0, "paragraph": 0.0},
        )  # fmt: skip
        side = "before" if before else "after"
        if distance < values[side]:
            values[side] = distance
            if before or full not in nearest:
                nearest[full] = mention
        values["near"] += 1
        for key, present in (
            ("subject", mention.subject_like),
            ("reports", mention.reports),
            ("likely", mention.likely_person),
            ("person", mention.is_person),
            ("role", bool(mention.role)),
            ("sentence", sentence_start <= mention.start <= sentence_end),
            ("paragraph", paragraph_start <= mention.start < paragraph_end),
        ):
            if present:
                values[key] = 1.0
    ranked = sorted(found, key=lambda name: found[name]["before"])
    result: list[Candidate] = []
    for rank, name in enumerate(ranked):
        values = found[name]
        features = (
            1.0 if has_cue else 0.0,
            math.log1p(values["before"]),
            math.log1p(values["after"]),
            1.0 if values["before"] < _FAR else 0.0,
            1.0 if values["after"] < _FAR else 0.0,
            values["subject"],
            values["reports"],
            values["likely"],
            values["person"],
            values["role"],
            values["sentence"],
            values["paragraph"],
            math.log1p(values["near"]),
            math.log1p(in_article.get(name, 0)),
            1.0 if previous_speaker is not None and _same_person(previous_speaker, name) else 0.0,
            min(rank, _RANKS) / _RANKS,
        )
        result.append(Candidate(name, nearest[name], features))
    return result


def mention_counts(names: NameIndex) -> dict[str, int]:
    """How often the article names each person or organisation (by fullest name)."""
    counts: dict[str, int] = {}
    for mention in names.mentions:
        full = names.fullest(mention.name, mention.start)
        counts[full] = counts.get(full, 0) + 1
    return counts


def _same_person(a: str, b: str) -> bool:
    first, second = a.lower().split(), b.lower().split()
    return first == second or (bool(first) and bool(second) and first[-1] == second[-1])


@cache
def _model() -> tuple[tuple[float, ...], float]:
    raw = resources.files("newsfuse").joinpath("data/speaker_fallback.json").read_text("utf-8")
    stored = json.loads(raw)
    if tuple(stored["features"]) != FEATURES:
        raise ValueError("data/speaker_fallback.json was trained on other features")
    return tuple(float(w) for w in stored["weights"]), float(stored["bias"])


def score(features: tuple[float, ...]) -> float:
    """The model's log-odds that the candidate with ``features`` is the speaker."""
    weights, bias = _model()
    return bias + math.fsum(w * x for w, x in zip(weights, features, strict=True))


def likeliest(found: list[Candidate]) -> Candidate | None:
    """The candidate the model finds likeliest to be the speaker (None without any)."""
    return max(found, key=lambda candidate: score(candidate.features), default=None)
