"""Language detection and the word analysis that depends on it.

``Analyzer`` turns a sentence into stemmed, lowercased tokens and knows which are
stop words. Where snowball has no stemmer or we have no stop-word list for a
language, it degrades to plain lowercased tokens (still useful: the summarizer
weighs words by how many articles use them, which needs no list).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources
from itertools import filterfalse, repeat

import numpy as np
import snowballstemmer

DEFAULT_LANGUAGE = "english"

# ISO 639-1 codes and names people type, to the names snowball and our lists use
LANGUAGE_NAMES = {
    "en": "english", "fr": "french", "cs": "czech", "el": "greek", "ar": "arabic",
    "he": "hebrew", "hi": "hindi", "de": "german", "es": "spanish", "it": "italian",
    "pt": "portuguese", "pl": "polish", "sk": "slovak", "sv": "swedish", "uk": "ukrainian",
    "ru": "russian", "nl": "dutch", "ro": "romanian", "tr": "turkish", "fa": "persian",
}  # fmt: skip

# Scripts that identify a language (or nearly) on their own.
_SCRIPT_LANGUAGES = (
    (re.compile(r"[\u0590-\u05FF]"), "hebrew"),
    (re.compile(r"[\u0600-\u06FF]"), "arabic"),
    (re.compile(r"[\u0370-\u03FF\u1F00-\u1FFF]"), "greek"),
    (re.compile(r"[\u0900-\u097F]"), "hindi"),
    (re.compile(r"[\u0400-\u04FF]"), "russian"),
)
# Latin-script languages told apart by their commonest words.
_LATIN_CANDIDATES = ("english", "french", "czech", "german", "spanish", "italian", "portuguese",
                     "polish", "slovak", "swedish")  # fmt: skip


def _combining_marks() -> str:
    """A character class body of the combining marks (Unicode M*) of the scripts of
    Europe, the Middle East and South Asia (the blocks to U+0FFF, and the
    combining-mark blocks)."""
    ranges: list[tuple[int, int]] = []
    blocks = ((0x0300, 0x1000), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100))
    for code in (c for low, high in blocks for c in range(low, high)):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


# A word: letters and digits with their combining marks. Plain \w stops at the
# vowel signs of Devanagari ("हिंदी" would fall apart) and at Arabic diacritics.
WORD = re.compile(f"(?:[^\\W_]|[{_combining_marks()}])+")
_TOKEN = WORD
# WORD gives the same tokens as this simpler, twice as fast pattern wherever the text
# holds no combining mark: most text (looking for one is one quick scan).
_PLAIN_WORD = re.compile(r"[^\W_]+")
_COMBINING_MARK = re.compile(f"[{_combining_marks()}]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# any letter of the scripts in _SCRIPT_LANGUAGES: without one, none of them can win
_ANY_SCRIPT = re.compile(r"[\u0370-\u03FF\u0400-\u04FF\u0590-\u06FF\u0900-\u097F\u1F00-\u1FFF]")


_ASCII_WORD = re.compile(r"\w+", re.ASCII)


def word_pattern(text: str) -> re.Pattern[str]:
    """A pattern that finds the same words as ``WORD`` in ``text`` (and in any part of it)."""
    if text.isascii() and "_" not in text:
        return _ASCII_WORD
    return WORD if _COMBINING_MARK.search(text) else _PLAIN_WORD


@cache
def _stop_word_lists() -> dict[str, frozenset[str]]:
    raw = resources.files("newsfuse").joinpath("data/stopwords.json").read_text("utf-8")
    data = json.loads(raw)
    return {name: frozenset(words) for name, words in data.items() if not name.startswith("_")}


@cache
def stop_words_of_every_language() -> frozenset[str]:
    """One set for text whose language is mixed or unknown: a stop word of one language is
    rarely a name or a discriminative word in another."""
    return frozenset().union(*_stop_word_lists().values())


def normalize_language(language: str | None) -> str | None:
    """'fr', 'French', 'french' -> 'french'; None stays None (meaning: detect)."""
    if language is None:
        return None
    key = language.strip().lower()
    return LANGUAGE_NAMES.get(key, key)


def detect_language(text: str) -> str:
    """Guess the language of ``text``: by script first, then by stop-word hits."""
    sample = text[:20000]
    if _ANY_SCRIPT.search(sample):
        letters = len(_HAS_LETTER.findall(sample)) or 1
        for pattern, language in _SCRIPT_LANGUAGES:
            if len(pattern.findall(sample)) > letters * 0.3:
                return language
    lowered = sample.lower()
    if len(lowered) == len(sample) and "Σ" not in sample:
        # each character lowercased to one that is a word character just when it was:
        # the same words as lowercasing each word (the final sigma, the one rule that
        # looks at the neighbours, aside)
        words = _function_word_counts(lowered)
    else:
        words = Counter(map(str.lower, word_pattern(sample).findall(sample)))
    # Each language is scored by the share of the text made of its commonest function
    # words: short lists of equal length, so no language wins by having a longer
    # stop-word list (sumy's Italian list has 602 words and French 126: short French
    # news was read as Italian). Every language's share has the same denominator (the
    # text's words), so comparing the hits picks the same language.
    hits = [0] * len(_LATIN_CANDIDATES)
    table = _function_word_table()
    for word in table.keys() & words.keys():
        for place in table[word]:
            hits[place] += words[word]
    best, best_hits = DEFAULT_LANGUAGE, 0
    for language, hit in zip(_LATIN_CANDIDATES, hits, strict=True):
        if hit > best_hits:
            best, best_hits = language, hit
    return best


# ASCII characters that are neither letters nor digits, to spaces: no word holds one.
_ASCII_NON_WORD = bytes.maketrans(
    bytes(code for code in range(128) if not chr(code).isalnum()),
    bytes(32 for code in range(128) if not chr(code).isalnum()),
)


def _function_word_counts(text: str) -> dict[str, int]:
    """How often each function word of ``_FUNCTION_WORDS`` is a word of ``text``.

    A third quicker than finding every word with ``word_pattern`` (227 against 157 µs
    per dev text): the UTF-8 bytes are cut at ASCII punctuation and spaces, a piece of
    ASCII letters and digits is one word, and only the pieces holding other characters
    go through the pattern.
    """
    pieces = Counter(text.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD).split())
    counts = {
        word: pieces[encoded] for word, encoded in _ascii_function_words() if encoded in pieces
    }
    table = _function_word_table()
    pattern = word_pattern(text)
    for piece in filterfalse(bytes.isalnum, pieces):
        for word in pattern.findall(piece.decode("utf-8", "surrogatepass")):
            if word in table:
                counts[word] = counts.get(word, 0) + pieces[piece]
    return counts


@cache
def _ascii_function_words() -> tuple[tuple[str, bytes], ...]:
    """The function words written in ASCII, with their bytes."""
    return tuple((word, word.encode()) for word in _function_word_table() if word.isascii())


# The 20 or so commonest function words of each Latin-script language we tell apart.
_FUNCTION_WORDS = {
    "english": "the and of to in is was that with for on are this from by have has it be said",
    "french": "le la les des du de et est une un que qui dans pour pas sur au aux ce cette avec",
    "czech": "a je se na v že to s z do o jako ale by k pro jsou byl tak také",
    "german": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem",
    "spanish": "el la los las de que y en del por un una con para es se al lo como",
    "italian": "il della di che e la per un una non sono del nel è alla gli le con",
    "portuguese": "o a os as de que e do da em um uma para com não no na dos é",
    "polish": "i w na z się że do nie jest to o jak ale po od za przez dla",
    "slovak": "a je sa na v že to s z do o ako ale by k pre sú bol tak aj",
    "swedish": "och att det i en som är på för med av till den inte har om ett var",
}


@cache
def _function_word_table() -> dict[str, tuple[int, ...]]:
    """Each function word of the _LATIN_CANDIDATES, to the places of its languages there."""
    table: dict[str, tuple[int, ...]] = {}
    for place, language in enumerate(_LATIN_CANDIDATES):
        for word in _FUNCTION_WORDS[language].split():
            table[word] = (*table.get(word, ()), place)
    return table


class Analyzer:
    """Tokenizing, stop words and stemming for one language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = normalize_language(language) or DEFAULT_LANGUAGE
        self.stop_words = _stop_word_lists().get(self.language, frozenset())
        # rouge-score stems English with the original Porter algorithm: match it
        algorithm = "porter" if self.language == "english" else self.language
        self._stemmer = (
            snowballstemmer.stemmer(algorithm)
            if algorithm in snowballstemmer.algorithms()
            else None
        )
        if self._stemmer is not None and hasattr(self._stemmer, "maxCacheSize"):
            # PyStemmer's own cache makes each stem 3x slower (2.2 against 0.7 µs per new
            # dev word); our callers keep their own: ``_stems`` here, ``Lexicon``.
            self._stemmer.maxCacheSize = 0
        self._stems: dict[str, str] = {}

    @property
    def has_stemmer(self) -> bool:
        return self._stemmer is not None

    def stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stemmer.stemWord(word) if self._stemmer and len(word) > 3 else word
            self._stems[word] = stem
        return stem

    def stem_all(self, words: list[str]) -> list[str]:
        """``stem`` of each of ``words``, in one call to the stemmer (and not kept)."""
        if self._stemmer is None:
            return list(words)
        stems = iter(self._stemmer.stemWords([word for word in words if len(word) > 3]))
        return [next(stems) if len(word) > 3 else word for word in words]

    def tokens(self, text: str) -> list[str]:
        """Lowercased word tokens (letters and digits), in order."""
        return _TOKEN.findall(text.lower())

    def stems(self, text: str) -> list[str]:
        return [self.stem(token) for token in self.tokens(text)]

    def is_stop_word(self, token: str) -> bool:
        return token in self.stop_words or len(token) < 2


