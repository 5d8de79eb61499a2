"""Language detection and the lexicon: the quick paths agree with the plain ones."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.language import (
    Lexicon,
    _function_word_counts,
    _function_word_table,
    detect_language,
    word_pattern,
)
from newsfuse.text import _collapse


def _counted_by_pattern(text: str) -> dict[str, int]:
    """What ``_function_word_counts`` must give: every word found, then counted."""
    table = _function_word_table()
    words = Counter(word_pattern(text).findall(text))
    return {word: count for word, count in words.items() if word in table}


# letters, digits, underscores, combining marks, non-ASCII punctuation and spaces, a
# lone surrogate: everything that decides where a word ends
_TRICKY_PIECES = st.sampled_from(
    [
        *"thadelsżúöèT, ._-'\n\t",
        *("the", "and", "de", "la", "że", "sú", "för", "è", "é", "Ⅻ", "²"),
        *("\u0301", "\u00a0", "\u2009", "“", "”", "—", "\u0915\u093f", "\ud800"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TRICKY_PIECES, max_size=60).map("".join))
def test_function_word_counts_match_the_word_pattern(text: str) -> None:
    assert _function_word_counts(text) == _counted_by_pattern(text)


def test_function_word_counts_on_news_text() -> None:
    text = "“the” said the mayor—and the city's plan_b (the 2nd) is: de la “été” la…"
    assert _function_word_counts(text) == _counted_by_pattern(text)


def test_detect_language() -> None:
    assert detect_language("The mayor said that the bridge is closed for the winter.") == "english"
    assert detect_language("Le maire a dit que le pont est fermé pour la saison.") == "french"
    assert detect_language("Der Bürgermeister sagte, dass die Brücke nicht offen ist.") == "german"
    assert detect_language("") == "english"  # no evidence: the default


def test_lexicon_lookup_numbers_new_words_in_order() -> None:
    lexicon = Lexicon("english")
    stems, stops, capitals = lexicon.lookup(["Running", "runs", "the", "Running"])
    assert [lexicon.stems[i] for i in stems.tolist()] == ["run", "run", "the", "run"]
    assert stops.tolist() == [False, False, True, False]
    assert capitals.tolist() == [True, False, False, True]
    again, _, _ = lexicon.lookup(["runs", "cats"])  # one word known, one new
    assert [lexicon.stems[i] for i in again.tolist()] == ["run", "cat"]


@given(st.text(alphabet=st.sampled_from(list("ab .\n\t\u00a0\u2028\x0c")), max_size=30))
def test_collapse_matches_splitting_on_white_space(text: str) -> None:
    assert _collapse(text) == " ".join(text.split())
