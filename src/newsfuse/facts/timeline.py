"""Dated events: the sentences that say when something happened, in order.

Date expressions are found by rules ("Friday", "mid-July", "in October", "earlier
this year", "two years ago", "Nov. 17, 2017", "in 2014") and read against the
article's publication date (``Article.published``) when it is known: "Friday"
is the last Friday on or before it, "in October" the last October. News tells
what happened, so a date without a year is taken in the past of the report.

Without a publication date a relative expression stays unresolved, but it is
still ordered: it is read against a stand-in date (a Sunday at the end of a
year) for ordering only, and placed after every event dated with a year, which
in news mostly tells the background.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from newsfuse.types import Article, Sentence, TimelineEvent

DAY, WEEK, PART_OF_MONTH, MONTH, SEASON, YEAR = (
    "day", "week", "part-of-month", "month", "season", "year",
)  # fmt: skip
# finer first: the order in which two dates of one fact say more or less
PRECISIONS = (DAY, WEEK, PART_OF_MONTH, MONTH, SEASON, YEAR)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"
_NUMBER_WORDS = {
    "a": (1, 1), "an": (1, 1), "one": (1, 1), "two": (2, 2), "three": (3, 3), "four": (4, 4),
    "five": (5, 5), "six": (6, 6), "seven": (7, 7), "eight": (8, 8), "nine": (9, 9),
    "ten": (10, 10), "eleven": (11, 11), "twelve": (12, 12), "a couple of": (2, 2),
    "a few": (2, 4), "several": (3, 7), "a couple": (2, 2),
}  # fmt: skip
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
# Stand-in publication date for ordering undated articles: a Sunday, so that the
# weekdays of its week fall in their own order, at the end of a year, so that
# months without a year fall in theirs.
_STAND_IN = date(2001, 12, 30)

Range = tuple[date, date, str, str]  # earliest, latest, precision, ISO at that precision


class _Groups:
    """A match's groups as strings ("" when absent); "season2" answers for "season"."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def group(self, name: str | int = 0) -> str:
        if isinstance(name, int):
            return self._match.group(name) or ""
        groups = self._match.groupdict()
        value = groups.get(name) or groups.get(f"{name}2")
        return value or ""


def parse_published(published: str | None) -> date | None:
    """The date of an ISO 8601 (or RFC 2822) publication time; None when unreadable."""
    if not published:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(published).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(published.strip()).date()
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return _MONTHS[word.casefold().rstrip(".")]


_MONTH_AND_DAY = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\b")


def month_and_day(expression: str) -> tuple[int, int] | None:
    """The month and day a date expression writes ("Dec. 15, 2017" -> (12, 15)), or None."""
    written = _MONTH_AND_DAY.search(expression)
    if written is None:
        return None
    return _month_number(written.group("month")), int(written.group("day"))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _last_month_on_or_before(month: int, anchor: date) -> int:
    return anchor.year if month <= anchor.month else anchor.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(value: date) -> Range:
    return value, value, DAY, value.isoformat()


def _month(year: int, month: int) -> Range:
    return date(year, month, 1), _month_end(year, month), MONTH, f"{year:04d}-{month:02d}"


def _year(year: int) -> Range:
    return date(year, 1, 1), date(year, 12, 31), YEAR, f"{year:04d}"


def _week(monday: date) -> Range:
    iso = monday.isocalendar()
    return monday, monday + timedelta(days=6), WEEK, f"{iso.year:04d}-W{iso.week:02d}"


# --------------------------------------------------------------------------- expressions

Resolver = Callable[["_Groups", date | None], Range | None]


def _full_date(match: _Groups, anchor: date | None) -> Range | None:
    month = _month_number(match.group("month"))
    day = int(match.group("day"))
    if match.group("year"):
        value = _safe_date(int(match.group("year")), month, day)
        return _day(value) if value else None
    if anchor is None:
        return None
    # the occurrence nearest the report: "on Nov. 20" a week ahead is still this year
    candidates = [_safe_date(anchor.year + shift, month, day) for shift in (-1, 0, 1)]
    dated = [c for c in candidates if c is not None]
    return _day(min(dated, key=lambda c: abs((c - anchor).days))) if dated else None


