"""Encodings: whatever a page was saved in, the reader sees the right characters."""

from __future__ import annotations

import codecs

import pytest

from reader.ingest import extract_bytes
from reader.ingest.decode import decode

ZH_PARAGRAPH = "江边公园改造工程近日完工，新增了步道、座椅和儿童游乐设施，周边居民纷纷前来散步游玩。公园管理处表示，今后将定期维护各项设施。"
TW_PARAGRAPH = "臺北市立圖書館今天宣布，將延長週末開放時間，讓更多市民能夠利用假日閱讀與學習，並增加兒童閱覽區的座位。"
JA_PARAGRAPH = "市立図書館は今日、週末の開館時間を延長すると発表しました。より多くの市民が休日に読書や学習を楽しめるようにするためです。"


def html_page(title: str, paragraph: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
        f"<p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("codec", "label", "paragraph", "expected_encoding"),
    [
        ("utf-8", "utf-8", ZH_PARAGRAPH, "utf-8"),
        ("gbk", "gbk", ZH_PARAGRAPH, "gb18030"),
        ("gb2312", "gb2312", ZH_PARAGRAPH, "gb18030"),
        ("big5", "big5", TW_PARAGRAPH, "big5hkscs"),
        ("shift_jis", "shift_jis", JA_PARAGRAPH, "cp932"),
    ],
)
def test_html_in_declared_encodings(codec, label, paragraph, expected_encoding):
    data = html_page(paragraph[:8], paragraph, label).encode(codec)
    article = extract_bytes(data, "page.html")
    assert paragraph in article.text
    assert article.encoding == expected_encoding
    assert article.format == "html"


def test_meta_charset_that_lies_is_overruled():
    data = html_page("江边公园", ZH_PARAGRAPH, "iso-8859-1").encode("utf-8")
    article = extract_bytes(data, "page.html")
    assert ZH_PARAGRAPH in article.text
    assert article.encoding == "utf-8"


def test_meta_utf8_but_bytes_are_gbk():
    data = html_page("江边公园", ZH_PARAGRAPH, "utf-8").encode("gbk")
    article = extract_bytes(data, "page.html")
    assert ZH_PARAGRAPH in article.text


