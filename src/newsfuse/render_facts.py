"""An analysis (quotations, figures, entities, timeline, comparison) as JSON, Markdown,
HTML and plain text; alone (``newsfuse analyze``) or after a summary (the brief).

Every item carries its provenance: in JSON the article id and character offsets,
in the other forms citation marks [1], [2] numbered like the brief's sources.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

from newsfuse.facts.figures import what_it_counts
from newsfuse.render import article_dict, render, summary_dict
from newsfuse.types import (
    SCHEMA_VERSION,
    Analysis,
    Article,
    ComparisonItem,
    Entity,
    Evidence,
    Figure,
    Quote,
    Summary,
    TimelineEvent,
)

FACT_FORMATS = ("json", "markdown", "html", "text")

SECTIONS = (
    ("quotes", "Who said what"),
    ("figures", "Figures"),
    ("entities", "People, places and organisations"),
    ("timeline", "Timeline"),
    ("shared", "Where sources agree"),
    ("unique", "Reported by one source"),
    ("conflicts", "Differences"),
)
_DIFFERENCE_LABELS = {
    "conflict": "conflict",
    "update": "update (later report)",
    "precision": "agree at different precision",
    "wording": "same speaker, different words",
}
# Human forms list at most this many items a section; JSON lists them all.
_SHOWN = 25

# --------------------------------------------------------------------------- JSON


def quote_dict(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "cue": quote.cue,
        "article": quote.article,
        "start": quote.start,
        "end": quote.end,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
    }


def figure_dict(figure: Figure) -> dict[str, Any]:
    value: float | list[float] = (
        list(figure.value) if isinstance(figure.value, tuple) else figure.value
    )
    return {
        "text": figure.text,
        "what": figure.what,
        "value": value,
        "unit": figure.unit,
        "article": figure.article,
        "start": figure.start,
        "end": figure.end,
    }


def entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "kind": entity.kind,
        "role": entity.role,
        "roles": list(entity.roles),
        "aliases": list(entity.aliases),
        "articles": list(entity.articles),
        "mentions": [
            {"article": m.article, "start": m.start, "end": m.end, "text": m.text}
            for m in entity.mentions
        ],
    }


def event_dict(event: TimelineEvent) -> dict[str, Any]:
    return {
        "order": event.order,
        "text": event.text,
        "article": event.article,
        "start": event.start,
        "end": event.end,
        "expression": event.expression,
        "expression_start": event.expression_start,
        "expression_end": event.expression_end,
        "date": event.date,
        "precision": event.precision,
        "earliest": event.earliest,
        "latest": event.latest,
        "relative": event.relative,
    }


def _evidence_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "article": evidence.article,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "value": evidence.value,
    }


def comparison_item_dict(item: ComparisonItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "text": item.text,
        "subject": item.subject,
        "articles": list(item.articles),
        "evidence": [_evidence_dict(e) for e in item.evidence],
        "same_wording": item.same_wording,
    }


def analysis_dict(analysis: Analysis, with_articles: bool = True) -> dict[str, Any]:
    """The schema of record (docs/schema.md); ``with_articles=False`` inside a brief."""
    result: dict[str, Any] = {}
    if with_articles:
        result["schema_version"] = SCHEMA_VERSION
    result["methods"] = dict(analysis.methods)
    result["quotes"] = [quote_dict(q) for q in analysis.quotes]
    result["figures"] = [figure_dict(f) for f in analysis.figures]
    result["entities"] = [entity_dict(e) for e in analysis.entities]
    result["timeline"] = [event_dict(e) for e in analysis.timeline]
    result["comparison"] = {
        "shared": [comparison_item_dict(i) for i in analysis.comparison.shared],
        "unique": [comparison_item_dict(i) for i in analysis.comparison.unique],
        "conflicts": [comparison_item_dict(i) for i in analysis.comparison.conflicts],
    }
    if with_articles:
        result["articles"] = [article_dict(a) for a in analysis.articles]
    return result


# --------------------------------------------------------------------------- lines


def _numbers(articles: list[Article]) -> dict[str, int]:
    return {article.id: number for number, article in enumerate(articles, start=1)}


def _date_label(event: TimelineEvent) -> str:
    if event.date is None:
        return f"“{event.expression}” (no publication date to resolve it)"
    return f"{event.date} ({event.precision}, “{event.expression}”)"


def _cited_once(entries: list[tuple[str, str]], cite: Callable[[str], str]) -> list[str]:
    """(line, article) pairs as lines, each line once with every article that has it:
    copies of one wire story tell the same quotation, figure or date word for word."""
    articles_of: dict[str, list[str]] = {}
    for line, article in entries:
        articles = articles_of.setdefault(line, [])
        if article not in articles:
            articles.append(article)
    return [f"{line} " + "".join(map(cite, articles)) for line, articles in articles_of.items()]


def _section_lines(
    analysis: Analysis,
    cite: Callable[[str], str],
    quote_text: Callable[[str], str],
    emphasis: Callable[[str], str] = str,
) -> dict[str, list[str]]:
    """Each section's items as lines of text (unescaped), citations made by ``cite``."""
    lines: dict[str, list[str]] = {key: [] for key, _ in SECTIONS}
    # one speaker, one name across the story: "Steven E. Nissen" in one article and
    # "Steven Nissen" in another are the entity's fullest name (the JSON keeps each
    # article's own)
    story_names: dict[str, str] = {}
    for entity in analysis.entities:
        if entity.kind != "place":
            for form in (entity.name, *entity.aliases):
                story_names.setdefault(form, entity.name)
    quoted: list[tuple[str, str]] = []
    for quote in analysis.quotes:
        who = story_names.get(quote.speaker, quote.speaker) if quote.speaker else "unattributed"
        if quote.role:
            who += f" ({quote.role})"
        if quote.speaker and not quote.cue:
            who += " (inferred)"  # no reporting verb: the speaker was read from context
        quoted.append((f"{who}: {quote_text(quote.text)}", quote.article))
    lines["quotes"] = _cited_once(quoted, cite)
    counted: list[tuple[str, str]] = []
    for figure in analysis.figures:
        counts = what_it_counts(figure)
        about = f" — {counts}" if counts else ""
        counted.append((f"{figure.text}{about}", figure.article))
    lines["figures"] = _cited_once(counted, cite)
    for entity in analysis.entities:
        line = f"{entity.name} ({entity.kind}"
        line += f", {entity.role})" if entity.role else ")"
        if entity.aliases:
            line += f", also “{'”, “'.join(entity.aliases)}”"
        count = len(entity.mentions)
        line += f": {count} mention{'s' if count != 1 else ''} "
        line += "".join(cite(a) for a in entity.articles)
        lines["entities"].append(line)
    lines["timeline"] = _cited_once(
        [(f"{_date_label(event)}: {event.text}", event.article) for event in analysis.timeline],
        cite,
    )
    if len(analysis.articles) < 2:
        for key in ("shared", "unique", "conflicts"):
            lines[key].append("one source only: nothing to compare")
    for item in analysis.comparison.shared:
        copied = " (worded alike: likely one wire story)" if item.same_wording else ""
        lines["shared"].append(f"{item.text} " + "".join(cite(a) for a in item.articles) + copied)
    for item in analysis.comparison.unique:
        # what no other source has, first: the sentence alone may also report a shared fact
        only_here = f"{emphasis(item.subject)}: " if item.subject else ""
        lines["unique"].append(f"{only_here}{item.text} " + "".join(cite(a) for a in item.articles))
    for item in analysis.comparison.conflicts:
        label = _DIFFERENCE_LABELS.get(item.kind, item.kind)
        sides = " / ".join(
            _cited_once([(quote_text(e.value or e.text), e.article) for e in item.evidence], cite)
        )
        lines["conflicts"].append(f"[{label}] {item.subject or item.text}: {sides}")
    return lines