_PARTS = {
    "early": (1, 10), "mid": (11, 20), "late": (21, 31), "the start of": (1, 10),
    "the beginning of": (1, 10), "the middle of": (11, 20), "the end of": (21, 31),
}  # fmt: skip


def _part_of_month(match: _Groups, anchor: date | None) -> Range | None:
    month = _month_number(match.group("month"))
    if match.group("year"):
        year = int(match.group("year"))
    elif anchor is not None:
        year = _last_month_on_or_before(month, anchor)
    else:
        return None
    first, last = _PARTS[" ".join(match.group("part").casefold().split())]
    last = min(last, calendar.monthrange(year, month)[1])
    return date(year, month, first), date(year, month, last), PART_OF_MONTH, f"{year}-{month:02d}"


def _month_year(match: _Groups, anchor: date | None) -> Range | None:
    return _month(int(match.group("year")), _month_number(match.group("month")))


def _month_alone(match: _Groups, anchor: date | None) -> Range | None:
    if anchor is None:
        return None
    month = _month_number(match.group("month"))
    which = (match.group("which") or "").casefold()
    if which == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif which == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif which == "this":
        year = anchor.year
    else:
        year = _last_month_on_or_before(month, anchor)
    return _month(year, month)


def _season(match: _Groups, anchor: date | None) -> Range | None:
    first_month, last_month = _SEASONS[match.group("season").casefold()]
    which = (match.group("which") or "").casefold()
    if match.group("year"):
        year = int(match.group("year"))
    elif anchor is None:
        return None
    elif which == "next":
        year = anchor.year + 1 if anchor.month >= first_month else anchor.year
    elif which == "last":
        year = anchor.year - 1 if anchor.month <= last_month else anchor.year
    else:
        year = anchor.year if anchor.month >= first_month else anchor.year - 1
    season = match.group("season").casefold()
    return (
        date(year, first_month, 1),
        _month_end(year, last_month),
        SEASON,
        f"{year:04d}-{'autumn' if season == 'fall' else season}",
    )


def _winter(match: _Groups, anchor: date | None) -> Range | None:
    which = (match.group("which") or "").casefold()
    if match.group("year"):
        year = int(match.group("year"))  # "winter 2017": December 2017 to February 2018
    elif anchor is None:
        return None
    else:
        year = anchor.year if anchor.month == 12 else anchor.year - 1
        if which == "last" and anchor.month not in (12, 1, 2):
            year = anchor.year - 1
        elif which == "next":
            year = anchor.year if anchor.month < 12 else anchor.year + 1
    return date(year, 12, 1), _month_end(year + 1, 2), SEASON, f"{year:04d}-winter"


def _year_alone(match: _Groups, anchor: date | None) -> Range | None:
    return _year(int(match.group("year")))


def _relative_year(match: _Groups, anchor: date | None) -> Range | None:
    if anchor is None:
        return None
    which = match.group("which").casefold()
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[which]
    return _qualified(_year(year), match, anchor)