@pytest.mark.parametrize("bom_codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_with_bom(bom_codec):
    bom = codecs.BOM_UTF16_LE if bom_codec.endswith("le") else codecs.BOM_UTF16_BE
    text = "江边公园改造完工\n\n来源：晚报 2022-05-01\n\n" + ZH_PARAGRAPH + "\n\n" + ZH_PARAGRAPH + "\n"
    article = extract_bytes(bom + text.encode(bom_codec), "park.txt")
    assert article.title == "江边公园改造完工"
    assert ZH_PARAGRAPH in article.text
    assert article.encoding == bom_codec


def test_gb18030_text_without_declaration():
    text = "江边公园改造完工\n\n来源：晚报 2022-05-01 09:30\n\n" + ZH_PARAGRAPH + "\n\n" + ZH_PARAGRAPH + "\n"
    article = extract_bytes(text.encode("gb18030"), "park.txt")
    assert article.encoding == "gb18030"
    assert article.title == "江边公园改造完工"
    assert article.published == "2022-05-01T09:30:00+08:00"
    assert ZH_PARAGRAPH in article.text


def test_utf8_bom_is_not_part_of_the_text():
    text = "Quiet Streets\n\nPosted May 2, 2021\n\nThe town closed two streets to cars on Sunday, and families walked and cycled where the traffic usually runs.\n"
    article = extract_bytes(codecs.BOM_UTF8 + text.encode(), "streets.txt")
    assert article.title == "Quiet Streets"
    assert "\ufeff" not in article.text + article.title


def test_invalid_byte_sequences_are_repaired_not_refused():
    good = ("Quiet Streets\n\nPosted May 2, 2021\n\n" + "The town closed two streets to cars on Sunday — families walked there. " * 5).encode()
    damaged = good[:150] + b"\xff\xfe\xc3" + good[150:]
    article = extract_bytes(damaged, "streets.txt")
    assert "families walked there" in article.text
    assert article.encoding == "utf-8"


def test_decode_prefers_declared_external_charset():
    assert decode(ZH_PARAGRAPH.encode("gbk"), declared="gb2312").text == ZH_PARAGRAPH


def test_traditional_chinese_dump_with_rules_saved_as_gb18030():
    """A text dump of a Taiwanese page: traditional characters (outside GB2312) between
    lines drawn with box-drawing characters, saved as GB18030 without a declaration."""
    rule = "━" * 40
    text = (f"建議我們│廣告刊登│訂報服務\n{rule}\n\n{TW_PARAGRAPH}\n{rule}\n{rule}\n\n"
            f"{TW_PARAGRAPH}\n{rule}\n{rule}\n{rule}\n")
    decoded = decode(text.encode("gb18030"))
    assert decoded.encoding == "gb18030"
    assert decoded.text == text


def test_english_page_saved_as_gb18030():
    text = ("Ascom’s New Service\n\nPublished March 3, 2021\n\n"
            "Ascom’s solution – the “Unite” platform – connects clinicians with the right alerts at the right time. "
            "It was developed in Baar, Switzerland, and costs 1,000 € a year.\n")
    article = extract_bytes(text.encode("gb18030"), "news.txt")
    assert article.encoding == "gb18030"
    assert "Ascom’s solution – the “Unite” platform" in article.text


def test_text_garbled_before_it_was_saved_is_repaired():
    story = "Café owners in Zürich say the “new rules’ are fine — mostly. Ça va, they said, with a smile. " * 3
    text = "Café Rules\n\nPosted May 2, 2021\n\n" + story + "\n"
    garbled = text.encode("utf-8").decode("cp1252")  # what a page read with the wrong codec looks like
    article = extract_bytes(garbled.encode("utf-8"), "cafe.txt")
    assert article.title == "Café Rules"
    assert "Café owners in Zürich say the “new rules’ are fine — mostly." in article.text


def test_french_text_in_windows_1252_is_left_alone():
    text = "Le marché de Noël\n\nPublié le 3 décembre 2021\n\n" + "Les élèves ont préparé des crêpes et du thé pour la fête de l’école, à côté de l’église. " * 3
    article = extract_bytes(text.encode("cp1252"), "marche.txt")
    assert "Les élèves ont préparé des crêpes" in article.text


def test_utf8_without_declaration_is_read_without_guessing(monkeypatch):
    """Valid multi-byte UTF-8 is never an accident: charset detection (costly) is not asked."""
    from reader.ingest import decode as decoding

    def refuse(data):
        raise AssertionError("charset detection was asked")

    monkeypatch.setattr(decoding, "_normalizer", refuse)
    decoded = decode(("标题\n\n" + ZH_PARAGRAPH).encode("utf-8"))
    assert decoded.encoding == "utf-8"
    assert ZH_PARAGRAPH in decoded.text


def test_chinese_misread_as_latin_9_and_saved_as_utf8_is_repaired():
    """ISO-8859-15 differs from Windows-1252 where GBK puts common lead bytes (船 is B4 AC: "Ž¬")."""
    text = "船长被游轮公司认定责任\n\n" + ZH_PARAGRAPH + "\n"
    garbled = text.encode("gb18030").decode("iso8859_15")
    decoded = decode(garbled.encode("utf-8"))
    assert decoded.text == text
    assert decoded.encoding == "gb18030"


def test_text_garbled_twice_over_is_repaired():
    text = "北京西直门附近购物中心发生火灾\n\n" + ZH_PARAGRAPH + "\n"
    once = text.encode("gb18030").decode("iso8859_15")
    twice = once.encode("utf-8").decode("latin-1")
    decoded = decode(twice.encode("utf-8"))
    assert decoded.text == text


def test_a_text_dump_of_a_garbled_page_is_repaired_despite_lost_bytes_and_added_bullets():
    """The dump dropped soft hyphens (协 is D0 AD in GBK, shown as "Ð" and an invisible soft hyphen) and
    put its own bullets in: the line that lost a byte is damaged, the rest is read."""
    story = ["意大利游轮搁浅事故造成多人遇难，游轮运营商科斯塔公司十六日认定，船长人为失误导致游轮搁浅。",
             "游轮公司表示，船长在航行中擅自改变航线，靠近海岸航行，最终导致事故发生，公司将配合调查。",
             "救援人员连日来在船体内搜寻失踪者，当地政府也已启动应急预案，安置获救的乘客和船员。",
             "专家指出，此次事故暴露出大型游轮在安全管理方面的漏洞，相关规定有待进一步完善。"]
    lines = ["新闻中心", "歌诗达协和号", "船长被游轮公司认定责任", "2012年01月17日17:04  来源：新民晚报", *story]
    garbled = [line.encode("gb18030").decode("iso8859_15").replace("\xad", "") for line in lines]
    dump = "\n\n".join(["• " + garbled[0], "• " + garbled[1], *garbled[2:]]) + "\n"
    article = extract_bytes(dump.encode("gb18030"), "dump.txt")
    assert article.title == "船长被游轮公司认定责任"
    assert article.published == "2012-01-17T17:04:00+08:00"
    assert all(paragraph in article.text for paragraph in story)
