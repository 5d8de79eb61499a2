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
_HAS_LETTER = re.compile(r"[^\W\d_]")


@cache
def _stop_word_lists() -> dict[str, frozenset[str]]:
    raw = resources.files("newsfuse").joinpath("data/stopwords.json").read_text("utf-8")
    data = json.loads(raw)
    return {name: frozenset(words) for name, words in data.items() if not name.startswith("_")}


def normalize_language(language: str | None) -> str | None:
    """'fr', 'French', 'french' -> 'french'; None stays None (meaning: detect)."""
    if language is None:
        return None
    key = language.strip().lower()
    return LANGUAGE_NAMES.get(key, key)


def detect_language(text: str) -> str:
    """Guess the language of ``text``: by script first, then by stop-word hits."""
    sample = text[:20000]
    letters = len(_HAS_LETTER.findall(sample)) or 1
    for pattern, language in _SCRIPT_LANGUAGES:
        if len(pattern.findall(sample)) > letters * 0.3:
            return language
    words = Counter(w.lower() for w in _TOKEN.findall(sample))
    lists = _stop_word_lists()
    # common short words shared across languages ("a", "de") make raw hit counts
    # unreliable; score each language by the share of its most frequent stop words
    best, best_score = DEFAULT_LANGUAGE, 0.0
    for language in _LATIN_CANDIDATES:
        stop_words = lists[language]
        score = sum(count for word, count in words.items() if word in stop_words) / (
            sum(words.values()) or 1
        )
        if score > best_score:
            best, best_score = language, score
    return best


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

    def tokens(self, text: str) -> list[str]:
        """Lowercased word tokens (letters and digits), in order."""
        return _TOKEN.findall(text.lower())

    def stems(self, text: str) -> list[str]:
        return [self.stem(token) for token in self.tokens(text)]

    def is_stop_word(self, token: str) -> bool:
        return token in self.stop_words or len(token) < 2
