from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.text import clean_text, prepare_article, split_sentences
from newsfuse.types import Article


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def _prepared_sentences(text: str) -> list[str]:
    """The sentences of a page once cleaned: furniture and teasers gone."""
    return [s.text for s in prepare_article(Article(id="a", original=text)).sentences]


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
        # only white space between one sentence and the next: nothing is lost
        assert not text[previous_end : sentence.start].strip()
        previous_end = sentence.end
    # splitting loses no characters ("View.The" is cut inside a word, so compare
    # everything but white space)
    assert "".join(" ".join(s.text for s in sentences).split()) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_cleaning_never_fails_and_spans_stay_inside(text: str) -> None:
    article = prepare_article(Article(id="p", original=text))
    for sentence in article.sentences:
        assert text[sentence.start : sentence.end].split() == sentence.text.split()


# ------------------------------------------------------------------ cleaning, found on dev pages


def _kept(text: str) -> list[str]:
    return [text[span.start : span.end] for span in clean_text(text).paragraphs]


def test_web_furniture_found_in_scraped_pages_is_dropped() -> None:
    body = "The council approved the budget on Tuesday after a long debate."
    furniture = [
        "Advertisement Continue reading the main story",
        "Advertisement - Continue Reading Below",
        "Story Continued Below",
        "[Secret report says the council was misled]",
        "► Aug. 23: Two charged in a related case",
        "Read or Share this story: https://usat.ly/2IM41av",
        "Media playback is unsupported on your device Media caption The mayor speaks",
        "Photo by Scott Olson/Getty Images",
        "Enlarge this image",
        "(credit: CBS)",
        "Maura Judkis contributed to this report.",
        "Associated Press writer David Porter contributed to this report.",
        "Contributing: Nanci Hellmich",
        "(Reporting by Chris Buckley; Editing by Mark Bendeich)",
        "Follow Hugo Martin on Twitter at @hugomartin",
        "lhuriash@tribpub.com or 954-572-2008",
        "This article is reproduced with permission from Climate Central.",
        "Breaking News Emails Get breaking news alerts and special reports.",
        "___",
        "* * *",
        "Posted: Jul 07, 2012 7:40 PM ET",
        "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013",
        "Friday, July 6, 2007",
        "Le mercredi 20 janvier 2010",
        "<ANNOTATION> (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS) </ANNOTATION>",
        "&QL; nn",
        "(vls/me/eb/sv)",
        "Play Facebook",
        "Follow CBSDFW.COM: Facebook | Twitter",
        "The president-elect has denied the assessment. (Victoria Walker/The Washington Post)",
        "(Andrew Harrer/Bloomberg)",
        "Serena Williams appears on a TV show Featuring: Serena Williams Where: Milan, Italy "
        "When: 23 Sep 2016 Credit: IPA/WENN.com",
        "Twitter",
        "Embed Village Mourns Couple Killed by a Mob 0:35 autoplay autoplay Copy this code to "
        "your website or blog",
    ]
    for line in furniture:
        text = f"{body}\n\n{line}\n\nIt takes effect in July, the mayor said."
        assert _kept(text) == [body, "It takes effect in July, the mayor said."], line


def test_a_label_glued_to_the_first_line_is_dropped() -> None:
    for label in ("Story highlights ", "AP Photo ", "THE FACT CHECKER | "):
        text = f"{label}Two groups clashed in Baghlan province, an official says\n\nTwelve died."
        assert _kept(text)[0] == "Two groups clashed in Baghlan province, an official says", label
    assert _kept("STORY HIGHLIGHTS are not a label here.") == [
        "STORY HIGHLIGHTS are not a label here."
    ]


def test_real_sentences_that_look_like_furniture_are_kept() -> None:
    sentences = [
        "Updated figures show 300 people were hurt in the storm.",
        "Photos by the agency show the damage to the dam.",
        "He was on trial for rape when he grabbed a gun, shooting a judge and a court reporter.",
        "Published in 2005, the report was ignored for a decade.",
        "Follow-up tests found no trace of the virus.",
        "Update: the suspect was arrested on Monday night.",
    ]
    text = "The storm hit the coast on Sunday.\n\n" + "\n\n".join(sentences)
    assert _kept(text)[1:] == sentences


def test_wire_copy_without_blank_lines_has_a_paragraph_a_line() -> None:
    text = (
        "The Senate voted 79 to 18 on Tuesday.\n"
        "NATIONAL FORECAST &QL;\n"
        "Snow is expected in the mountains.\n"
        "<ANNOTATION> (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS) </ANNOTATION>\n"
        "The bill goes to the House,\n"
        "which meets on Friday.''\n"
        "&QL;\n"
    )
    assert _prepared_sentences(text) == [
        "The Senate voted 79 to 18 on Tuesday.",
        "NATIONAL FORECAST",
        "Snow is expected in the mountains.",
        "The bill goes to the House, which meets on Friday.''",
    ]


