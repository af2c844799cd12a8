"""Metadata from a page's markup: trafilatura's answers for the fields an article shows."""

from __future__ import annotations

import lxml.etree as etree
import pytest
from trafilatura.metadata import extract_metadata

from reader.ingest.html import parse
from reader.ingest.metadata import markup_metadata

DATES = {"extensive_search": False, "original_date": True}

PAGES = {
    "meta tags": (
        "<html><head><title>Harbor Festival Returns | Harbor Gazette</title>"
        "<meta property='og:title' content='Harbor Festival Returns'>"
        "<meta property='og:site_name' content='Harbor Gazette'>"
        "<meta name='author' content='Ann Reed'>"
        "<meta property='article:published_time' content='2022-06-04T10:00:00Z'>"
        "<link rel='canonical' href='https://gazette.example/harbor'></head>"
        "<body><h1>Harbor Festival Returns</h1><p>The festival is back.</p></body></html>"
    ),
    "byline in the page": (
        "<html><head><title>Boats on parade - Coast News</title></head><body><h1>Boats on parade</h1>"
        "<div class='byline'>By Tom Gray</div><time datetime='2021-03-12'>12 March 2021</time>"
        "<p>Forty boats took part.</p></body></html>"
    ),
    "json-ld": (
        "<html><head><script type='application/ld+json'>{\"@context\": \"https://schema.org\", "
        "\"@type\": \"NewsArticle\", \"headline\": \"Bridge reopens\", "
        "\"author\": {\"@type\": \"Person\", \"name\": \"Lee Chan\"}, "
        "\"datePublished\": \"2020-01-02\"}</script></head><body><p>Traffic flows again.</p></body></html>"
    ),
    "nothing": "<html><body><div><p>Only text, no metadata at all.</p></div></body></html>",
}


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_same_fields_as_trafilatura(page):
    theirs = extract_metadata(parse(page), None, dict(DATES))
    ours = markup_metadata(parse(page), None)
    assert (ours.title, ours.author, ours.published, ours.sitename, ours.url) == tuple(
        value or "" for value in (theirs.title, theirs.author, theirs.date, theirs.sitename, theirs.url))


def test_author_and_date_searches_run_only_when_wanted():
    root = parse(PAGES["byline in the page"])
    assert markup_metadata(root, None).author == "Tom Gray"
    skipped = markup_metadata(root, None, want_author=False, want_date=False)
    assert (skipped.author, skipped.published) == ("", "")


def test_the_tree_is_only_read():
    root = parse(PAGES["byline in the page"])
    before = etree.tostring(root)
    markup_metadata(root, "https://coast.example/boats")
    assert etree.tostring(root) == before
