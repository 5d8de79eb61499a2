"""Direct quotations: spans, speakers, cues; on the seeds against the gold, and on cases."""

from __future__ import annotations

import json

import pytest

from newsfuse.facts import extract_quotes
from newsfuse.text import prepare_article
from newsfuse.types import Article, Quote
from tests.conftest import dev_file


def quotes_of(text: str, nlp: object = False) -> list[Quote]:
    return extract_quotes(prepare_article(Article(id="a", original=text)), nlp=nlp)


def test_offsets_index_the_original() -> None:
    text = 'The mayor spoke.\n\n"We will rebuild every home," Mayor Ann Lee said on Monday.'
    (quote,) = quotes_of(text)
    assert text[quote.start : quote.end] == quote.text == "We will rebuild every home,"
    assert quote.speaker == "Ann Lee"
    assert quote.cue == "said"
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "Ann Lee"


def test_broken_quote_is_two_quotations_with_one_speaker() -> None:
    text = (
        "Defense Secretary James Mattis spoke.\n\n"
        "“That’s our goal right now, to continue,” Mattis told reporters at the Pentagon. "
        "“But we’re not just going to walk away right now.”"
    )
    first, second = quotes_of(text)
    assert first.text == "That’s our goal right now, to continue,"
    assert second.text == "But we’re not just going to walk away right now."
    assert first.speaker == second.speaker == "James Mattis"
    assert first.cue == second.cue == "told reporters at the Pentagon"


def test_wire_quotes_without_paragraph_breaks() -> None:
    text = (
        "MANILA, Philippines (AP) _ Cathay Pacific Airways said Wednesday it had pulled out. "
        "``There is now a real risk of PAL going bust,'' said airline analyst John "
        "Hetherington of Paribas Asia Equity Ltd. ``PAL is back in the unfortunate position.'' "
        "Another analyst said talks were ``pretty fluid.''"
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "There is now a real risk of PAL going bust,",
        "PAL is back in the unfortunate position.",
    ]  # "pretty fluid." is under 3 words
    assert {q.speaker for q in quotes} == {"John Hetherington"}
    assert quotes[0].role == "airline analyst"


def test_continued_wire_quote_ends_before_the_next_opening_mark() -> None:
    text = (
        "``We want to have a say in our destiny,'' said Farhad Qaemaqami, a voter. "
        "``I will vote for somebody who has influence. ``They are all liars,'' said "
        "Siavaash Mohseni, 24, a student."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "We want to have a say in our destiny,",
        "I will vote for somebody who has influence.",
        "They are all liars,",
    ]
    assert [q.speaker for q in quotes] == [
        "Farhad Qaemaqami",
        "Farhad Qaemaqami",
        "Siavaash Mohseni",
    ]


def test_multi_paragraph_quote_gives_one_quotation_per_paragraph() -> None:
    text = (
        "Police chief Maria Gomez described the night.\n\n"
        '"We heard the first shots around midnight and ran outside," Gomez said.\n\n'
        '"Nobody knew where they came from. It was chaos for an hour.\n\n'
        '"By morning the street was quiet again."'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "We heard the first shots around midnight and ran outside,",
        "Nobody knew where they came from. It was chaos for an hour.",
        "By morning the street was quiet again.",
    ]
    assert {q.speaker for q in quotes} == {"Maria Gomez"}


def test_pronoun_speaker_goes_to_the_last_person_named_as_subject() -> None:
    text = (
        "Iraqi Prime Minister Haider al-Abadi praised the army.\n\n"
        "Al-Abadi said forces are continuing to secure the border area.\n\n"
        "“Total victory is near,” he said."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Haider al-Abadi"
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_relayed_speech_belongs_to_the_last_speaker() -> None:
    text = 'The mayor said Fire Chief Tom Reed confirmed "the blaze is fully contained now."'
    (quote,) = quotes_of(text)
    assert quote.text == "the blaze is fully contained now."
    assert quote.speaker == "Tom Reed"
    assert quote.cue == "confirmed"


def test_nested_curly_quote_stays_inside_the_outer_one() -> None:
    text = (
        "“The mailer shows a tagline: “Matt Lesser will take everything you worked for.” "
        "It was mailed to homes,” WNPR reported Tuesday."
    )
    (quote,) = quotes_of(text)
    assert quote.text.startswith("The mailer shows") and quote.text.endswith("homes,")
    assert quote.speaker == "WNPR"
    assert quote.cue == "reported"


def test_short_and_title_quotes_are_not_quotations() -> None:
    text = (
        "“Daesh crumbles!” Operation Inherent Resolve wrote on Twitter. "
        "She starred in “The Best Years Of Our Lives” and called it an “important milestone.”"
    )
    assert quotes_of(text) == []


def test_description_speaker_takes_the_name_given_earlier() -> None:
    text = (
        "Tehran radio said people queued in long lines. ``People voted for Islam,'' the radio said."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Tehran radio"


def test_seeds_match_the_gold() -> None:
    records = [
        json.loads(line)
        for line in dev_file("facts_gold_dev.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    for record in records:
        quotes = quotes_of(record["document"])
        assert [(q.start, q.end) for q in quotes] == [
            (g["start"], g["end"]) for g in record["quotes"]
        ]
        assert [q.speaker for q in quotes] == [g["speaker"] for g in record["quotes"]]
        assert [q.cue for q in quotes] == [g["cue"] for g in record["quotes"]]


@pytest.mark.parametrize("use_model", [False, None])
def test_seed_files_with_and_without_the_model(use_model: object, seed_texts: list[str]) -> None:
    pytest.importorskip("spacy")
    speakers = {q.speaker for text in seed_texts for q in quotes_of(text, nlp=use_model)}
    assert speakers == {
        "Haider al-Abadi",
        "Ryan Dillon",
        "Dana White",
        "James Mattis",
        "Kenneth F. McKenzie Jr.",
        "Jennifer Cafarella",
    }
