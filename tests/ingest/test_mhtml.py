"""Single-file web pages (MHTML) as Chrome and Edge save them."""

from __future__ import annotations

import base64

import pytest

from reader.ingest import ExtractError, extract_bytes
from .pages import BOUNDARY, PARAGRAPHS, article_html, mhtml, tiny_png

@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_mhtml_page_with_image(encoding):
    page = article_html("img/boats.png").encode("utf-8")
    article = extract_bytes(mhtml(page, encoding=encoding), "festival.mhtml")
    assert article.format == "mhtml"
    assert article.title == "Harbor Festival Returns"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert list(article.images.values()) == [tiny_png()]
    name = next(iter(article.images))
    assert f"![Boats in the harbor]({name})" in article.markdown


def test_mhtml_in_gbk():
    text = "江边公园改造工程近日完工，新增了步道、座椅和儿童游乐设施，周边居民纷纷前来散步游玩，公园管理处表示将定期维护。"
    html = (f"<html><head><meta charset='gbk'><title>江边公园改造完工</title></head><body><h1>江边公园改造完工</h1>"
            f"<p>{text}</p><p>{text}</p></body></html>").encode("gbk")
    article = extract_bytes(mhtml(html, charset="gbk"), "park.mht")
    assert text in article.text
    assert article.encoding == "gb18030"


def test_mhtml_named_html_is_sniffed_by_content():
    page = article_html().encode("utf-8")
    article = extract_bytes(mhtml(page), "festival.html")
    assert article.format == "mhtml"


def test_truncated_mhtml_gives_what_arrived():
    data = mhtml(article_html().encode("utf-8"), encoding="base64")
    cut = data[: data.index(b"Content-Type: image/png") - 200]
    try:
        article = extract_bytes(cut, "festival.mhtml")
    except ExtractError as error:
        assert str(error)
    else:
        assert PARAGRAPHS[0] in article.text


def test_mhtml_without_a_page_part():
    data = b"\r\n".join([
        b"MIME-Version: 1.0",
        f'Content-Type: multipart/related; boundary="{BOUNDARY}"'.encode(),
        b"",
        f"--{BOUNDARY}".encode(),
        b"Content-Type: image/png",
        b"Content-Transfer-Encoding: base64",
        b"",
        base64.encodebytes(tiny_png()),
        f"--{BOUNDARY}--".encode(),
    ])
    with pytest.raises(ExtractError, match="without a web page"):
        extract_bytes(data, "x.mhtml")