def _relative_month(match: _Groups, anchor: date | None) -> Range | None:
    if anchor is None:
        return None
    which = match.group("which").casefold()
    month_index = anchor.year * 12 + anchor.month - 1 + {"this": 0, "last": -1, "next": 1}[which]
    return _qualified(_month(month_index // 12, month_index % 12 + 1), match, anchor)


def _qualified(period: Range, match: _Groups, anchor: date) -> Range:
    """An "earlier this year" ends at the anchor date; a "later this month" starts there."""
    earliest, latest, precision, iso = period
    qualifier = (match.group("qualifier") or "").casefold()
    if qualifier == "earlier":
        latest = anchor
    elif qualifier == "later":
        earliest = anchor
    return earliest, latest, precision, iso


def _relative_week(match: _Groups, anchor: date | None) -> Range | None:
    if anchor is None:
        return None
    which = " ".join(match.group("which").casefold().split())
    monday = anchor - timedelta(days=anchor.weekday())
    if which == "the past":
        return anchor - timedelta(days=7), anchor, WEEK, _week(monday)[3]
    shift = {"this": 0, "earlier this": 0, "later this": 0, "last": -7, "next": 7,
             "the coming": 7}[which]  # fmt: skip
    earliest, latest, precision, iso = _week(monday + timedelta(days=shift))
    if which == "earlier this":
        latest = anchor
    elif which == "later this":
        earliest = anchor
    return earliest, latest, precision, iso


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
_UNIT_PRECISION = {"day": DAY, "week": WEEK, "month": MONTH, "year": YEAR, "decade": YEAR}


def _ago(match: _Groups, anchor: date | None) -> Range | None:
    if anchor is None:
        return None
    amount = match.group("amount").casefold()
    low, high = (int(amount), int(amount)) if amount.isdigit() else _NUMBER_WORDS[amount]
    unit = match.group("unit").casefold()
    days = _UNIT_DAYS[unit]
    precision = _UNIT_PRECISION[unit]
    if unit in ("year", "decade"):
        factor = 10 if unit == "decade" else 1
        earliest_year, latest_year = anchor.year - high * factor, anchor.year - low * factor
        iso = f"{latest_year:04d}" if low == high else f"{earliest_year:04d}/{latest_year:04d}"
        return date(earliest_year, 1, 1), date(latest_year, 12, 31), precision, iso
    if unit == "month":
        earliest = _month(*_months_back(anchor, high))[0]
        latest = _month(*_months_back(anchor, low))[1]
        iso = f"{earliest.year:04d}-{earliest.month:02d}"
        return earliest, latest, precision, iso
    earliest, latest = anchor - timedelta(days=high * days), anchor - timedelta(days=low * days)
    if unit == "week":
        return earliest - timedelta(days=3), latest + timedelta(days=3), WEEK, _week(latest)[3]
    return earliest, latest, DAY, latest.isoformat()


def _months_back(anchor: date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 - months
    return index // 12, index % 12 + 1


_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "early this morning": 0, "earlier today": 0, "earlier in the day": 0, "yesterday": -1,
    "last night": -1, "tomorrow": 1,
}  # fmt: skip


def _day_word(match: _Groups, anchor: date | None) -> Range | None:
    if anchor is None:
        return None
    return _day(anchor + timedelta(days=_DAY_WORDS[" ".join(match.group().casefold().split())]))


def _weekday(match: _Groups, anchor: date | None) -> Range | None:
    if anchor is None:
        return None
    weekday = _WEEKDAYS.index(match.group("weekday").casefold())
    which = (match.group("which") or "").casefold()
    back = (anchor.weekday() - weekday) % 7
    if which == "next":
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return _day(anchor + timedelta(days=ahead))
    if which == "last" and back == 0:
        back = 7
    return _day(anchor - timedelta(days=back))


_PATTERNS: list[tuple[re.Pattern[str], Resolver, bool]] = [
    # (pattern, resolver, relative: read against the publication date)
    # (a second day before the year shares it: "June 13 and 14, 2007" is June 13, 2007)
    (re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                rf"(?:\s*(?:and|or|to|through|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?(?=,?\s+{_YEAR}\b))?"
                rf"(?:,?\s+(?P<year>{_YEAR})\b)?"), _full_date, False),
    (re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
                rf"(?:,?\s+(?P<year>{_YEAR})\b)?"), _full_date, False),
    (re.compile(rf"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate|the (?:start|beginning|middle|end) of)"
                rf"[\s-]+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR})\b)?"), _part_of_month, False),
    (re.compile(rf"\b(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b"), _month_year, False),
    (re.compile(rf"\b(?:(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough|[Bb]efore|"
                rf"[Aa]fter|[Oo]f|[Oo]n)\s+|(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+)"
                rf"(?P<month>{_MONTH})(?!\s*\d)"), _month_alone, True),
    (re.compile(rf"\b(?:(?P<which>[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<season>spring|summer|autumn|fall)"
                rf"|(?:the\s+)?(?P<season2>spring|summer|autumn|fall)\s+(?:of\s+)?(?P<year2>{_YEAR}))"
                rf"\b"), _season, True),
    (re.compile(rf"\b(?:(?P<which>[Tt]his|[Ll]ast|[Nn]ext)\s+winter"
                rf"|(?:the\s+)?winter\s+(?:of\s+)?(?P<year>{_YEAR}))\b"), _winter, True),
    (re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Ff]rom|[Tt]hrough|[Bb]efore|"
                rf"[Aa]fter|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+(?:the\s+year\s+)?(?P<year>{_YEAR})"
                rf"\b(?![-–]\d|\s*(?:%|percent|people|troops|fighters|soldiers))"),
     _year_alone, False),
    (re.compile(r"\b(?:(?P<qualifier>[Ee]arlier|[Ll]ater)\s+)?(?P<which>this|last|next)\s+year\b",
                re.IGNORECASE), _relative_year, True),
    (re.compile(r"\b(?:(?P<qualifier>[Ee]arlier|[Ll]ater)\s+)?(?P<which>this|last|next)\s+month\b",
                re.IGNORECASE), _relative_month, True),
    (re.compile(r"\b(?P<which>earlier this|later this|this|last|next|the coming|the past)\s+week\b",
                re.IGNORECASE), _relative_week, True),
    (re.compile(r"\b(?:just\s+|about\s+|nearly\s+|some\s+|more than\s+)?(?P<amount>\d+|a couple of|"
                r"a couple|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve)\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b",
                re.IGNORECASE), _ago, True),
    (re.compile(r"\b(?:early this morning|earlier today|earlier in the day|this morning|"
                r"this afternoon|this evening|last night|today|tonight|yesterday|tomorrow)\b",
                re.IGNORECASE), _day_word, True),
    (re.compile(rf"\b(?:(?P<which>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<weekday>{_WEEKDAY})\b"),
     _weekday, True),
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found in a text, with what reads it."""

    start: int
    end: int
    text: str
    relative: bool
    match: re.Match[str]
    resolver: Resolver

    def resolve(self, anchor: date | None) -> Range | None:
        """Earliest and latest day, precision and ISO form; None when it cannot be read."""
        return self.resolver(_Groups(self.match), anchor)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpression]:
    """Date expressions in ``text[start:end]``, longest first where they overlap."""
    end = len(text) if end is None else end
    found: list[DateExpression] = []
    for pattern, resolver, relative in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            found.append(
                DateExpression(match.start(), match.end(), match.group(), relative, match, resolver)
            )
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    chosen: list[DateExpression] = []
    for expression in found:
        if chosen and expression.start < chosen[-1].end:
            continue
        chosen.append(expression)
    return chosen


_PAGE_DATE_LINES = 5  # a page's own date stands in its first lines ...
_PAGE_DATE_LINE_CHARS = 60  # ... on a short line of its own: "July 25, 2005, 12:18 AM ET"


def page_date(text: str) -> date | None:
    """The date a page prints at its top ("Posted: May 24, 2005", "MONDAY, MAY 23, 2005"),
    for an article without a publication date: what "Saturday" and "yesterday" count
    from. A full date on a short line of its own, among the first lines, or None."""
    for line in text.lstrip().splitlines()[:_PAGE_DATE_LINES]:
        if len(line.strip()) > _PAGE_DATE_LINE_CHARS:
            continue
        for expression in find_dates(line):
            resolved = None if expression.relative else expression.resolve(None)
            if resolved is not None and resolved[2] == "day":
                return resolved[0]
    return None


def extract_timeline(articles: Sequence[Article]) -> list[TimelineEvent]:
    """Every dated sentence of the story's articles, ordered in time (see the module)."""
    anchors = {
        article.id: parse_published(article.published) or page_date(article.original)
        for article in articles
    }
    known = [a for a in anchors.values() if a is not None]
    story_anchor = max(known) if known else None
    keyed: list[tuple[tuple[int, int, int, int, int], TimelineEvent]] = []
    for position, article in enumerate(articles):
        anchor = anchors[article.id]
        for sentence, expression in _dates_by_sentence(article):
            resolved = expression.resolve(anchor)
            if resolved is None and expression.relative and anchor is not None:
                continue  # a pattern that cannot be read even with a date: not a date
            event = TimelineEvent(
                text=sentence.text,
                article=article.id,
                start=sentence.start,
                end=sentence.end,
                expression=expression.text,
                expression_start=expression.start,
                expression_end=expression.end,
                precision=_precision(expression, resolved),
                relative=expression.resolve(None) is None,
                date=resolved[3] if resolved else None,
                earliest=resolved[0].isoformat() if resolved else None,
                latest=resolved[1].isoformat() if resolved else None,
            )
            keyed.append((_order_key(expression, resolved, story_anchor, position), event))
    keyed.sort(key=lambda pair: pair[0])
    return [replace(event, order=rank) for rank, (_, event) in enumerate(keyed)]


