"""newsfuse: many news reports in, one brief out, every sentence citing its sources.

>>> import newsfuse
>>> articles = newsfuse.read_articles(["examples/rawa/"])
>>> summary = newsfuse.summarize(articles, words=120)
>>> summary.sentences[0].article, summary.sentences[0].start  # where it came from
"""

from newsfuse.compare import analyze
from newsfuse.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    MissingInputError,
    NewsfuseError,
    TooLargeInputError,
    UsageError,
)
from newsfuse.ingest import read_articles
from newsfuse.render import render, summary_dict
from newsfuse.summarize import summarize
from newsfuse.text import clean_text, prepare_article, split_sentences
from newsfuse.types import (
    SCHEMA_VERSION,
    Analysis,
    Article,
    Citation,
    Sentence,
    Span,
    Summary,
    SummarySentence,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Article",
    "BinaryInputError",
    "Citation",
    "EmptyInputError",
    "InputError",
    "MalformedInputError",
    "MissingInputError",
    "NewsfuseError",
    "Sentence",
    "Span",
    "Summary",
    "SummarySentence",
    "TooLargeInputError",
    "UsageError",
    "__version__",
    "analyze",
    "clean_text",
    "prepare_article",
    "read_articles",
    "render",
    "split_sentences",
    "summarize",
    "summary_dict",
]
