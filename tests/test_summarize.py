from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse import read_articles, summarize
from newsfuse.language import Analyzer, detect_language
from tests.conftest import SEED_BOILERPLATE


def test_seed_brief_cites_both_articles_within_budget(seed_paths: list[Path]) -> None:
    articles = read_articles(seed_paths)
    summary = summarize(articles, words=120)
    assert 60 <= summary.word_count <= 120
    cited = {source for sentence in summary.sentences for source in sentence.sources}
    assert cited == {a.id for a in articles}
    for boilerplate in SEED_BOILERPLATE:
        assert boilerplate.strip() not in summary.text


def test_every_summary_sentence_points_into_its_original(seed_paths: list[Path]) -> None:
    articles = {a.id: a for a in read_articles(seed_paths)}
    summary = summarize(list(articles.values()), words=200)
    for sentence in summary.sentences:
        span = articles[sentence.article].original[sentence.start : sentence.end]
        assert " ".join(span.split()) == sentence.text
        for citation in sentence.also_in:
            assert citation.article != sentence.article
            assert articles[citation.article].original[citation.start : citation.end]


def test_no_sentence_is_said_twice() -> None:
    shared = "Iraqi forces retook the town of Rawa from Islamic State militants on Friday."
    articles = [
        f"{shared} The prime minister praised the troops in a statement.",
        f"{shared} Fighting continues near the Syrian border, officials said.",
        "Iraqi forces retook the town of Rawa from Islamic State militants on Friday morning. "
        "The coalition called it an important milestone.",
    ]
    summary = summarize(articles, words=100)
    texts = [s.text for s in summary.sentences]
    assert sum("retook the town of Rawa" in t for t in texts) == 1
    merged = next(s for s in summary.sentences if "retook the town of Rawa" in s.text)
    assert len(merged.sources) == 3  # the near-duplicates are cited, not repeated


def test_budget_is_respected_for_many_budgets(seed_paths: list[Path]) -> None:
    articles = read_articles(seed_paths)
    for words in (20, 50, 100, 250):
        assert summarize(articles, words=words).word_count <= words


def test_single_article_and_article_without_sentences() -> None:
    one = summarize(["The mayor resigned on Monday. The council will pick a successor soon."])
    assert one.sentences and one.sentences[0].article == "0"
    nothing = summarize(["   \n\n  "])
    assert nothing.sentences == []


def test_invalid_budget() -> None:
    with pytest.raises(ValueError):
        summarize(["Some text."], words=0)


def test_language_detection_and_analysis() -> None:
    assert detect_language("Le gouvernement a annoncé mardi que les élections auront lieu.") == (
        "french"
    )
    assert detect_language("Η κυβέρνηση ανακοίνωσε ότι οι εκλογές θα γίνουν.") == "greek"
    assert detect_language("The government said on Tuesday that the vote would go ahead.") == (
        "english"
    )
    assert Analyzer("en").stems("The forces retook towns") == ["the", "forc", "retook", "town"]
    assert Analyzer("xx").stems("Unknown words stay") == ["unknown", "words", "stay"]