def _dates_by_sentence(article: Article) -> list[tuple[Sentence, DateExpression]]:
    """The date expressions of an article's sentences: one pass over the text."""
    sentences = sorted(article.sentences, key=lambda s: s.start)
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    found = []
    for expression in find_dates(article.original, starts[0], max(s.end for s in sentences)):
        position = bisect.bisect_right(starts, expression.start) - 1
        if position >= 0 and expression.end <= sentences[position].end:
            found.append((sentences[position], expression))
    return found


def _precision(expression: DateExpression, resolved: Range | None) -> str:
    if resolved is not None:
        return resolved[2]
    stand_in = expression.resolve(_STAND_IN)
    return stand_in[2] if stand_in else DAY


def _order_key(
    expression: DateExpression, resolved: Range | None, story_anchor: date | None, position: int
) -> tuple[int, int, int, int, int]:
    if resolved is None and story_anchor is not None:
        resolved = expression.resolve(story_anchor)
    tier = 0
    if resolved is None:
        # no publication date anywhere: relative dates come after the dated background
        resolved = expression.resolve(_STAND_IN)
        tier = 1
    if resolved is None:
        return (2, 0, 0, position, expression.start)
    return (tier, resolved[0].toordinal(), resolved[1].toordinal(), position, expression.start)