def _shown(items: list[str]) -> tuple[list[str], int]:
    return items[:_SHOWN], max(0, len(items) - _SHOWN)


# --------------------------------------------------------------------------- forms


def facts_markdown(analysis: Analysis, level: int = 2) -> str:
    numbers = _numbers(analysis.articles)

    def escape(text: str) -> str:
        return text.replace("[", r"\[").replace("]", r"\]").replace("*", r"\*").replace("_", r"\_")

    # citation marks are placed after escaping, so that their brackets survive it
    lines_by_section = _section_lines(
        analysis,
        lambda a: f"\x00{numbers[a]}\x00",
        lambda t: f"“{t.strip()}”",
        lambda t: f"\x02{t}\x02",
    )
    out: list[str] = []
    not_read = _not_read(analysis)
    if not_read:
        return f"{'#' * level} Facts\n\n_{escape(not_read)}._\n"
    for key, title in SECTIONS:
        out += [f"{'#' * level} {title}", ""]
        items, more = _shown(lines_by_section[key])
        if not items:
            out.append("_None found._")
        for item in items:
            line = re.sub("\x00(\\d+)\x00", r"[^\1]", escape(item))
            out.append("- " + line.replace("\x02", "**"))
        if more:
            out.append(f"- _and {more} more (see the JSON output)_")
        out.append("")
    return "\n".join(out)


