"""Reading articles: text, HTML, RSS/Atom feeds, JSON, JSON Lines, Multi-News files, folders.

Every reader returns ``Article`` objects whose ``original`` is the article text as
given (for HTML: the text trafilatura extracts, since markup has no sentences; for a
feed item: its content with the markup taken out).
Nothing here cleans or splits: that is ``newsfuse.text``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from email.utils import parsedate_to_datetime
from html.entities import name2codepoint
from pathlib import Path
from typing import Any, BinaryIO

from newsfuse.errors import (
    BinaryInputError,
    EmptyInputError,
    MalformedInputError,
    MissingInputError,
    TooLargeInputError,
)
from newsfuse.types import Article

# One story's articles are read whole; a larger file is almost surely not one story.
# `newsfuse batch` streams JSON Lines instead and has no such limit on the file.
MAX_FILE_BYTES = 20 * 1024 * 1024
MULTINEWS_SEPARATOR = "|||||"
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
_HTML_PAGE_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.I)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_FEED_SUFFIXES = (".rss", ".atom")
_TEXT_FIELDS = ("text", "document", "body", "content")


def decode_bytes(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252, never binary."""
    if not data.strip():
        raise EmptyInputError(f"{where}: the input is empty; give it at least one article")
    if b"\x00" in data[:8192]:
        raise BinaryInputError(
            f"{where}: this is a binary file, not text; give plain text, HTML or JSON Lines"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Old news pages and wire archives are often Windows-1252; it maps almost every byte.
        return data.decode("cp1252", errors="replace")


def open_json_lines_path(input_path: str | Path) -> Path:
    """Check a streamed JSON Lines input before reading it: exists, a file, text.

    Streaming commands (batch, stories, digest) read line by line; an empty or binary
    file is refused here with one clear error instead of one error per line.
    """
    path = Path(input_path)
    if not path.exists():
        raise MissingInputError(f"{path}: no such file")
    if path.is_dir():
        raise MissingInputError(f"{path}: is a folder; give a JSON Lines file")
    with path.open("rb") as probe:
        decode_bytes(probe.read(8192), str(path))
    return path


def _read_file_bytes(path: Path) -> bytes:
    if not path.exists():
        raise MissingInputError(f"{path}: no such file or folder")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TooLargeInputError(
            f"{path}: {size / 2**20:.0f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit "
            "for one story; split it, or stream it as JSON Lines with `newsfuse batch`"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise MissingInputError(f"{path}: cannot be read ({error.strerror})") from error


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    return str(value)


def article_from_record(record: Any, where: str, default_id: str) -> Article:
    """One JSON object (``text`` plus optional metadata) to an Article.

    A ``text`` that is a whole HTML page is read as one (trafilatura), and one that
    is a fragment of markup (``<p>...</p>``) has its tags taken out; the record's
    own metadata wins over what the page says.
    """
    if not isinstance(record, dict):
        raise MalformedInputError(f"{where}: expected a JSON object with a 'text' field")
    text = next((record[k] for k in _TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if text is None:
        raise MalformedInputError(f"{where}: the record has no 'text' string")
    article_id = _optional_str(record, "id") or default_id
    page: Article | None = None
    if _HTML_START.match(text[:2048].encode("utf-8", errors="replace")):
        if _HTML_PAGE_START.match(text):
            page = parse_html(text, where, article_id)
            text = page.original
        else:
            text = html_fragment_text(text)
    return Article(
        id=article_id,
        original=text,
        title=_optional_str(record, "title") or (page.title if page else None),
        source=_optional_str(record, "source")
        or _optional_str(record, "sitename")
        or (page.source if page else None),
        url=_optional_str(record, "url") or (page.url if page else None),
        published=_optional_str(record, "published")
        or _optional_str(record, "date")
        or (page.published if page else None),
        author=_optional_str(record, "author") or (page.author if page else None),
        language=_optional_str(record, "language"),
        origin=where,
    )


def articles_from_documents(documents: Any, where: str, prefix: str) -> list[Article]:
    """A Multi-News style cluster (``documents``: list of strings) to Articles."""
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise MalformedInputError(f"{where}: 'documents' must be a list of strings")
    return [
        Article(id=f"{prefix}{index}", original=text, origin=where)
        for index, text in enumerate(documents)
        if text.strip()
    ]


def _articles_from_json_value(value: Any, where: str, stem: str) -> list[Article]:
    if isinstance(value, dict) and "documents" in value:
        return articles_from_documents(value["documents"], where, f"{value.get('id', stem)}:")
    if isinstance(value, dict):
        return [article_from_record(value, where, stem)]
    if isinstance(value, list):
        return [
            article
            for index, item in enumerate(value)
            for article in _articles_from_json_value(item, f"{where}[{index}]", f"{stem}:{index}")
        ]
    raise MalformedInputError(f"{where}: expected a JSON object or a list of objects")


def article_from_json_line(line: str, number: int, stem: str) -> Article:
    """One line of an article stream to an Article; errors name the line."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise MalformedInputError(f"line {number}: not valid JSON ({error.msg})") from error
    return article_from_record(value, f"line {number}", f"{stem}:{number}")


def parse_json_lines(text: str, where: str, stem: str) -> list[Article]:
    articles: list[Article] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise MalformedInputError(
                f"{where}, line {number}: not valid JSON ({error.msg})"
            ) from error
        articles.extend(
            _articles_from_json_value(value, f"{where}, line {number}", f"{stem}:{number}")
        )
    return articles


def parse_html(html: str, where: str, stem: str) -> Article:
    """An HTML page to an Article with trafilatura: text, title, author, date, site.

    ``original`` is the extracted text, its paragraphs set apart by blank lines.
    """
    import trafilatura  # imported here: a few hundred ms, and only HTML needs it

    document = trafilatura.bare_extraction(
        html, with_metadata=True, favor_precision=True, include_comments=False
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise EmptyInputError(
            f"{where}: no article text found in this HTML page (a front page, a login or "
            "cookie wall, or a page its scripts fill in?); save the article page itself"
        )
    # trafilatura ends a paragraph with one line break; newsfuse's text (like
    # Multi-News and most plain text) sets paragraphs apart with a blank line
    paragraphs = (line.strip() for line in text.splitlines())
    return Article(
        id=stem,
        original="\n\n".join(paragraph for paragraph in paragraphs if paragraph),
        title=getattr(document, "title", None),
        source=getattr(document, "sitename", None),
        url=getattr(document, "url", None),
        published=getattr(document, "date", None),
        author=getattr(document, "author", None),
        origin=where,
    )


# ------------------------------------------------------------------ markup to text

# Elements that end a paragraph of text; their content is set apart by blank lines.
_BLOCK_TAGS = frozenset(
    """p div article section main header footer aside blockquote pre figure figcaption
    h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th caption address hr form""".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template iframe object embed svg".split())
_XML_ENTITIES = frozenset(("amp", "lt", "gt", "quot", "apos"))
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_LOOKS_LIKE_MARKUP = re.compile(r"<(?:[A-Za-z][\w:-]*[\s/>]|/[A-Za-z]|!--)")
_WHITE_SPACE = re.compile(r"\s+")
_BLANK_RUNS = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*\n\s*")


def _local_name(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _space(text: str) -> str:
    return _WHITE_SPACE.sub(" ", text)


def _element_text(root: Any) -> str:
    """The text of an lxml element tree, a blank line between block elements."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        name = _local_name(element)
        if name in _SKIPPED_TAGS:
            return
        block = name in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if name == "br":
            parts.append("\n")
        # white space inside markup is layout, not text: line breaks come from tags only
        if isinstance(element.tag, str) and element.text:
            parts.append(_space(element.text))
        for child in element:
            walk(child)
            if child.tail:
                parts.append(_space(child.tail))
        if block:
            parts.append("\n\n")

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def html_fragment_text(markup: str) -> str:
    """Text of a snippet of HTML (a feed item's content, a JSON ``text``), by paragraph.

    Unlike ``parse_html`` this keeps everything that is text: a snippet is the
    article already, with no page around it to throw away.
    """
    if not _LOOKS_LIKE_MARKUP.search(markup):
        return html.unescape(markup).strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises a plain ParserError/ValueError on what it cannot mend
        return html.unescape(re.sub(r"<[^>]*>", " ", markup)).strip()
    return _element_text(root)


# ------------------------------------------------------------------ feeds


def _xml_safe_entities(data: bytes) -> bytes:
    """HTML's named entities (``&nbsp;``, ``&eacute;``) as numeric references.

    Feeds use them although XML does not define them; left alone they make the
    parser give up on the rest of the item.
    """

    def numeric(match: re.Match[bytes]) -> bytes:
        name = match.group(1).decode("ascii")
        if name in _XML_ENTITIES or name not in name2codepoint:
            return match.group()
        return b"&#%d;" % name2codepoint[name]

    return _NAMED_ENTITY.sub(numeric, data)


def _child(element: Any, *names: str) -> Any:
    """The first child whose local name is one of ``names``, in the order of ``names``."""
    children = list(element)
    for name in names:
        for child in children:
            if _local_name(child) == name:
                return child
    return None


def _child_text(element: Any, *names: str) -> str | None:
    child = _child(element, *names)
    if child is None:
        return None
    text = " ".join("".join(child.itertext()).split())
    return text or None


def _feed_date(value: str | None) -> str | None:
    """RSS dates (RFC 822) to ISO 8601, so that articles sort by date; Atom's already are."""
    if value is None or not re.match(r"^[A-Za-z]{3},|^\d{1,2} [A-Za-z]{3} ", value):
        return value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return value


def _entry_link(entry: Any) -> str | None:
    for child in entry:
        if _local_name(child) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return str(href).strip()
        if not href and child.text and child.text.strip():
            return str(child.text).strip()
    return None


def _entry_body(entry: Any) -> str:
    content = _child(entry, "encoded", "content", "description", "summary")
    if content is None:
        return ""
    if content.get("type") == "xhtml" or len(content):
        return _element_text(content)  # markup given as XML elements, not escaped text
    return html_fragment_text(content.text or "")


def parse_feed(data: bytes, where: str, stem: str) -> list[Article]:
    """An RSS 2.0, RSS 1.0 (RDF) or Atom feed to one Article per item with text.

    Parsed with entities left unexpanded, no DTD and no network, so that a hostile
    feed can neither read local files nor blow up in memory.
    """
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(_xml_safe_entities(data), parser=parser)
    except etree.XMLSyntaxError as error:
        raise MalformedInputError(f"{where}: not a readable RSS/Atom feed ({error})") from error
    if root is None:
        raise MalformedInputError(f"{where}: not a readable RSS/Atom feed")
    channel = _child(root, "channel")
    feed_title = _child_text(channel if channel is not None else root, "title")
    entries = [e for e in root.iter() if _local_name(e) in ("item", "entry")]
    articles = []
    for index, entry in enumerate(entries, start=1):
        text = _entry_body(entry)
        if not text:
            continue
        author = _child(entry, "author", "creator")
        author_name = (
            _child_text(author, "name") if author is not None and len(author) else None
        ) or _child_text(entry, "author", "creator")
        articles.append(
            Article(
                id=f"{stem}:{index}",
                original=text,
                title=_child_text(entry, "title"),
                source=feed_title,
                url=_entry_link(entry),
                published=_feed_date(_child_text(entry, "published", "pubdate", "date", "updated")),
                author=author_name,
                origin=f"{where}, item {index}",
            )
        )
    if not entries:
        raise EmptyInputError(f"{where}: the feed has no items")
    if not articles:
        raise EmptyInputError(
            f"{where}: the feed has {len(entries)} items and none holds text "
            "(no content, description or summary)"
        )
    return articles


def _is_feed(data: bytes, suffix: str) -> bool:
    if suffix in _FEED_SUFFIXES:
        return True
    head = data[:2048].lstrip()
    if not head.startswith(b"<") or (suffix not in ("", ".xml") and not head.startswith(b"<?xml")):
        return False
    return _FEED_START.search(head) is not None


# ------------------------------------------------------------------ any input


def parse_bytes(data: bytes, where: str, stem: str, suffix: str = "") -> list[Article]:
    """Sniff the format of ``data`` (by suffix, then content) and read its articles."""
    text = decode_bytes(data, where)
    suffix = suffix.lower()
    stripped = text.lstrip()
    if _is_feed(data.lstrip(b"\xef\xbb\xbf"), suffix):
        return parse_feed(data, where, stem)
    if suffix in (".html", ".htm", ".xhtml") or _HTML_START.match(data[:2048]):
        return [parse_html(text, where, stem)]
    if suffix in (".jsonl", ".ndjson") or (
        suffix != ".json" and stripped.startswith("{") and "\n{" in stripped
    ):
        articles = parse_json_lines(text, where, stem)
    elif suffix == ".json" or stripped.startswith(("{", "[{")):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise MalformedInputError(
                f"{where}: not valid JSON (line {error.lineno}: {error.msg})"
            ) from error
        articles = _articles_from_json_value(value, where, stem)
    elif MULTINEWS_SEPARATOR in text:
        articles = [
            Article(id=f"{stem}:{index}", original=part, origin=where)
            for index, part in enumerate(text.split(MULTINEWS_SEPARATOR))
            if part.strip()
        ]
    else:
        articles = [Article(id=stem, original=text, origin=where)]
    if not articles:
        raise EmptyInputError(f"{where}: no articles in this input")
    return articles


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(
            part.startswith(".") for part in path.relative_to(folder).parts
        ):
            yield path


def read_articles(paths: Iterable[str | Path], stdin: BinaryIO | None = None) -> list[Article]:
    """Read every article from files, folders, and ``-`` (standard input).

    Ids are the file's stem (``000_2531361012707b7a``), the record's ``id``, or
    ``stem:line``; repeated ids get a ``#2`` suffix so citations stay unambiguous.
    """
    articles: list[Article] = []
    for given in paths:
        if str(given) == "-":
            if stdin is None:
                raise MissingInputError("-: standard input is not available")
            articles.extend(parse_bytes(stdin.read(), "<stdin>", "stdin"))
            continue
        path = Path(given)
        if path.is_dir():
            files = list(_files_under(path))
            if not files:
                raise EmptyInputError(f"{path}: the folder holds no files")
            for file in files:
                articles.extend(
                    parse_bytes(_read_file_bytes(file), str(file), file.stem, file.suffix)
                )
        else:
            articles.extend(parse_bytes(_read_file_bytes(path), str(path), path.stem, path.suffix))
    return _unique_ids(articles)


def _unique_ids(articles: list[Article]) -> list[Article]:
    seen: dict[str, int] = {}
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        if count > 1:
            article.id = f"{article.id}#{count}"
    return articles
