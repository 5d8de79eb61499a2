"""Figures: numbers that state a quantity, with their value, unit and what they count.

Found by rules over the cleaned paragraphs: digits ("1,000", "2.1"), number words
("two", "twenty-five", "three hundred"), fractions ("two-thirds", "half of"), with
their currency prefix ("$", "U.S. dlrs") and scale ("38 million"); "500 to 1,000",
"between 1,000 and 1,500" and "two or three" are one range, "40-something" the
decade 40 to 49. Numbers that name rather than count are dropped: years, dates, clock
times, ordinals, identifiers and names ("Category 5", "C-130", "Flight 111", "Group of
20", "Forever 21", unless a counted noun follows: "Washington 10 months later"),
idioms ("at one time", "no one"), a "one" that is no count (emphatic "one final", the
pronoun "a welcome one", "one-upmanship") and vague plurals ("hundreds", "dozens").
A capitalised number word after a dateline ("WASHINGTON — Two") starts a sentence.
The unit is the head noun after the number (adjectives skipped, "two mass graves" →
"graves"), a measure or currency ("kph", "baht", "cents"), or the hyphenated chain
("135-mile-per-hour" → "miles per hour").
"""

from __future__ import annotations

import re
from typing import Any

from newsfuse.text import clean_text
from newsfuse.types import Article, Figure

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "hundredth": 100,
    "hundredths": 100,
}
_NUMBER_WORD = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_SCALE_WORD = "|".join(_SCALES)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

# one number: digits, or number words joined by hyphens/spaces, optionally scaled
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORDS = (
    rf"(?:{_NUMBER_WORD})(?:[\s\-]+(?:and\s+)?(?:{_NUMBER_WORD}|{_SCALE_WORD}))*"
    rf"|(?:half\s+)?a\s+(?:hundred|thousand|dozen|million|billion|trillion)|twice|thrice"
)
_FRACTION = (
    rf"(?:{_NUMBER_WORD}|a|an)[\s\-]+(?:{'|'.join(_FRACTIONS)})\b(?!\-)"
    r"|half(?=\s+(?:of|a|an|the|its|his|her|their|our|are|were)\b|[,.;])"
)
_CURRENCY = r"(?:US\$|U\.S\.\s+dlrs\.?\s*|dlrs\.?\s*|\$|€|£|¥)"
_NUMBER = (
    rf"(?P<currency>{_CURRENCY})?\s?"
    rf"(?P<number>(?:\b(?:{_NUMBER_WORD})|\d+)[\s\-]+and[\s\-]+a[\s\-]+half\b"
    r"|\ban?\s+(?:year|month|week|day|hour|mile)\s+and\s+a\s+half\b"
    rf"|{_DIGITS}|\bhalf[\s\-]+(?:a\s+)?(?:{_SCALE_WORD})\b|\b(?:{_FRACTION})|\b(?:{_WORDS})\b)"
    rf"(?P<scale>[\s\-]+(?:{_SCALE_WORD})\b(?!s)|(?<=\d)(?-i:M|B|bn)\b)?"
    r"(?P<percent>\s*%|\s+per\s?cent\b)?"
)
_NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
# Tokenized text (ECB+: "22, 000 people", "magnitude 6. 0", "Gray ’ s", "5 - foot - 8")
# puts a space after a number's comma or point; read there only, as "March 5, 300 people"
# in ordinary text is two numbers.
_SPACED_NUMBER_RE = re.compile(
    _NUMBER.replace(_DIGITS, r"\d{1,3}(?:, ?\d{3}(?![\d,]))+(?:\. ?\d+)?|\d+(?:\. ?\d+)?|\.\d+"),
    re.IGNORECASE,
)
_SPACED_DIGITS = re.compile(r"(?<![\d,.])\d{1,3}, \d{3}(?![\d,])|\d\. \d")
_TOKENIZED = re.compile(r"\w [’'] s\b|\w - \w|\b[A-Z]\. [A-Z]\. ")


def _is_tokenized(text: str) -> bool:
    spaced = _SPACED_DIGITS.findall(text)
    return bool(spaced) and (len(spaced) >= 2 or bool(_TOKENIZED.search(text)))


_MINUS_BEFORE = re.compile(r"\b[Mm]inus\s+$")
_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:and|or)\s*$|^,\s*$")
# "20 million out of 30 million people voted", "39 percent of the 38 million eligible
# voters", "214 candidates out of 400": the first counts a part of the second, its pool
_PART_OF_WORDS = (
    r"\s+(?:(?:[a-z]+\s+)?out\s+of|of)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:a\s+little\s+|just\s+|slightly\s+)?(?:more|fewer|less)\s+than\s+"
    r"|about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?"
)
_PART_OF = re.compile(rf"^{_PART_OF_WORDS}$", re.IGNORECASE)
_PART_OF_AFTER = re.compile(_PART_OF_WORDS, re.IGNORECASE)
_POOL_AFTER = re.compile(rf"(?:\d|\b(?:{_NUMBER_WORD})\b)[\w,.]*(?:\s+(?:{_SCALE_WORD}))?"
                         rf"(?:\s+percent)?{_PART_OF_WORDS}$", re.IGNORECASE)  # fmt: skip
