"""Grouping a stream of articles into stories, online and incrementally.

features   what an article brings: terms, names, figures, MinHash, a junk verdict
index      the open stories and the inverted index that finds them (in memory)
state      the index on disk (SQLite), consistent with what was written out
stream     JSON Lines in, one ``{"id", "story"}`` line per input line out
"""

from newsfuse.stories.features import ArticleFeatures, extract_features
from newsfuse.stories.index import StoryIndex
from newsfuse.stories.state import StoryState
from newsfuse.stories.stream import StoriesReport, group_file, group_lines, place_article

__all__ = [
    "ArticleFeatures",
    "StoriesReport",
    "StoryIndex",
    "StoryState",
    "extract_features",
    "group_file",
    "group_lines",
    "place_article",
]
