"""Cross-source comparison on the seeds and on made-up conflicts, and `newsfuse analyze`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsfuse
from newsfuse.cli import main
from newsfuse.compare import analyze
from newsfuse.types import Analysis, ComparisonItem
from tests.conftest import EXAMPLES, dev_file


@pytest.fixture(scope="module")
def seed_analysis() -> Analysis:
    return analyze(newsfuse.read_articles([EXAMPLES]), nlp=False)


def _texts(item: ComparisonItem) -> str:
    return " ".join(e.text for e in item.evidence)


def test_seed_shared_facts(seed_analysis: Analysis) -> None:
    shared = seed_analysis.comparison.shared
    rawa = [i for i in shared if "liberated the town of Rawa" in _texts(i)]
    assert rawa and "retake last ISIS-held town" in _texts(rawa[0])
    milestone = [i for i in shared if "important milestone" in _texts(i)]
    assert milestone and len(milestone[0].articles) == 2
    articles = {a.id: a for a in seed_analysis.articles}
    for item in shared:
        for evidence in item.evidence:
            original = articles[evidence.article].original
            assert " ".join(original[evidence.start : evidence.end].split()) == evidence.text


def test_seed_unique_fighter_counts(seed_analysis: Analysis) -> None:
    unique = " ".join(i.text for i in seed_analysis.comparison.unique)
    assert "500 to 1,000 ISIS fighters" in unique
    assert "100 to 200 ISIS fighters" in unique
    for item in seed_analysis.comparison.unique:
        assert len(item.articles) == 1


def test_seed_mosul_is_one_date_at_two_precisions_and_no_conflict(
    seed_analysis: Analysis,
) -> None:
    differences = seed_analysis.comparison.conflicts
    assert not [i for i in differences if i.kind in ("conflict", "update")]
    precision = [i for i in differences if i.kind == "precision" and i.subject == "Mosul"]
    assert len(precision) == 1
    assert {e.value for e in precision[0].evidence} == {"earlier this year", "mid-July"}
    wording = [i for i in differences if i.kind == "wording" and i.subject == "Haider al-Abadi"]
    assert wording and len(wording[0].articles) == 2


def _story(published: tuple[str, str]) -> Analysis:
    texts = (
        "A car bomb killed 12 people in Kabul on Monday, police said.",
        "A car bomb killed 20 people in Kabul on Monday, police said.",
    )
    articles = [
        newsfuse.Article(id=f"r{i}", original=text, published=when)
        for i, (text, when) in enumerate(zip(texts, published, strict=True))
    ]
    return analyze(articles, nlp=False)


def test_a_death_toll_that_differs_is_a_conflict() -> None:
    analysis = _story(("2024-03-04T10:00:00Z", "2024-03-04T10:00:00Z"))
    kinds = [i.kind for i in analysis.comparison.conflicts]
    assert kinds == ["conflict"]
    item = analysis.comparison.conflicts[0]
    assert {e.value for e in item.evidence} == {"12", "20"}
    assert not analysis.comparison.shared  # told differently, so not listed as agreed


def test_a_later_report_is_an_update() -> None:
    analysis = _story(("2024-03-04T10:00:00Z", "2024-03-04T18:00:00Z"))
    item = analysis.comparison.conflicts[0]
    assert item.kind == "update"
    assert [e.value for e in item.evidence] == ["12", "20"]  # older first


def test_a_range_and_a_number_inside_it_agree() -> None:
    articles = [
        newsfuse.Article(id="a", original="Officials said 10 to 15 people were injured in Lyon."),
        newsfuse.Article(id="b", original="Officials said 12 people were injured in Lyon."),
    ]
    kinds = {i.kind for i in analyze(articles, nlp=False).comparison.conflicts}
    assert "conflict" not in kinds


def test_amounts_rounded_differently_agree_but_counts_are_exact() -> None:
    def kinds(first: str, second: str) -> list[str]:
        articles = [
            newsfuse.Article(id="a", original=first),
            newsfuse.Article(id="b", original=second),
        ]
        return [i.kind for i in analyze(articles, nlp=False).comparison.conflicts]

    assert kinds(
        "The airline owes $2.1 billion in debt to its lenders.",
        "The airline owes $2.2 billion in debt to its lenders.",
    ) == ["precision"]
    assert kinds(
        "The flood killed 12 people in the valley on Monday.",
        "The flood killed 13 people in the valley on Monday.",
    ) == ["conflict"]


def _differences(first: str, second: str) -> list[str]:
    articles = [
        newsfuse.Article(id="a", original=first),
        newsfuse.Article(id="b", original=second),
    ]
    return [i.kind for i in analyze(articles, nlp=False).comparison.conflicts]


_LEAD = "Gunmen attacked a checkpoint in Herat on Monday. "


def test_the_dead_and_the_wounded_are_not_one_figure() -> None:
    # Multi-News dev: "20 people were killed and 10 others were wounded" against
    # "10 people were wounded" was once a conflict of 20 and 10
    clashes = "In the clashes at the border checkpoint near the old airport, "
    killed = _LEAD + clashes + "20 people were killed, police said."
    assert "conflict" not in _differences(
        killed, _LEAD + clashes + "10 people were wounded, police said."
    )
    assert _differences(killed, _LEAD + clashes + "21 people were killed, police said.") == [
        "conflict"
    ]


# Two figures of one unit that count different things: no conflict between them.
_NOT_ONE_QUANTITY = {
    "a possibility and a fact": (
        "The temperature inside the truck ",
        "was 89 degrees, police said.",
        "could have reached 120 degrees, police said.",
    ),
    "distances from two places": (
        "By Friday evening the typhoon was centered ",
        "140 kilometers west of Dagupan City in the South China Sea.",
        "370 kilometers west of Vigan in the South China Sea.",
    ),
    "a depth and a distance": (
        "The aftershock reported by the seismological service of the university occurred ",
        "at a depth of 7 km on Sunday.",
        "66 km southeast of Pichilemu on Sunday.",
    ),
    "values twenty times apart": (
        "The storm caused damage",
        " estimated at $5 billion, officials said.",
        ", and Haiti has only $23 million, officials said.",
    ),
    "two people's ages": (
        "The accountant is charged with murder in the shooting at the office, ",
        "which wounded Kafoury, 63, police said.",
        "which wounded Riva, 47, police said.",
    ),
    "a brother's and a sister's ages": (
        "The vigil was held on Saturday night for the teenager shot by police, ",
        "and Kimani (Kiki) Gray, 16, was remembered by friends.",
        "and Mahnefah Gray, 19, was remembered by friends.",
    ),
    "ages without their owners": (
        "The deputy was killed on Sunday, the sheriff said. ",
        "He is survived by his wife and two sons, ages 16 and 6.",
        "He is also survived by two sons, ages 6 and 16.",
    ),
    "a part and a total": (
        "The navy said its ship intercepted the pirates' boats off Somalia, ",
        "and six AK-47 rifles were seized during the operation.",
        "and a total of 14 AK-47 rifles were seized in its five operations.",
    ),
    "others and a total": (
        "The navy said the pirates' boats were searched and the weapons seized: ",
        "seven AK-47s, three other assault rifles and 13 magazines.",
        "nine assault rifles and 13 magazines.",
    ),
}


@pytest.mark.parametrize("case", sorted(_NOT_ONE_QUANTITY))
def test_two_things_of_one_unit_are_no_conflict(case: str) -> None:
    shared, first, second = _NOT_ONE_QUANTITY[case]
    assert "conflict" not in _differences(_LEAD + shared + first, _LEAD + shared + second)


def test_the_unit_as_written_says_nothing_of_what_is_measured() -> None:
    # "70 km northwest of Curico" and "a depth of 7 km": "km" is the unit, not a shared "what"
    from newsfuse.compare import _what_beyond_unit
    from newsfuse.language import Analyzer
    from newsfuse.types import Figure

    figure = Figure("7", "a", 0, 1, 7.0, unit="kilometers", what="km")
    assert _what_beyond_unit(figure, Analyzer("english")) == set()


def test_conversions_differ_only_through_the_figures_they_convert() -> None:
    # "about 10 kph (6.2 mph)" and "11 kph (7 mph)" agree; their conversions must not clash
    kinds = _differences(
        "The typhoon was moving at about 10 kph (6.2 mph) toward the coast of Luzon.",
        "The typhoon was moving at 11 kph (7 mph) toward the coast of Luzon.",
    )
    assert "conflict" not in kinds and "precision" in kinds
    # ECB+ 13: "$US1 million ($1.52 million)" in an Australian paper is one sum in two
    # dollars, not a conflict with "$1 million" elsewhere
    kinds = _differences(
        "Damage to the Wasilla church was estimated at $1 million, authorities said.",
        "Damage to the Wasilla church was estimated at $US1 million ($1.52 million), "
        "authorities said.",
    )
    assert "conflict" not in kinds


def test_a_sentence_that_tells_both_dates_does_not_contradict_either() -> None:
    # "died Thursday after a heart attack on Dec. 2" against "died after a heart attack
    # on December 2": the second date is the heart attack's, not another date of the death
    more = (
        " She was a model in New York in the 1950s. Her photographs were published in"
        " magazines. She later became a cult figure. Fans gathered outside her house."
    )
    articles = [
        newsfuse.Article(id="a", original="Her agent, Mark Roesler, said Page died yesterday "
                         "at a Los Angeles hospital after suffering a heart attack on December 2."
                         + more),
        newsfuse.Article(id="b", original="Pinup icon Bettie Page died Thursday evening at a "
                         "hospital in Los Angeles after having suffered a heart attack on Dec. 2 "
                         "and spending time on life support." + more),
    ]  # fmt: skip
    kinds = [i.kind for i in analyze(articles, nlp=False).comparison.conflicts]
    assert "conflict" not in kinds


def test_the_same_two_values_in_several_reports_are_one_conflict() -> None:
    articles = [
        newsfuse.Article(
            id=name, original=_LEAD + f"The pirates came in {boats} boats, the navy said."
        )
        for name, boats in (("a", "two"), ("b", "two"), ("c", "three"))
    ]
    conflicts = [
        i for i in analyze(articles, nlp=False).comparison.conflicts if i.kind == "conflict"
    ]
    assert len(conflicts) == 1
    assert set(conflicts[0].articles) == {"a", "b", "c"}


def test_a_figure_another_source_states_alike_is_not_one_sources_alone() -> None:
    # the sentences do not match, but both outlets give the same 16 weeks of leave; a small
    # bare count ("two people") in two reports may be anyone and stays with its source
    articles = [
        newsfuse.Article(id="a", original="The bill gives workers 16 weeks of paid leave. "
                         "Two people spoke against it at the hearing in Albany."),
        newsfuse.Article(id="b", original="Lawmakers in Albany passed it on Tuesday after a "
                         "long fight over 16 weeks, and two people were arrested outside."),
    ]  # fmt: skip
    unique = analyze(articles, nlp=False).comparison.unique
    subjects = " ".join(i.subject or "" for i in unique)
    assert "16" not in subjects
    assert "Two people" in subjects and "two people" in subjects


def test_the_markdown_says_what_only_one_source_reports(seed_analysis: Analysis) -> None:
    from newsfuse.render_facts import facts_html, facts_markdown

    markdown = facts_markdown(seed_analysis)
    assert "- **500 to 1,000 ISIS fighters in the border town of Abu Kamal**: In Syria" in markdown
    assert "<strong>500 to 1,000 ISIS fighters" in facts_html(seed_analysis)


def test_a_figure_that_says_nothing_of_what_it_counts_is_listed_without_a_dash() -> None:
    from newsfuse.render_facts import facts_markdown

    articles = [newsfuse.Article(id="b", original="The final tally was 85, officials said.")]
    assert "- 85 [^1]" in facts_markdown(analyze(articles, nlp=False)).splitlines()


def test_analyze_cli_json_keys(capsys: pytest.CaptureFixture[str], seed_paths: list[Path]) -> None:
    code = main(["analyze", *map(str, seed_paths), "--format", "json", "--nlp", "rules"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)
    assert {"schema_version", "articles", "quotes", "figures", "entities", "timeline"} <= set(
        result
    )
    assert set(result["comparison"]) == {"shared", "unique", "conflicts"}
    assert result["methods"]["entities"] == "rules"
    assert {"text", "speaker", "role", "cue", "article", "start", "end"} <= set(result["quotes"][0])
    assert {"text", "what", "value", "unit", "article", "start", "end"} <= set(result["figures"][0])


@pytest.mark.parametrize("output_format", ["markdown", "html", "text"])
def test_summarize_brief_has_the_facts_sections(
    capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    code = main(["summarize", str(EXAMPLES), "--format", output_format])
    out, _ = capsys.readouterr()
    assert code == 0
    for title in ("Who said what", "Where sources agree", "Reported by one source", "Differences"):
        assert title in out
    assert out.index("Who said what") > out.index("Iraqi")  # after the summary


def test_summarize_json_has_analysis_and_none_turns_it_off(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["summarize", str(EXAMPLES), "--format", "json"]) == 0
    brief = json.loads(capsys.readouterr()[0])
    assert set(brief["analysis"]["comparison"]) == {"shared", "unique", "conflicts"}
    assert main(["summarize", str(EXAMPLES), "--format", "json", "--facts", "none"]) == 0
    assert "analysis" not in json.loads(capsys.readouterr()[0])


def test_a_speaker_read_from_context_is_marked_inferred() -> None:
    from newsfuse.render_facts import facts_markdown
    from newsfuse.types import Article

    text = (
        "The club was founded by the Canadian grandmaster Eric Hansen. “A lot of people "
        "don't play chess because they're afraid of what their friends will think.”\n\n"
        "The club meets on Tuesdays.\n\n"
        "“We are growing every year,” said Ann Lee, the club's treasurer."
    )
    out = facts_markdown(analyze([Article(id="a", original=text)]))
    assert "Eric Hansen (inferred):" in out
    assert "Ann Lee (the club's treasurer):" in out  # a reporting verb: nothing inferred


def _analysis_of(*texts: str) -> Analysis:
    """The rules-only analysis of one story whose articles are ``texts``."""
    articles = [newsfuse.Article(id=f"r{i}", original=t) for i, t in enumerate(texts)]
    return analyze(articles, nlp=False)


def test_of_many_quotations_only_one_statement_in_two_wordings_is_set_side_by_side() -> None:
    first = (
        "Police chief Susan Gomes spoke on Friday. “We have not developed any suspects,” "
        "Gomes said. “The family has been patient,” she said. “Facts guide our focus,” she "
        "said. “The house was searched twice,” she said."
    )
    second = (
        "Susan Gomes, the police chief, spoke to reporters. “We haven't developed any "
        "suspects yet,” Gomes said. “Conjecture has no place,” she said."
    )
    conflicts = _analysis_of(first, second).comparison.conflicts
    (item,) = [i for i in conflicts if i.kind == "wording"]
    # six quotations, one statement that both outlets quote: that pair, side by side
    assert [e.text for e in item.evidence] == [
        "We have not developed any suspects,",
        "We haven't developed any suspects yet,",
    ]


def test_a_date_another_source_writes_is_not_one_sources_alone() -> None:
    texts = (
        "The couple were found dead at their home. On Dec. 15, police said, they were "
        "found by a real estate agent in the basement.",
        "Police are treating the deaths as a double homicide. The Shermans were discovered "
        "fully clothed on Dec. 15, 2017. Their son spoke on Sunday.",
    )
    subjects = {item.subject for item in _analysis_of(*texts).comparison.unique}
    assert not subjects & {"Dec. 15", "Dec. 15, 2017"}  # one day, written by both
    assert "Sunday" in subjects  # a date only the second writes


def test_two_thermometer_readings_and_two_tolls_in_alike_leads_are_no_shared_fact() -> None:
    texts = (
        "An Arctic cold wave that hit Poland a week ago has killed 32 people, police said "
        "Monday. The lowest temperature was minus 26 Celsius early Sunday in Ostroleka.",
        "An Arctic cold wave and blizzards have killed at least 62 people across Europe, "
        "police said Monday. On Wednesday, Poland's low was minus 12 Celsius.",
    )
    comparison = _analysis_of(*texts).comparison
    # readings of a thermometer on two days differ without contradicting each other
    assert not any(i.subject == "Celsius" for i in comparison.conflicts)
    # two leads with tolls that cannot both hold tell one story, not one fact
    assert not any("32 people" in item.text for item in comparison.shared)


def test_no_more_false_conflicts_on_the_judged_dev_clusters() -> None:
    # hand-judged differences of the DUC and Multi-News dev clusters
    # (benchmarks/survey_differences.py): at the sixth session's end 9 real of 39 found,
    # since 9 of 15; a change that brings false alarms back, or loses real ones, fails
    from benchmarks.survey_differences import differences, load_judged

    dev_file("multinews_dev.jsonl")
    judged = load_judged()
    clusters = {key.split(" | ")[0] for key in judged}
    verdicts = [
        judged.get(key)
        for name in ("duc2003_dev.jsonl", "multinews_dev.jsonl")
        for key, _ in differences(name, clusters)
    ]
    assert verdicts.count(True) >= 9
    assert verdicts.count(False) <= 6


def test_no_more_false_conflicts_on_the_judged_ecb_stories() -> None:
    # the 36 ECB+ stories of the story stream, differences judged blind by a helper: at
    # the seventh session's end 13 real of 58 found, since 13 of 50 (a warship "13
    # nautical miles away" and a ship "150 nautical miles off Aden" are two distances;
    # "six AK-47 rifles" in one operation and "a total of 14" in five, two counts)
    from benchmarks.survey_differences import differences, load_judged

    dev_file("stories_dev.jsonl")
    judged = load_judged()
    clusters = {key.split(" | ")[0] for key in judged}
    verdicts = [judged.get(key) for key, _ in differences("stories_dev.jsonl", clusters)]
    assert verdicts.count(True) >= 12
    assert verdicts.count(False) <= 38


def test_one_topic_is_not_one_fact_but_the_same_words_quoted_are() -> None:
    # repairs and fines are two facts about one vote (their sentences 0.55 alike); the
    # mayor's promise, quoted alike by both, is one
    first = (
        "Flooding closed two bridges in Lyon on Monday. Shops stayed shut. The council will"
        " vote in March on repairs to the flooded bridges, the mayor said. \u201cWe will not"
        " raise taxes this year to pay for it,\u201d the mayor said on Monday."
    )
    second = (
        "Heavy rain flooded the centre of Lyon on Monday. Schools stayed open. The council"
        " will vote in March on fines for drivers who cross the flooded bridges, the mayor"
        " said. Speaking to reporters, Mayor Lee promised: \u201cWe will not raise taxes this"
        " year to pay for it.\u201d"
    )
    articles = [newsfuse.Article(id="a", original=first), newsfuse.Article(id="b", original=second)]
    shared = " ".join(i.text for i in analyze(articles, nlp=False).comparison.shared)
    assert "repairs" not in shared and "fines" not in shared
    assert "We will not raise taxes" in shared


def test_a_fact_worded_alike_everywhere_is_marked_as_one_copied_text() -> None:
    from newsfuse.render_facts import comparison_item_dict, facts_markdown

    wire = "Police said the suspects have robbed nearly two dozen banks in Los Angeles."
    articles = [
        newsfuse.Article(id="a", original="Three robbers are wanted in Los Angeles. " + wire),
        newsfuse.Article(id="b", original="Banks in Los Angeles are on alert. " + wire),
    ]
    analysis = analyze(articles, nlp=False)
    (copied,) = [i for i in analysis.comparison.shared if "two dozen" in i.text]
    assert copied.same_wording and comparison_item_dict(copied)["same_wording"] is True
    assert "worded alike: likely one wire story" in facts_markdown(analysis)
    seeds = analyze(newsfuse.read_articles([EXAMPLES]), nlp=False).comparison.shared
    assert not any(item.same_wording for item in seeds)  # two outlets' own words


def test_a_shared_fact_holds_one_sentence_of_each_article() -> None:
    # Multi-News dev cluster train-4558: a lead matched to a lead, each matched to other
    # sentences, once chained three different facts of one article into one "shared" fact
    from benchmarks.survey_differences import _articles, _rows

    dev_file("multinews_dev.jsonl")
    row = next(r for r in _rows("multinews_dev.jsonl") if r["id"] == "train-4558")
    for item in analyze(_articles(row, "train-4558"), nlp=False).comparison.shared:
        assert len(item.evidence) == len(item.articles), item.text


def test_a_story_in_another_language_states_no_facts_and_says_why() -> None:
    from newsfuse.render_facts import facts_markdown

    texts = (
        "Le coureur a gagné l'étape de 7,9 kilomètres samedi. « C'est une belle victoire », "
        "a déclaré le directeur de l'équipe. Il y avait plus de 180 coureurs au départ.",
        "Le maillot jaune a gagné le contre-la-montre de 7,9 kilomètres. Les organisateurs "
        "ont dit que la course était très rapide et que le public était nombreux.",
    )
    analysis = _analysis_of(*texts)
    # English rules on French text would read "7,9" as 7 and 9: no facts beat wrong ones
    assert not analysis.quotes and not analysis.figures and not analysis.comparison.shared
    assert analysis.methods["facts"].endswith("French")
    assert "facts are read in English only" in facts_markdown(analysis)


def test_a_part_and_its_whole_are_no_conflict() -> None:
    # DUC d31027: the 1997 vote, "20 million out of 30 million" in one report, "20 million"
    # in another; 30 million is the whole, not another count of Khatami's voters
    analysis = _analysis_of(
        "In the 1997 election 20 million out of 30 million people voted for Khatami.",
        "In the 1997 election 20 million people voted for Khatami, a reformist.",
    )
    assert not [i for i in analysis.comparison.conflicts if i.kind == "conflict"]
    unique = " ".join(i.subject or "" for i in analysis.comparison.unique)
    assert "20 million" not in unique  # both tell it


def test_copies_of_one_wire_story_share_short_sentences_and_quotations() -> None:
    copy = (
        "TEHRAN, Iran (AP) _ Conservative clerics were leading in the elections. Two are "
        "believed to be independents. ``The stations were empty,'' said Parvin, a voter."
    )
    analysis = _analysis_of(copy, copy.replace("leading in the", "ahead in the"))
    shared = [i.text for i in analysis.comparison.shared]
    assert "Two are believed to be independents." in shared
    assert not [i for i in analysis.comparison.unique if "Two are" in i.text]
    # the same words in both copies: nothing to set side by side
    assert not [i for i in analysis.comparison.conflicts if i.kind == "wording"]
    # nor two statements of one speaker, each told word for word by both copies
    said = "``We will find the cause of this crash,'' Bouchard said. ``It is complex,'' he said."
    copies = _analysis_of("Benoit Bouchard spoke. " + said, "Benoit Bouchard met us. " + said)
    assert not [i for i in copies.comparison.conflicts if i.kind == "wording"]
    from newsfuse.render_facts import facts_markdown

    markdown = facts_markdown(analysis)
    assert "“The stations were empty,” [^1][^2]" in markdown  # one line, both citations


def test_figures_at_two_precisions_are_one_item_with_their_bounds() -> None:
    lead = "Iranians voted on Friday for the Assembly of Experts. "
    analysis = _analysis_of(
        lead + "Fewer than 10 million of a little more than 38 million eligible voters will vote.",
        lead + "Only about 39 percent of the 38 million eligible voters will vote.",
        lead + "About 18 million of the 38.5 million eligible voters voted.",
    )
    (item,) = [i for i in analysis.comparison.conflicts if i.kind == "precision"]
    assert [e.value for e in item.evidence] == [
        "more than 38 million", "38 million", "38.5 million"
    ]  # fmt: skip


def test_values_a_bound_lets_both_hold_are_not_one_figure_at_two_precisions() -> None:
    # Multi-News train-9144: "more than 300 people" (L'Aquila, 2009) and "8,000 people"
    # (Nepal, 2015) were said to "agree at different precision"
    lead = "A powerful earthquake struck central Italy on Wednesday. "
    analysis = _analysis_of(
        lead + "The 2009 quake in L'Aquila killed more than 300 people in the region.",
        lead + "The 2009 quake in L'Aquila killed 8,000 people in the region, one report said.",
        lead + "The 2009 quake in L'Aquila killed 310 people in the region.",
    )
    items = [i for i in analysis.comparison.conflicts if i.kind == "precision"]
    values = [{e.value for e in i.evidence} for i in items]
    assert values == [{"more than 300", "310"}]


def test_a_word_said_in_passing_is_no_fact_of_one_source() -> None:
    # ECB+ 13: "TV", "American", "Christianity" were each "reported by one source"
    analysis = _analysis_of(
        "A fire damaged the Wasilla Bible Church on Friday night, officials said.",
        "A fire damaged the Wasilla Bible Church on Friday night. I watched it on TV. "
        "Bill Ayers would not call it terrorism, the American columnist wrote.",
    )
    subjects = {i.subject for i in analysis.comparison.unique}
    assert "Bill Ayers" in subjects and not subjects & {"TV", "American"}


def test_a_count_a_place_owns_is_a_part_of_the_count_no_one_owns() -> None:
    # Multi-News train-22298: "at least eight major airports" closed by the storm and
    # "New York City's three major airports" were a conflict
    lead = "Superstorm Sandy battered the East Coast on Monday night, killing dozens of people. "
    kinds = _differences(
        lead + "The storm closed at least eight major airports.",
        lead + "The storm closed New York City's three major airports.",
    )
    assert "conflict" not in kinds


def test_how_far_a_count_has_gone_is_no_share_of_the_vote() -> None:
    # DUC d30025: "with 22 percent of the vote counted" against "56 percent of the vote"
    lead = "Brazilians voted on Sunday in the presidential election. "
    kinds = _differences(
        lead + "Cardoso appeared to have won with 56 percent of the vote.",
        lead + "With 22 percent of the vote counted, Cardoso appeared to have won.",
    )
    assert "conflict" not in kinds


def test_a_chain_of_precisions_holds_only_values_that_allow_each_other() -> None:
    # DUC d30025: "almost 50 percent" and "40 percent" were one item through "over 40"
    lead = "Brazil's central bank raised interest rates on Friday to stem capital flight. "
    analysis = _analysis_of(
        lead + "The bank doubled interest rates to almost 50 percent.",
        lead + "The bank kept interest rates over 40 percent.",
        lead + "The bank set interest rates of 40 percent.",
    )
    for item in analysis.comparison.conflicts:
        if item.kind == "precision":
            assert {e.value for e in item.evidence} != {
                "almost 50 percent", "over 40 percent", "40 percent"
            }  # fmt: skip


def test_a_particular_number_two_sources_write_is_no_ones_alone() -> None:
    # Multi-News train-23526: "The vote was 219 to 197" and "the 219-to-197 vote" were each
    # "reported by one source"
    analysis = _analysis_of(
        "The House passed the bill on Thursday. The vote was 219 to 197, with three "
        "Democratic yes votes.",
        "The House passed the bill on Thursday by a 219-to-197 vote, largely on party lines.",
    )
    subjects = " ".join(i.subject or "" for i in analysis.comparison.unique)
    assert "219" not in subjects and "197" not in subjects


def test_a_speaker_has_one_name_across_the_story_in_the_brief() -> None:
    # Multi-News train-44348: "Steven E. Nissen" in one article, "the Cleveland Clinic's
    # Dr. Steven Nissen" in another, were two speakers in "Who said what", one with the
    # role "Cleveland Clinic's"
    from newsfuse.render_facts import facts_markdown

    articles = [
        newsfuse.Article(
            id="a",
            original='"The science was never there," said Dr. Steven E. Nissen, a cardiologist.',
        ),
        newsfuse.Article(
            id="b",
            original='"It will be controversial," said the Cleveland Clinic\'s Dr. Steven Nissen.',
        ),
    ]
    analysis = analyze(articles, nlp=False)
    assert [q.speaker for q in analysis.quotes] == ["Steven E. Nissen", "Steven Nissen"]
    assert [q.role for q in analysis.quotes][1] is None
    lines = facts_markdown(analysis).splitlines()
    assert "- Steven E. Nissen: “It will be controversial,” [^2]" in lines
