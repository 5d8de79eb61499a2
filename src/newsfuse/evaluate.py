"""Score newsfuse against the protocols of ``../shared/EVAL.md``, anchors beside it.

One run computes every system on the same clusters, with the same cleaning and
the same sentences (newsfuse's splitter), so the table compares methods, not
preprocessing:

- ``lead``: the first sentence of each article in turn, then the second, ...
- ``lexrank``, ``textrank``, ``lsa``: sumy 0.13, fed newsfuse's sentences and
  tokens (sumy's own tokenizer needs NLTK data, which cannot be downloaded).

Anchors take sentences in their rank order while they fit the word budget (the
rule newsfuse itself follows) and, where the protocol cuts at the budget, up to
the sentence that crosses it. Protocols:

- wire clusters (DUC 2003): 100 words; summary and references cut to their
  first 100 words; ROUGE-1/2 recall.
- web clusters (Multi-News) and MultiLing: 250 words; ROUGE-1/2/Lsum F1, the
  summary one sentence a line, references as given. Languages outside a-z (French
  included: rouge-score's default tokenizer drops its accented letters) use a
  tokenizer that lowercases, splits on white space and drops punctuation and
  symbols, without stemming.

Scores are averaged over a cluster's references, then over clusters. These
choices reproduce EVAL.md's reference points: lead 31.41 / 6.84 on DUC exactly,
44.0 / 13.4 / 28.0 on Multi-News (EVAL.md: 44.13 / 13.64 / 28.01; its sentences
came from pysbd), and on uncleaned MultiLing text 41.7 / 16.3 English, 42.3 /
16.7 French (EVAL.md: 41.4 / 16.3, 43.9 / 17.8); the lead of this table reads
cleaned articles (no date lines or headlines), a stronger anchor. Needs the
``eval`` extra (rouge-score, sumy).
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfuse.errors import InputError, UsageError
from newsfuse.language import normalize_language
from newsfuse.text import prepare_article
from newsfuse.types import Article

DEFAULT_DATA = Path("..") / "shared" / "data" / "dev"
SYSTEMS = ("newsfuse", "lead", "lexrank", "textrank", "lsa")


@dataclass(frozen=True, slots=True)
class Protocol:
    """How one kind of cluster is scored."""

    name: str
    file: str
    words: int
    metrics: tuple[str, ...]  # rouge-score names: rouge1, rouge2, rougeLsum
    measure: str  # "recall" or "f1"
    cut: bool  # cut summary and references to their first ``words`` words


PROTOCOLS = {
    "duc": Protocol("duc", "duc2003_dev.jsonl", 100, ("rouge1", "rouge2"), "recall", True),
    "multinews": Protocol(
        "multinews", "multinews_dev.jsonl", 250, ("rouge1", "rouge2", "rougeLsum"), "f1", False
    ),
    "multiling": Protocol(
        "multiling",
        "multiling2011_en_fr_dev.jsonl",
        250,
        ("rouge1", "rouge2", "rougeLsum"),
        "f1",
        False,
    ),
}


@dataclass(frozen=True, slots=True)
class Cluster:
    """One story: its documents and the human summaries it is scored against."""

    id: str
    documents: tuple[str, ...]
    summaries: tuple[str, ...]
    language: str = "english"


@dataclass(slots=True)
class Score:
    """Mean scores (percent) of one system on one set of clusters."""

    system: str
    protocol: str
    group: str  # "duc", "multinews", "multiling-english", ...
    clusters: int
    values: dict[str, float]
    seconds_per_cluster: float
    per_cluster: list[dict[str, float]] = field(default_factory=list)


def load_clusters(path: Path) -> list[Cluster]:
    """Clusters of a JSON Lines file of EVAL.md's kind ("documents", "summaries")."""
    clusters = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                clusters.append(
                    Cluster(
                        id=str(row.get("id", number)),
                        documents=tuple(row["documents"]),
                        summaries=tuple(row["summaries"]),
                        language=normalize_language(row.get("language")) or "english",
                    )
                )
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(f"{path}:{number}: not an evaluation cluster ({error})") from None
    return clusters