# a house number: "50 Old Colony Rd.", "10 Downing Street"
_STREET_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w'’\-]*\.?\s+){1,3}(?:Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Dr|Drive"
    r"|Lane|Ln|Way|Place|Pl|Court|Ct|Terrace|Crescent|Highway|Hwy|Parkway|Pkwy|Square|Sq)\b"
)
_RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—|and|or)\s*$")

_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|no|number|season|episode|flight|route|chapter|article|section|category|"
    r"level|phase|stage|room|channel|highway|interstate|page|line|grade|class|model|"
    r"version|type|gate|track|row|seat|platform|apartment|suite|unit|box|lot|exit|code|"
    r"window|pier|terminal|district|resolution|amendment|paragraph|item|volume|issue|act|"
    r"scene|game|round|week|day|inning|mile|kilometer)\.?\s*$"
    r"|[A-Za-z]-$|#\s*$|/$)",
    re.IGNORECASE,
)
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w\-]*)\s+$")
_NAMED_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+of\s+$")  # "Group of 20"
_APPROXIMATORS = frozenset(
    """about nearly more most some only just over almost around roughly at least fewer less
    up than under below above exactly approximately estimated some another all the those
    these its his her their our and or of in on for with by from to some""".split()
)
_TIME_AFTER = re.compile(
    r"^(?:\s*(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|GMT|UTC|EDT|EST|CDT|CST|PDT|PST|ET\b|"
    r"o['’]clock|hours?\s+GMT|h\b|local\s+time\b))|^:\d{2}|^(?:st|nd|rd|th)\b|^\s?/\s?\d"
    r"|^-[A-Za-z]{0,2}\d",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'’\-]+(?:,\s*[A-Z][\w .]*)?(?:\s*\([\w .]+\))?\s*(?:—|–|--|_)$"
)
# "one-year", "two-day": hyphenated counts of a measure are figures
_COUNTED_COMPOUND = (
    r"^-(?:year|month|week|day|hour|minute|second|mile|meter|metre|kilometer|kilometre|foot|"
    r"inch|pound|ton|acre|point|percent|time|star|seat|bedroom|story|game|man|woman|person)s?\b"
)
_IDIOM_ONE = re.compile(r"\bone\b", re.IGNORECASE)
_VAGUE_AFTER = re.compile(r"^\s*(?:of\s+(?:them|us|those|these))", re.IGNORECASE)
_UNIT_WORDS = frozenset(
    """percent year years month months week weeks day days hour hours minute minutes second
    seconds mile miles kilometer kilometers kilometre kilometres km meter meters metre
    metres foot feet inch inches pound pounds kilogram kilograms kg ton tons tonne tonnes
    acre acres degree degrees mph gallon gallons liter liters litre litres barrel barrels
    times people points votes seats""".split()
)
_WHAT_STOP = frozenset(
    """who that which were was are is have had has will would could can may might to and
    but when while after before because as if said says told than""".split()
)


def _word_value(words: str) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s\-]+", words.lower()):
        if word in ("and", "a", "an", ""):
            if word in ("a", "an"):
                current = 1.0
            continue
        if word in _UNITS_WORDS:
            current += _UNITS_WORDS[word]
            seen = True
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """The value of one number as written: "1,000" → 1000, "twenty-five" → 25, "2.1" → 2.1."""
    cleaned = text.strip().lower().replace(",", "")
    if re.fullmatch(r"[\d.]+(?: [\d.]+)+", cleaned):
        cleaned = cleaned.replace(" ", "")  # "22, 000" and "6. 0" as tokenized text has them
    try:
        return float(cleaned)
    except ValueError:
        pass
    fraction = re.fullmatch(r"(\w+)[\s\-]+(\w+)", cleaned)
    if fraction and fraction.group(2) in _FRACTIONS:
        numerator = 1.0 if fraction.group(1) in ("a", "an") else _word_value(fraction.group(1))
        if numerator is not None:
            return round(numerator / _FRACTIONS[fraction.group(2)], 4)
    if cleaned == "half":
        return 0.5
    if cleaned in ("twice", "thrice"):
        return 2.0 if cleaned == "twice" else 3.0
    halved = re.fullmatch(r"half[\s\-]+(?:a\s+)?(\w+)", cleaned)
    if halved is not None and halved.group(1) in _SCALES:  # "half a million", "half-dozen"
        return _SCALES[halved.group(1)] / 2
    and_a_half = re.fullmatch(r"(.+?)[\s\-]+and[\s\-]+a[\s\-]+half", cleaned)
    if and_a_half is not None:  # "four and a half", "a year and a half"
        whole_part = re.sub(r"^(an?)\s+\w+$", r"\1", and_a_half.group(1))
        whole = 1.0 if whole_part in ("a", "an") else parse_number(whole_part)
        return whole + 0.5 if whole is not None else None
    return _word_value(cleaned)


