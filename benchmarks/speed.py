"""How fast newsfuse is, beside sumy LexRank measured in the same run.

    .venv/bin/python benchmarks/speed.py            # all four tables
    .venv/bin/python benchmarks/speed.py --quick    # smaller batch sizes, no profile

Questions, one table each:

1. Per cluster, on the dev clusters (Multi-News and DUC 2003): clusters and input
   words per second and peak traced memory of ``newsfuse.summarize`` (default
   settings, cleaning and splitting included) and of the whole ``newsfuse batch``
   command (a fresh process: start-up, reading, writing), beside sumy 0.13 LexRank
   fed with newsfuse's sentences, a plain word tokenizer, the Porter stemmer, the
   same stop words and the same word budget. Target: newsfuse 20x LexRank or more.
   Both start from the raw strings of a cluster: newsfuse's time includes language
   detection, cleaning, sentence splitting and the citations; LexRank's includes
   newsfuse's sentence splitting (no cleaning), tokenizing and stemming. Table 1b
   splits the same timings by dev set.
2. Growth with the number of articles in one cluster (2 to 200, pooled dev
   documents), LexRank beside it while one run stays under a time cap.
3. Peak resident memory of ``newsfuse batch`` as the input grows (100, 1,000, 5,000
   lines made by repeating the dev clusters): it must stay flat, since batch streams.
4. Where newsfuse spends its time (cProfile over the dev clusters).

sumy needs NLTK's punkt for its own tokenizer, which cannot be downloaded here;
it gets a tokenizer object with ``to_sentences``/``to_words`` instead.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import newsfuse
from newsfuse.summarize import DEFAULT_WORDS
from newsfuse.text import split_sentences

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"
DEV_FILES = ("multinews_dev.jsonl", "duc2003_dev.jsonl")
CLUSTER_SIZES = (2, 5, 10, 20, 50, 100, 200)
BATCH_SIZES = (100, 1000, 5000)
QUICK_BATCH_SIZES = (100, 500)
# LexRank compares every pair of sentences in Python, so its time grows with the square
# of the sentences: a size whose run is forecast past this many seconds is skipped.
LEXRANK_CAP_SECONDS = 45.0
TARGET_RATIO = 20.0

_WORD = re.compile(r"\w+")

Cluster = list[str]


# ------------------------------------------------------------------ data


def load_named_clusters() -> list[tuple[str, Cluster]]:
    """Each dev cluster with the name of its file."""
    clusters: list[tuple[str, Cluster]] = []
    for name in DEV_FILES:
        path = DEV / name
        if not path.exists():
            print(f"skipped {name}: {path} is not here")
            continue
        with path.open(encoding="utf-8") as stream:
            clusters.extend(
                (name, json.loads(line)["documents"]) for line in stream if line.strip()
            )
    return clusters


def load_clusters() -> list[Cluster]:
    return [cluster for _, cluster in load_named_clusters()]


def input_words(clusters: Sequence[Cluster]) -> int:
    return sum(len(document.split()) for cluster in clusters for document in cluster)


# ------------------------------------------------------------------ the two systems


class _NewsfuseTokenizer:
    """What sumy's PlaintextParser asks of a tokenizer, without NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [sentence.text for sentence in split_sentences(paragraph)]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def make_lexrank(words: int) -> Callable[[Cluster], list[str]]:
    from nltk.stem.porter import PorterStemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(PorterStemmer().stem)
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _NewsfuseTokenizer()

    def within_budget(ranked: list[Any]) -> list[Any]:
        chosen, used = [], 0
        for info in ranked:  # best first
            length = len(info.sentence.words)
            if used + length <= words:
                chosen.append(info)
                used += length
        return chosen

    def lexrank(cluster: Cluster) -> list[str]:
        document = PlaintextParser.from_string("\n\n".join(cluster), tokenizer).document
        return [str(sentence) for sentence in summarizer(document, within_budget)]

    return lexrank


def make_newsfuse(words: int) -> Callable[[Cluster], list[str]]:
    def run(cluster: Cluster) -> list[str]:
        return [s.text for s in newsfuse.summarize(cluster, words=words).sentences]

    return run


# ------------------------------------------------------------------ measuring


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float
    peak_bytes: int | None = None


