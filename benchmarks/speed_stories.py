"""How fast ``newsfuse stories`` groups a stream, and how its memory grows, beside the anchor.

    .venv/bin/python benchmarks/speed_stories.py                         # 1k, 10k, 100k
    .venv/bin/python benchmarks/speed_stories.py --sizes 1000 --anchor-max 1000

Streams of 1k, 10k and 100k articles are made from the dev stream's texts: each
synthetic story is a dev story whose names are swapped for invented ones (every
capitalized word, consistently within the copy) and whose articles get
publication times spread over two days from the story's start; a new story starts
every ``--minutes`` of stream time (90: about 140 stories a week), the dev stories
taken in turn so that two copies of one are weeks apart, and the stream is in
publication order. So the larger streams hold many more stories than the dev stream
(100k articles: about 17k stories over three years), and stories fade.

Each system runs in a fresh process (newsfuse also with ``--workers 2``: a second
process reads and computes features ahead, on the second core), and
the figures are the grouping's own wall time (reading the file included, start-up
excluded), its CPU time (what one free core would take, when the machine is shared),
and the process's peak resident memory. newsfuse runs as the command
does, with its state in SQLite in a temporary folder. The anchor (TF-IDF +
scikit-learn agglomerative clustering, average linkage, cosine, threshold 0.85,
the best on dev) needs the whole stream and a distance matrix of n² floats: it is
run only up to ``--anchor-max`` articles and marked "not run" beyond.

B-cubed F1 against the synthetic stories is printed too: a sanity check that the
speed is not bought by giving up (the synthetic stories are easier than dev's).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import timeit
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev" / "stories_dev.jsonl"
START = 1_700_000_000.0  # stream time of the first story (2023-11-14)
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = "ka lo mi ren tu sa vo de ni ra bel tor an is ur em ox fal gri po".split()


def _invented_name(word: str, copy: int) -> str:
    rng = random.Random(zlib.crc32(f"{word}|{copy}".encode()))
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def synthesize(rows: list[dict[str, Any]], size: int, minutes: float, seed: int,
               with_times: bool = True) -> list[dict[str, Any]]:  # fmt: skip
    """``size`` articles in publication order; ``story`` is the synthetic gold label."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_story[row["story"]].append(row["text"])
    stories = sorted(by_story)
    rng = random.Random(seed)
    articles: list[tuple[float, dict[str, Any]]] = []
    copy = 0
    order: list[str] = []
    while len(articles) < size:
        if not order:  # every dev story once, in a new order, before any comes back
            order = rng.sample(stories, len(stories))
        texts = by_story[order.pop()]
        start = START + copy * minutes * 60
        names: dict[str, str] = {}

        def swap(match: re.Match[str], copy: int = copy, names: dict[str, str] = names) -> str:
            word = match.group(0)
            if word not in names:
                names[word] = _invented_name(word, copy)
            return names[word]

        for number, text in enumerate(texts):
            published = start + rng.uniform(0, 2 * 86400)
            record: dict[str, Any] = {
                "id": f"c{copy}:{number}",
                "text": _CAPITALIZED.sub(swap, text) if copy else text,
                "story": f"c{copy}",
            }
            if with_times:
                record["published"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(published))
            articles.append((published, record))
            if len(articles) == size:
                break
        copy += 1
    articles.sort(key=lambda item: item[0])
    return [record for _, record in articles]


# --------------------------------------------------------------------------- children


def _peak_mb() -> float:
    """Peak resident memory of this process since it started its program.

    Not ru_maxrss: Linux keeps that across execve, so a child would report the peak
    of the benchmark process it was forked from.
    """
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _child_newsfuse(stream: Path, state: Path, output: Path, workers: int) -> dict[str, Any]:
    from newsfuse.stories.index import StoryIndex
    from newsfuse.stories.state import StoryState
    from newsfuse.stories.stream import group_lines

    index = StoryIndex()
    started, cpu_started = time.perf_counter(), time.process_time()
    with stream.open(encoding="utf-8") as lines, output.open("w", encoding="utf-8") as out:
        state = StoryState(state, index)
        report = group_lines(lines, out, state, on_error=lambda message: None, workers=workers)
        state.close()
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        # the placing process only: with workers, the reading ahead runs beside it
        "cpu_seconds": time.process_time() - cpu_started,
        "peak_mb": _peak_mb(),
        "open_stories": len(index.stories),
        "stories": report.stories,
        "scored_per_article": index.scored / max(report.lines, 1),
    }


