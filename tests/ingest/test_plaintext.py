"""Plain text of whole saved pages: what a reader notices is the title, the metadata,
the outline and that the page's navigation and tail are gone."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest import extract_bytes, extract_file
from reader.ingest.plaintext.lines import _ends_sentence, count_words
from reader.scripts import CJK_LETTERS, display_width


def test_chinese_page_title_metadata_and_body(fixtures):
    article = extract_file(fixtures / "zh-river-cleanup.txt")
    assert article.title == "清溪县启动河道清淤工程 三个月内完成主干河段治理"
    assert article.source == "清溪日报"
    assert article.published == "2021-04-12T08:05:00+08:00"
    assert article.url == "https://news.example.cn/qingxi/"
    assert article.language == "zh"
    assert article.format == "text"
    assert article.text.startswith("4月11日上午,清溪县河道清淤工程在城南码头正式启动。")
    assert article.text.rstrip().endswith("河道干净了,大家的日子也会更舒心。")


def test_chinese_page_outline_nests_the_parallel_run(fixtures):
    article = extract_file(fixtures / "zh-river-cleanup.txt")
    assert [(s.title, s.level) for s in article.sections] == [
        ("工程概况:二十公里河段分三期推进", 2),
        ("资金保障:县财政安排专项资金", 2),
        ("群众参与:沿河村庄积极支持", 2),
        ("东岸村:清淤工程离不开村民的主动配合", 3),
        ("西湾村:清淤工程离不开村民的积极参与", 3),
        ("南桥村:清淤工程离不开村民的耐心理解", 3),
    ]
    assert all(s.anchor for s in article.sections)


@pytest.mark.parametrize(
    "tail", ["首页 新闻 体育", "本地网 >", "新闻推荐", "春季招聘会", "相关推荐", "猜你喜欢", "评论", "热点排行", "口袋公园", "来源"]
)
def test_chinese_page_navigation_and_tail_are_dropped(fixtures, tail):
    article = extract_file(fixtures / "zh-river-cleanup.txt")
    assert tail not in article.text


def test_title_is_not_repeated_in_the_body(fixtures):
    article = extract_file(fixtures / "zh-river-cleanup.txt")
    assert article.title not in article.markdown
    assert not article.markdown.lstrip().startswith("#")


def test_english_page(fixtures):
    article = extract_file(fixtures / "en-harbor-festival.txt")
    assert article.title == "Harbor Festival Returns After Three-Year Break"
    assert article.byline == "Jane Porter"
    assert article.published == "2022-06-04"
    assert article.language == "en"
    assert [(s.title, s.level) for s in article.sections] == [("Boats on parade", 2), ("Food and music", 2)]
    # Hard-wrapped lines come back as one paragraph, joined with a space.
    assert "after a three-year break, drawing thousands" in article.text
    assert article.text.rstrip().endswith("a fireworks show at nine o'clock.")
    for tail in ("Related Articles", "parking rules", "Comments", "Copyright", "Subscribe", "Home |"):
        assert tail not in article.text


def test_hard_wrapped_chinese_joins_without_spaces():
    body = "\n".join(
        [
            "江边公园改造完工",
            "",
            "来源：晚报 2022-05-01",
            "",
            "江边公园改造工程近日完工，新增了步道、座椅和儿童游乐设施，周边居民",
            "纷纷前来散步游玩。公园管理处表示，今后将定期维护各项设施，保持环",
            "境整洁，欢迎市民监督。",
            "",
            "改造期间，施工单位采取夜间不施工的办法，尽量减少对居民休息的影响，",
            "得到了居民的理解和支持。",
        ]
    )
    article = extract_bytes(body.encode("utf-8"), "park.txt")
    assert article.title == "江边公园改造完工"
    assert article.published == "2022-05-01"
    assert "周边居民纷纷前来散步游玩" in article.text
    assert "保持环境整洁" in article.text


def test_markdown_characters_in_plain_text_stay_text():
    body = (
        "A Note On Lists\n\n"
        "Posted March 3, 2020\n\n"
        "This paragraph is long enough to be the body of the page, and it has sentences. "
        "It goes on for a while so that the classifier sees running text here.\n\n"
        "1. is how the old manual began each step, and # marks were used for numbers, as *stars* were for notes.\n\n"
        "#3 on the list of rules was to keep [brackets] and <tags> as they were written, word for word.\n"
    )
    article = extract_bytes(body.encode(), "note.txt")
    assert "1. is how the old manual began each step, and # marks were used for numbers, as *stars* were for notes." in article.text
    assert "#3 on the list of rules was to keep [brackets] and <tags> as they were written, word for word." in article.text
    assert article.sections == []


def test_shared_sample_matches_expected(shared_samples):
    sample = shared_samples / "yybnet-anhui-development-zones.txt"
    expected = json.loads(sample.with_name("yybnet-anhui-development-zones.expected.json").read_text("utf-8"))
    article = extract_file(sample)
    assert article.title == expected["title"]
    assert article.source == expected["source"]
    assert article.published == expected["published"]
    assert article.url == expected["url"]
    assert article.language == expected["language"]
    assert [{"title": s.title, "level": s.level} for s in article.sections] == expected["sections"]
    assert expected["first_paragraph"] in article.text
    assert expected["last_paragraph"] in article.text
    for phrase in expected["must_not_contain"]:
        assert phrase not in article.text


def test_side_by_side_columns_are_read_column_by_column():
    left = [
        "新华网北京3月1日电 记者从有关部门获悉，今年全市将新建社区公园二十座，改造老旧",
        "小区一百个，进一步改善居民生活环境。有关负责人表示，各项工程将在年底前完工。",
        "",
        "据介绍，新建公园将优先安排在人口密集、绿地较少的街道，方便居民就近休闲健身，",
        "同时增加儿童游乐和老年活动设施，满足不同人群的需要。",
    ]
    left += [
        "",
        "有关部门同时提醒，施工期间部分道路将临时封闭，请市民提前规划出行路线，注意",
        "安全，服从现场工作人员的指挥。",
    ]
    right = ["●  热点新闻", "●  春运返程高峰到来", "", "●  多地发布大风预警", "●  新学期开学", "",
             "●  图书馆延长开放", "●  地铁新线试运行"]
    width = max(display_width(line) for line in left) + 6
    lines = ["社区公园建设提速", "", "2022-03-01 10:00 来源：新华网", ""]
    for l, r in zip(left, right):
        lines.append(l + " " * (width - display_width(l)) + r)
    article = extract_bytes("\n".join(lines).encode("utf-8"), "page.txt")
    assert article.title == "社区公园建设提速"
    assert "改造老旧小区一百个" in article.text
    assert "方便居民就近休闲健身，同时增加儿童游乐" in article.text
    assert "请市民提前规划出行路线，注意安全" in article.text
    assert "春运" not in article.text and "热点新闻" not in article.text


def test_comments_and_teaser_rivers_end_an_english_story():
    story = [
        "City Opens New Library Branch",
        "By Ann Lee",
        "March 3, 2021",
        "The city opened its newest library branch on Saturday, with shelves for twenty thousand books and a reading garden.",
        "Residents lined up before the doors opened, and the children's corner was full within the hour, staff said.",
        "The branch will be open seven days a week, and its meeting rooms can be booked online free of charge.",
        "12 Comments",
        "jsmith says:",
        "March 3, 2021 at 9:14 am",
        "Finally! We have waited years for this, and the garden looks lovely from the street outside.",
    ]
    article = extract_bytes("\n\n".join(story).encode(), "library.txt")
    assert "meeting rooms can be booked online" in article.text
    assert "Finally!" not in article.text and "jsmith" not in article.text

    river = story[:6] + [
        "Bridge repairs to start in May",
        "Tom Reed",
        "March 2, 2021",
        "Work on the old bridge will close one lane for six weeks while crews replace the deck and the railings.",
        "Market returns to the square",
        "Jo Park",
        "March 1, 2021",
        "The weekly market returns to the square this spring with forty stalls selling food, plants and crafts.",
        "School choir wins regional prize",
        "Sam Cole",
        "February 28, 2021",
        "The school choir won first prize at the regional festival, singing three songs in three languages.",
    ]
    article = extract_bytes("\n\n".join(river).encode(), "library.txt")
    assert "meeting rooms can be booked online" in article.text
    assert "bridge" not in article.text.lower() and "choir" not in article.text


# Counting by runs of characters must count exactly what one token per ideograph
# (and one per run of other letters or digits) counts.
_ONE_PER_IDEOGRAPH = re.compile(f"[{CJK_LETTERS}]|[^\\W_{CJK_LETTERS}]+")
_IDEOGRAPH = re.compile(f"[{CJK_LETTERS}]")


@given(st.text(alphabet=st.sampled_from(list("ab Z9_-.,，。・ー中文アイ한글\ufa6e\u3000é")), max_size=40) | st.text(max_size=40))
def test_word_counts_match_one_token_per_ideograph(text):
    assert count_words(text) == (len(_ONE_PER_IDEOGRAPH.findall(text)), len(_IDEOGRAPH.findall(text)))


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("会议在合肥召开。", True),
        ("他说：“我们一定做到！”", True),
        ("It rained all day.", True),
        ("Is it over?)", True),
        ("Wait for it...", True),
        ("A long list;", True),
        ("Written by J.", False),
        ("U.S.", False),
        ("A.", False),
        (".", True),
        ("No stop at the end", False),
        ("新闻推荐", False),
        ("”）", False),
        ("", False),
    ],
)
def test_sentence_ends(line, ends):
    assert _ends_sentence(line) is ends


_COOKIE_NOTICE = [
    "This website uses cookies to improve your experience while you navigate through the website. Out of these "
    "cookies, the cookies that are categorized as necessary are stored on your browser as they are essential for "
    "the working of basic functionalities of the website. We also use third-party cookies that help us analyze and "
    "understand how you use this website. These cookies will be stored in your browser only with your consent.",
    "Necessary cookies are absolutely essential for the website to function properly. This category only includes "
    "cookies that ensures basic functionalities and security features of the website. These cookies do not store "
    "any personal information, and you can always change your mind later in the settings of your browser.",
]


def test_a_cookie_notice_longer_than_the_story_is_not_the_story():
    story = [
        "The 180 page coffee-table book comes with a vinyl record of seven classic rock tracks, and a download code.",
        "There are some stunning photos in it, but a few low-resolution images spoil the impression of quality.",
        "It is full of iconic bikes, people and places, and it makes you want to get out on the road again.",
    ]
    text = "\n\n".join(["Bike and Style Book Review", "Posted June 21, 2014", *story, "Privacy Overview",
                       *_COOKIE_NOTICE, *_COOKIE_NOTICE])
    article = extract_bytes(text.encode(), "review.txt")
    assert story[0] in article.text and story[-1] in article.text
    assert "cookies" not in article.text


def test_a_story_about_cookies_keeps_its_sentences():
    story = [
        "Google said on Tuesday that its Chrome browser will stop supporting third-party cookies within two years.",
        "Advertisers use such cookies to follow people from one website to the next and to measure their campaigns.",
        "Privacy groups welcomed the plan, while publishers said it could cut the revenue that pays for journalism.",
    ]
    text = "\n\n".join(["Chrome To Phase Out Third-Party Cookies", "Posted January 14, 2020", *story])
    article = extract_bytes(text.encode(), "chrome.txt")
    for sentence in story:
        assert sentence in article.text


_TW_STORY = [
    "首頁 > 生活 > 健康",
    "年節零食聰明吃 健康無負擔",
    "2012-01-17 中國時報 記者王小明／台北報導",
    "農曆春節將至，許多民眾準備了大量年節零食，營養師提醒，瓜子、花生與糖果熱量都不低，應該適量食用。",
    "營養師建議，吃零食前先看清楚包裝上的營養標示，並以無調味的堅果取代重口味的零食，同時多喝白開水。",
    "此外，年節期間作息容易不規律，民眾應維持運動習慣，才能避免過年後體重明顯增加，健康過好年。",
]


@pytest.mark.parametrize("tail", [
    ["Facebook Twitter Plurk 微博", "熱門新聞一則很長的標題，說的是另一件完全不同的事情。", "另一則新聞的摘要，也是完整的一句話，放在側欄裡面。"],
    ["1 2 3 下一頁", "更多相關的新聞", "雷射頻繁打小心反黑前功盡棄，醫師提醒，術後應注意防曬與保濕。", "電動心臟裝背包他帶著趴趴走，病患生活品質明顯改善。"],
    ["上一則▲：春節全家出遊 別忘了「旅用護理包」", "◎ 冬天乾眼症發作，暖爐、除濕機是禍首，醫師這樣說。", "◎ 老年人最好別開車騎車，靈敏度差恐釀事故，家人應多留意。"],
])
def test_share_bars_pagers_and_more_news_labels_end_a_traditional_chinese_story(tail):
    article = extract_bytes("\n\n".join(_TW_STORY + tail).encode(), "tw.txt")
    assert article.title == "年節零食聰明吃 健康無負擔"
    assert "健康過好年。" in article.text
    assert all(line not in article.text for line in tail)