# --------------------------------------------------------------------------- scoring

# rouge-score's default tokenizer keeps only a-z and 0-9: it scores 0 on Greek and
# mangles French ("élection" -> "lection"), so those languages get this one.
_DEFAULT_TOKENIZER_LANGUAGES = frozenset({"english"})


class WhitespaceTokenizer:
    """Lowercase, split on white space, drop punctuation and symbols (P*, S*)."""

    def tokenize(self, text: str) -> list[str]:
        tokens = []
        for word in text.lower().split():
            kept = "".join(c for c in word if unicodedata.category(c)[0] not in "PS")
            if kept:
                tokens.append(kept)
        return tokens


def cut_words(text: str, words: int) -> str:
    """The first ``words`` white-space words of ``text`` (line breaks kept)."""
    kept: list[str] = []
    count = 0
    for line in text.split("\n"):
        line_words = line.split()
        if count + len(line_words) >= words:
            kept.append(" ".join(line_words[: words - count]))
            break
        kept.append(" ".join(line_words))
        count += len(line_words)
    return "\n".join(line for line in kept if line)


class Scorer:
    """ROUGE of one protocol and language: ``score(summary_lines, references)``."""

    def __init__(self, protocol: Protocol, language: str = "english") -> None:
        from rouge_score import rouge_scorer

        self.protocol = protocol
        if language in _DEFAULT_TOKENIZER_LANGUAGES:
            self._scorer = rouge_scorer.RougeScorer(list(protocol.metrics), use_stemmer=True)
        else:
            self._scorer = rouge_scorer.RougeScorer(
                list(protocol.metrics), use_stemmer=False, tokenizer=WhitespaceTokenizer()
            )

    def score(self, summary: Sequence[str], references: Sequence[str]) -> dict[str, float]:
        """Mean over ``references`` of each metric, in percent."""
        prediction = "\n".join(summary)
        # references as given: EVAL.md's reference points split only the summary
        targets = list(references)
        if self.protocol.cut:
            prediction = cut_words(prediction, self.protocol.words)
            targets = [cut_words(t, self.protocol.words) for t in targets]
        totals = dict.fromkeys(self.protocol.metrics, 0.0)
        for target in targets:
            result = self._scorer.score(target, prediction)
            for metric in self.protocol.metrics:
                value = result[metric]
                measure = value.recall if self.protocol.measure == "recall" else value.fmeasure
                totals[metric] += measure
        return {m: 100.0 * v / max(len(targets), 1) for m, v in totals.items()}


# --------------------------------------------------------------------------- systems


@dataclass(frozen=True, slots=True)
class Task:
    """What a system is asked for on one cluster."""

    words: int
    language: str
    overfill: bool  # anchors may cross the budget: the protocol cuts at ``words``


# A system: a cluster's prepared articles and the task in, the summary's sentences out.
System = Callable[[list[Article], Task], list[str]]


def prepared_articles(cluster: Cluster) -> list[Article]:
    return [
        prepare_article(Article(id=str(i), original=text))
        for i, text in enumerate(cluster.documents)
    ]


def _body(article: Article) -> list[str]:
    return [s.text for s in article.sentences if not s.is_headline]


def _fill(ranked: Iterable[tuple[int, str]], words: int, overfill: bool) -> list[str]:
    """Take ``(order, sentence)`` in rank order; return them in ``order``.

    Without ``overfill`` a sentence that does not fit is skipped; with it the
    sentence that crosses the budget is taken and the filling stops (for the
    protocols that cut every summary to its first ``words`` words).
    """
    chosen: list[tuple[int, str]] = []
    used = 0
    for order, text in ranked:
        count = len(text.split())
        if overfill:
            chosen.append((order, text))
            used += count
            if used >= words:
                break
        elif used + count <= words:
            chosen.append((order, text))
            used += count
    return [text for _, text in sorted(chosen)]


