"""Cleaning and sentence splitting, both as spans of the original text.

Cleaning never builds a new string: it decides which paragraphs (and lines) of
``Article.original`` are article text, so every kept character keeps its offset.
Sentences are then cut inside the kept paragraphs, again as offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.types import Article, Sentence, Span

# --------------------------------------------------------------------------- cleaning

# Whole lines that are page furniture wherever they appear.
_FURNITURE_LINE = re.compile(
    r"""^\W*(?:
        advertisement|advertising|sponsored(?:\ content)?|story\ continues\ below.*
      | share(?:\ this)?(?:\ (?:article|story|page|on\ \w+))?|tweet|e-?mail|print|comments?
      | share\ (?:via|on)\ .*|share\ this\ (?:article|story).*|click\ to\ share.*
      | (?:sign\ up|subscribe|register)\b.{0,120}|follow\ us\b.{0,80}
      | read\ more\b.{0,160}|more:\ .{0,160}|see\ also:.{0,160}|related:.{0,160}
      | click\ here\b.{0,160}|watch(?:\ the)?\ video.{0,80}|video:?|photos?:?|gallery
      | image\ (?:copyright|caption)\b.*|(?:photo|image|picture)s?(?:\ credit)?:.{0,200}
      | \d+\ photos?|skip\ (?:to\ )?(?:content|ad)|close|menu|search|log\ ?in|sign\ in
      | (?:©|copyright\b).{0,200}|all\ rights\ reserved.{0,100}
      | this\ (?:article|story)\ (?:originally\ )?(?:appeared|was\ published).{0,200}
      | tweet\ with\ a\ location|you\ must\ log\ in\ to\ continue\.?
      | we\ (?:use|value)\ cookies.{0,300}|notice
      # found surviving in the Multi-News and ECB+ dev pages (2026-11-24)
      | advertisement\W+continue\ reading.{0,40}|story\ continued\ below|now\ playing:?
      | continue\ reading(?:\ the\ main\ story|\ below)|more\ news:\ .{0,160}
      | read\ or\ share\ this\ story.{0,120}|breaking\ news\ emails\b.{0,200}
      | media\ (?:playback|caption)\b.{0,300}
      | enlarge(?:\ (?:this\ )?(?:image|photo))?(?:\ toggle\ caption)?\b.{0,200}
      | (?:thumbnail\ )?(?:photo|image|picture|video)s?\ (?:by|courtesy(?:\ of)?)
        (?:[\ /,;]+(?-i:[A-Z][\w'’.-]*|of|for|via|and)){1,10}
      | \(?(?:photo\ )?credit:\ [^.!?]{0,100}
      | in\ (?:video|pictures|photos):\ .{0,160}|click\ (?:for|to)\ (?:more|read|see)\b.{0,120}
      | \[[^\]\n]{5,200}\]|►.{0,200}
      | follow\ (?:\w+\ ){0,3}on\ (?:twitter|facebook|instagram|x)\b.{0,100}|follow\ @\w.{0,100}
      | (?:twitter|e-?mail|contact):\ .{0,80}(?:@|https?://).{0,80}
      | contributing:\ .{0,200}|(?:additional\ )?reporting\ by\ (?-i:[A-Z]).{0,200}
      | (?:writing|editing)\ by\ (?-i:[A-Z]).{0,150}
      | this\ (?:article|story|editorial|column|piece|post)\ (?:is|was|has\ been)
        \ (?:reproduced|republished|first\ published|published|originally).{0,200}
      | <annotation>.{0,200}|(?:&[A-Z]{2};|nn)(?:\s*(?:&[A-Z]{2};|nn))*
      | \([a-z]{2,4}(?:[/-][a-z]{0,4}\ ?){1,5}\)
      # the share buttons above a video player
      | play\ facebook|facebook|twitter|follow\ \S+:\ (?:facebook|twitter)\b.{0,60}
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Furniture that does not start the line: a credit or a call at its end, a name before
# "contributed to this report". Scanning every line for these is slow, so they are only
# tried on lines that hold one of their fixed words (_CREDIT_HINTS).
_CREDIT_LINE = re.compile(
    r"""^\W*(?:
        .{0,300}\((?:AP|AFP|Reuters|Getty)\ (?:Photo|Images?)[^)]*\)
      | .{0,300}\b(?:REUTERS|AFP|Getty\ Images|AP\ Photo)/[A-Z][\w.\- ]{1,40}
      | .{0,60}\badobe\ flash\ player\b.{0,120}|.{0,300}\.\ credit:\ [^.!?]{1,60}
      | .{0,100},\ click\ here|(?:\w+\ ){1,3}can\ be\ (?:followed|reached)\ (?:on|at)\b.{0,100}
      | [\w.+-]+@[\w-]+\.[\w.]+(?:\ or\ [\d\ ()-]{7,20})?
      | (?:[\w.'’,-]+\ ){1,10}contributed\ (?:to\ )?(?:this\ )?(?:report|story|reporting|article)\.?
      # a video player's embed box: "Embed <a video's title> 0:32 autoplay autoplay Copy
      # this code to your website or blog"
      | .{0,200}\ autoplay\ autoplay\ copy\ this\ code\ to\ your\ website.{0,20}
      # a picture agency's caption: "... Featuring: Serena Williams Where: Milan, Italy
      # When: 23 Sep 2016 Credit: IPA/WENN.com"
      | .{0,300}\bfeaturing:\ .{1,200}\bwhere:\ .{1,200}\bwhen:\ .{1,100}\bcredit:\ .{0,100}
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Grouped under a text that each of the group's hints holds: one quick `in` rules a
# group out for most lines (twice as fast as one pattern of all the hints).
_CREDIT_HINTS = (
    ("(", ("(ap ", "(afp ", "(reuters ", "(getty ")),
    ("/", ("reuters/", "afp/", "getty images/", "ap photo/")),
    ("can be ", ("can be followed", "can be reached")),
    ("@", ("@",)), ("flash player", ("flash player",)), (". credit:", (". credit:",)),
    (", click here", (", click here",)), ("contributed ", ("contributed ",)),
    ("autoplay", ("autoplay autoplay copy this code",)), ("featuring: ", ("where: ",)),
)  # fmt: skip
# No letter or digit at all: rules ("___", "* * *", "###"), stray punctuation.
_NO_WORD_LINE = re.compile(r"^[\W_]*$")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    # French, Spanish, German (dated lines of WikiNews and European sites)
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
    r"|diciembre|januar|februar|märz|juni|juli|oktober|dezember)\.?"
)
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves"
    r"|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
)
# A time stamp anywhere in the text: "Posted: Jul 07, 2012 7:40 PM ET", "Updated at
# 10:30 p.m.", "First published April 25", "PUBLISHED: 02:31 GMT, 12 March 2013". The
# word after the keyword must be a date or time, so "Updated figures show ..." stays.
_DATED_LINE = re.compile(
    rf"""^\W*(?:(?:article|story)\ )?(?:first\ |last\ )?
        (?:published|updated|update|posted|modified)(?:\ (?:on|at))?[\s:,]+
        (?:\d|{_WEEKDAY}\b|{_MONTH}\ ?\d).{{0,100}}$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line that is only a date (and maybe a time): "Friday, July 6, 2007", "June 06, 2013",
# "21 July 2013 Last updated at 11:11 GMT".
_DATE_LINE = re.compile(
    rf"""^\W*(?:le\ )?(?:{_WEEKDAY},?\ )?
        (?:{_MONTH}\ \d{{1,2}}(?:st|nd|rd|th)?,?\ \d{{4}}
        |\d{{1,2}}(?:er|\.)?\ (?:de\ )?{_MONTH}(?:\ de)?,?\ \d{{4}})
        (?:[\s,|]+(?:last\ updated\ )?(?:at\ )?\d{{1,2}}[:.]\ ?\d{{2}}
        (?:\ ?[ap]\.?m\.?)?(?:\ [A-Z]{{2,4}})?)?\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Lines that open the teaser/navigation block at the foot of a page.
_FOOTER_MARKER = re.compile(
    r"""^\W*(?:
        in\ other\ news|load\ more|related(?:\ (?:articles?|stories|coverage|content|news))?
      | more\ (?:from|on|stories|news)\b.{0,60}|most\ (?:popular|read|viewed|shared)\b.{0,40}
      | recommended(?:\ for\ you)?|trending(?:\ now)?|you\ (?:may|might)\ also\ like
      | read\ (?:next|more)|what\ to\ read\ next|top\ stories|latest\ news|popular\ now
      | (?:see\ )?also  # "ALSO:" over a list of other headlines (Los Angeles Times)
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

# An author bio: "Shawn Snow is the senior reporter for Marine Corps Times ..."
_AUTHOR_BIO = re.compile(
    r"""^(?!(?:He|She|It|They|We|I|You|This|That|The|There|His|Her|Their|Its)\ )
        (?:[A-Z][\w'’.\-]+\ ){1,3}(?:is|was|has\ been|covers|writes|reports)\b
        .{0,300}?\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor
        |producer|author|freelancer|staff|bureau\ chief|covers|intern)\b""",
    re.VERBOSE,
)
_CONTACT_LINE = re.compile(
    r"^\W*(?:contact|follow|reach|email)\b.{0,80}(?:@|\bat\b|twitter|on\ x\b)",
    re.IGNORECASE | re.VERBOSE,
)
# A wire story's dateline at the head of its first sentence: where and who, not what
# happened. With the agency named: "DOI INTHANON, Thailand (AP) _ ", "LONDON (Reuters) - ".
_AGENCY_DATELINE = (
    r"[A-Z][\w .,'’-]{0,60}?\((?:AP|Reuters|AFP|UPI|Xinhua|dpa|CNN|Bloomberg)\)"
    r"\s*(?:_|—|--|-|–)\s+"
)
AGENCY_DATELINE = re.compile("^" + _AGENCY_DATELINE)
# ... or a place in capitals alone: "SAN JUAN, Puerto Rico _ ". Summaries drop only the
# first kind: dropping both cost DUC dev ROUGE-1 0.56 (a reference may name the place).
WIRE_DATELINE = re.compile(
    "^(?:" + _AGENCY_DATELINE + r"|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s+[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?\s*(?:_|—|--|-|–)\s+)"
)
# "By Jane Doe", and the same in French, Spanish, Portuguese, German, Italian, Dutch
_BYLINE = re.compile(
    r"^\s*(?:[Bb]y|BY|[Pp]ar|[Pp]or|[Vv]on|[Dd]i|[Dd]oor)\s+"
    r"[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|and|et|y|und|e|en|de|van|von|da|di)){0,5}\s*$"
)
_TIMESTAMP_LINE = re.compile(
    r"^\W*(?:published|updated|posted|last\ updated|publié|mis\ à\ jour|publicado"
    r"|actualizado|veröffentlicht|aktualisiert|pubblicato|aggiornato)\b.{0,80}$",
    re.IGNORECASE | re.VERBOSE,
)
# New York Times wire formatting codes at the end of a paragraph: "... here.'' &QL;"
_TRAILING_WIRE_CODES = re.compile(r"(?:\s*&[A-Z]{2};)+$")
# An AP editors' slug after the last paragraph: "... here. &UR; (gm)", "&UR; MORE",
# "&UR; Poland has, 4th graf (bp-tsc)"; and the editors' header before the dateline:
# "&UR; Eds: UPDATES with four more deaths &UR; AP Photo &UR; By ALISON MUTLER &QC; "
_WIRE_SLUG = re.compile(r"\s*&UR;[^&]{0,60}$")
_WIRE_HEADER = re.compile(r"^&[A-Z]{2};.{0,300}&[A-Z]{2};\s*")
_SENTENCE_END_CHARS = ".!?:;,\"”’'…)]»"
_LINE_END_CHARS = ".!?\"”’'…)»:"
_LONG_LINE_CHARS = 50

_HEADLINE_MAX_WORDS = 25
_SECTION_LABEL_MAX_WORDS = 3
# a short paragraph at the foot after a footer marker is a teaser, a long one is text again
_TEASER_MAX_WORDS = 25


# not frozen: frozen dataclasses are three times slower to build, and every line of
# every article becomes one
@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    blank_before: bool  # separated from the previous line by a blank line


# A label glued to the start of the page's first line: "Story highlights Two groups got
# into a dispute", "AP Photo Pelosi flexes muscle", "THE FACT CHECKER | Rep. Adam Smith"
_LEADING_LABEL = re.compile(r"(?:Story\ highlights|AP\ Photo|[A-Z][A-Z'’ ]{2,40}\ \|)\s+(?=\S)")


def _without_label(line: _Line) -> _Line:
    label = _LEADING_LABEL.match(line.text)
    if label is None:
        return line
    cut = label.end()
    return _Line(line.start + cut, line.end, line.text[cut:], line.blank_before)


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    previous_end = 0
    line_start = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = line_start + len(raw) - len(raw.lstrip())
            end = start + len(stripped)
            if stripped[-1] == ";":
                code = _TRAILING_WIRE_CODES.search(stripped)
                if code is not None and code.start() > 0:
                    stripped = stripped[: code.start()]
                    end = start + len(stripped)
            if "&" in stripped:
                slug = _WIRE_SLUG.search(stripped)
                if slug is not None and slug.start() > 0:
                    stripped = stripped[: slug.start()]
                    end = start + len(stripped)
                header = _WIRE_HEADER.match(stripped)
                if header is not None and header.end() < len(stripped):
                    start += header.end()
                    stripped = stripped[header.end() :]
            blank_before = bool(lines) and text.count("\n", previous_end, start) >= 2
            lines.append(_Line(start, end, stripped, blank_before))
            previous_end = end
        line_start += len(raw) + 1
    return lines


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    """Lines grouped into paragraphs: blank lines part them.

    A text with no blank line at all whose long lines mostly end like sentences
    (wire copy) puts one paragraph on each line; there a line break parts paragraphs
    too, unless the next line goes on in lower case. Hard-wrapped text, whose long
    lines mostly stop mid-sentence, keeps its lines together. (Short lines, such as
    a headline or a date, say nothing either way.)
    """
    long_lines = [line for line in lines if len(line.text) >= _LONG_LINE_CHARS]
    lines_are_paragraphs = not any(line.blank_before for line in lines) and (
        sum(line.text[-1] in _LINE_END_CHARS for line in long_lines) * 2 >= len(long_lines)
    )
    paragraphs: list[list[_Line]] = []
    for line in lines:
        if (
            not paragraphs
            or line.blank_before
            or (lines_are_paragraphs and not line.text[0].islower())
        ):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _has_credit_hint(text: str) -> bool:
    lowered = text.lower()
    for mark, hints in _CREDIT_HINTS:
        if mark in lowered:
            for hint in hints:
                if hint in lowered:
                    return True
    return False


# A caption that ends on its picture's credit: "... denied the CIA's assessment. (Victoria
# Walker/The Washington Post)", "(Andrew Harrer/Bloomberg)".
_NAME_CREDIT_END = re.compile(
    r"\((?:[A-Z][\w'’.-]+\ ){1,3}[A-Z][\w'’.-]+\ ?/"  # the photographer
    r"\ ?(?:The\ )?[A-Z][\w.&'’-]*(?:\ [A-Z][\w.&'’-]*){0,4}\)$"  # the outlet
)


def _is_furniture(text: str) -> bool:
    return bool(
        _NO_WORD_LINE.match(text)
        or _FURNITURE_LINE.match(text)
        or (_has_credit_hint(text) and _CREDIT_LINE.match(text) is not None)
        or (text.endswith(")") and "/" in text and _NAME_CREDIT_END.search(text) is not None)
        or _DATED_LINE.match(text)
        or _DATE_LINE.match(text)
    )


def _is_title_like(paragraph: list[_Line]) -> bool:
    if len(paragraph) != 1:
        return False
    text = paragraph[0].text
    return len(text.split()) <= _HEADLINE_MAX_WORDS and text[-1] not in _SENTENCE_END_CHARS


def _word_count(paragraph: list[_Line]) -> int:
    return sum(len(line.text.split()) for line in paragraph)


@dataclass(frozen=True, slots=True)
class CleanedText:
    """What cleaning decided: the kept paragraphs and the metadata it recognised."""

    paragraphs: list[Span]
    headline: Span | None
    byline: str | None


def clean_text(original: str) -> CleanedText:
    """Find the article text inside ``original``, dropping web boilerplate.

    Dropped: section labels before the headline, bylines and time stamps, page
    furniture lines (share/subscribe/advertisement, photo credits), the
    teaser/navigation block at the foot ("In Other News", "Load More", "Related")
    and a closing author bio. The headline, when the text starts with one, is kept
    as the first paragraph and reported in ``headline``.
    """
    lines = [line for line in _lines(original) if not _is_furniture(line.text)]
    lines[:2] = [_without_label(line) for line in lines[:2]]
    byline: str | None = None
    kept_lines: list[_Line] = []
    for line in lines[:6]:  # bylines and time stamps sit at the top
        # a time stamp near the top ends without a period ("Published in 2005, the
        # report ..." is a sentence); those that do end in one are _DATED_LINE's
        is_byline = _BYLINE.match(line.text) is not None
        if is_byline or (_TIMESTAMP_LINE.match(line.text) and line.text[-1] not in ".!?"):
            if is_byline and byline is None:
                byline = re.sub(r"^\s*\S+\s+", "", line.text)
            continue
        kept_lines.append(line)
    kept_lines.extend(lines[6:])
    paragraphs = _paragraphs(kept_lines)

    paragraphs = _drop_footer(paragraphs)

    # Title-like paragraphs before the first body paragraph: the first one longer than
    # a section label is the headline and short ones before it are labels ("Defense");
    # those after it (a subtitle, a dek) are kept as text, not thrown away.
    headline: Span | None = None
    lead_count = 0
    while lead_count < len(paragraphs) - 1 and _is_title_like(paragraphs[lead_count]):
        lead_count += 1
    if lead_count:
        first = next(
            (i for i in range(lead_count) if _word_count(paragraphs[i]) > _SECTION_LABEL_MAX_WORDS),
            None,
        )
        if first is not None:
            line = paragraphs[first][0]
            headline = Span(line.start, line.end)
            paragraphs = paragraphs[first:]
        else:
            paragraphs = paragraphs[lead_count:]

    spans = [Span(p[0].start, p[-1].end) for p in paragraphs]
    return CleanedText(paragraphs=spans, headline=headline, byline=byline)


def _drop_footer(paragraphs: list[list[_Line]]) -> list[list[_Line]]:
    """Cut the foot of the page: teaser blocks, contact lines and an author bio."""
    kept: list[list[_Line]] = []
    in_teasers = False
    for paragraph in paragraphs:
        lines = paragraph
        marker_at = next(
            (i for i, line in enumerate(lines) if _FOOTER_MARKER.match(line.text)), None
        )
        if marker_at is not None:
            if marker_at:
                kept.append(lines[:marker_at])
            in_teasers = True
            continue
        if in_teasers and (_word_count(lines) <= _TEASER_MAX_WORDS or _is_title_like(lines)):
            continue
        in_teasers = False
        kept.append(lines)
    # author bios and contact lines sit in the last paragraphs
    while kept and len(kept) > 1:
        last_text = " ".join(line.text for line in kept[-1])
        if (_AUTHOR_BIO.match(last_text) and len(last_text.split()) <= 80) or (
            _CONTACT_LINE.match(last_text) and len(last_text.split()) <= 30
        ):
            kept.pop()
        else:
            break
    return kept


# --------------------------------------------------------------------------- sentences

# Abbreviations after which a period never ends a sentence (titles and the like).
# Lowercased, without the final period.
_NEVER_FINAL = frozenset(
    """mr mrs ms mx dr gen lt col sgt capt cpt maj adm cmdr cdr brig pvt cpl
    sen sens rep reps gov govs pres prof rev hon fr st mt ft messrs mme mlle
    vs v approx dept fig e.g i.e cf al""".split()
)
# Abbreviations that come before a number ("No. 1", "Jan. 5"): never final before a
# digit, and otherwise final only before a usual sentence opener ("he said no. The").
_BEFORE_NUMBERS = frozenset("no nos jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that can also end a sentence: split after them only when the next
# word is a usual sentence opener.
_SOMETIMES_FINAL = frozenset(
    "inc corp co ltd llc jr sr etc bros plc ave blvd rd univ assn est".split()
)
# US states as the wire services abbreviate them ("NASHVILLE, Tenn. — A father ...",
# "Redding Ridge, Conn. 06876"), as written: several are words in lower case.
_STATE_ABBREVIATIONS = frozenset(
    """Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
    Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo""".split()
)
_SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those
    there here but and so yet or if when while after before as at in on for with by from
    to of one two some many most all no not what who how why where meanwhile however
    still also then now later earlier since last next both each other officials police
    according mr mrs ms dr""".split()
)
_REPORTING_VERB = re.compile(
    r"[^.!?\n]{0,80}?\b(?:said|says|wrote|writes|asked|asks|told|tells|added|adds|posted|"
    r"tweeted|declared|shouted|yelled|exclaimed|replied|answered|noted|insisted|warned|"
    r"explained|continued|stated|announced)\b"
)
# A run of terminators (an ellipsis is three periods), then closing marks. One
# character class up front lets the search skip to the next terminator quickly.
_CANDIDATE = re.compile(r"[.!?…。！？؟।]+[\"”’'»)\]]*")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_OPENING_CHARS = "\"“‘'`«([¿¡—-"
_WORD_AT = re.compile(r"[\w'’]+")
# Scraped pages lose the space between sentences: "in Mountain View.The robot".
# A capitalised word in lower case after it, ending where a word ends, and a word
# in lower case (or a number) before the period, tell it from "U.S.Army", "node.JS",
# "jane.Doe@example.com".
_GLUED_NEXT = re.compile(r"[A-Z][a-z]+(?=[\s,;:'’])")


def _is_boundary(text: str, term_start: int, term_end: int, next_start: int) -> bool:
    """Decide whether the terminator ``text[term_start:term_end]`` ends a sentence."""
    terminator = text[term_start:term_end]
    following = text[next_start]
    if following.islower():
        return False
    if not (following.isalpha() or following.isdigit() or following in _OPENING_CHARS):
        return False
    closes_quote = terminator[-1] in "\"”’'»"
    core = terminator.rstrip("\"”’'»)]")
    if closes_quote and core[-1] in "!?" and _REPORTING_VERB.match(text, next_start):
        # "Daesh crumbles!" Operation Inherent Resolve wrote on Twitter.
        return False
    if core in (".", "") and not closes_quote:
        word_start = text.rfind(" ", 0, term_start) + 1
        # a line break after that space starts the word (looking no further back)
        word_start = max(word_start, text.rfind("\n", word_start, term_start) + 1)
        word = text[word_start:term_start].lstrip("\"“‘'(`[")
        lowered = word.lower()
        if lowered in _NEVER_FINAL:
            return False
        if len(word) == 1 and word.isupper():  # an initial: "Kenneth F. McKenzie"
            return False
        if lowered in _BEFORE_NUMBERS and following.isdigit():
            return False
        if (
            lowered in _SOMETIMES_FINAL
            or lowered in _BEFORE_NUMBERS
            or word in _STATE_ABBREVIATIONS
            or ("." in word and _INITIALS.match(word + "."))
        ):
            next_word = _WORD_AT.match(text, next_start)
            return (next_word.group().lower() if next_word else "") in _SENTENCE_OPENERS
    return True


def _is_glued_boundary(text: str, term_start: int, term_end: int, end: int) -> bool:
    """A period with no space after it that still ends a sentence ("View.The")."""
    if text[term_start:term_end] != "." or term_start == 0:
        return False
    before = text[term_start - 1]
    if not (before.islower() or before.isdigit()):
        return False
    following = _GLUED_NEXT.match(text, term_end, end)
    return following is not None and _is_boundary(text, term_start, term_end, term_end)


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph)."""
    # a list, not a generator: resuming a generator per sentence costs more than appending
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        term_end = match.end()
        if term_end >= end:
            break
        if not text[term_end].isspace():
            if _is_glued_boundary(text, match.start(), term_end, end):
                spans.append((sentence_start, term_end))
                sentence_start = term_end
            continue
        next_start = term_end + 1  # text[term_end] is white space
        while next_start < end and text[next_start].isspace():
            next_start += 1
        if next_start >= end:
            break
        if _is_boundary(text, match.start(), term_end, next_start):
            spans.append((sentence_start, term_end))
            sentence_start = next_start
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def _collapse(text: str) -> str:
    # Every white space character but the plain space is unprintable: a printable text
    # without two spaces in a row or at its ends is already collapsed (most sentences).
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def split_sentences(
    text: str, paragraphs: list[Span] | None = None, article: str = ""
) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets index ``text`` itself.

    ``paragraphs`` restricts splitting to those spans (the output of cleaning);
    without it, blank lines separate paragraphs. A sentence's ``text`` is its
    span with runs of white space collapsed to one space.
    """
    if paragraphs is None:
        paragraphs = [Span(p[0].start, p[-1].end) for p in _paragraphs(_lines(text))]
    return _split(text, paragraphs, article, None)


def _split(
    text: str, paragraphs: list[Span], article: str, headline: Span | None
) -> list[Sentence]:
    """``split_sentences``, marking the sentences inside ``headline``."""
    sentences: list[Sentence] = []
    for paragraph_index, paragraph in enumerate(paragraphs):
        for start, end in _sentence_spans(text, paragraph.start, paragraph.end):
            # positional arguments: a quarter quicker than keywords, once per sentence
            sentences.append(
                Sentence(
                    article,  # article
                    len(sentences),  # index
                    start,
                    end,
                    _collapse(text[start:end]),  # text
                    paragraph_index,  # paragraph
                    # is_headline
                    headline is not None and start >= headline.start and end <= headline.end,
                )
            )
    return sentences


def prepare_article(article: Article) -> Article:
    """Clean ``article`` and split it into sentences, in place; returns it."""
    cleaned = clean_text(article.original)
    article.kept = cleaned.paragraphs
    if article.author is None and cleaned.byline:
        article.author = cleaned.byline
    headline = cleaned.headline
    if headline is not None and article.title is None:
        article.title = _collapse(article.original[headline.start : headline.end])
    article.sentences = _split(article.original, cleaned.paragraphs, article.id, headline)
    return article
