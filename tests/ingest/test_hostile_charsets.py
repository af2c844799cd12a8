"""A page's charset label is believed only when browsers would believe it: a label naming a
codec that is not a text encoding of the web (punycode, zlib, utf-7...) is unknown, and the
bytes decide. Without this, one ``<meta charset="punycode">`` stalled a reader for minutes."""

from __future__ import annotations

import pytest

from reader.ingest import extract_bytes
from tests.ingest.test_decode import ZH_PARAGRAPH, html_page

FRENCH = "Le café crème de la gare était servi à l'heure, et le garçon l'apportait déjà sucré."


def test_a_punycode_page_of_200_kb_reads_at_once():
    """Python's punycode decoder is quadratic: this page took 12-18 s to come out empty."""
    page = (b'<html><head><meta charset="punycode"><title>Caf\xe9</title></head><body>'
            b"<article><p>" + FRENCH.encode("cp1252") + b"</p><p>-" + b"abcdefghij" * 20_000)
    article = extract_bytes(page, "page.html")
    assert "Le caf" in article.text and "sucr" in article.text


@pytest.mark.parametrize("label", [
    "punycode", "idna", "zlib", "base64", "bz2", "hex", "quopri", "rot13", "uu",
    "raw_unicode_escape", "unicode_escape", "utf-7", "undefined", "x-user-defined", "replacement",
])
def test_a_label_that_is_no_web_text_encoding_is_ignored(label):
    data = html_page(ZH_PARAGRAPH[:8], ZH_PARAGRAPH, label).encode("gbk")
    article = extract_bytes(data, "page.html")
    assert ZH_PARAGRAPH in article.text
    assert article.encoding == "gb18030"


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be", "unicode"])
def test_a_utf16_label_on_single_byte_text_reads_as_a_browser_would(label):
    chinese = extract_bytes(html_page(ZH_PARAGRAPH[:8], ZH_PARAGRAPH, label).encode("gbk"), "page.html")
    assert ZH_PARAGRAPH in chinese.text
    english = extract_bytes(html_page("Plain", "Plain words of an English page. " * 5, label).encode("ascii"),
                            "page.html")
    assert "Plain words of an English page." in english.text


@pytest.mark.parametrize("label", ["latin1", "ISO-8859-1", " Windows-1252 ", "us-ascii", "x-cp1252"])
def test_web_labels_for_windows_1252_are_still_believed(label):
    article = extract_bytes(html_page("Le café", FRENCH, label).encode("cp1252"), "page.html")
    assert FRENCH in article.text
    assert article.encoding == "cp1252"
