"""Single-file web pages (MHTML) as Chrome and Edge save them."""

from __future__ import annotations

import base64
import time

import pytest

from reader.ingest import ExtractError, extract_bytes
from reader.ingest.images import ImageStore
from reader.ingest.mhtml import open_archive
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


def _archive_of(count: int) -> bytes:
    """An archive of the article and ``count`` small image parts; the page shows image 5."""
    png = base64.encodebytes(tiny_png())
    page = article_html("img/5.png").encode("utf-8")
    image = ("--{b}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
             "Content-Location: https://example.com/img/{n}.png\r\n\r\n")
    return b"".join([
        mhtml(page).split(f"--{BOUNDARY}\r\nContent-Type: image/png".encode())[0],
        *(image.format(b=BOUNDARY, n=n).encode() + png for n in range(count)),
        f"--{BOUNDARY}--\r\n".encode(),
    ])


def _cpu_seconds(data: bytes) -> float:
    """CPU time, not wall time: other processes on a busy machine do not count."""
    started = time.process_time()
    open_archive(data, ImageStore())
    return time.process_time() - started


def test_an_archive_of_many_parts_is_read_in_time_linear_in_its_parts():
    """The stdlib parser took half a millisecond a part and more as they grew: 20,000 parts
    took 11 s, 100,000 about 25 s. A hang guard of 10 s for 40,000, and the growth from
    4,000 parts, measured in the same run in CPU time, is about linear (quadratic would be 100x)."""
    small, large = _archive_of(4_000), _archive_of(40_000)
    store = ImageStore()
    started, cpu = time.perf_counter(), time.process_time()
    _, images = open_archive(large, store)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert images("img/5.png") is not None and list(store.images.values()) == [tiny_png()]
    assert seconds < 10
    assert cpu < 25 * min(_cpu_seconds(small) for _ in range(3))


@pytest.mark.parametrize("charset", ["punycode", "utf-7", "utf-16", "zlib"])
def test_a_part_charset_that_is_no_web_text_encoding_is_ignored(charset):
    text = "江边公园改造工程近日完工，新增了步道、座椅和儿童游乐设施，周边居民纷纷前来散步游玩，公园管理处表示将定期维护。"
    html = f"<html><head><title>江边公园</title></head><body><h1>江边公园</h1><p>{text}</p><p>{text}</p></body></html>"
    article = extract_bytes(mhtml(html.encode("gbk"), charset=charset), "park.mht")
    assert text in article.text


def test_a_page_inside_a_nested_multipart_is_found():
    inner = mhtml(article_html("img/boats.png").encode("utf-8"))
    headers, body = inner.split(b"\r\n\r\n", 1)
    nested = b"\r\n".join([
        b"MIME-Version: 1.0",
        b'Content-Type: multipart/alternative; boundary="outer"',
        b"",
        b"--outer",
        headers.split(b"MIME-Version: 1.0\r\n")[1],
        b"",
        body,
        b"--outer--",
    ])
    article = extract_bytes(nested, "nested.mhtml")
    assert PARAGRAPHS[0] in article.text
    assert list(article.images.values()) == [tiny_png()]
