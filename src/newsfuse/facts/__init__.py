"""Facts in articles: direct quotations (who said what) and figures (how many of what).

>>> import newsfuse
>>> from newsfuse.facts import extract_quotes, extract_figures
>>> article = newsfuse.prepare_article(newsfuse.read_articles(["examples/rawa/"])[0])
>>> [q.speaker for q in extract_quotes(article)][:2]  # doctest: +SKIP
['Haider al-Abadi', 'Haider al-Abadi']

Both work on rules alone; a spaCy model (the ``facts`` extra) helps find people.
"""

from newsfuse.facts.figures import extract_figures, parse_number
from newsfuse.facts.quotes import extract_quotes
from newsfuse.facts.speakers import load_model

__all__ = [
    "extract_figures",
    "extract_quotes",
    "load_model",
    "parse_number",
]