def newsfuse_system(articles: list[Article], task: Task) -> list[str]:
    from newsfuse.summarize import summarize

    summary = summarize(articles, words=task.words, language=task.language)
    return [s.text for s in summary.sentences]


def lead_system(articles: list[Article], task: Task) -> list[str]:
    bodies = [_body(a) for a in articles]
    in_turn = [
        body[rank]
        for rank in range(max((len(b) for b in bodies), default=0))
        for body in bodies
        if rank < len(body)
    ]
    return _fill(enumerate(in_turn), task.words, task.overfill)


# sumy's PlaintextParser joins a paragraph's lines before asking for its
# sentences; this separator (not a line break to ``str.splitlines``) keeps
# newsfuse's sentence boundaries through that.
_SENTENCE_SEPARATOR = "\x1f"


class _SumyTokenizer:
    """The tokenizer interface sumy's parser asks for, over newsfuse's analysis."""

    language = "english"

    def __init__(self) -> None:
        self._words = re.compile(r"\w+", re.UNICODE)

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s.strip() for s in paragraph.split(_SENTENCE_SEPARATOR) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return self._words.findall(sentence)


def _sumy_system(name: str) -> System:
    def run(articles: list[Article], task: Task) -> list[str]:
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        classes = {
            "lexrank": LexRankSummarizer,
            "textrank": TextRankSummarizer,
            "lsa": LsaSummarizer,
        }
        sumy_language = (
            task.language if task.language in ("english", "french", "czech") else "english"
        )
        summarizer = classes[name](Stemmer(sumy_language))
        summarizer.stop_words = get_stop_words(sumy_language)
        text = "\n\n".join(f" {_SENTENCE_SEPARATOR} ".join(_body(a)) for a in articles if _body(a))
        document = PlaintextParser.from_string(text, _SumyTokenizer()).document
        order = {id(s): i for i, s in enumerate(document.sentences)}
        ranked: list[Any] = []

        def keep_ranking(infos: list[Any]) -> list[Any]:
            ranked.extend(infos)  # sumy hands the sentences here best first
            return list(infos)

        summarizer(document, keep_ranking)
        return _fill(
            ((order[id(i.sentence)], str(i.sentence)) for i in ranked), task.words, task.overfill
        )

    return run


SYSTEM_FUNCTIONS: dict[str, System] = {
    "newsfuse": newsfuse_system,
    "lead": lead_system,
    "lexrank": _sumy_system("lexrank"),
    "textrank": _sumy_system("textrank"),
    "lsa": _sumy_system("lsa"),
}


# --------------------------------------------------------------------------- runs


def evaluate_protocol(
    protocol: Protocol,
    clusters: Sequence[Cluster],
    systems: Sequence[str] = SYSTEMS,
    system_functions: dict[str, System] | None = None,
) -> list[Score]:
    """Every system on every cluster; one Score per system and language group."""
    functions = system_functions or SYSTEM_FUNCTIONS
    groups: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        group = protocol.name
        if protocol.name == "multiling":
            group = f"multiling-{cluster.language}"
        groups.setdefault(group, []).append(cluster)
    scores = []
    for group, members in groups.items():
        scorers: dict[str, Scorer] = {}
        prepared = [prepared_articles(c) for c in members]
        for system in systems:
            per_cluster = []
            seconds = 0.0
            for cluster, articles in zip(members, prepared, strict=True):
                began = time.perf_counter()
                task = Task(protocol.words, cluster.language, protocol.cut and system != "newsfuse")
                summary = functions[system](articles, task)
                seconds += time.perf_counter() - began
                scorer = scorers.setdefault(cluster.language, Scorer(protocol, cluster.language))
                per_cluster.append(scorer.score(summary, cluster.summaries))
            means = {
                m: sum(c[m] for c in per_cluster) / max(len(per_cluster), 1)
                for m in protocol.metrics
            }
            scores.append(
                Score(
                    system=system,
                    protocol=protocol.name,
                    group=group,
                    clusters=len(members),
                    values=means,
                    seconds_per_cluster=seconds / max(len(members), 1),
                    per_cluster=per_cluster,
                )
            )
    return scores


