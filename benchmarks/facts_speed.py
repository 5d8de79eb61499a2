"""What the facts sections cost: summarize alone (the anchor) against summarize plus
``analyze`` by rules (the default of ``newsfuse summarize``) and ``analyze`` with spaCy,
on the Multi-News dev clusters, in one run. Also counts the comparison items, and
checks that every entity mention and date expression points at its own text.

    .venv/bin/python benchmarks/facts_speed.py [CLUSTERS]   # default 40
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from newsfuse.compare import analyze
from newsfuse.facts import load_model
from newsfuse.summarize import summarize
from newsfuse.types import Analysis, Article

ROOT = Path(__file__).resolve().parents[1]
MULTINEWS = ROOT.parent / "shared" / "data" / "dev" / "multinews_dev.jsonl"


def _clusters(count: int) -> list[list[str]]:
    with MULTINEWS.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines][:count]
    return [[d for d in row["documents"] if d.strip()] for row in rows]


def _articles(documents: list[str]) -> list[Article]:
    return [Article(id=str(i), original=text) for i, text in enumerate(documents)]


def _check_offsets(analysis: Analysis) -> None:
    by_id = {a.id: a for a in analysis.articles}
    for entity in analysis.entities:
        for m in entity.mentions:
            assert by_id[m.article].original[m.start : m.end] == m.text
    for e in analysis.timeline:
        assert by_id[e.article].original[e.expression_start : e.expression_end] == e.expression


def main() -> None:
    if not MULTINEWS.exists():
        print(f"{MULTINEWS} is not here; nothing to measure")
        return
    clusters = _clusters(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
    words = sum(len(d.split()) for c in clusters for d in c)
    model = load_model()
    systems: dict[str, float] = {}
    kinds: dict[str, Counter[str]] = {}
    for name, nlp in (("rules", False), ("spacy", model)):
        if name == "spacy" and model is None:
            continue
        kinds[name] = Counter()
        started = time.perf_counter()
        for documents in clusters:
            analysis = analyze(_articles(documents), nlp=nlp)
            _check_offsets(analysis)
            kinds[name]["shared"] += len(analysis.comparison.shared)
            kinds[name]["unique"] += len(analysis.comparison.unique)
            kinds[name].update(item.kind for item in analysis.comparison.conflicts)
        systems[f"analyze ({name})"] = time.perf_counter() - started
    started = time.perf_counter()
    for documents in clusters:
        summarize(_articles(documents), words=250)
    anchor = time.perf_counter() - started
    print(f"{len(clusters)} Multi-News dev clusters, {words} words")
    print(f"{'summarize alone (anchor)':28} {anchor:7.2f} s  {words / anchor:9.0f} words/s")
    for name, seconds in systems.items():
        print(f"{name:28} {seconds:7.2f} s  {words / seconds:9.0f} words/s")
    for name, counter in kinds.items():
        print(f"items, {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))


if __name__ == "__main__":
    main()