class Lexicon:
    """Stem, stop word and capital for each distinct written word, kept across calls.

    Stemming each token again is most of the cost of analysing a story, and news
    stories share most of their words. Stems get ids; the arrays index by word id.
    Capped: past ``MAX_WORDS`` words it starts over, so a long batch stays flat.
    """

    MAX_WORDS = 50_000

    def __init__(self, language: str) -> None:
        self.analyzer = Analyzer(language)
        self.clear()

    def clear(self) -> None:
        self._word_ids: dict[str, int] = {}
        self._stem_ids: dict[str, int] = {}
        self.stems: list[str] = []  # by stem id
        # by word id, then by stem id; longer than needed, grown by doubling
        self._word_stem = np.zeros(1024, dtype=np.int64)
        self._word_stop = np.zeros(1024, dtype=bool)
        self._word_capital = np.zeros(1024, dtype=bool)
        self._stem_digit = np.zeros(1024, dtype=bool)

    def lookup(self, words: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per word of ``words`` (as written): its stem id, whether it is a stop word,
        whether it starts with a capital."""
        if len(self._word_ids) > self.MAX_WORDS:
            self.clear()
        get = self._word_ids.get
        index = np.fromiter(map(get, words, repeat(-1)), dtype=np.int64, count=len(words))
        unseen = np.flatnonzero(index < 0)
        if len(unseen):
            unseen_words = [words[at] for at in unseen.tolist()]
            self._add(list(dict.fromkeys(unseen_words)))  # each once, in order
            index[unseen] = [self._word_ids[word] for word in unseen_words]
        return self._word_stem[index], self._word_stop[index], self._word_capital[index]

    def stem_has_digit(self, stem_ids: np.ndarray) -> np.ndarray:
        has_digit: np.ndarray = self._stem_digit[stem_ids]
        return has_digit

    def _add(self, words: list[str]) -> None:
        analyzer = self.analyzer
        tokens = [word.lower() for word in words]
        stems = analyzer.stem_all(tokens)
        known = self._stem_ids
        # the stems not seen yet, numbered in order of first use
        new_stems = list(dict.fromkeys([stem for stem in stems if stem not in known]))
        numbers = range(len(self.stems), len(self.stems) + len(new_stems))
        known.update(zip(new_stems, numbers, strict=True))
        self.stems.extend(new_stems)
        stem_ids = list(map(known.__getitem__, stems))
        first_word = len(self._word_ids)
        self._word_ids.update(zip(words, range(first_word, first_word + len(words)), strict=True))
        stop_words = analyzer.stop_words
        stops = [token in stop_words or len(token) < 2 for token in tokens]  # is_stop_word
        capitals = [word[0].isupper() for word in words]
        # no letter is a digit: only stems with something else in them need a look
        digits = [not s.isalpha() and any(ch.isdigit() for ch in s) for s in new_stems]
        words_end, stems_end = len(self._word_ids), len(self.stems)
        if words_end > len(self._word_stem):
            size = max(words_end, 2 * len(self._word_stem))
            self._word_stem = _grown(self._word_stem, size)
            self._word_stop = _grown(self._word_stop, size)
            self._word_capital = _grown(self._word_capital, size)
        if stems_end > len(self._stem_digit):
            self._stem_digit = _grown(self._stem_digit, max(stems_end, 2 * len(self._stem_digit)))
        self._word_stem[words_end - len(words) : words_end] = stem_ids
        self._word_stop[words_end - len(words) : words_end] = stops
        self._word_capital[words_end - len(words) : words_end] = capitals
        self._stem_digit[stems_end - len(new_stems) : stems_end] = digits


def _grown(array: np.ndarray, size: int) -> np.ndarray:
    grown = np.zeros(size, dtype=array.dtype)
    grown[: len(array)] = array
    return grown


@cache
def lexicon_for(language: str) -> Lexicon:
    """The shared ``Lexicon`` of ``language`` (a normalized name)."""
    return Lexicon(language)