def evaluate(
    data: Path,
    only: Sequence[str] = tuple(PROTOCOLS),
    systems: Sequence[str] = SYSTEMS,
) -> list[Score]:
    """Run the protocols named in ``only`` on the files of ``data``."""
    if not data.is_dir():
        raise UsageError(
            f"evaluation data not found at {data} (give the folder of EVAL.md's dev files "
            "with --data)"
        )
    unknown = [s for s in systems if s not in SYSTEM_FUNCTIONS]
    if unknown:
        raise UsageError(f"unknown system(s): {', '.join(unknown)}")
    scores: list[Score] = []
    for name in only:
        protocol = PROTOCOLS[name]
        path = data / protocol.file
        if not path.exists():
            raise UsageError(f"evaluation file not found: {path}")
        scores.extend(evaluate_protocol(protocol, load_clusters(path), systems))
    return scores


_METRIC_LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeLsum": "R-Lsum"}
_GROUP_LABELS = {
    "duc": "wire (DUC 2003 dev), 100 words, recall",
    "multinews": "web (Multi-News dev), 250 words, F1",
    "multiling-english": "MultiLing 2011 dev English, 250 words, F1",
    "multiling-french": "MultiLing 2011 dev French, 250 words, F1",
}


def format_table(scores: Sequence[Score]) -> str:
    """One table: a block per cluster group, a row per system."""
    lines = [
        f"{'set':<44} {'system':<9} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7} {'ms/cluster':>11}",
    ]
    previous = None
    for score in scores:
        label = _GROUP_LABELS.get(score.group, score.group) + f" [{score.clusters}]"
        if score.group != previous:
            lines.append("-" * len(lines[0]))
        cells = [
            f"{score.values[m]:6.2f}" if m in score.values else f"{'':>6}"
            for m in ("rouge1", "rouge2")
        ]
        lsum = score.values.get("rougeLsum")
        cells.append(f"{lsum:7.2f}" if lsum is not None else f"{'':>7}")
        lines.append(
            f"{label if score.group != previous else '':<44} {score.system:<9} "
            + " ".join(cells)
            + f" {1000 * score.seconds_per_cluster:11.1f}"
        )
        previous = score.group
    return "\n".join(lines)


def scores_json(scores: Sequence[Score]) -> list[dict[str, Any]]:
    return [
        {
            "system": s.system,
            "protocol": s.protocol,
            "set": s.group,
            "clusters": s.clusters,
            "scores": {_METRIC_LABELS[m]: round(v, 2) for m, v in s.values.items()},
            "ms_per_cluster": round(1000 * s.seconds_per_cluster, 2),
        }
        for s in scores
    ]


def run_command(
    data: str | None,
    only: Sequence[str] | None,
    systems: Sequence[str] | None,
    as_json: bool,
) -> str:
    """What ``newsfuse eval`` prints: one table (or JSON) from one run."""
    try:
        import rouge_score  # noqa: F401
        import sumy  # noqa: F401
    except ImportError as missing:
        raise UsageError(
            f"newsfuse eval needs the eval extra ({missing.name} is missing): "
            "pip install 'newsfuse[eval]'"
        ) from None
    folder = Path(data) if data else DEFAULT_DATA
    scores = evaluate(folder, only or tuple(PROTOCOLS), systems or SYSTEMS)
    if as_json:
        return json.dumps(scores_json(scores), indent=1) + "\n"
    return format_table(scores) + "\n"
