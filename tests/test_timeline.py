"""Timeline: date expressions, resolved against the publication date when known."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import newsfuse
from newsfuse.facts.timeline import extract_timeline, find_dates
from newsfuse.types import TimelineEvent

_TEXT = (
    "The minister resigned on Friday. Protests began in mid-July and grew in October. "
    "The party was founded two years ago. Talks resume next week. The law dates from 2009."
)


def _events(published: str | None) -> dict[str, TimelineEvent]:
    article = newsfuse.prepare_article(
        newsfuse.Article(id="a", original=_TEXT, published=published)
    )
    return {e.expression: e for e in extract_timeline([article])}


def test_relative_dates_resolve_against_the_publication_date() -> None:
    events = _events("2017-11-22T09:00:00Z")  # a Wednesday
    assert events["Friday"].date == "2017-11-17" and events["Friday"].precision == "day"
    assert events["mid-July"].date == "2017-07"
    assert events["mid-July"].precision == "part-of-month"
    assert (events["mid-July"].earliest, events["mid-July"].latest) == ("2017-07-11", "2017-07-20")
    assert events["in October"].date == "2017-10" and events["in October"].precision == "month"
    assert events["two years ago"].date == "2015" and events["two years ago"].precision == "year"
    assert events["next week"].earliest == "2017-11-27"
    assert events["from 2009"].date == "2009" and not events["from 2009"].relative
    ordered = sorted(events.values(), key=lambda e: e.order)
    assert [e.expression for e in ordered] == [
        "from 2009", "two years ago", "mid-July", "in October", "Friday", "next week",
    ]  # fmt: skip
    for event in events.values():
        assert _TEXT[event.expression_start : event.expression_end] == event.expression


def test_without_a_publication_date_relative_dates_stay_relative_but_ordered() -> None:
    events = _events(None)
    assert events["Friday"].date is None and events["Friday"].relative
    assert events["mid-July"].date is None
    assert events["from 2009"].date == "2009"
    ordered = [e.expression for e in sorted(events.values(), key=lambda e: e.order)]
    assert ordered.index("mid-July") < ordered.index("in October") < ordered.index("Friday")
    assert ordered[0] == "from 2009"


def test_seed_dates(seed_paths: list[Path]) -> None:
    articles = [newsfuse.prepare_article(a) for a in newsfuse.read_articles(seed_paths)]
    expressions = {e.expression for e in extract_timeline(articles)}
    assert {"Friday", "earlier this year", "mid-July", "in October", "in 2014"} <= expressions
    assert "late October" in expressions


_EXPRESSIONS = (
    "Friday", "last week", "mid-July", "in October", "earlier this year", "two years ago",
    "Nov. 17, 2017", "in 2014", "this morning", "late October", "the coming week",
)  # fmt: skip


@given(
    before=st.text(alphabet="abc xyz,.", max_size=30),
    expression=st.sampled_from(_EXPRESSIONS),
    after=st.text(alphabet="abc xyz,.", max_size=30),
)
def test_a_date_expression_is_found_at_its_offsets(
    before: str, expression: str, after: str
) -> None:
    text = f"{before} {expression} {after}"
    found = find_dates(text)
    start = len(before) + 1
    assert [(d.start, d.end, d.text) for d in found] == [
        (start, start + len(expression), expression)
    ]


def test_two_days_before_one_year_share_it() -> None:
    text = "He saw Rasmussen in the Dolomites on both June 13 and 14, 2007."
    article = newsfuse.prepare_article(newsfuse.Article(id="a", original=text))
    (event,) = extract_timeline([article])
    assert (event.expression, event.date, event.relative) == ("June 13 and 14, 2007",
                                                              "2007-06-13", False)  # fmt: skip


def test_a_page_without_a_publication_date_counts_from_the_date_at_its_top() -> None:
    # ECB+ 5: "July 25, 2005, 12:18 AM ET" heads the page; "on Saturday" is July 23
    text = (
        "Agent says Sixers to sign Dalembert to six-year deal\n"
        "July 25, 2005, 12:18 AM ET\n"
        "Samuel Dalembert agreed to a six year deal with the Philadelphia 76ers on Saturday, "
        "his agent said."
    )
    article = newsfuse.prepare_article(newsfuse.Article(id="a", original=text))
    saturday = [e for e in extract_timeline([article]) if e.expression == "Saturday"]
    assert [e.date for e in saturday] == ["2005-07-23"]
    # a date inside the first sentence is news, not the page's own date
    lead = "On July 4, 2009, the president spoke in the garden about the war on Saturday."
    article = newsfuse.prepare_article(newsfuse.Article(id="b", original=lead))
    assert [e.date for e in extract_timeline([article]) if e.expression == "Saturday"] == [None]
