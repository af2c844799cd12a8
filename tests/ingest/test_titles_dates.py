"""Titles, days and bylines as a reader sees them on the page, not as the page's markup lists them."""

from __future__ import annotations

import pytest

from reader.ingest import extract_bytes
from reader.ingest.metadata import find_byline

FILLER = "Enough words follow here so that the paragraph counts as running text for every extractor."
ZH_BODY = [
    "江边公园改造工程近日完工，新增了步道、座椅和儿童游乐设施，周边居民纷纷前来散步游玩。",
    "公园管理处表示，今后将定期维护各项设施，保持环境整洁，欢迎市民监督，共同爱护公园环境。",
    "改造期间，施工单位采取夜间不施工的办法，尽量减少对居民休息的影响，得到了居民的理解和支持。",
]


def english_page(head: str, top: str, title: str = "Harbor Festival Returns After Three Years") -> bytes:
    """An English article: ``head`` goes in <head>, ``top`` between the headline and the story."""
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><header><h1>Riverside Gazette</h1></header>"
            f"<article><h1>{title}</h1>{top}"
            f"<p>The harbor festival came back this weekend with boats, music and food stalls. {FILLER}</p>"
            f"<p>Organisers counted more visitors than in any year before the pause. {FILLER}</p>"
            f"<p>The council has already set the dates for next year's festival. {FILLER}</p></article></body></html>"
            ).encode()


def chinese_page(title: str, headline: str, meta_line: str, head: str = "") -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            f"<div class='nav'>首页 | 新闻 | 财经</div><h1>{headline}</h1><div>{meta_line}</div>"
            f"<div class='content'>{''.join(f'<p>{p}</p>' for p in ZH_BODY)}</div></body></html>").encode()


@pytest.mark.parametrize("title", [
    "Harbor Festival Returns After Three Years | Riverside Gazette",
    "Harbor Festival Returns After Three Years - Local News - Riverside Gazette",
    "Riverside Gazette :: Harbor Festival Returns After Three Years",
])
def test_a_title_shows_the_headline_without_the_site_and_section_names(title):
    head = f"<title>{title}</title><meta property='og:site_name' content='Riverside Gazette'>"
    found = extract_bytes(english_page(head, "<p>By Ann Lee</p>"), "story.html")
    assert found.title == "Harbor Festival Returns After Three Years"


@pytest.mark.parametrize("title", ["补习消费争议多 教育局教你保权益｜生活万象｜示例电子报",
                                   "示例电子报 - 补习消费争议多 教育局教你保权益",
                                   "补习消费争议多 教育局教你保权益 中国快讯 示例网"])
def test_a_chinese_title_loses_the_site_names_the_headline_does_not_have(title):
    page = chinese_page(title, "补习消费争议多 教育局教你保权益", "2012-01-12 09:30 来源：示例日报")
    page = page.replace(b"<h1>", b"<div class='t'>").replace(b"</h1>", b"</div>")
    assert extract_bytes(page, "story.html").title == "补习消费争议多 教育局教你保权益"


def test_the_headline_keeps_the_page_s_own_punctuation_where_the_title_plainer():
    head = "<title>Our Research Shows - Native Ads Work | Sample Site</title>"
    found = extract_bytes(english_page(head, "<p>By Ann Lee</p>", "Our Research Shows – Native Ads Work"), "a.html")
    assert found.title == "Our Research Shows – Native Ads Work"


def test_an_h1_that_is_the_site_s_name_is_not_the_headline():
    head = ("<title>Harbor Festival Returns After Three Years | India Post</title>"
            "<meta property='og:site_name' content='India Post'>")
    page = english_page(head, "<h2>Harbor Festival Returns After Three Years</h2>", "India Post")
    page = page.replace(b"<header><h1>Riverside Gazette</h1></header>", b"")
    assert extract_bytes(page, "story.html").title == "Harbor Festival Returns After Three Years"