def _child_anchor(stream: Path, output: Path) -> dict[str, Any]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    started, cpu_started = time.perf_counter(), time.process_time()
    rows = [json.loads(line) for line in stream.open(encoding="utf-8")]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [r["text"] for r in rows]
    )
    distance = 1.0 - (matrix @ matrix.T).toarray()
    distance[distance < 0] = 0.0
    labels = (
        AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=0.85
        )
        .fit(distance)
        .labels_
    )
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    with output.open("w", encoding="utf-8") as out:
        for row, label in zip(rows, labels, strict=True):
            out.write(json.dumps({"id": row["id"], "story": f"a{label}"}) + "\n")
    peak_mb = _peak_mb()
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb}


def _run_child(*args: str) -> dict[str, Any]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, __file__, "--child", *args], env=environment,
                          capture_output=True, text=True, check=True)  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --------------------------------------------------------------------------- scoring


def _f1(output: Path, gold: dict[str, str]) -> float:
    sys.path.insert(0, str(ROOT))
    from benchmarks.eval_stories import bcubed

    predicted = {}
    for line in output.open(encoding="utf-8"):
        record = json.loads(line)
        if record.get("story") is not None:
            predicted[record["id"]] = record["story"]
    return bcubed(predicted, gold)[2]


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments and arguments[0] == "--child":
        kind, *paths = arguments[1:]
        if kind == "newsfuse":
            result = _child_newsfuse(Path(paths[0]), Path(paths[1]), Path(paths[2]),
                                     int(paths[3]))  # fmt: skip
        else:
            result = _child_anchor(Path(paths[0]), Path(paths[1]))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--anchor-max", type=int, default=10_000)
    parser.add_argument("--minutes", type=float, default=90.0,
                        help="stream time between the starts of two stories")  # fmt: skip
    parser.add_argument("--no-times", action="store_true",
                        help="also run the largest stream without publication times")  # fmt: skip
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(arguments)
    if not DEV.exists():
        print(f"{DEV} is not here; nothing to measure", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in DEV.open(encoding="utf-8") if line.strip()]
    reference = min(timeit.repeat("sum(range(10**6))", number=1, repeat=5))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores visible, load average "
          f"{os.getloadavg()[0]:.1f} at start; each system single-threaded in its own "
          f"process. Machine speed: sum(range(10**6)) takes {reference * 1000:.0f} ms here, "
          "to compare runs on other machines or loads.\n")  # fmt: skip
    print("| articles | system | articles/s (wall) | articles per CPU-second | wall s | "
          "peak RSS (MB) | stories opened | open at end | stories scored per article | "
          "B-cubed F1 |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    runs = [(size, True) for size in args.sizes]
    if args.no_times:
        runs.append((max(args.sizes), False))
    with tempfile.TemporaryDirectory() as folder:
        for size, with_times in runs:
            stream = Path(folder) / f"stream-{size}-{with_times}.jsonl"
            records = synthesize(rows, size, args.minutes, args.seed, with_times)
            gold = {r["id"]: r["story"] for r in records}
            with stream.open("w", encoding="utf-8") as out:
                for record in records:
                    out.write(json.dumps({k: v for k, v in record.items() if k != "story"}) + "\n")
            label = f"{size:,}" + ("" if with_times else " (no times)")
            output = Path(folder) / "out.jsonl"
            for workers in (1, 2):
                state = Path(folder) / f"state-{size}-{with_times}-{workers}"
                ours = _run_child("newsfuse", str(stream), str(state), str(output), str(workers))
                name = "newsfuse stories" + (" --workers 2" if workers > 1 else "")
                cpu = f"{size / ours['cpu_seconds']:,.0f}" if workers == 1 else "(2 processes)"
                print(f"| {label} | {name} | {size / ours['seconds']:,.0f} | {cpu} | "
                      f"{ours['seconds']:.1f} | {ours['peak_mb']:.0f} | {ours['stories']:,} | "
                      f"{ours['open_stories']:,} | {ours['scored_per_article']:.1f} | "
                      f"{_f1(output, gold):.3f} |", flush=True)  # fmt: skip
            if size <= args.anchor_max and with_times:
                anchor = _run_child("anchor", str(stream), str(output))
                print(f"| {label} | anchor (TF-IDF + agglomerative) | "
                      f"{size / anchor['seconds']:,.0f} | {size / anchor['cpu_seconds']:,.0f} | "
                      f"{anchor['seconds']:.1f} | "
                      f"{anchor['peak_mb']:.0f} | | | all pairs | {_f1(output, gold):.3f} |",
                      flush=True)  # fmt: skip
            elif with_times:
                print(f"| {label} | anchor (TF-IDF + agglomerative) | not run: an n² distance "
                      f"matrix of {size:,} articles is {size * size * 8 / 2**30:,.0f} GiB | "
                      "| | | | | | |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
