from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest

from newsfuse.errors import (
    BinaryInputError,
    EmptyInputError,
    MalformedInputError,
    MissingInputError,
    TooLargeInputError,
)
from newsfuse.ingest import MAX_FILE_BYTES, read_articles
from newsfuse.text import prepare_article

PAGE = """<!doctype html><html><head><title>Rawa retaken | Example News</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-11-17"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rawa retaken</h1>
<p>Iraqi forces retook the town of Rawa from the Islamic State group on Friday, officials said.</p>
<p>The town was the last one in Iraq held by the militants, the prime minister said in a
statement that congratulated the armed forces.</p></article>
<footer><h3>In Other News</h3><a href="/x">Load More</a></footer></body></html>"""


def test_folder_of_text_files(seed_paths: list[Path]) -> None:
    articles = read_articles([seed_paths[0].parent])
    assert [a.id for a in articles] == [p.stem for p in seed_paths]
    assert articles[0].original == seed_paths[0].read_text(encoding="utf-8")


def test_html_page_keeps_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (article,) = read_articles([page])
    assert "retook the town of Rawa" in article.original
    assert "Load More" not in article.original and "Home" not in article.original
    assert article.source == "Example News"
    assert article.author == "Jane Doe"
    assert article.published == "2017-11-17"


def test_json_lines_records_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.jsonl"
    records = [
        {"id": "ap-1", "text": "One.", "title": "T", "url": "http://x", "source": "AP",
         "published": "2017-11-17"},
        {"text": "Two."},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, second = read_articles([path])
    assert (first.id, first.source, first.url, first.published) == (
        "ap-1", "AP", "http://x", "2017-11-17",
    )  # fmt: skip
    assert second.id == "story:2" and second.original == "Two."


def test_json_cluster_and_multinews_separator(tmp_path: Path) -> None:
    cluster = tmp_path / "c.json"
    cluster.write_text(json.dumps({"id": "c1", "documents": ["A.", "B."]}), encoding="utf-8")
    assert [a.id for a in read_articles([cluster])] == ["c1:0", "c1:1"]
    multinews = tmp_path / "m.txt"
    multinews.write_text("First article. ||||| Second article.", encoding="utf-8")
    assert [a.original.strip() for a in read_articles([multinews])] == [
        "First article.", "Second article.",
    ]  # fmt: skip


def test_stdin() -> None:
    articles = read_articles(["-"], stdin=io.BytesIO(b"Some article text from a pipe."))
    assert articles[0].original == "Some article text from a pipe."


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text("Two.", encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["x", "x#2"]


# ------------------------------------------------------------------ bad input


def test_missing_path() -> None:
    with pytest.raises(MissingInputError, match="no such file"):
        read_articles(["/nonexistent/article.txt"])


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="empty"):
        read_articles([path])


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BinaryInputError, match="binary"):
        read_articles([path])


def test_non_utf8_bytes_are_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président a parlé à Paris.".encode("cp1252"))
    (article,) = read_articles([path])
    assert article.original == "Le président a parlé à Paris."


def test_huge_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # 50 MB, written sparsely
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b".")
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(TooLargeInputError, match="over the 20 MB limit"):
        read_articles([path])


def test_malformed_json_lines_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine"}\n{"text": broken\n', encoding="utf-8")
    with pytest.raises(MalformedInputError, match="line 2"):
        read_articles([path])


def test_json_record_without_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": "no body"}', encoding="utf-8")
    with pytest.raises(MalformedInputError, match="no 'text'"):
        read_articles([path])


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError, match="no files"):
        read_articles([tmp_path])


# ------------------------------------------------------------------ realistic pages

DATA = Path(__file__).parent / "data"

