from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.text import clean_text, prepare_article, split_sentences
from newsfuse.types import Article


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


# ------------------------------------------------------------------ cleaning the seeds


def test_seed_with_section_label_keeps_headline_and_drops_label(seed_texts: list[str]) -> None:
    article = prepare_article(Article(id="a", original=seed_texts[0]))
    assert article.title == "Iraqi forces retake last ISIS-held town"
    assert not article.text.startswith("Defense")
    assert article.sentences[0].is_headline
    assert not any(s.is_headline for s in article.sentences[1:])
    assert article.text.endswith("That doesn’t mean for certain troops are leaving.”")


def test_seed_with_bio_and_teasers_loses_them_and_keeps_the_last_paragraph(
    seed_texts: list[str],
) -> None:
    article = prepare_article(Article(id="b", original=seed_texts[1]))
    assert "Shawn Snow" not in article.text
    assert "In Other News" not in article.text
    assert "Load More" not in article.text
    assert article.text.endswith("that ISIS is not defeated.")
    assert article.text.startswith("Iraqi forces have liberated the town of Rawa")


def test_kept_spans_index_the_original(seed_texts: list[str]) -> None:
    for text in seed_texts:
        cleaned = clean_text(text)
        for span in cleaned.paragraphs:
            assert text[span.start : span.end].strip() == text[span.start : span.end]


def test_furniture_lines_are_dropped() -> None:
    text = (
        "Advertisement\n\nThe mayor resigned on Monday after a long inquiry.\n\n"
        "Share this article\n\nA box of cereal on a shelf. REUTERS/Carlos Jasso\n\n"
        "She will leave office next week, officials said.\n\n"
        "Related\n\nAnother story headline here\n\nJane Doe is a staff writer for the Daily Planet."
    )
    kept = clean_text(text)
    kept_text = " ".join(text[s.start : s.end] for s in kept.paragraphs)
    assert kept_text == (
        "The mayor resigned on Monday after a long inquiry. "
        "She will leave office next week, officials said."
    )


def test_byline_becomes_author() -> None:
    article = prepare_article(
        Article(id="x", original="By Jane Doe\n\nThe council voted 7 to 2 on Tuesday night.")
    )
    assert article.author == "Jane Doe"
    assert [s.text for s in article.sentences] == ["The council voted 7 to 2 on Tuesday night."]


# ------------------------------------------------------------------ sentence splitting


def test_titles_and_initials_do_not_end_sentences() -> None:
    text = (
        "Marine Lt. Gen. Kenneth F. McKenzie Jr., the joint staff director, spoke. "
        "Mr. Smith and Dr. Jones met Sen. Brown on Jan. 5 at No. 10 Downing St. in London."
    )
    assert len(_sentences(text)) == 2


def test_us_led_and_us_at_sentence_end() -> None:
    assert len(_sentences("The U.S.-led coalition retook the town. It was over.")) == 2
    assert _sentences("Troops arrived in the U.S. The mission ended.") == [
        "Troops arrived in the U.S.",
        "The mission ended.",
    ]
    assert len(_sentences("The U.S. Army said the raid was over.")) == 1


def test_quotations_that_end_and_span_sentences() -> None:
    text = (
        "“Total victory is near,” he said. “Daesh crumbles!” Operation Inherent Resolve "
        "wrote on Twitter. “We won. We are home.” She smiled."
    )
    assert _sentences(text) == [
        "“Total victory is near,” he said.",
        "“Daesh crumbles!” Operation Inherent Resolve wrote on Twitter.",
        "“We won.",
        "We are home.”",
        "She smiled.",
    ]


def test_wire_style_quotes_and_dateline() -> None:
    text = (
        "WASHINGTON (AP) _ The Senate voted 79 to 18 on Tuesday. ``It is done,'' "
        "he said. ``Now we wait.'' The bill goes to the House."
    )
    assert _sentences(text) == [
        "WASHINGTON (AP) _ The Senate voted 79 to 18 on Tuesday.",
        "``It is done,'' he said.",
        "``Now we wait.''",
        "The bill goes to the House.",
    ]


def test_ellipses() -> None:
    assert len(_sentences("They walloped Daesh…rolled right over them. Next.")) == 2
    assert len(_sentences("We have to remember that … this is a long struggle.")) == 1
    assert len(_sentences("He paused... Then he left.")) == 2


def test_paragraph_breaks_always_end_sentences() -> None:
    assert _sentences("A headline without a stop\n\nBody text here.") == [
        "A headline without a stop",
        "Body text here.",
    ]


def test_other_scripts() -> None:
    assert len(_sentences("यह पहला वाक्य है। यह दूसरा वाक्य है।")) == 2
    assert len(_sentences("هذه جملة أولى. هذه جملة ثانية؟ نعم.")) == 3


_news_alphabet = string.ascii_letters + string.digits + " .,!?\"'“”‘’…()-\n\t"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_news_alphabet, max_size=400))
def test_sentence_offsets_index_the_text_in_order(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        assert 0 <= previous_end <= sentence.start < sentence.end <= len(text)
        span = text[sentence.start : sentence.end]
        assert span == span.strip()
        assert sentence.text == " ".join(span.split())
        previous_end = sentence.end
    # splitting loses no words
    assert " ".join(s.text for s in sentences).split() == text.split()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_cleaning_never_fails_and_spans_stay_inside(text: str) -> None:
    article = prepare_article(Article(id="p", original=text))
    for sentence in article.sentences:
        assert text[sentence.start : sentence.end].split() == sentence.text.split()
