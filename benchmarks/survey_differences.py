"""How often the comparison cries wolf: every difference between figures and dates that
``analyze`` reports on the dev clusters, scored against hand judgements.

A false conflict ("20 killed" set against "10 wounded") costs a reader's trust more
than a missed one, and no gold set measures it, so the differences found are listed
for a person to judge. ``differences_judged.jsonl`` holds those judgements (cluster,
the two values, real or not, and why); this script prints the share judged real
among the differences found that have a judgement, and lists the ones that have none.

    .venv/bin/python benchmarks/survey_differences.py  # DUC, Multi-News, ECB+ stories
    .venv/bin/python benchmarks/survey_differences.py --list     # every difference, in full

The judgements were made by the rule author (2026-11-24, seventh session), reading
both sentences; they are not blind, so take them as a check on regressions, not as
an estimate for unseen text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from newsfuse.compare import analyze
from newsfuse.ingest import article_from_record
from newsfuse.types import Article, ComparisonItem

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"
JUDGED = Path(__file__).resolve().parent / "differences_judged.jsonl"
SETS = ("duc2003_dev.jsonl", "multinews_dev.jsonl", "stories_dev.jsonl")


def _rows(name: str) -> list[dict[str, object]]:
    """Clusters of a set; for the story stream, the ECB+ stories (one event each)."""
    with (DEV / name).open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    if name != "stories_dev.jsonl":
        return rows
    stories: dict[str, list[str]] = {}
    for row in rows:
        if str(row["story"]).startswith("ecbplus:"):
            stories.setdefault(str(row["story"]), []).append(str(row["text"]))
    return [{"id": story, "documents": texts} for story, texts in sorted(stories.items())]


def _articles(row: dict[str, object], cluster: str) -> list[Article]:
    documents = row.get("documents")
    if not isinstance(documents, list):
        return []
    return [
        article_from_record({"id": f"{cluster}/{n}", "text": d}, cluster, f"{cluster}/{n}")
        for n, d in enumerate(documents)
        if isinstance(d, str) and d.strip()
    ]


def _key(cluster: str, item: ComparisonItem) -> str:
    # the values as written, not the subject: which side's words name the item may change
    values = sorted({(e.value or "").strip() for e in item.evidence})
    return f"{cluster} | {' / '.join(values)}"


def load_judged() -> dict[str, bool | None]:
    """The hand judgements: difference key -> real (True), false alarm (False), or unsure."""
    judged: dict[str, bool | None] = {}
    if JUDGED.exists():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                judged[record["key"]] = record["real"]
    return judged


def differences(
    name: str, clusters: set[str] | None = None
) -> Iterator[tuple[str, ComparisonItem]]:
    """(key, item) for every conflict and update that ``analyze`` finds in a dev set."""
    for row in _rows(name):
        cluster = str(row.get("id"))
        if clusters is not None and cluster not in clusters:
            continue
        articles = _articles(row, cluster)
        if len(articles) < 2:
            continue
        for item in analyze(articles).comparison.conflicts:
            if item.kind in ("conflict", "update"):
                yield _key(cluster, item), item


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every difference")
    parser.add_argument(
        "--unjudged", metavar="FILE", help="write the differences without a judgement here (JSONL)"
    )
    options = parser.parse_args()
    if not DEV.is_dir():
        print(f"no dev data at {DEV}: nothing to survey", file=sys.stderr)
        return 0
    judged = load_judged()
    to_judge: dict[str, dict[str, object]] = {}
    print("| set | conflicts and updates | judged real | judged false | unsure | unjudged |")
    print("|---|---|---|---|---|---|")
    for name in SETS:
        verdicts: Counter[str] = Counter()
        for key, item in differences(name):
            if key not in judged:
                verdicts["unjudged"] += 1
                to_judge[key] = {
                    "key": key,
                    "sentences": [f"{e.article}: {e.text}" for e in item.evidence],
                    "values": [e.value for e in item.evidence],
                }
            else:
                verdicts[{True: "real", False: "false", None: "unsure"}[judged[key]]] += 1
            if options.list or key not in judged:
                print(f"  {key}", file=sys.stderr)
                for evidence in item.evidence:
                    print(f"      {evidence.article}: {evidence.text[:200]}", file=sys.stderr)
        found = sum(verdicts.values())
        counts = " | ".join(str(verdicts[v]) for v in ("real", "false", "unsure", "unjudged"))
        print(f"| {name} | {found} | {counts} |")
    if options.unjudged:
        with open(options.unjudged, "w", encoding="utf-8") as out:
            for record in to_judge.values():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
