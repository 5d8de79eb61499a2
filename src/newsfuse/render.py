"""Summaries as JSON, Markdown, HTML and plain text.

The JSON form is the schema of record (``SCHEMA_VERSION``, documented in
``docs/schema.md``); the other forms show the same content for people:
the summary with citation marks [1], [2] and the list of sources behind them.
"""

from __future__ import annotations

import html
import json
from typing import Any

from newsfuse.types import SCHEMA_VERSION, Article, Citation, Summary, SummarySentence

FORMATS = ("text", "markdown", "json", "html")


def _citation_dict(citation: Citation) -> dict[str, Any]:
    return {"article": citation.article, "start": citation.start, "end": citation.end}


def sentence_dict(sentence: SummarySentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "article": sentence.article,
        "start": sentence.start,
        "end": sentence.end,
        "also_in": [_citation_dict(c) for c in sentence.also_in],
    }


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "author": article.author,
        "origin": article.origin,
        "text": article.text,
    }


def summary_dict(summary: Summary) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "method": summary.method,
        "language": summary.language,
        "words": summary.words,
        "word_count": summary.word_count,
        "summary": summary.text,
        "sentences": [sentence_dict(s) for s in summary.sentences],
        "articles": [article_dict(a) for a in summary.articles],
    }


def _source_label(article: Article) -> str:
    parts = [p for p in (article.source, article.title) if p]
    label = " — ".join(parts) if parts else (article.origin or article.id)
    return label


def _numbers(summary: Summary) -> dict[str, int]:
    """Citation numbers: articles in input order, 1-based."""
    return {article.id: number for number, article in enumerate(summary.articles, start=1)}


def _title(summary: Summary) -> str:
    titled = next((a.title for a in summary.articles if a.title), None)
    return titled or "News brief"


def to_text(summary: Summary) -> str:
    numbers = _numbers(summary)
    lines = [_title(summary), ""]
    for sentence in summary.sentences:
        marks = "".join(f"[{numbers[a]}]" for a in sentence.sources)
        lines.append(f"{sentence.text} {marks}")
    lines += ["", "Sources:"]
    for article in summary.articles:
        url = f" <{article.url}>" if article.url else ""
        lines.append(f"[{numbers[article.id]}] {_source_label(article)}{url}")
    return "\n".join(lines) + "\n"


def _markdown_escape(text: str) -> str:
    return text.replace("[", r"\[").replace("]", r"\]").replace("*", r"\*").replace("_", r"\_")


def to_markdown(summary: Summary) -> str:
    numbers = _numbers(summary)
    lines = [f"# {_markdown_escape(_title(summary))}", ""]
    sentences = []
    for sentence in summary.sentences:
        marks = "".join(f"[^{numbers[a]}]" for a in sentence.sources)
        sentences.append(f"{_markdown_escape(sentence.text)}{marks}")
    lines.append(" ".join(sentences) if sentences else "_No sentences to summarize._")
    lines += ["", "## Sources", ""]
    for article in summary.articles:
        label = _markdown_escape(_source_label(article))
        link = f" <{article.url}>" if article.url else ""
        lines.append(f"[^{numbers[article.id]}]: {label}{link}")
    return "\n".join(lines) + "\n"


_HTML_STYLE = """
body { font: 16px/1.55 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
sup a { text-decoration: none; font-size: .75em; padding: 0 .1em; }
ol.sources { font-size: .9rem; color: #444; }
"""


def to_html(summary: Summary) -> str:
    numbers = _numbers(summary)
    esc = html.escape
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(_title(summary))}</title><style>{_HTML_STYLE}</style></head><body>",
        f"<h1>{esc(_title(summary))}</h1>",
        '<p class="summary">',
    ]
    for sentence in summary.sentences:
        marks = "".join(
            f'<sup><a href="#source-{numbers[a]}">[{numbers[a]}]</a></sup>'
            for a in sentence.sources
        )
        parts.append(
            f'<span class="sentence" data-article="{esc(sentence.article)}" '
            f'data-start="{sentence.start}" data-end="{sentence.end}">{esc(sentence.text)}</span>'
            f"{marks} "
        )
    parts += ["</p>", "<h2>Sources</h2>", '<ol class="sources">']
    for article in summary.articles:
        label = esc(_source_label(article))
        if article.url:
            label = f'<a href="{esc(article.url)}">{label}</a>'
        parts.append(f'<li id="source-{numbers[article.id]}">{label}</li>')
    parts += ["</ol>", "</body></html>"]
    return "\n".join(parts) + "\n"


def to_json(summary: Summary) -> str:
    return json.dumps(summary_dict(summary), ensure_ascii=False, indent=2) + "\n"


def render(summary: Summary, output_format: str) -> str:
    renderers = {"text": to_text, "markdown": to_markdown, "json": to_json, "html": to_html}
    return renderers[output_format](summary)