def test_a_title_that_is_only_the_site_s_name_gives_way_to_the_dated_headline():
    page = chinese_page("示例参考网", "中国商标纠纷案一审审结 苹果败诉", "2011-12-08 作者：记者 武彩霞 来源：示例参考网")
    page = page.replace(b"<h1>", b"<div class='t'>").replace(b"</h1>", b"</div>")
    assert extract_bytes(page, "story.html").title == "中国商标纠纷案一审审结 苹果败诉"


def test_the_local_day_the_page_shows_beats_the_utc_day_of_its_metadata():
    head = ("<title>Harbor Festival Returns After Three Years</title>"
            "<meta property='article:published_time' content='2019-11-20T02:15:49+00:00'>")
    found = extract_bytes(english_page(head, "<p>By Ann Lee | Nov 19, 2019, 8:15 pm CST</p>"), "story.html")
    assert found.published[:10] == "2019-11-19"


@pytest.mark.parametrize("menu", ["", "<ul><li>English</li><li>Español</li><li>中文</li><li>日本語</li></ul>"])
def test_a_day_no_time_zone_could_give_is_another_date_and_loses(menu):
    """Also on an English page whose language menu names Chinese: that makes no Chinese page."""
    head = ("<title>Harbor Festival Returns After Three Years</title>"
            "<meta property='article:published_time' content='2019-11-19T09:45:05+00:00'>")
    page = english_page(head, "<p>Weather for Wednesday, November 20, 2019</p>").replace(
        b"<header>", b"<header>" + menu.encode())
    assert extract_bytes(page, "story.html").published[:10] == "2019-11-19"


def test_a_local_timestamp_for_the_shown_day_keeps_its_time_and_offset():
    head = ("<title>Harbor Festival Returns After Three Years</title>"
            "<meta property='article:published_time' content='2019-11-19T19:53:52-05:00'>")
    found = extract_bytes(english_page(head, "<p>By Ann Lee | Nov 19, 2019, 7:53pm EST</p>"), "story.html")
    assert found.published == "2019-11-19T19:53:52-05:00"


@pytest.mark.parametrize(("meta_line", "byline"), [
    ("2011-12-08 作者：记者 武彩霞 来源：示例参考网", "武彩霞"),
    ("2012-01-12 09:30 来源：示例日报 本报记者 邓红阳", "邓红阳"),
    ("2012-01-12 中國時報 石文南／台北報導", "石文南"),
])
def test_a_chinese_byline_comes_from_the_line_under_the_headline(meta_line, byline):
    page = chinese_page("江边公园改造完工_新闻中心_示例网", "江边公园改造完工", meta_line,
                        head="<meta name='author' content='3038'>")
    assert extract_bytes(page, "story.html").byline == byline


def test_a_chinese_byline_in_the_first_paragraph_s_opening_is_found():
    page = chinese_page("江边公园改造完工_新闻中心_示例网", "江边公园改造完工", "2012-01-12 18:52 来源：示例网")
    page = page.replace(b"<p>", "<p>示例网北京1月12日电 （记者 刘军涛）".encode(), 1)
    assert extract_bytes(page, "story.html").byline == "刘军涛"


def test_a_site_s_name_in_the_author_meta_of_a_chinese_page_is_no_byline():
    page = chinese_page("江边公园改造完工_新闻中心_示例网", "江边公园改造完工", "2012-01-12 09:30 来源：示例日报",
                        head="<meta name='author' content='示例网'>")
    assert extract_bytes(page, "story.html").byline == ""


def test_co_authors_joined_by_and_are_both_kept():
    found = extract_bytes(english_page("<title>Harbor Festival Returns After Three Years</title>",
                                       "<p>By Lia Eustachewich and Yaron Steinbuch</p><p>November 19, 2019</p>"),
                          "story.html")
    assert found.byline == "Lia Eustachewich and Yaron Steinbuch"


