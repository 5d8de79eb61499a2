"""Story grouping quality: B-cubed precision, recall and F1, newsfuse beside the anchor.

    .venv/bin/python benchmarks/eval_stories.py
    .venv/bin/python benchmarks/eval_stories.py --halves 20    # robustness on random halves
    .venv/bin/python benchmarks/eval_stories.py --halves 0 --errors  # which stories are wrong
    .venv/bin/python benchmarks/eval_stories.py --orders 20    # the same articles, reordered

Protocol (../shared/EVAL.md): over all articles of ``stories_dev.jsonl``; an article
missing from the output counts as a story of its own. newsfuse runs exactly as
``newsfuse stories`` does (online, in the stream's order, an article that opened a story
looked at again 500 articles later or at the end of the stream; state in memory);
the ``story`` field and the ids are read only to score. The anchor is TF-IDF +
scikit-learn agglomerative clustering (average linkage, cosine distance) over the
whole stream at once, its distance threshold swept and the best one reported.

Robustness: the same scores on random halves of the stream (each half a new,
shorter stream in the original order), and the spread of F1 over them, so a
figure tuned to this one stream can be told from one that holds on others. An
online grouper also depends on the order its articles come in, which the anchor
(all articles at once) does not: ``--orders N`` scores N random reorderings of
the whole stream, a fairer estimate of an unseen stream than the one given order.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev" / "stories_dev.jsonl"
ANCHOR_THRESHOLDS = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed P, R, F1 over the gold articles; a missing article is its own story."""
    labels = {a: predicted.get(a, f"missing:{a}") for a in gold}
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for article, label in labels.items():
        by_predicted[label].add(article)
        by_gold[gold[article]].add(article)
    precision = recall = 0.0
    for article in gold:
        cluster = by_predicted[labels[article]]
        truth = by_gold[gold[article]]
        shared = len(cluster & truth)
        precision += shared / len(cluster)
        recall += shared / len(truth)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_newsfuse(rows: Sequence[dict[str, Any]]) -> dict[str, str]:
    from newsfuse.stories.index import StoryIndex
    from newsfuse.stories.state import StoryState
    from newsfuse.stories.stream import group_lines

    # the gold label must not reach the grouper: only what a real stream would carry
    lines = [json.dumps({k: v for k, v in r.items() if k != "story"}) for r in rows]
    output = io.StringIO()
    state = StoryState(None, StoryIndex())
    group_lines(lines, output, state, on_error=lambda message: None)
    state.close()
    records = [json.loads(line) for line in output.getvalue().splitlines()]
    return {r["id"]: r["story"] for r in records if r.get("story") is not None}


def run_anchor(rows: Sequence[dict[str, Any]]) -> list[tuple[float, dict[str, str]]]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [r["text"] for r in rows]
    )
    # rows are unit length: cosine distance is 1 - dot product, computed once for the sweep
    distance = 1.0 - (matrix @ matrix.T).toarray()
    distance[distance < 0] = 0.0
    results = []
    for threshold in ANCHOR_THRESHOLDS:
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
        ).fit(distance)
        labels = {r["id"]: f"a{label}" for r, label in zip(rows, model.labels_, strict=True)}
        results.append((threshold, labels))
    return results


def score_both(rows: Sequence[dict[str, Any]]) -> tuple[tuple[float, float, float], float,
                                                      tuple[float, float, float]]:  # fmt: skip
    gold = {r["id"]: r["story"] for r in rows}
    ours = bcubed(run_newsfuse(rows), gold)
    anchor = max(((t, bcubed(labels, gold)) for t, labels in run_anchor(rows)),
                 key=lambda item: item[1][2])  # fmt: skip
    return ours, anchor[0], anchor[1]


def _by_kind(rows: Sequence[dict[str, Any]], predicted: dict[str, str]) -> list[str]:
    """P and R per kind of source: where the errors are."""
    gold = {r["id"]: r["story"] for r in rows}
    lines = []
    for kind in sorted({s.split(":")[0] for s in gold.values()}):
        members = {a for a, s in gold.items() if s.startswith(kind + ":")}
        # scores of the kind's articles, their clusters measured over the whole stream
        by_predicted: dict[str, set[str]] = defaultdict(set)
        by_gold: dict[str, set[str]] = defaultdict(set)
        for article, story in gold.items():
            by_predicted[predicted.get(article, f"missing:{article}")].add(article)
            by_gold[story].add(article)
        precision = recall = 0.0
        for article in members:
            cluster = by_predicted[predicted.get(article, f"missing:{article}")]
            truth = by_gold[gold[article]]
            precision += len(cluster & truth) / len(cluster)
            recall += len(cluster & truth) / len(truth)
        lines.append(f"| {kind} | {len(members)} | {precision / len(members):.3f} | "
                     f"{recall / len(members):.3f} |")  # fmt: skip
    return lines