# (page, title, author, date, site, first words of the body, last words of the body)
REALISTIC_PAGES = [
    (
        "harbour_bridge_semantic.html",
        "Harbour bridge reopens after six-month repair",
        "Priya Natarajan",
        "2024-03-11",
        "Coastline Courier",
        "The harbour bridge reopened to traffic on Monday morning",
        "publish the results on its website.",
    ),
    (
        "vaccine_clinics_divsoup.html",
        "County opens five walk-in vaccine clinics",
        "Samuel Ortega",
        "2023-10-02",
        "Valley Daily Record",
        "The county health department opened five walk-in clinics",
        "staffed in English and Spanish.",
    ),
    (
        "greve_trains_fr.html",
        "Grève : un train régional sur deux circulera jeudi",
        "Claire Dubois",
        "2024-02-14",
        "Le Quotidien du Littoral",
        "La direction régionale de la SNCF prévoit",
        "pendant les vacances scolaires.",
    ),
]
PAGE_BOILERPLATE = (
    "cookie", "Share on", "Partager", "Sign up", "newsletter", "Abonnez", "In Other News",
    "Load More", "Most Read", "Trending", "À lire aussi", "is the Courier's transport reporter",
    "All rights reserved", "Copyright", "Follow us", "Advertisement", "Comments", "Photo:",
    "Tweet", "Privacy", "Sunny, 72",
)  # fmt: skip


@pytest.mark.parametrize(
    ("page", "title", "author", "date", "site", "first", "last"), REALISTIC_PAGES
)
def test_realistic_page_keeps_the_article_and_its_metadata_and_drops_the_rest(
    page: str, title: str, author: str, date: str, site: str, first: str, last: str
) -> None:
    (article,) = read_articles([DATA / page])
    prepare_article(article)
    assert (article.title, article.author, article.published, article.source) == (
        title, author, date, site,
    )  # fmt: skip
    body = [s.text for s in article.sentences if not s.is_headline]
    assert body[0].startswith(first) and body[-1].endswith(last)
    for phrase in PAGE_BOILERPLATE:
        assert phrase.lower() not in article.text.lower(), phrase
    # every paragraph of the page's article body survives, whole
    markup = (DATA / page).read_text(encoding="utf-8")
    paragraphs = re.findall(r'<(?:p|div class="para")>([^<]{120,})</(?:p|div)>', markup)
    assert len(paragraphs) >= 5
    for paragraph in paragraphs:
        if not any(phrase.lower() in paragraph.lower() for phrase in PAGE_BOILERPLATE):
            assert html.unescape(paragraph) in article.text


def test_html_without_article_text_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "front.html"
    path.write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/a'>World</a></nav>"
        "<div id='app'></div><script>render()</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(EmptyInputError, match="no article text found") as caught:
        read_articles([path])
    assert "\n" not in str(caught.value)


def test_malformed_html_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    body = (
        "<html><head><title>Storm cuts power</title><body><div class=story><p>A storm cut "
        "power to 20,000 homes "
        "across the <b>valley on Sunday night, the utility said, and crews worked through the "
        "night to restore it.<p>Most customers had power again by Monday noon, it said, "
        "though some rural lines could stay down until Wednesday.</div></span></b>"
    )
    path.write_text(body, encoding="utf-8")
    (article,) = read_articles([path])
    assert "A storm cut power to 20,000 homes" in article.original
    assert "could stay down until Wednesday." in article.original


