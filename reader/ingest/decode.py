"""Bytes to text: find the codec a saved page was really written in.

Saved pages lie about their encoding often enough (a ``<meta charset>``
copied from a template, a GB2312 label on GBK text), so a declaration is
only believed when the bytes agree with it. Chinese labels are widened to
GB18030, the superset every Chinese page decodes under. Text without any
declaration is tried as UTF-8, then as GB18030 when its characters look like
real Chinese, then handed to charset-normalizer.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.ingest.errors import ExtractError
from reader.ingest.labels import codec_for_label
from reader.scripts import CJK_PUNCTUATION, FULLWIDTH, HAN, HAN_COMPAT, HAN_RUN, chars_matched

# Codecs widened to the superset browsers actually use for them.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "shift_jis": "cp932",
    "cp932": "cp932",
    "euc_jp": "euc_jp",
    "euc_kr": "cp949",
    "cp949": "cp949",
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "cp1252": "cp1252",
    "utf_8": "utf-8",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"RIFF", "a media file"),
    (b"\x00\x00\x00", "a media or binary file"),
)

# C0 controls that never occur in text (tab, newlines, form feed and escape are allowed).
_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""")
# What Chinese text is written with: ideographs, CJK and full-width punctuation, and the
# symbols GB2312 carries for rules, bullets and tables (━ │ ※ ● ★ → ①), which text dumps
# of Chinese pages are full of.
_CJK = re.compile(f"[{HAN}{HAN_COMPAT}{CJK_PUNCTUATION}{FULLWIDTH}\u2010-\u2027\u00b7\u203b"
                  "\u2190-\u21ff\u2460-\u24ff\u2500-\u27bf]+")


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the codec name that produced it (for ``Article.encoding``)."""

    text: str
    encoding: str


def normalize_label(label: str | None) -> str | None:
    """A declared charset label as the Python codec a browser would use, or None when the label
    is not a text encoding of the web (``punycode``, ``zlib``, ``utf-7``: the bytes decide)."""
    return codec_for_label(label) if label else None


def _widened(codec: str) -> str:
    """A codec charset-normalizer proposes, widened to its practical superset."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    return _SUPERSETS.get(name.replace("-", "_"), name)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _bom_bytes(encoding: str) -> bytes:
    return next(bom for bom, name in _BOMS if name == encoding)


def check_not_binary(data: bytes) -> None:
    """Refuse data that is plainly not text: known file signatures, NUL bytes, control characters."""
    if bom_encoding(data) in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return
    head = data[:65536]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ExtractError(f"it is binary data ({what}), not a saved page")
    if _utf16_without_bom(head):
        return
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if b"\x00" in head or controls > max(2, len(head) // 200):
        raise ExtractError("it is binary data, not a saved page")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text saved without a BOM shows NULs in every other byte."""
    if len(head) < 4 or head.count(b"\x00") < len(head) // 3:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names near the start of the file."""
    head = data[:16384]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


_PLAUSIBLE = re.compile("[\u00a0-\u017f\u2010-\u206f\u20ac\u2100-\u215f\u2190-\u21ff\u2460-\u24ff"
                        f"\u2500-\u27bf{CJK_PUNCTUATION}{HAN}{HAN_COMPAT}{FULLWIDTH}]+")


def _non_ascii(text: str) -> int:
    """How many characters are not ASCII: the ASCII codec drops them in one pass of C."""
    return len(text) - len(text.encode("ascii", "ignore"))


def _looks_chinese(text: str) -> bool:
    """Is GB18030 the right reading? Real text decodes to common characters: ideographs
    mostly from GB2312 (Big5 or Shift_JIS bytes read as GB18030 give rare ones), and
    everything else punctuation, symbols or accented Latin (English pages saved as GB18030)."""
    non_ascii = _non_ascii(text)
    if non_ascii == 0:
        return True
    if chars_matched(_PLAUSIBLE, text) < 0.9 * non_ascii:
        return False
    han = "".join(HAN_RUN.findall(text))
    if len(han) < 5:
        return True
    common = len(han.encode("gb2312", "ignore")) // 2
    return common >= 0.85 * len(han)


def _mostly_cjk(text: str) -> bool:
    non_ascii = _non_ascii(text)
    return non_ascii > 0 and chars_matched(_CJK, text) >= 0.8 * non_ascii


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a truncated download) is still UTF-8: repair it."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = _non_ascii(text) - bad
    return text if good >= bad or bad * 1000 <= len(text) else None


