"""Facts in articles: direct quotations (who said what) and figures (how many of what).

>>> import newsfuse
>>> from newsfuse.facts import extract_quotes, extract_figures
>>> article = newsfuse.prepare_article(newsfuse.read_articles(["examples/rawa/"])[0])
>>> [q.speaker for q in extract_quotes(article)][:2]  # doctest: +SKIP
['Haider al-Abadi', 'Haider al-Abadi']

Both work on rules alone; a spaCy model (the ``facts`` extra) helps find people.
"""

from newsfuse.facts.entities import extract_entities
from newsfuse.facts.figures import extract_figures, parse_number
from newsfuse.facts.quotes import extract_quotes
from newsfuse.facts.speakers import load_model
from newsfuse.facts.timeline import extract_timeline

__all__ = [
    "extract_entities",
    "extract_figures",
    "extract_quotes",
    "extract_timeline",
    "load_model",
    "parse_number",
]