def test_json_record_whose_text_is_html(tmp_path: Path) -> None:
    path = tmp_path / "story.jsonl"
    records = [
        {"id": "frag", "text": "<p>The mayor resigned on Monday.</p><p>She leaves next week &amp; "
         "will not run again.</p>", "source": "Daily"},
        {"id": "page", "text": (DATA / "harbour_bridge_semantic.html").read_text("utf-8"),
         "title": "Given title"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    fragment, page = read_articles([path])
    assert fragment.original == (
        "The mayor resigned on Monday.\n\nShe leaves next week & will not run again."
    )
    assert fragment.source == "Daily"
    assert page.title == "Given title" and page.author == "Priya Natarajan"
    assert page.original.startswith("The harbour bridge reopened") and "<p>" not in page.original


# ------------------------------------------------------------------ feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Wire</title><link>https://wire.example.org/</link>
<item><title>Rawa retaken</title><link>https://wire.example.org/rawa</link>
<pubDate>Fri, 17 Nov 2017 14:05:00 GMT</pubDate><dc:creator>Jane Doe</dc:creator>
<description>&lt;p&gt;Teaser only.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Iraqi forces retook Rawa on Friday, officials&nbsp;said.</p>
<p>It was the last town <a href="/isis">the group</a> held in Iraq.</p>
<script>track()</script>]]></content:encoded></item>
<item><title>Only a title</title><link>https://wire.example.org/empty</link></item>
<item><title>Caf&eacute; reopens</title><guid>https://wire.example.org/cafe</guid>
<pubDate>Sat, 18 Nov 2017 08:00:00 +0100</pubDate>
<description>The caf&eacute; reopened on Saturday &amp; served 300 people.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom Desk</title>
<entry><title>Bridge reopens</title><id>urn:1</id>
<link rel="self" href="https://atom.example.org/api/1"/>
<link rel="alternate" href="https://atom.example.org/bridge"/>
<published>2024-03-11T09:30:00Z</published><author><name>Priya Natarajan</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The bridge reopened on
Monday.</p><p>About <b>40,000</b> vehicles cross it each day.</p></div></content></entry>
<entry><title>Clinics open</title><id>urn:2</id><link href="https://atom.example.org/clinics"/>
<updated>2023-10-02T06:15:00Z</updated>
<summary type="html">&lt;p&gt;Five walk-in clinics opened on Monday.&lt;/p&gt;</summary></entry>
</feed>"""


def test_rss_feed_items_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    rawa, cafe = read_articles([path])
    assert rawa.id == "wire:1" and rawa.title == "Rawa retaken"
    assert rawa.original == (
        "Iraqi forces retook Rawa on Friday, officials said.\n\n"
        "It was the last town the group held in Iraq."
    )
    assert (rawa.url, rawa.source, rawa.author) == (
        "https://wire.example.org/rawa", "Example Wire", "Jane Doe",
    )  # fmt: skip
    assert rawa.published == "2017-11-17T14:05:00+00:00"
    assert cafe.id == "wire:3" and cafe.title == "Café reopens"
    assert cafe.original == "The café reopened on Saturday & served 300 people."
    assert cafe.published == "2017-11-18T08:00:00+01:00"


def test_atom_feed_sniffed_from_an_xml_file(tmp_path: Path) -> None:
    path = tmp_path / "desk.xml"
    path.write_text(ATOM, encoding="utf-8")
    bridge, clinics = read_articles([path])
    assert bridge.original == (
        "The bridge reopened on Monday.\n\nAbout 40,000 vehicles cross it each day."
    )
    assert (bridge.url, bridge.source, bridge.author, bridge.published) == (
        "https://atom.example.org/bridge", "Atom Desk", "Priya Natarajan", "2024-03-11T09:30:00Z",
    )  # fmt: skip
    assert clinics.original == "Five walk-in clinics opened on Monday."
    assert clinics.published == "2023-10-02T06:15:00Z"
    # from standard input too, by content alone
    piped = read_articles(["-"], stdin=io.BytesIO(ATOM.encode("utf-8")))
    assert [a.original for a in piped] == [bridge.original, clinics.original]


def test_feed_without_text_and_a_feed_that_tries_entity_tricks(tmp_path: Path) -> None:
    empty = tmp_path / "empty.rss"
    empty.write_text(
        "<rss><channel><title>T</title><item><title>A</title></item></channel></rss>",
        encoding="utf-8",
    )
    with pytest.raises(EmptyInputError, match="1 items and none holds text"):
        read_articles([empty])
    bare = tmp_path / "bare.atom"
    bare.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>', "utf-8")
    with pytest.raises(EmptyInputError, match="the feed has no items"):
        read_articles([bare])
    not_xml = tmp_path / "page.rss"
    not_xml.write_text("this is not a feed at all", encoding="utf-8")
    with pytest.raises(MalformedInputError, match="not a readable RSS/Atom feed"):
        read_articles([not_xml])
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY file SYSTEM "file:///etc/passwd">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<rss><channel><title>T</title><item><description>Text &file; &b; ends here."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = read_articles([hostile])
    assert "root:" not in article.original and "aaaaaaaaaa" not in article.original
    assert article.original.endswith("ends here.")