def time_interleaved(
    systems: Sequence[Callable[[Cluster], list[str]]], clusters: Sequence[Cluster]
) -> list[list[float]]:
    """Seconds each system spends on each cluster, taking turns cluster by cluster.

    Taking turns keeps the ratio fair on a shared machine: a busy spell slows every
    system, not only the one that happened to be running.
    """
    for system in systems:
        system(clusters[0])  # warm-up: imports, caches
    # NLTK and sumy leave some 100,000 objects from their imports; without this the
    # garbage collector walks them again and again while either system runs
    gc.freeze()
    seconds: list[list[float]] = [[] for _ in systems]
    for cluster in clusters:
        for index, system in enumerate(systems):
            seconds[index].append(_once(system, cluster))
    return seconds


def traced_peak(system: Callable[[Cluster], list[str]], clusters: Sequence[Cluster]) -> int:
    """The largest Python heap peak of any one cluster (numpy buffers included)."""
    peak = 0
    for cluster in clusters:
        tracemalloc.start()
        system(cluster)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return peak


def run_batch_process(input_path: Path, output_path: Path) -> tuple[float, int]:
    """Wall seconds and max RSS (bytes) of ``newsfuse batch`` in a fresh process.

    RUSAGE_CHILDREN keeps the largest child ever waited for, so a throw-away
    parent is started for each measurement and reports its only child.
    """
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stderr=subprocess.DEVNULL).returncode\n"
        "t = time.perf_counter() - t\n"
        "print(code, t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    command = [sys.executable, "-m", "newsfuse.cli", "batch", str(input_path), "-o"]
    result = subprocess.run(
        [sys.executable, "-c", probe, *command, str(output_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    code, seconds, max_rss_kib = result.stdout.split()
    if code != "0":
        raise SystemExit(f"newsfuse batch failed on {input_path} (exit {code})")
    return float(seconds), int(max_rss_kib) * 1024


def write_batch_input(clusters: Sequence[Cluster], lines: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for number in range(lines):
            cluster = clusters[number % len(clusters)]
            stream.write(json.dumps({"id": f"c{number}", "documents": cluster}) + "\n")


# ------------------------------------------------------------------ tables


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)) + " |")


def mib(size: int | None) -> str:
    return "-" if size is None else f"{size / 2**20:.1f} MiB"


def per_cluster(named: Sequence[tuple[str, Cluster]], words: int, work: Path) -> None:
    clusters = [cluster for _, cluster in named]
    count, total_words = len(clusters), input_words(clusters)
    newsfuse_run, lexrank_run = make_newsfuse(words), make_lexrank(words)
    newsfuse_each, lexrank_each = time_interleaved((newsfuse_run, lexrank_run), clusters)
    newsfuse_time = Timing(sum(newsfuse_each), traced_peak(newsfuse_run, clusters))
    lexrank_time = Timing(sum(lexrank_each), traced_peak(lexrank_run, clusters))
    batch_input = work / "dev.jsonl"
    write_batch_input(clusters, count, batch_input)
    batch_seconds, batch_rss = run_batch_process(batch_input, work / "dev.out.jsonl")
    rows = []
    for name, seconds, peak in (
        ("newsfuse.summarize", newsfuse_time.seconds, mib(newsfuse_time.peak_bytes)),
        ("newsfuse batch (process)", batch_seconds, f"{mib(batch_rss)} RSS"),
        ("sumy LexRank", lexrank_time.seconds, mib(lexrank_time.peak_bytes)),
    ):
        rows.append(
            (
                name,
                f"{seconds:.2f}",
                f"{1000 * seconds / count:.1f}",
                f"{count / seconds:.1f}",
                f"{total_words / seconds:,.0f}",
                peak,
                f"{lexrank_time.seconds / seconds:.1f}x",
            )
        )
    print_table(
        f"1. Per cluster: {count} dev clusters, {total_words:,} input words, "
        f"{words}-word summaries (peak: largest traced heap of one cluster; batch: max RSS)",
        ("system", "seconds", "ms/cluster", "clusters/s", "words/s", "peak memory", "vs LexRank"),
        rows,
    )
    set_rows = []
    for name in dict.fromkeys(name for name, _ in named):
        chosen = [i for i, (set_name, _) in enumerate(named) if set_name == name]
        newsfuse_ms = 1000 * sum(newsfuse_each[i] for i in chosen) / len(chosen)
        lexrank_ms = 1000 * sum(lexrank_each[i] for i in chosen) / len(chosen)
        set_words = input_words([clusters[i] for i in chosen]) / len(chosen)
        set_rows.append(
            (
                name,
                str(len(chosen)),
                f"{set_words:,.0f}",
                f"{newsfuse_ms:.1f}",
                f"{lexrank_ms:.1f}",
                f"{lexrank_ms / newsfuse_ms:.1f}x",
            )
        )
    print_table(
        "1b. The same timings by dev set (newsfuse.summarize beside LexRank)",
        ("set", "clusters", "words/cluster", "newsfuse ms/cluster", "LexRank ms/cluster",
         "LexRank/newsfuse"),
        set_rows,
    )  # fmt: skip
    ratio = lexrank_time.seconds / newsfuse_time.seconds
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    print(f"\nnewsfuse.summarize is {ratio:.1f}x LexRank per cluster ({verdict}: target "
          f"{TARGET_RATIO:.0f}x)")  # fmt: skip


def scaling(clusters: Sequence[Cluster], words: int) -> None:
    pool = [document for cluster in clusters for document in cluster if document.strip()]
    random.Random(0).shuffle(pool)
    sizes = [size for size in CLUSTER_SIZES if size <= len(pool)]
    if len(sizes) < len(CLUSTER_SIZES):
        print(f"\n(only {len(pool)} dev documents: sizes above that are left out)")
    newsfuse_run, lexrank_run = make_newsfuse(words), make_lexrank(words)
    newsfuse_run(pool[:2])
    rows = []
    last_lexrank: tuple[int, float] | None = None  # (sentences, seconds) of the last run
    for size in sizes:
        cluster = pool[:size]
        sentences = sum(len(split_sentences(document)) for document in cluster)
        newsfuse_seconds = _once(newsfuse_run, cluster)
        forecast = 0.0
        if last_lexrank is not None:
            forecast = last_lexrank[1] * (sentences / last_lexrank[0]) ** 2
        lexrank_cell = f"skipped (~{forecast:.0f} s forecast)"
        ratio_cell = "-"
        if forecast <= LEXRANK_CAP_SECONDS:
            lexrank_seconds = _once(lexrank_run, cluster)
            lexrank_cell = f"{lexrank_seconds:.3f}"
            ratio_cell = f"{lexrank_seconds / newsfuse_seconds:.1f}x"
            last_lexrank = (sentences, lexrank_seconds)
        rows.append(
            (
                str(size),
                f"{input_words([cluster]):,}",
                f"{sentences:,}",
                f"{newsfuse_seconds:.3f}",
                f"{1000 * newsfuse_seconds / size:.1f}",
                lexrank_cell,
                ratio_cell,
            )
        )
    print_table(
        "2. One cluster of N pooled dev articles (seconds for one summary)",
        ("articles", "words", "sentences", "newsfuse s", "newsfuse ms/article", "LexRank s",
         "LexRank/newsfuse"),
        rows,
    )  # fmt: skip


def _once(system: Callable[[Cluster], list[str]], cluster: Cluster) -> float:
    started = time.perf_counter()
    system(cluster)
    return time.perf_counter() - started


def batch_memory(clusters: Sequence[Cluster], sizes: Sequence[int], work: Path) -> None:
    rows = []
    for lines in sizes:
        source = work / f"batch{lines}.jsonl"
        write_batch_input(clusters, lines, source)
        seconds, max_rss = run_batch_process(source, work / f"batch{lines}.out.jsonl")
        rows.append(
            (
                f"{lines:,}",
                mib(source.stat().st_size),
                f"{seconds:.1f}",
                f"{lines / seconds:.1f}",
                mib(max_rss),
            )
        )
        source.unlink()
    print_table(
        "3. `newsfuse batch` (one worker, a fresh process) as the input grows",
        ("lines", "input size", "seconds", "clusters/s", "max RSS"),
        rows,
    )


def profile(clusters: Sequence[Cluster], words: int, top: int = 18) -> None:
    run = make_newsfuse(words)
    profiler = cProfile.Profile()
    profiler.enable()
    for cluster in clusters:
        run(cluster)
    profiler.disable()
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("tottime").print_stats(top)
    lines = [line for line in report.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    print(f"\n4. Where newsfuse.summarize spends its time (cProfile, top {top} by own time)\n")
    print("\n".join(lines[start:]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small batch sizes, no profile")
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS)
    args = parser.parse_args(argv)
    named = load_named_clusters()
    clusters = [cluster for _, cluster in named]
    if not clusters:
        print(f"no dev clusters under {DEV}: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory(prefix="newsfuse-speed-") as folder:
        work = Path(folder)
        per_cluster(named, args.words, work)
        scaling(clusters, args.words)
        batch_memory(clusters, QUICK_BATCH_SIZES if args.quick else BATCH_SIZES, work)
    if not args.quick:
        profile(clusters, args.words)
    print(f"\n(python {sys.version.split()[0]}, {resource.getpagesize()}-byte pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