def facts_text(analysis: Analysis) -> str:
    numbers = _numbers(analysis.articles)
    lines_by_section = _section_lines(
        analysis, lambda a: f"[{numbers[a]}]", lambda t: f"“{t.strip()}”"
    )
    out: list[str] = []
    for key, title in SECTIONS:
        out += [title, "-" * len(title)]
        items, more = _shown(lines_by_section[key])
        out += [f"- {item}" for item in items] or ["(none found)"]
        if more:
            out.append(f"- and {more} more (see the JSON output)")
        out.append("")
    return "\n".join(out)


def facts_html(analysis: Analysis) -> str:
    numbers = _numbers(analysis.articles)
    marker = "\x00cite:"

    def cite(article: str) -> str:
        return f"{marker}{numbers[article]}\x00"

    lines_by_section = _section_lines(
        analysis, cite, lambda t: f"“{t.strip()}”", lambda t: f"\x02{t}\x03"
    )
    out: list[str] = []
    not_read = _not_read(analysis)
    if not_read:
        return f'<h2 id="facts">Facts</h2>\n<p><em>{html.escape(not_read)}.</em></p>\n'
    for key, title in SECTIONS:
        out += [f'<h2 id="{key}">{html.escape(title)}</h2>', f'<ul class="facts {key}">']
        items, more = _shown(lines_by_section[key])
        if not items:
            out.append("<li><em>None found.</em></li>")
        for item in items:
            escaped = html.escape(item)
            while marker in escaped:
                head, _, rest = escaped.partition(marker)
                number, _, tail = rest.partition("\x00")
                link = f'<sup><a href="#source-{number}">[{number}]</a></sup>'
                escaped = head + link + tail
            escaped = escaped.replace("\x02", "<strong>").replace("\x03", "</strong>")
            out.append(f"<li>{escaped}</li>")
        if more:
            out.append(f"<li><em>and {more} more (see the JSON output)</em></li>")
        out.append("</ul>")
    return "\n".join(out) + "\n"


def _not_read(analysis: Analysis) -> str | None:
    """Why no facts were read (a story in another language), or None."""
    facts = analysis.methods.get("facts", "")
    return facts[0].upper() + facts[1:] if facts.startswith("not read") else None


def _title(articles: list[Article]) -> str:
    return next((a.title for a in articles if a.title), None) or "News analysis"


def _source_label(article: Article) -> str:
    parts = [p for p in (article.source, article.title) if p]
    return " — ".join(parts) if parts else (article.origin or article.id)


def render_analysis(analysis: Analysis, output_format: str) -> str:
    """``newsfuse analyze`` output: the analysis alone, with its sources."""
    numbers = _numbers(analysis.articles)
    if output_format == "json":
        return json.dumps(analysis_dict(analysis), ensure_ascii=False, indent=2) + "\n"
    title = _title(analysis.articles)
    if output_format == "markdown":
        out = [f"# {title}", "", facts_markdown(analysis), "## Sources", ""]
        out += [f"[^{numbers[a.id]}]: {_source_label(a)}" for a in analysis.articles]
        return "\n".join(out) + "\n"
    if output_format == "html":
        sources = "\n".join(
            f'<li id="source-{numbers[a.id]}">{html.escape(_source_label(a))}</li>'
            for a in analysis.articles
        )
        return (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head><body>\n<h1>{html.escape(title)}</h1>\n"
            f'{facts_html(analysis)}<h2>Sources</h2>\n<ol class="sources">\n{sources}\n</ol>\n'
            "</body></html>\n"
        )
    sources_text = "\n".join(f"[{numbers[a.id]}] {_source_label(a)}" for a in analysis.articles)
    return f"{title}\n\n{facts_text(analysis)}Sources:\n{sources_text}\n"


def render_brief(summary: Summary, analysis: Analysis | None, output_format: str) -> str:
    """``newsfuse summarize`` output: the summary, then the analysis sections."""
    if analysis is None:
        return render(summary, output_format)
    if output_format == "json":
        brief = summary_dict(summary)
        brief["analysis"] = analysis_dict(analysis, with_articles=False)
        return json.dumps(brief, ensure_ascii=False, indent=2) + "\n"
    rendered = render(summary, output_format)
    if output_format == "html":
        closing = "</body></html>"
        head, _, tail = rendered.rpartition(closing)
        return f"{head}{facts_html(analysis)}{closing}{tail}"
    if output_format == "markdown":
        return f"{rendered}\n{facts_markdown(analysis)}"
    return f"{rendered}\n{facts_text(analysis)}"