def _normalizer(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    encoding = _widened(best.encoding)
    text = _strict(data, encoding)
    if text is None:
        text = data.decode(encoding, "replace")
    return Decoded(text, encoding)


def _undo_errors(stranger: Callable[[str], bytes]) -> Callable[[UnicodeError], tuple[bytes, int]]:
    """An error handler for encoding garbled text back to its bytes. Bytes 0x81, 0x8D, 0x8F,
    0x90 and 0x9D have no Windows-1252 character and were read as Latin-1 controls; other
    characters ("strangers", added after the damage, such as a text dump's bullets) become
    what ``stranger`` makes of them."""
    def handler(error: UnicodeError) -> tuple[bytes, int]:
        assert isinstance(error, UnicodeEncodeError)
        chunk = error.object[error.start:error.end]
        return b"".join(ch.encode("latin-1") if ord(ch) < 256 else stranger(ch) for ch in chunk), error.end
    return handler


# Strangers as "?" to count them; then, once the bytes' codec is known, as themselves in it.
codecs.register_error("reader-undo", _undo_errors(lambda ch: b"?"))
codecs.register_error("reader-undo-utf-8", _undo_errors(lambda ch: ch.encode("utf-8")))
codecs.register_error("reader-undo-gb18030", _undo_errors(lambda ch: ch.encode("gb18030")))


def _latin1_letters(text: str, non_ascii: int) -> int:
    """Characters from U+00A1 to U+00FF, counted by the Latin-1 codec in one pass of C."""
    ascii_chars = len(text) - non_ascii
    return len(text.encode("latin-1", "ignore")) - ascii_chars - text.count("\xa0")


def _undo_once(text: str) -> tuple[str, str] | None:
    """One wrong decoding undone: the text and the codec that reads its bytes, or None.

    A text dump of a garbled page has lost some bytes on the way (a soft hyphen, U+00AD,
    is invisible and dropped), so when no reading is clean, the GB18030 reading with the
    fewest broken characters is taken if they are few: a few wrong characters beside each
    lost byte instead of a whole page of mojibake."""
    non_ascii = _non_ascii(text)
    if non_ascii < 20 or _latin1_letters(text, non_ascii) < 0.25 * non_ascii:
        return None
    damaged: list[tuple[int, str]] = []
    for misread in _MISREADINGS:
        raw = text.encode(misread, "reader-undo")
        strangers = raw.count(b"?") - text.count("?")
        if strangers > 0.1 * non_ascii or strangers * 20 > len(raw):
            continue
        if _strict(raw, "utf-8") is not None:
            return _redo(text, misread, "utf-8"), "utf-8"
        gb = raw.decode("gb18030", "replace")
        broken = gb.count("\ufffd")
        if broken <= 0.01 * non_ascii and chars_matched(HAN_RUN, gb) >= 0.5 * _non_ascii(gb) and _looks_chinese(gb):
            if broken == 0:
                return _redo(text, misread, "gb18030"), "gb18030"
            damaged.append((broken, misread))
    return (_redo(text, min(damaged)[1], "gb18030"), "gb18030") if damaged else None


def _redo(text: str, misread: str, codec: str) -> str:
    """The real text, strangers kept as they were."""
    return text.encode(misread, f"reader-undo-{codec}").decode(codec, "replace")


# The codecs a page is misread in: Windows-1252, and ISO-8859-15 (Latin-9), which puts
# Š š Ž ž Œ œ Ÿ € where Latin-1 has ¦ ¨ ´ ¸ ¼ ½ ¾ ¤.
_MISREADINGS = ("cp1252", "iso8859_15")


def repair_double_decoding(text: str) -> tuple[str, str] | None:
    """Text that was decoded in the wrong codec and saved again (GBK or UTF-8 bytes shown as
    "ÐÂÎÅ" or "æ–°é—»"), even twice over: give back the real text and its codec, or None
    when it is fine.

    Every double-decoded character starts with a lead byte, which Windows-1252 shows as a
    Latin-1 letter or sign, so text whose non-ASCII characters are mostly curly quotes and
    dashes was never garbled. Garbled text is nearly all characters of Windows-1252 or
    Latin-1; a few others ("strangers", a dump's bullets added after the damage) are allowed.
    """
    repaired = None
    for _ in range(3):
        step = _undo_once(text)
        if step is None:
            break
        repaired = step
        text, codec = step
        if codec != "utf-8":
            break  # GB18030 bytes are the page's own
    return repaired


def decode(data: bytes, declared: str | None = None, *, html: bool = False) -> Decoded:
    """Decode saved-page bytes. ``declared`` is a charset from outside (an MHTML part header);
    with ``html`` the page's own ``<meta charset>`` is read too. A declaration the bytes
    contradict is overruled; invalid sequences are replaced rather than refused; text that
    was already garbled by a wrong decoding before it was saved is put right."""
    decoded = _decode(data, declared, html=html)
    repaired = repair_double_decoding(decoded.text)
    if repaired is not None:
        return Decoded(repaired[0], repaired[1])
    return decoded


def _decode(data: bytes, declared: str | None = None, *, html: bool = False) -> Decoded:
    bom = bom_encoding(data)
    if bom:
        return Decoded(data[len(_bom_bytes(bom)):].decode(bom, "replace"), bom)
    check_not_binary(data)
    no_bom16 = _utf16_without_bom(data[:4096])
    if no_bom16:
        return Decoded(data.decode(no_bom16, "replace"), no_bom16)

    if data.isascii():
        return Decoded(data.decode("ascii"), "ascii")

    label = declared or (declared_charset(data) if html else None)
    encoding = normalize_label(label)
    utf8 = _strict(data, "utf-8")
    if utf8 is not None:
        # Valid multi-byte UTF-8 is never an accident: it beats any legacy label.
        return Decoded(utf8, "utf-8")
    if encoding and encoding != "utf-8":
        text = _strict(data, encoding)
        if text is not None:
            return Decoded(text, encoding)
        # The label is wrong or the file is damaged; a mostly valid decode is still best effort.
        text = data.decode(encoding, "replace")
        if text.count("\ufffd") * 200 < len(text):
            return Decoded(text, encoding)
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return Decoded(repaired, "utf-8")
    gb = _strict(data, "gb18030")
    if gb is not None:
        if _looks_chinese(gb):
            return Decoded(gb, "gb18030")
        # Traditional characters are outside GB2312 but inside GB18030: if the bytes
        # are not Big5 either, and they read as Chinese, GB18030 it is.
        if _strict(data, "big5hkscs") is None and _mostly_cjk(gb):
            return Decoded(gb, "gb18030")
    found = _normalizer(data)
    if found is not None:
        return found
    return Decoded(data.decode("cp1252", "replace"), "cp1252")