def test_headline_then_dek_keeps_both_and_the_first_is_the_headline() -> None:
    text = (
        "World\n\nGunman kills 1, wounds 2 at accounting office\n\n"
        "Suspect had been fired last week by the company\n\n"
        "An employee who was fired last week shot and killed a woman on Monday."
    )
    article = prepare_article(Article(id="h", original=text))
    assert article.title == "Gunman kills 1, wounds 2 at accounting office"
    assert [s.text for s in article.sentences if not s.is_headline] == [
        "Suspect had been fired last week by the company",
        "An employee who was fired last week shot and killed a woman on Monday.",
    ]


def test_byline_and_date_in_other_languages() -> None:
    text = (
        "Par Claire Dubois\n\nPublié le 14 février 2024 à 07h00\n\n"
        "La SNCF prévoit un train sur deux jeudi."
    )
    article = prepare_article(Article(id="fr", original=text))
    assert article.author == "Claire Dubois"
    assert [s.text for s in article.sentences] == ["La SNCF prévoit un train sur deux jeudi."]


# ------------------------------------------------------------------ splitting, found on dev text


def test_state_abbreviations_in_datelines_and_addresses() -> None:
    assert _sentences("NASHVILLE, Tenn. — A father was charged. He denied it.") == [
        "NASHVILLE, Tenn. — A father was charged.",
        "He denied it.",
    ]
    assert len(_sentences("Write to P.O. Box B, Redding Ridge, Conn. 06876. They came.")) == 2
    assert _sentences("He lives in Hartford, Conn. The city is small.") == [
        "He lives in Hartford, Conn.",
        "The city is small.",
    ]
    assert len(_sentences("Doctors said he was ill. Doctors said he would recover.")) == 2


def test_no_and_months_before_numbers() -> None:
    assert len(_sentences("The team is ranked No. 1 in the nation. It won again.")) == 2
    assert _sentences("Asked if he would run, he said no. The crowd cheered.") == [
        "Asked if he would run, he said no.",
        "The crowd cheered.",
    ]
    assert len(_sentences("It happened on Jan. 5, 2015, officials said. Later it rained.")) == 2


def test_times_and_initialisms() -> None:
    assert _sentences(
        "It starts at 3 p.m. Tuesday in the hall. It ends at 5 p.m. The mayor will speak."
    ) == [
        "It starts at 3 p.m. Tuesday in the hall.",
        "It ends at 5 p.m.",
        "The mayor will speak.",
    ]
    assert len(_sentences("J.R.R. Tolkien wrote it. The U.N. Security Council met.")) == 2
    assert len(_sentences("Shares of Apple Inc. rose 3 percent. Microsoft Corp. fell.")) == 2


def test_sentences_glued_by_a_scraper_are_cut() -> None:
    text = "The robot fell in Mountain View.The 300-pound robot spins, sources say.Neither filed."
    assert _sentences(text) == [
        "The robot fell in Mountain View.",
        "The 300-pound robot spins, sources say.",
        "Neither filed.",
    ]
    # not inside names, initialisms, addresses and numbers
    for text in (
        "The U.S.Army said so.",
        "Write to jane.Doe@example.com today.",
        "It cost $3.5 million.",
        "See www.NYTimes.com for more.",
    ):
        assert len(_sentences(text)) == 1, text


def test_hard_wrapped_text_without_blank_lines_keeps_its_sentences_whole() -> None:
    text = (
        "The council approved the budget on Tuesday after a debate that\n"
        "lasted most of the night, and Mayor Jane Doe said the vote\n"
        "Was a relief for the city. Work on the bridge starts in May, when\n"
        "Contractors return from the winter break."
    )
    assert _sentences(text) == [
        "The council approved the budget on Tuesday after a debate that lasted most of the "
        "night, and Mayor Jane Doe said the vote Was a relief for the city.",
        "Work on the bridge starts in May, when Contractors return from the winter break.",
    ]


def test_ap_editors_slugs_and_header_are_cut() -> None:
    text = (
        "&UR; Eds: UPDATES with four more deaths &UR; AP Photo &UR; By ALISON MUTLER &QC; "
        "BUCHAREST, Romania (AP) _ A cold wave has killed 62 people. Temperatures fell. "
        "&UR; Poland has, 4th graf (bp-tsc)"
    )
    assert _sentences(text) == [
        "BUCHAREST, Romania (AP) _ A cold wave has killed 62 people.",
        "Temperatures fell.",
    ]


def test_an_also_list_of_other_headlines_is_cut() -> None:
    text = (
        "About 103 flights in and out of the airport were canceled Tuesday, officials said."
        "\n\nALSO:\n\nSpirit Airlines defends $100 carry-on bag fee\n\n"
        "Airlines shrink seats, charge extra for more legroom\n\n"
        "The airport expects to resume full service on Thursday, a spokeswoman said, after "
        "crews finish clearing the runways of debris and inspecting every one of the "
        "terminals for damage."
    )
    assert _prepared_sentences(text) == [
        "About 103 flights in and out of the airport were canceled Tuesday, officials said.",
        "The airport expects to resume full service on Thursday, a spokeswoman said, after "
        "crews finish clearing the runways of debris and inspecting every one of the "
        "terminals for damage.",
    ]
