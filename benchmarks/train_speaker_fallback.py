"""Fit the learned speaker fallback (newsfuse.facts.fallback) on the development gold sets.

For every quotation the rules find that matches a gold one (the protocol of
``eval_facts.py``), every name near it is a candidate (``fallback.candidates``), labelled
right when it names the gold speaker (or one of its alternatives, or the same surname).
A logistic regression over the candidates of all quotations is fitted and written to
``src/newsfuse/data/speaker_fallback.json``; at run time it only picks a speaker for the
quotations the rules leave without one.

Trained on the sets already used to develop the rules (``DEVELOPMENT``); the unseen pool
(``UNSEEN``: annotated blind, never read for errors) stays out, so that
``eval_facts.py`` on it is an honest figure. ``--check`` scores, by leave-one-set-out on
the development sets, the rules alone against rules + fallback;
``--unseen`` scores the unseen pool (once a round, at its end: see NOTES.md).

    .venv/bin/python benchmarks/train_speaker_fallback.py [--check] [--unseen] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from eval_facts import (
    Item,
    article_of,
    gold_quote,
    load_gold,
    match_pairs,
    same_speaker,
)
from sklearn.linear_model import LogisticRegression

from newsfuse.facts import extract_quotes, fallback
from newsfuse.facts.quotes import _exclusions, _find_spans, _paragraphs
from newsfuse.facts.speakers import build_name_index, load_model

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "facts_gold"
OUTPUT = ROOT / "src" / "newsfuse" / "data" / "speaker_fallback.json"
DEVELOPMENT = [f"heldout_blind{n}" for n in range(2, 60)]
# sets annotated blind and never scored: the next fresh test (blind2-43 have all been
# scored; new ones come from facts_gold/unseen_ecbplus.txt and are named here)
UNSEEN: list[str] = []


@dataclass(frozen=True, slots=True)
class Example:
    """One matched quotation: its candidates, the gold item, what the rules said."""

    gold_set: str
    candidates: list[fallback.Candidate]
    truth: Item
    rules_speaker: str | None


def _right(name: str | None, truth: Item) -> bool:
    if name is None:
        return truth.speaker is None
    return any(same_speaker(name, t) for t in (truth.speaker, *truth.speaker_alternatives))


def examples(set_names: Sequence[str]) -> list[Example]:
    nlp = load_model()
    sets = load_gold(tuple(GOLD / f"{name}.jsonl" for name in set_names))
    found: list[Example] = []
    for set_name, docs in sets.items():
        key = set_name.split(" ")[0]
        if key not in set_names:
            continue
        for doc in docs:
            article = article_of(doc)
            text = doc.text
            quotes = extract_quotes(article, nlp=nlp, learned=False)
            paragraphs = _paragraphs(article)
            names = build_name_index(text, paragraphs, nlp(text) if nlp else None)
            quoted = _exclusions(_find_spans(text, paragraphs))
            gold = [gold_quote(g) for g in doc.quotes]
            predicted = [Item(q.text, q.speaker, start=q.start, end=q.end) for q in quotes]
            previous: list[str | None] = []
            last: str | None = None
            for quote in quotes:
                previous.append(last)
                last = quote.speaker or last
            for i, j in match_pairs(predicted, gold):
                quote = quotes[i]
                near = fallback.candidates(
                    text, quote.start, quote.end, paragraphs, names, quoted,
                    has_cue=quote.cue is not None, previous_speaker=previous[i],
                )  # fmt: skip
                found.append(Example(key, near, gold[j], quote.speaker))
    return found


def fit(training: list[Example]) -> LogisticRegression:
    features = [c.features for e in training for c in e.candidates]
    labels = [int(_right(c.name, e.truth)) for e in training for c in e.candidates]
    return LogisticRegression(C=1.0, max_iter=3000).fit(np.array(features), np.array(labels))


def accuracy(model: LogisticRegression, test: list[Example]) -> tuple[int, int, int]:
    """(quotations, right with the rules alone, right with rules + fallback)."""
    rules_right = with_fallback = 0
    for example in test:
        rules_right += _right(example.rules_speaker, example.truth)
        pick = example.rules_speaker
        if pick is None and example.candidates:
            scores = model.decision_function(np.array([c.features for c in example.candidates]))
            pick = example.candidates[int(np.argmax(scores))].name
        with_fallback += _right(pick, example.truth)
    return len(test), rules_right, with_fallback


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="leave-one-set-out on DEVELOPMENT")
    parser.add_argument("--unseen", action="store_true", help="score on the unseen pool (once)")
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT.name}")
    args = parser.parse_args(argv)
    development = examples(DEVELOPMENT)
    model = fit(development)
    print(f"trained on {len(development)} matched quotations of {', '.join(DEVELOPMENT)}")
    if args.unseen and not UNSEEN:
        print("no unseen sets named in UNSEEN: annotate new ones first")
    elif args.unseen:
        unseen = examples(UNSEEN)
        n, rules, learned = accuracy(model, unseen)
        print(f"unseen pool ({', '.join(UNSEEN)}): {n} quotations, speaker accuracy "
              f"rules {rules / n:.3f}, rules + fallback {learned / n:.3f}")  # fmt: skip
    if args.check:
        totals = [0, 0, 0]
        for held in DEVELOPMENT:
            part = accuracy(
                fit([e for e in development if e.gold_set != held]),
                [e for e in development if e.gold_set == held],
            )
            totals = [t + p for t, p in zip(totals, part, strict=True)]
            print(f"  leave {held} out: {part[0]} quotations, rules {part[1] / part[0]:.3f}, "
                  f"rules + fallback {part[2] / part[0]:.3f}")  # fmt: skip
        print(f"leave-one-set-out over all: rules {totals[1] / totals[0]:.3f}, "
              f"rules + fallback {totals[2] / totals[0]:.3f}")  # fmt: skip
    if args.write:
        stored = {
            "features": list(fallback.FEATURES),
            "weights": [round(float(w), 6) for w in model.coef_[0]],
            "bias": round(float(model.intercept_[0]), 6),
            "trained_on": DEVELOPMENT,
            "command": "benchmarks/train_speaker_fallback.py --write",
        }
        OUTPUT.write_text(json.dumps(stored, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