def _errors(rows: Sequence[dict[str, Any]], predicted: dict[str, str]) -> list[str]:
    """Stories that mix gold stories (precision lost) and gold stories split (recall lost)."""
    gold = {r["id"]: r["story"] for r in rows}
    by_predicted: dict[str, Counter[str]] = defaultdict(Counter)
    by_gold: dict[str, Counter[str]] = defaultdict(Counter)
    for article, story in gold.items():
        label = predicted.get(article, f"missing:{article}")
        by_predicted[label][story] += 1
        by_gold[story][label] += 1
    lines = ["| error | gold stories (articles) |", "|---|---|"]
    for label in sorted(by_predicted, key=lambda key: -by_predicted[key].total()):
        if len(by_predicted[label]) > 1:
            parts = ", ".join(f"{story} ({n})" for story, n in by_predicted[label].most_common())
            lines.append(f"| mixed {label} | {parts} |")
    for story in sorted(by_gold):
        if len(by_gold[story]) > 1:
            sizes = " + ".join(str(n) for _, n in by_gold[story].most_common())
            lines.append(f"| split {story} | {sizes} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--halves", type=int, default=10, help="random halves to score")
    parser.add_argument("--orders", type=int, default=10,
                        help="random reorderings of the whole stream to score")  # fmt: skip
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--errors", action="store_true",
                        help="list mixed and split stories of the whole stream")  # fmt: skip
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} is not here; nothing to evaluate", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    ours, threshold, anchor = score_both(rows)
    print(f"Story grouping, {args.data.name}: {len(rows)} articles, "
          f"{len({r['story'] for r in rows})} gold stories\n")  # fmt: skip
    print("| system | B-cubed P | B-cubed R | B-cubed F1 |")
    print("|---|---|---|---|")
    print(
        f"| newsfuse stories (online, second looks) | {ours[0]:.3f} | {ours[1]:.3f} "
        f"| {ours[2]:.3f} |"
    )
    print(f"| anchor: TF-IDF + agglomerative (average, cosine), best threshold {threshold} | "
          f"{anchor[0]:.3f} | {anchor[1]:.3f} | {anchor[2]:.3f} |")  # fmt: skip

    print("\nnewsfuse by kind of source (B-cubed over the whole stream):\n")
    print("| kind | articles | P | R |")
    print("|---|---|---|---|")
    predicted = run_newsfuse(rows)
    print("\n".join(_by_kind(rows, predicted)))
    if args.errors:
        print("\nnewsfuse errors on the whole stream (articles of each gold story):\n")
        print("\n".join(_errors(rows, predicted)))

    if args.orders:
        rng = random.Random(args.seed)
        gold = {r["id"]: r["story"] for r in rows}
        reordered_f1 = []
        for _ in range(args.orders):
            order = list(rows)
            rng.shuffle(order)
            reordered_f1.append(bcubed(run_newsfuse(order), gold)[2])
        print(f"\nRandom orders of the whole stream ({args.orders}, seed {args.seed}): "
              "B-cubed F1 mean, standard deviation, min, max (the anchor does not depend "
              f"on order: {anchor[2]:.3f})\n")  # fmt: skip
        print("| system | mean | sd | min | max |")
        print("|---|---|---|---|---|")
        print(f"| newsfuse | {statistics.mean(reordered_f1):.3f} | "
              f"{statistics.stdev(reordered_f1):.3f} | {min(reordered_f1):.3f} | "
              f"{max(reordered_f1):.3f} |")  # fmt: skip

    if args.halves:
        rng = random.Random(args.seed)
        ours_f1: list[float] = []
        anchor_f1: list[float] = []
        for _ in range(args.halves):
            chosen = sorted(rng.sample(range(len(rows)), len(rows) // 2))
            half = [rows[i] for i in chosen]
            half_ours, _, half_anchor = score_both(half)
            ours_f1.append(half_ours[2])
            anchor_f1.append(half_anchor[2])
        print(f"\nRandom halves ({args.halves}, seed {args.seed}): B-cubed F1 mean, "
              "standard deviation, min, max\n")  # fmt: skip
        print("| system | mean | sd | min | max |")
        print("|---|---|---|---|---|")
        for name, values in (
            ("newsfuse", ours_f1),
            ("anchor (best threshold per half)", anchor_f1),
        ):
            print(f"| {name} | {statistics.mean(values):.3f} | {statistics.stdev(values):.3f} | "
                  f"{min(values):.3f} | {max(values):.3f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