def date_agreement(
    first: DateExpression,
    second: DateExpression,
    first_anchor: date | None,
    second_anchor: date | None,
) -> float:
    """The share of plausible publication dates for which two expressions overlap.

    1.0 or 0.0 when both publication dates are known. A missing one is tried as
    every third day of a span (one stand-in for both: reports of one story appear
    within days of each other): ten years from a date the other expression fixes
    ("in 2009"), else any two years. "earlier this year" and "mid-July" overlap
    for about half of the year's days, "in 2009" and "Monday" for a few, "last
    week" and "two years ago" for none.
    """
    if first_anchor is not None and second_anchor is not None:
        return float(_overlap(first.resolve(first_anchor), second.resolve(second_anchor)))
    fixed = [r for r in (first.resolve(None), second.resolve(None)) if r is not None]
    if fixed:
        trials = [fixed[0][0] + timedelta(days=d) for d in range(0, 3653, 7)]
    else:
        trials = [_STAND_IN - timedelta(days=d) for d in range(0, 731, 3)]
    if first_anchor is not None or second_anchor is not None:
        trials = [first_anchor or second_anchor or _STAND_IN]
    overlapping = sum(
        _overlap(first.resolve(first_anchor or trial), second.resolve(second_anchor or trial))
        for trial in trials
    )
    return overlapping / len(trials)


def _overlap(a: Range | None, b: Range | None) -> bool:
    if a is None or b is None:
        return True  # unreadable: nothing says they differ
    return a[0] <= b[1] and b[0] <= a[1]


def expression_at(article: Article, start: int, end: int) -> DateExpression | None:
    """The date expression found at ``start:end`` of ``article`` (as a timeline event has it)."""
    for expression in find_dates(article.original, start, end):
        if expression.start == start and expression.end == end:
            return expression
    return None
