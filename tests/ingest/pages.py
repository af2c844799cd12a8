"""Small pages the format tests build in memory (an HTML article, a one-pixel PNG, an MHTML save)."""

from __future__ import annotations

import base64
import quopri
import struct
import zlib

PARAGRAPHS = [
    "The Harbor Festival returned to the waterfront on Saturday after a three-year break, drawing thousands of visitors to the boardwalk.",
    "Organizers said attendance exceeded their expectations, and the food stalls ran out of chowder by the middle of the afternoon.",
    "More than forty boats took part in the parade, the largest number since the festival began, decorated with lanterns and flags.",
]


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def article_html(image_src: str = "") -> str:
    image = f'<figure><img src="{image_src}" alt="Boats in the harbor"></figure>' if image_src else ""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbor Festival Returns - Harbor Gazette</title>"
        "<meta property='og:site_name' content='Harbor Gazette'>"
        "<script>document.write('tracking')</script><style>p { color: red }</style></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li><a href='/sports'>Sports</a></li></ul></nav>"
        "<article><h1>Harbor Festival Returns</h1>"
        f"<p>{PARAGRAPHS[0]}</p>{image}<h2>The crowds</h2><p>{PARAGRAPHS[1]}</p>"
        f"<h2>The parade</h2><p>{PARAGRAPHS[2]}</p><ul><li>Forty boats</li><li>Three stages</li></ul></article>"
        "<footer><p>Copyright 2022 Harbor Gazette. All rights reserved.</p></footer></body></html>"
    )


BOUNDARY = "----MultipartBoundary--abc123"


def mhtml(html: bytes, *, encoding: str = "quoted-printable", charset: str = "utf-8",
          image_location: str = "https://example.com/img/boats.png", image: bytes | None = None) -> bytes:
    if encoding == "quoted-printable":
        body = quopri.encodestring(html)
    else:
        body = base64.encodebytes(html)
    png = base64.encodebytes(image or tiny_png())
    return b"\r\n".join([
        b"From: <Saved by Blink>",
        b"Snapshot-Content-Location: https://example.com/festival",
        b"Subject: Harbor Festival Returns",
        b"MIME-Version: 1.0",
        f'Content-Type: multipart/related; type="text/html"; boundary="{BOUNDARY}"'.encode(),
        b"",
        b"",
        f"--{BOUNDARY}".encode(),
        f"Content-Type: text/html; charset={charset}".encode(),
        b"Content-ID: <frame-1@mhtml.blink>",
        f"Content-Transfer-Encoding: {encoding}".encode(),
        b"Content-Location: https://example.com/festival",
        b"",
        body,
        f"--{BOUNDARY}".encode(),
        b"Content-Type: image/png",
        b"Content-Transfer-Encoding: base64",
        f"Content-Location: {image_location}".encode(),
        b"",
        png,
        f"--{BOUNDARY}--".encode(),
        b"",
    ])
