"""How far two blind annotators agree on quotations and speakers: the ceiling of the metric.

Two people annotated the same documents independently (../shared/FACTS-GUIDELINES.md, neither
saw the extractor nor the other's work). The first annotation is scored as gold and the
second as a system, with the protocol of ``eval_facts.py`` (../shared/EVAL.md): quotation
P/R/F1, and speaker accuracy over matched quotations, right when the second annotator's
speaker has the gold name or surname, or one of the gold item's alternatives. "lenient"
also accepts a match between any of the second annotator's alternatives and any of the
first's: what a reader would call the same attribution.

    .venv/bin/python benchmarks/facts_agreement.py FIRST.jsonl SECOND.jsonl [FIRST SECOND ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval_facts import DEV, Item, Score, gold_quote, same_speaker, score


def _items(record: dict[str, Any]) -> list[Item]:
    return [gold_quote(q) for q in record["quotes"]]


def _records(path: Path) -> dict[tuple[str, str, int], dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {(r["source"], r["cluster"], r["doc_index"]): r for r in records}


def agreement(first: Path, second: Path) -> tuple[Score, int]:
    """The protocol's score of ``second`` against ``first``, and lenient speaker matches."""
    gold_records, other_records = _records(first), _records(second)
    total = Score()
    lenient = 0
    for key, gold_record in gold_records.items():
        other = other_records.get(key)
        if other is None:
            continue
        gold, predicted = _items(gold_record), _items(other)
        before = len(total.speaker_errors)
        doc_score = Score()
        score(doc_score, predicted, gold, figures=False)
        total.gold += doc_score.gold
        total.predicted += doc_score.predicted
        total.matched += doc_score.matched
        total.speakers_right += doc_score.speakers_right
        total.speaker_errors += doc_score.speaker_errors
        lenient += doc_score.speakers_right
        for item, truth in total.speaker_errors[before:]:
            names = (item.speaker, *item.speaker_alternatives)
            truths = (truth.speaker, *truth.speaker_alternatives)
            if any(same_speaker(a, b) for a in names for b in truths):
                lenient += 1
    return total, lenient


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+", type=Path, help="FIRST SECOND, repeated")
    parser.add_argument("--errors", action="store_true", help="list speaker disagreements")
    args = parser.parse_args(argv)
    if len(args.pairs) % 2 or not DEV.is_dir():
        print("give FIRST SECOND pairs; ../shared/data/dev must exist", file=sys.stderr)
        return 2
    print("| first | second | quotes (first) | P | R | F1 | speakers agree | lenient |")
    print("|---|---|---|---|---|---|---|---|")
    for first, second in zip(args.pairs[::2], args.pairs[1::2], strict=True):
        total, lenient = agreement(first, second)
        p, r, f = total.prf()
        matched = total.matched or 1
        print(
            f"| {first.stem} | {second.stem} | {total.gold} | {p:.3f} | {r:.3f} | {f:.3f} | "
            f"{total.speakers_right / matched:.3f} ({total.speakers_right}/{total.matched}) | "
            f"{lenient / matched:.3f} |"
        )
        if args.errors:
            for item, truth in total.speaker_errors:
                print(f"    {item.text[:50]!r}: {item.speaker!r} vs {truth.speaker!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