def _value(match: re.Match[str]) -> float | None:
    value = parse_number(match.group("number"))
    if value is None:
        return None
    if match.group("scale"):
        scale = match.group("scale").strip(" -\t\r\n").lower()
        value *= _SCALES.get(scale) or _SCALE_LETTERS[scale]
    return value


# "$184M", "£5bn": a scale written as a letter after the digits
_SCALE_LETTERS = {"m": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000}


def _end_of(match: re.Match[str]) -> int:
    """Where a number's match ends, spaces it took after the number left out."""
    return match.start() + len(match.group().rstrip())


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    spans = [(s.start, s.end) for s in article.kept]
    if not spans:
        spans = [(s.start, s.end) for s in clean_text(article.original).paragraphs]
    return spans


def _sentence_initial(text: str, start: int, paragraph_start: int) -> bool:
    before = text[paragraph_start:start].rstrip(" \"“`'‘(")
    if not before or before[-1] in ".!?:\n":
        return True
    # after a dateline: "WASHINGTON — Two", "MANILA, Philippines (AP) _ Two"
    return bool(re.search(r"(?:^|[A-Z)]\s*)(?:—|–|--|\s_)$", before)) and bool(
        _DATELINE.match(before)
    )


def _excluded(text: str, match: re.Match[str], paragraph_start: int) -> bool:
    """Numbers that name rather than count."""
    start, end = match.start("number"), match.end()
    number = match.group("number")
    before = text[max(paragraph_start, start - 40) : start]
    after = text[end : end + 30]
    has_money = bool(match.group("currency"))
    is_digits = number[0].isdigit() or number[0] == "."
    if is_digits:
        if (
            (_TIME_AFTER.search(after) or re.match(r"[:/]\d", after))
            and not re.match(r"-\d+(?:\.\d+)?\s*(?:%|percent\b|per\s?cent\b)", after)
            and not _RECORD_AFTER.match(after)
        ):
            return True  # (but "25-40%" is a range, "a 219-197 vote" a tally)
        if re.search(r"\d\s?/\s?$", before):
            return True  # the day or year of "05 / 03 / 2013"
        if re.search(_MONTHS + r"\s+\d{1,2}\s+(?:and|or|to|-)\s+$", before):
            return True  # the second day of "June 13 and 14"
        if re.match(r"\.\d\d$", number[-3:]) and (
            re.match(r"\s+(?:in|on)\s+the\s+(?:morning|afternoon|evening)\b", after)
            or (
                re.fullmatch(r"[01]\d\.[0-5]\d|2[0-3]\.[0-5]\d", number)
                and (number.startswith("0") or re.search(r"\bat\s+$", before))
                and not (has_money or match.group("percent"))
            )
        ):
            return True  # a clock time: "6.30 in the morning", "at 07.20"
        if re.match(r":\s\d\d", after):
            return True  # a clock time, tokenized: "5: 55p"
        if re.search(r"\b(?:A\.\s?D\.|AD|B\.\s?C\.|BC)\s*$", before):
            return True  # a year: "A.D. 50"
        if re.match(r"\s+block\b", after):
            return True  # an address: "the 12000 block of East 223rd Street"
        if _in_phone_number(text, start, end):
            return True
        glued_word = re.match(r"[a-z]{2,}\b", after)
        if glued_word and glued_word.group() not in _GLUED_MEASURES:
            return True  # a name: "the 76ers", "49ers"
        if number == "911" and (
            re.search(r"\b(?:call|calls|called|calling|dial|dialed|dialled|a)\s+$", before)
            or re.match(r"\s+(?:call|calls|caller|callers|dispatch\w*|operator)\b", after)
        ):
            return True  # the emergency number: "called 911", "a 911 caller"
        if re.match(r"[A-Z]{1,2}\b", after) and not (
            has_money and re.match(r"(?:M|B|BN|K)\b", after)
        ):
            return True  # an identifier glued to letters: "Comet 55P", "3D"
        if re.search(r"\b[A-Z]{2,3}\s?(?:-\s?)?$", before) and not has_money:
            return True  # a model or a name: "AK 47 rifles", "AK - 47", "TV 2 News"
        if (
            re.match(r"^\d{4}$", number)
            and 1500 <= int(number) <= 2100
            and not (has_money or match.group("scale") or match.group("percent"))
        ):
            return True  # a calendar year
        if re.search(_MONTHS + r"\s*$", before) or re.match(r"^\s*" + _MONTHS + r"(?:\W|$)", after):
            return True  # a date: "Oct. 25", "25 October"
        if re.search(r"[A-Za-z_]$|(?<!\d)-$|[A-Za-z]\w*-$|\d[:.]$", before) and not has_money:
            return True  # glued to letters: "C-130", "F16", "mid-2000" (not "25-40%")
        if re.match(r"^[\"”'’]", after) and re.search(r"[\"“'‘]$", before):
            return True  # a quoted code: "12345"
        if re.match(r"s\b", after) and not re.fullmatch(r"\d*0", number):
            return True  # a model's plural: "three 747s" (decades, "the 1990s", are read apart)
    if not has_money and _IDENTIFIER_BEFORE.search(before):
        return True
    capitalised = _CAPITALISED_BEFORE.search(before) or _NAMED_OF_BEFORE.search(before)
    if (
        capitalised
        and is_digits
        and not has_money
        and not _counts_plural(text, match)
        and capitalised.group(1).lower() not in _APPROXIMATORS
        and not _sentence_initial(text, start - len(before) + capitalised.start(1), paragraph_start)
    ):
        return True  # "Category 5", "Apollo 11", "Forever 21", "Group of 20"
    if not is_digits:
        word = number.split()[0].split("-")[0]
        if word[:1].isupper() and not _sentence_initial(text, start, paragraph_start):
            return True  # a name: "Group of Seven", "the Big Three"
        lowered = number.lower()
        if lowered == "one":
            prev = before.split()[-1].lower().strip("\"“‘'`(") if before.split() else ""
            nxt = after.split()[0].lower().strip(",.;:\"”’'") if after.split() else ""
            if re.match(r"['’]s\b", after):
                return True  # "one's memory": the pronoun
            if nxt in _ONE_AS_PRONOUN_VERBS or (
                prev in _ONE_TAKING_VERBS and re.match(r"^\s*(?:[,.;:!?)]|$)", after)
            ):
                return True  # "one cannot help thinking", "who needs one?"
            if nxt in _ABSTRACT_NOUNS:
                return True  # "one reason", "one big difference": not a count of things
            if re.match(r"^\s+(?:[a-z\-]+\s+){1,2}or\s+(?:another|the\s+other)\b", after):
                return True  # "one cutoff or another", "one way or the other"
            if prev in (
                "no",
                "any",
                "every",
                "each",
                "some",
                "this",
                "that",
                "the",
                "which",
                "anyone",
                "someone",
                "number",
                "at",
                "only",
            ) and nxt not in ("more",):
                return True
            if nxt in (
                "of",
                "another",
                "day",
                "by",
                "thing",
                "way",
                "point",
                "side",
                "hand",
                "who",
                "which",
                "that",
                "-",
                "after",
                "on",
                "or",
                "and",
            ) or re.match(r"^-(?:on|time|off|way|sided)", after):
                return True
            if nxt in ("final", "last", "single"):
                return True  # emphatic: "one final blowout", "one last time"
            if re.match(r"^-[a-z]", after) and not re.match(_COUNTED_COMPOUND, after):
                return True  # a compound word: "one-upmanship", "one-liner"
            if re.match(r"^\s*(?:[,.;:!?)]|$)", after) and re.search(
                r"\b(?:a|an|the|this|that|another)\s+(?:[a-z\-]+\s+){0,2}$", before, re.IGNORECASE
            ):
                return True  # the pronoun: "a welcome one,", "the responsible one."
        if lowered in ("a hundred", "a thousand") and re.match(r"^\s*(?:of|s\b)", after):
            return True
        if re.match(
            r"^\s*(?:twenties|thirties|forties|fifties|sixties|seventies|eighties"
            r"|nineties|hundreds)\b",
            after,
            re.IGNORECASE,
        ):
            return True  # a decade in words: "the late nineteen eighties"
    if is_digits and _STREET_AFTER.match(text[end : end + 60]):
        return True  # an address
    if re.match(r"^\s*(?:PHOTOS?|VIDEOS?|IMAGES?|COMMENTS?)\b", after):
        return True  # page furniture: "7 PHOTOS"
    if is_digits and _in_gallery_counter(text, start, end):
        return True  # page furniture: "Hide Caption 3 of 76", a line "1 of 62"
    return bool(re.match(r"^(?:st|nd|rd|th)\b", after))


