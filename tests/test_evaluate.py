from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.evaluate import (
    PROTOCOLS,
    Scorer,
    Task,
    WhitespaceTokenizer,
    cut_words,
    evaluate_protocol,
    lead_system,
    load_clusters,
    prepared_articles,
)
from newsfuse.evaluate import Cluster as EvalCluster
from tests.conftest import ROOT, dev_file

FLOORS = ROOT / "benchmarks" / "eval_floors.json"


def test_cut_keeps_the_first_words_across_lines() -> None:
    assert cut_words("a b c\nd e f", 4) == "a b c\nd"
    assert cut_words("a b\n\nc", 10) == "a b\nc"
    assert cut_words("a b c", 3) == "a b c"


def test_recall_of_a_tiny_summary() -> None:
    # reference unigrams: the, cat, sat, down; bigrams: the cat, cat sat, sat down
    scores = Scorer(PROTOCOLS["duc"]).score(["The cat ran."], ["the cat sat down"])
    assert scores == pytest.approx({"rouge1": 50.0, "rouge2": 100 / 3})


def test_scores_are_averaged_over_references() -> None:
    scores = Scorer(PROTOCOLS["duc"]).score(["troops entered the city"], [
        "troops entered the city", "rain fell all day long"
    ])  # fmt: skip
    assert scores == pytest.approx({"rouge1": 50.0, "rouge2": 50.0})


def test_wire_protocol_cuts_summary_and_references_at_100_words() -> None:
    words = [f"w{i}" for i in range(150)]
    reference = " ".join(words)
    # the reference's words past 100 are not asked for; the summary's are not counted
    exact = Scorer(PROTOCOLS["duc"]).score([" ".join(words[:100])], [reference])
    assert exact == pytest.approx({"rouge1": 100.0, "rouge2": 100.0})
    late = Scorer(PROTOCOLS["duc"]).score([" ".join(["x"] * 100 + words)], [reference])
    assert late == pytest.approx({"rouge1": 0.0, "rouge2": 0.0})


def test_web_protocol_is_f1_with_lsum() -> None:
    scorer = Scorer(PROTOCOLS["multinews"])
    same = scorer.score(["The vote was delayed.", "Officials blamed the storm."], [
        "The vote was delayed. Officials blamed the storm."
    ])  # fmt: skip
    assert same["rouge1"] == pytest.approx(100.0)
    assert same["rougeLsum"] == pytest.approx(100.0)
    # twice the words, half of them wrong: precision 1/2, recall 1, F1 2/3
    padded = scorer.score(["a b c d", "e f g h"], ["a b c d"])
    assert padded["rouge1"] == pytest.approx(200 / 3)


def test_other_scripts_are_scored_on_their_own_words() -> None:
    scores = Scorer(PROTOCOLS["multiling"], "greek").score(
        ["Η κυβέρνηση ανακοίνωσε μέτρα."], ["η κυβέρνηση ανακοίνωσε νέα μέτρα"]
    )
    assert scores["rouge1"] == pytest.approx(100 * 2 * 0.8 / 1.8)  # P 4/4, R 4/5
    assert WhitespaceTokenizer().tokenize("«Ναι», είπε — 5%!") == ["ναι", "είπε", "5"]


def test_lead_takes_each_article_in_turn() -> None:
    cluster = EvalCluster(
        id="x",
        documents=(
            "First report opens here today. Its second sentence follows now.",
            "Other report opens here today. Its own second sentence follows.",
        ),
        summaries=(),
    )
    articles = prepared_articles(cluster)
    lead = lead_system(articles, Task(words=11, language="english", overfill=False))
    assert lead == ["First report opens here today.", "Other report opens here today."]
    over = lead_system(articles, Task(words=11, language="english", overfill=True))
    assert len(over) == 3


def test_eval_command_without_data_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "--data", str(tmp_path / "absent")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "evaluation data not found" in error


def test_dev_scores_stay_above_their_floors() -> None:
    """The regression gate: newsfuse on the dev sets, against pinned floors."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for name, entry in floors["sets"].items():
        path = dev_file(entry["file"])
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{path} changed: measure and pin {FLOORS} again"
        scores = evaluate_protocol(PROTOCOLS[name], load_clusters(path), systems=("newsfuse",))
        for score in scores:
            for metric, floor in entry["floors"][score.group].items():
                assert score.values[metric] >= floor, (
                    f"{score.group} {metric}: {score.values[metric]:.2f} < floor {floor}"
                )