@pytest.mark.parametrize(("line", "byline"), [
    ("新华社记者廖宇杰摄", ""),
    ("本报记者 郭立亮 摄", ""),
    ("记者日前从国务院食品安全办获悉", ""),
    ("國際中心／綜合報導", ""),
    ("（張文祿報導）", "張文祿"),
    ("记者 梁静 通讯员 李静", "梁静"),
    ("By Kashmira Gander On 11/13/19 at 4:00 PM EST", "Kashmira Gander"),
    ("By JERUSALEM POST STAFF NOVEMBER 20, 2019", "JERUSALEM POST STAFF"),
    ("By Tom Krisher, AP Auto Writer", "Tom Krisher"),
    ("记者获悉，该公司已经停产", ""),
    ("截至记者发稿时，大火已被扑灭", ""),
    ("记者也发现，该公司已经停产", ""),
    ("作者: 手机版", ""),
    ("記者羅執中 台北報導", "羅執中"),
    ("By Jane Roe, John Doe and Ann Lee", "Jane Roe, John Doe and Ann Lee"),
    ("By Jane Roe, Associated Press", "Jane Roe"),
    ("中国网1月17日讯（王文举）一个“禁用公款喝茅台”的建议", "王文举"),
    ("腾讯科技讯（无忌）北京时间1月17日消息", "无忌"),
    ("本报讯（通讯员 张三）", ""),
    ("新华社电（综合）", ""),
    ("By Sherif Saed, Wednesday, 20th Nov 2019 12:41 GMT", "Sherif Saed"),
    ("By Meg JamesStaff Writer", "Meg James"),
    ("By Jonathan GarberFOXBusiness", "Jonathan Garber"),
    ("By Sean Martin Sean Martin", "Sean Martin"),
    ("By DeAndre Hopkins and Ann MacLeod", "DeAndre Hopkins and Ann MacLeod"),
    ("By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST", "Chris Pokorny"),
    ("11/19/2019 by Lars Brandle", "Lars Brandle"),
    ("Written by Rachael Link, MS, RD on November 14, 2019", "Rachael Link"),
    ("By Megan Rowe meganr@example.com(509) 555-0100", "Megan Rowe"),
    ("Stand by Me is a film", ""),
    ("20.11.2019, 10:30 Uhr | Von Anna Muster", "Anna Muster"),
    ("입력 2019.11.20 10:30 | 김민수 기자", "김민수"),
    ("기자회견에서 밝혔다", ""),
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "Chris Davies"),
    ("Von Moritz Bachmann publiziert am 30. Juli 2018", "Moritz Bachmann"),
    ("Home - News - Sports", ""),
])
def test_photo_credits_desks_and_prose_name_no_author(line, byline):
    assert find_byline(line) == byline


_JA_STORY = [f"東京都内に新しい図書館が開館し、多くの市民が訪れました。館内には約{i}万冊の本があり、子ども向けのコーナーも設けられています。"
             for i in range(2, 6)]
_KO_STORY = [f"서울 시내에 새로운 도서관이 문을 열어 많은 시민들이 방문했습니다. 도서관에는 약 {i}만 권의 책이 있으며 어린이 코너도 마련되어 있습니다."
             for i in range(2, 6)]


@pytest.mark.parametrize(("headline", "dateline", "story", "published"), [
    ("東京で新しい図書館が開館", "2020年6月1日 00:35 朝日新聞", _JA_STORY, "2020-06-01T00:35:00+09:00"),
    ("서울에 새 도서관 개관", "2020-06-01 00:35 연합뉴스", _KO_STORY, "2020-06-01T00:35:00+09:00"),
    ("合肥新图书馆开馆", "2020-06-01 00:35 来源：市场星报", [
        "合肥市内一座新图书馆开馆，很多市民前来参观，馆内藏书约两万册，并设有儿童阅读区。",
        "图书馆负责人介绍，今后将定期举办读书会和讲座，欢迎市民积极参与，共同营造书香城市。"],
     "2020-06-01T00:35:00+08:00"),
])
def test_a_clock_time_without_offset_is_in_the_pages_country(headline, dateline, story, published):
    """China's pages write China time (+08:00), Japan's and Korea's their own (+09:00)."""
    page = (f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1><p>{dateline}</p>"
            + "".join(f"<p>{p}</p>" for p in story) + "</body></html>")
    assert extract_bytes(page.encode(), "page.html").published == published
    text = "\n\n".join([headline, dateline, *story])
    assert extract_bytes(text.encode(), "page.txt").published == published