# a photo gallery's counter: "Hide Caption 3 of 76", "Photo 2 of 9", or "1 of 62" on a line
_GALLERY_COUNTER = re.compile(
    r"\b(?:Hide\s+)?(?:Caption|Photo|Image|Slide|Picture)s?\s+\d+\s+of\s+\d+\b"
    r"|^[ \t]*\d+\s+of\s+\d+[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


# a telephone number: "(213) 486-6890", "0845 125 2222", "0800 555111"
_PHONE = re.compile(
    r"(?:\(\d{3}\)\s?|\b\d{3}[\s.\-])\d{3}[\s.\-]\d{4}\b|\b0\d{3,4}\s\d{3}\s?\d{3,4}\b"
    r"|\+\d{1,3}\s\d{3,4}\s\d{3}\s?\d{3,4}\b"
)


def _covered(
    pattern: re.Pattern[str], text: str, start: int, end: int, low: int, high: int
) -> bool:
    """Whether a match of ``pattern`` in ``text[low:high]`` holds all of ``start:end``."""
    return any(m.start() <= start and end <= m.end() for m in pattern.finditer(text, low, high))


def _in_phone_number(text: str, start: int, end: int) -> bool:
    return _covered(_PHONE, text, start, end, max(0, start - 16), end + 16)


def _in_gallery_counter(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # (near the number only: a page without line breaks is one long line)
    low, high = max(line_start, start - 40), min(line_end, end + 40)
    return _covered(_GALLERY_COUNTER, text, start, end, low, high)


_ONE_AS_PRONOUN_VERBS = frozenset(
    """cannot can can't could couldn't should shouldn't must would wouldn't will won't is isn't
    was wasn't does doesn't did didn't has hasn't had might may needs""".split()
)
_ONE_TAKING_VERBS = frozenset(
    "get got build built buy bought have has need needs needed make made want wants find".split()
)
_ABSTRACT_NOUNS = frozenset(
    """reason reasons problem difference explanation thing way example possibility question
    concern idea factor issue answer theory option impetus challenge lesson""".split()
)


# "45-7-2", "a 38-44 mark", "a 219-197 vote": a fighter's record, a team's, a tally
_TALLY_WORDS = r"(?:record|mark|vote|run|decision|win|victory|loss|defeat|score|tally)\b"
_RECORD_AFTER = re.compile(rf"(?:-\d{{1,3}}){{2,}}\b|-\d{{1,3}}\s+{_TALLY_WORDS}")
_TALLY_AFTER = re.compile(rf"\s+{_TALLY_WORDS}")


def _counts_plural(text: str, match: re.Match[str]) -> bool:
    """Whether a plural noun or a measure follows: "Washington 10 months later"."""
    return bool(match.group("percent")) or _unit(text, match, 2.0) is not None


def _unit(text: str, match: re.Match[str], value: float = 0.0) -> str | None:
    """The counted noun or measure after the number, "USD" for dollars."""
    if match.group("currency"):
        currency = match.group("currency").strip()
        return {"€": "EUR", "£": "GBP", "¥": "JPY"}.get(currency, "USD")
    if match.group("percent"):
        return "percent"
    if match.group("number").lower() in ("twice", "thrice"):
        return "times"  # a multiplier: "twice as many Americans"
    inner = re.match(r"an?\s+(\w+)\s+and\s+a\s+half", match.group("number"), re.IGNORECASE)
    if inner is not None:  # "a year and a half"
        return _plural(inner.group(1).lower())
    end = match.end()
    glued = _GLUED_UNIT.match(text, end)
    if glued:  # "3,000m (9,800ft)": a measure written on the number
        return _GLUED_UNITS[glued.group()]
    hyphen = re.match(r"-([a-z]+(?:-[a-z]+)*)", text[end : end + 40])
    if hyphen:  # "18-year-old", "86-seat", "three-time", "135-mile-per-hour"
        parts = str(hyphen.group(1)).split("-")
        if "per" in parts[1:]:
            at = parts.index("per")
            return " ".join([_plural(w) for w in parts[:at]] + parts[at:])
        return _plural(parts[0])
    words: list[str] = _UNIT_TOKEN.findall(text[end : end + 100])
    if words[:2] == ["out", "of"] and len(words) > 2 and parse_number(words[2]) is not None:
        words = words[3:]  # "five out of 29 NATO countries"
    singular: str | None = None
    for position, token in enumerate(words[:6]):
        if token in ",.;:()":
            break
        word = token.strip("’'")
        lowered = word.lower()
        if position == 0 and word in _TEMPERATURE_LETTERS:
            return _TEMPERATURE_LETTERS[word]
        if position <= 2 and lowered in ("its", "their", "his", "her", "a") and words[0] == "of":
            continue  # "a third of its territory"
        if lowered in _UNIT_WORDS or lowered in _MEASURE_WORDS:
            return unit_named_by(lowered)
        if (lowered in ("of", "the") and position == 0) or (word.isupper() and len(word) > 1):
            continue
        if re.fullmatch(r"(?:[A-Z]\.)+", word) or any(c.isdigit() for c in word):
            continue  # "U.S. cents", "16-year-old girl"
        if lowered in ("other", "more", "additional", "further", "new"):
            continue
        if lowered in _WHAT_STOP or lowered in _FUNCTION_WORDS:
            break
        if lowered in _IRREGULAR_PLURALS:
            return lowered
        if _looks_plural(lowered):
            return word
        if singular is not None and (lowered.endswith(("ed", "ing")) or lowered in _VERBS):
            break  # "girl rushed": the noun phrase has ended
        if not word[:1].isupper():
            singular = lowered  # an adjective, or the head noun of a count of one
    return singular if value <= 1 else None  # "one girl", "a third of its territory"


# what may follow digits without a space and still state a quantity ("5km", "7pm" is a time)
_GLUED_MEASURES = frozenset(
    "km cm mm ft kg lb lbs mi mph kph kmh bn th st nd rd am pm ml mg gb mb kb tb hz kw mw gw "
    "sec secs min mins hrs yrs".split()
)
_GLUED_UNITS = {
    "km": "kilometers", "cm": "centimeters", "mm": "millimeters", "m": "meters", "ft": "feet",
    "kg": "kilograms", "lb": "pounds", "lbs": "pounds", "mi": "miles",
}  # fmt: skip
_GLUED_UNIT = re.compile(r"(?:km|cm|mm|m|ft|kg|lbs?|mi)\b")


def unit_named_by(word: str) -> str:
    """The unit a word names, as figures give it: "km" -> "kilometers"; else the word."""
    lowered = word.lower()
    return _MEASURE_WORDS.get(lowered, lowered)


def _plural(noun: str) -> str:
    irregular = {"man": "men", "woman": "women", "story": "stories", "foot": "feet"}
    return irregular.get(noun, noun if noun.endswith("s") else noun + "s")


_SINGULAR_IN_S = frozenset("news series species means politics physics economics".split())


def _looks_plural(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word.lower() not in _SINGULAR_IN_S  # "TV 2 News" is a channel, no count
    )


_UNIT_TOKEN = re.compile(r"(?:[A-Z]\.)+|[\w’'\-/]+|[,.;:()]")
# units the count sits before without a plural "s"; the value is how the unit is reported
_MEASURE_WORDS = {
    "kph": "kph", "km/h": "kph", "kmh": "kph", "mph": "mph", "knots": "knots", "foot": "feet",
    "baht": "baht", "yen": "yen", "yuan": "yuan", "won": "won", "euro": "euros",
    "euros": "euros", "cents": "cents", "cent": "cents", "pesos": "pesos", "rupees": "rupees",
    "rubles": "rubles", "dollars": "dollars", "francs": "francs", "dinars": "dinars",
    "ringgit": "ringgit", "rand": "rand", "lira": "lira", "shekels": "shekels",
    "kilos": "kilograms", "km": "kilometers", "cm": "centimeters", "mm": "millimeters",
    "lb": "pounds", "lbs": "pounds", "sq": "square", "celsius": "Celsius",
    "fahrenheit": "Fahrenheit",
}  # fmt: skip
_TEMPERATURE_LETTERS = {"C": "Celsius", "F": "Fahrenheit"}  # "minus 21 Celsius (minus 6 F)"
_IRREGULAR_PLURALS = frozenset(
    "people children men women police feet teeth personnel staff cattle sheep deer aircraft".split()
)
_VERBS = frozenset(
    "left died fell lost won came went made took got saw told gave found ran".split()
)
_FUNCTION_WORDS = frozenset(
    """this these those his its us as is was does has thus plus less unless across such of in
    on at for from with by about into per""".split()
)


def _what(text: str, end: int) -> str | None:
    """A short description: the words after the number up to a clause break."""
    words: list[str] = []
    glued = _GLUED_UNIT.match(text, end)
    if glued:
        end = glued.end()  # "3,000m deep": the unit is no description
    compared = re.match(r"\s+as\s+(?:many|much)\s+", text[end : end + 20])
    if compared:
        end += compared.end() - 1  # "twice as many Americans": what is multiplied
    for word in re.findall(r"[^\s]+", text[end : end + 120]):
        bare = word.strip(",.;:()\"“”'’")
        lowered = bare.lower()
        if (
            not bare
            or lowered in _WHAT_STOP
            or lowered in _WHAT_BREAK
            or word[0] in "(["
            or parse_number(bare) is not None
            or (len(words) >= 8 and not _continues_name(words[-1], bare))
            or len(words) >= 12
        ):
            break
        words.append(bare)
        if word[-1] in ',.;:)"”' or word.endswith("''"):  # (a wire quotation's close)
            break
    while words and words[-1].lower() in _FUNCTION_WORDS | {"the", "a", "an"}:
        words.pop()  # "people in Central America in the past | two"
    # (marks alone are no words: "6, 000 - member Academy", "14. 1 rating /")
    phrase = " ".join(w for w in words if any(c.isalnum() for c in w)).lstrip("-")
    if phrase.split(" ", 1)[0].casefold() in _WHEN_WORDS:
        return None  # "plunged to 14 early today": when, not what
    return phrase or None


_WHEN_WORDS = frozenset(
    """today yesterday tonight tomorrow early earlier late later monday tuesday wednesday
    thursday friday saturday sunday""".split()
)


def what_it_counts(figure: Figure) -> str | None:
    """What to show beside a figure: what it counts, else a unit its words do not give
    already ("2 percent", "$1.8 billion" say theirs)."""
    if figure.what:
        return figure.what
    unit = figure.unit
    if unit == "percent" and re.search(r"%|per\s?cent", figure.text, re.IGNORECASE):
        return None
    if unit in ("USD", "EUR", "GBP", "JPY") and re.search(r"[$€£¥]|dlrs", figure.text):
        return None
    return unit


def share_role(text: str, figure: Figure) -> str:
    """The share a figure tells: "part" for a count of a part ("20 million out of 30
    million"), "pool" for the whole it is part of, "" for neither. A part and its
    whole are no two values of one quantity."""
    after = _PART_OF_AFTER.match(text, figure.end)
    if after and _NUMBER_RE.match(text, after.end()):
        return "part"
    if _POOL_AFTER.search(text[max(0, figure.start - 60) : figure.start]):
        return "pool"
    return ""


def _pool_what(what: str | None, unit: str | None) -> str | None:
    """What a pool counts: its noun phrase without the verb the part goes on to ("30
    million people voted for Khatami" counts people; 20 million of them voted)."""
    if what is None:
        return unit
    words = what.split()
    for position, word in enumerate(words):
        if word.lower().endswith("ed") or word.lower() in _VERBS:
            return " ".join(words[:position]) or unit
    return what


_WHAT_BREAK = frozenset("what where whom whose why how whether".split())


def _continues_name(last: str, word: str) -> bool:
    """A name is not cut at the length limit: "in the border town of Abu | Kamal"."""
    return last[:1].isupper() and word[:1].isupper()


def _age(text: str, match: re.Match[str], paragraph_start: int) -> str | None:
    """ "Luiz Claudio Silveira, 34, a horse trainer": an age, and whose."""
    before = text[paragraph_start : match.start()]
    after = text[match.end() : match.end() + 3]
    # a nickname in brackets is part of the name: "Kimani (Kiki) Gray, 16"
    name = re.search(
        r"((?:[A-Z][\w'’.\-]*\s+|\([A-Z][\w'’.\-]*\)\s+){0,4}[A-Z][\w'’.\-]*),\s*$", before
    )
    number = match.group("number")
    if name and re.match(r"^[,)]", after) and number.isdigit() and 0 < int(number) < 120:
        return str(name.group(1))
    return None


_AGE_BEFORE = re.compile(r"\b(?:at\s+the\s+age\s+of|aged|ages?)\s+$", re.IGNORECASE)
_PERSON_WAS_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he|who)\s+(?:was|is|turned|turns)\s+$")


def _told_age(text: str, match: re.Match[str], start: int, paragraph_start: int) -> bool:
    """A person's age with no name before it: "at the age of 35", "aged 85", "She was 85."."""
    number = match.group("number")
    if not number.isdigit() or not 0 < int(number) < 120 or match.group("currency"):
        return False
    before = text[max(paragraph_start, start - 20) : start]
    if _AGE_BEFORE.search(before):
        return True
    return bool(_PERSON_WAS_BEFORE.search(before) and re.match(r"\s*[,.;]", text[match.end() :]))


def _decade(
    text: str, match: re.Match[str], start: int, end: int, value: float, paragraph_start: int
) -> str | None:
    """A number written as a decade ("50s"): someone's "age", a "calendar" decade ("the
    1950s", "the '60s": no figure), an "other" one ("the 100s"), or None (no decade)."""
    if text[end : end + 1] != "s" or text[end + 1 : end + 2].isalnum():
        return None
    if not match.group("number")[:1].isdigit() or value % 10 or match.group("currency"):
        return None
    before = text[max(paragraph_start, start - 20) : start]
    age = r"\b(?:his|her|their|its)\s+(?:(?:early|late)\s+)?$|\d0s\s+(?:and|or|to)\s+$"
    if value < 120 and re.search(age, before, re.I):
        return "age"  # "in her 50s", "in their 20s and 30s"
    if value >= 1000 or re.search(r"['’‘]$", before):
        return "calendar"
    if value <= 90 and re.search(r"\bthe\s+(?:(?:early|late)\s+)?$", before, re.I):
        return "calendar"
    return "other"


def extract_figures(article: Article, nlp: Any = None) -> list[Figure]:
    """Every figure of ``article``: value (a number or a (low, high) range), unit, what.

    Rule-based; ``nlp`` is accepted for symmetry with ``extract_quotes`` and unused.
    Offsets index ``article.original``.
    """
    del nlp
    text = article.original
    figures: list[Figure] = []

    def add(start: int, end: int, value: float | tuple[float, float], unit: str | None,
            what: str | None) -> None:  # fmt: skip
        figures.append(Figure(text[start:end], article.id, start, end, value, unit, what))

    numbers = _SPACED_NUMBER_RE if _is_tokenized(text) else _NUMBER_RE
    for paragraph_start, paragraph_end in _paragraphs(article):
        matches = [
            m
            for m in numbers.finditer(text, paragraph_start, paragraph_end)
            if m.group("number").strip()
        ]
        index = 0
        pool_at, part_unit = -1, None  # the next figure is a pool of this unit's part
        while index < len(matches):
            match = matches[index]
            index += 1
            value = _value(match)
            if value is None or _excluded(text, match, paragraph_start):
                continue
            start = match.start("currency") if match.group("currency") else match.start("number")
            end = _end_of(match)
            figure_value: float | tuple[float, float] = value
            if re.match(r"-something\b", text[end : end + 11]) and value % 10 == 0 and value > 0:
                # "a 40-something beautician": an age in a decade, 40 to 49
                add(start, end, (value, value + 9), "years", _what(text, end + len("-something")))
                continue
            decade = _decade(text, match, start, end, value, paragraph_start)
            if decade == "calendar":
                continue
            if decade is not None:
                # "in her 50s": an age in a decade, 50 to 59; "temperatures in the 100s":
                # a figure written "100s"
                age = decade == "age"
                add(
                    start,
                    end + 1,
                    (value, value + 9) if age else value,
                    "years" if age else None,
                    "age" if age else _what(text, end + 1),
                )
                continue
            # a rate: "one in 11 industrial buildings", "one in a thousand"
            if index < len(matches) and re.fullmatch(
                r"\s+in\s+", text[end : matches[index].start("number")]
            ):
                following = matches[index]
                whole = _value(following)
                if whole and whole > value and not _excluded(text, following, paragraph_start):
                    index += 1
                    rate = round(value / whole, 6)
                    unit, what = _unit(text, following, 2.0), _what(text, following.end())
                    add(start, _end_of(following), rate, unit, what)
                    continue
            # ranges: "500 to 1,000", "between 1,000 and 1,500", "10-15"
            if index < len(matches):
                following = matches[index]
                joiner = text[end : following.start()]
                preceding = text[max(paragraph_start, start - 12) : start].lower()
                high = _value(following)
                is_between = bool(re.search(r"between\s+$", preceding))
                if (
                    high is not None
                    and _RANGE_JOIN.match(joiner)
                    and len(joiner) <= 5
                    and high > value
                    and not re.search(r"\bfrom\s+$", preceding)
                    and (is_between or "and" not in joiner)
                    and not _excluded(text, following, paragraph_start)
                    # "$250 or $500", "30 percent or 40 percent": two figures, each whole
                    and not (
                        "or" in joiner
                        and (
                            (match.group("currency") and following.group("currency"))
                            or (match.group("percent") and following.group("percent"))
                        )
                    )
                    # "a 38-44 mark", "a 219-197 vote": a record or a tally, two counts
                    and not _TALLY_AFTER.match(text, following.end())
                ):
                    scale_word = following.group("scale") or next(
                        (w for w in following.group("number").lower().split() if w in _SCALES),
                        None,
                    )
                    if match.group("scale") is None and scale_word and value < high / 10:
                        # "two or three thousand years", "3 to 4 million": the scale is shared
                        word = scale_word.strip(" -\t\r\n").lower()
                        scale = _SCALES.get(word) or _SCALE_LETTERS[word]
                        if value * scale < high:
                            value *= scale
                    figure_value = (value, high)
                    end = _end_of(following)
                    match_for_unit = following
                    index += 1
                else:
                    match_for_unit = match
            else:
                match_for_unit = match
            count = figure_value if isinstance(figure_value, float) else 0.0
            unit = _unit(text, match_for_unit, count)
            what = _what(text, match_for_unit.end())
            if unit is None and what is None and index < len(matches):
                # "respectively 75 and 70 years old": the first shares the second's unit
                following = matches[index]
                if _COORDINATED.match(text[end : following.start()]):
                    unit = _unit(text, following, count)
                    what = _what(text, following.end())
            if index - 1 == pool_at:
                unit = unit or part_unit
                what = _pool_what(what, unit)  # "30 million people", not "... voted for X"
            elif (
                isinstance(figure_value, float)
                and index < len(matches)
                and _PART_OF.match(text[end : matches[index].start("number")])
            ):
                following = matches[index]
                unit = unit or _unit(text, following, count)
                pool_what = _what(text, following.end())
                # "out of 30 million people voted for Khatami": the pool is part of it
                what = " ".join(f"{text[end : following.end()]} {pool_what or ''}".split())
                pool_at, part_unit = index, unit
            owner = _age(text, match, paragraph_start)
            if owner is not None:
                unit, what = "years", f"age of {owner}"
            elif unit is None and _told_age(text, match, start, paragraph_start):
                unit, what = "years", "age"  # "at the age of 35", "aged 85", "She was 85."
            elif re.match(r"-year-old\b", text[end : end + 10]):
                what = "age"  # "the 37-year-old will serve time": an age, not a duration
            minus = _MINUS_BEFORE.search(text, max(paragraph_start, start - 8), start)
            if minus and isinstance(figure_value, float) and not match.group("currency"):
                start, figure_value = minus.start(), -figure_value  # "minus 26 Celsius"
            add(start, end, figure_value, unit, what)
    return figures
