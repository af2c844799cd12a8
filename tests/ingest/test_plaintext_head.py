"""The head of a plain-text page: the headline and the day a reader would name, whatever stands
between them on real pages (bylines, agency lines, photo captions and credits, labels, section
names, share buttons, print headers) and however the page writes its date."""

from __future__ import annotations

import pytest

from reader.ingest import extract_bytes, extract_file

STORY = [
    "The council bought the house last year and will now invite architects to submit plans for its renovation, "
    "which is expected to take two years and to cost about three million pounds.",
    "Local historians welcomed the decision, although some said they would have preferred a museum that kept "
    "the rooms as they were when the poet lived there as a child.",
    "The garden will stay open to the public while the work goes on, and the first readers are expected to move "
    "in before the end of the year after next.",
]
GESCHICHTE = [
    "Die Gemeinde hat das Haus im vergangenen Jahr gekauft und lädt nun Architekten ein, Pläne für den Umbau "
    "einzureichen, der zwei Jahre dauern soll.",
    "Heimatforscher begrüßten die Entscheidung, auch wenn einige lieber ein Museum gesehen hätten, das die Räume "
    "so zeigt, wie sie zur Kindheit des Dichters waren.",
]
GUSHI = [
    "记者走访了几个已经建成的口袋公园，发现每到傍晚，这里都坐满了乘凉的老人和玩耍的孩子，十分热闹。",
    "一位居民说，以前下楼只能在马路边站一站，现在有了可以散步的地方，大家的日子也会更舒心。",
    "城市的空间有限，但只要用心规划，总能找到合适的角落，让更多的口袋公园走进社区。",
]


def page(*lines: str, story: list[str] = STORY) -> bytes:
    return "\n\n".join([*lines, *story]).encode("utf-8")


def test_caption_credit_newsletter_and_section_name_are_passed_over(fixtures):
    article = extract_file(fixtures / "en-head-furniture.txt")
    assert article.title == "House Where Poet Was Born Will Become a Library, Town Says"
    assert article.published == "2019-11-20"
    assert article.byline == "Sam Writer"
    assert article.text.startswith("BRIGHTON — The house where the poet was born")
    assert "Reuters file" not in article.text and "Breaking News Emails" not in article.text


def test_day_first_date_and_labelled_fields_under_the_headline(fixtures):
    article = extract_file(fixtures / "en-dmy-review.txt")
    assert article.title == "Touring Atlas of the Alps review"
    assert article.published == "2014-06-21"


def test_german_month_name_above_the_headline(fixtures):
    article = extract_file(fixtures / "de-month-name.txt")
    assert article.title == "Die digitale Patientenakte – der lange Weg ins vernetzte Gesundheitswesen"
    assert article.published == "2018-09-25"


def test_headline_at_the_top_of_the_body_with_its_source_line_under_it(fixtures):
    article = extract_file(fixtures / "zh-headline-atop-body.txt")
    assert article.title == "张三：城市需要更多的口袋公园？"
    assert article.published == "2012-01-17T19:34:00+08:00"
    assert article.source == "新民网"
    assert article.text.startswith("【新民网评】")


def test_byline_names_under_the_headline_are_not_the_title():
    article = extract_bytes(page(
        "• Tech", "• Personal Technology: Review",
        "Consoles, Clouds and Arcades: So Many Ways to Play and Pay",
        "There are more devices and services to choose from than ever before. Here's how to pick.",
        "By", "Sarah E. Example", "Sarah E. Example", "• @sarahexample",
        "Nov. 19, 2019 8:03 am ET",
    ), "p.txt")
    assert article.title == "Consoles, Clouds and Arcades: So Many Ways to Play and Pay"
    assert article.published == "2019-11-19"


@pytest.mark.parametrize(
    "furniture",
    [
        ["Reuters, Washington,"],  # an agency's dateline fragment
        ["Tom Davies Associated Press"],  # a name and an agency
        ["Courtesy Example Corp"],  # a photo's credit
        ["(Jane Roe / Associated Press)"],
        ["Today 12:01 AM"],  # a time stamp
        ["0Email this to someone", "Share on Facebook"],
        ["Publish date:"],  # a label waiting for its value
        ["chevron_left Browse All Posts"],  # an icon's name
        ["You are signed in as"],  # a label waiting for its value
        ["library-plan-approvedlibrary-plan-approved"],  # an image's or an address's slug
    ],
)
def test_a_line_that_is_never_a_headline_is_passed_over(furniture):
    article = extract_bytes(page("Library Plan Approved After Years of Debate", *furniture, "November 19, 2019"), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == "2019-11-19"


def test_print_header_above_the_headline():
    article = extract_bytes(page(
        "print header logo https://www.example.com/news/article/New-ferry-line-opens-12345.php",
        "New ferry line opens between the two harbors",
        "Tom Writer, AP Writer",
        "Updated 1:39 am EST, Wednesday, November 20, 2019",
    ), "p.txt")
    assert article.title == "New ferry line opens between the two harbors"
    assert article.published == "2019-11-20"


def test_standfirst_and_newsletter_box_between_headline_and_date():
    article = extract_bytes(page(
        "U.S. news",
        "Town votes to turn the poet's birthplace into a library",
        "The council's vote ends years of debate. The work will take two years.",
        "Breaking News Emails",
        "Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.",
        "SUBSCRIBE",
        "Nov. 19, 2019, 8:41 AM UTC",
        "By Phil Writer",
    ), "p.txt")
    assert article.title == "Town votes to turn the poet's birthplace into a library"
    assert article.published == "2019-11-19"
    assert article.text.startswith(STORY[0])


@pytest.mark.parametrize(
    ("date_line", "day"),
    [
        ("13.11.2019, 23:06", "2019-11-13"),
        ("5:45 AM PST 11/19/2019 by Pat Writer", "2019-11-19"),
        ("By Jane Doe On 11/13/19 at 4:00 PM EST", "2019-11-13"),
        ("Posted on Oktober 27, 2015 by Admin", "2015-10-27"),
        ("Von Anna Muster, 25. September 2018", "2018-09-25"),
    ],
)
def test_date_line_formats(date_line, day):
    article = extract_bytes(page("Library Plan Approved After Years of Debate", date_line), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == day


def test_ambiguous_numbers_follow_the_page_habit():
    story = [*STORY[:2], "The library opened on 21/06/2014, the council said, five years after the vote."]
    article = extract_bytes(page("Library Plan Approved After Years of Debate", "03/04/2019", story=story), "p.txt")
    assert article.published == "2019-04-03"
    story = [*STORY[:2], "The library opened on June 21, 2014, the council said, five years after the vote."]
    article = extract_bytes(page("Library Plan Approved After Years of Debate", "03/04/2019", story=story), "p.txt")
    assert article.published == "2019-03-04"
    article = extract_bytes(page("Bibliothek nach Jahren der Debatte beschlossen", "03/04/2019", story=GESCHICHTE),
                            "p.txt")
    assert article.published == "2019-04-03"


def test_kicker_above_the_headline():
    article = extract_bytes(page(
        "带领群众修好进村路后再谈乡村振兴的种种规划",
        "县委书记：乡村振兴先修路",
        "━━━━━━━━━━━━━━━━━━━━",
        "发布时间：2021-12-15 19:15:35",
        story=GUSHI,
    ), "p.txt")
    assert article.title == "县委书记：乡村振兴先修路"
    assert article.published == "2021-12-15T19:15:35+08:00"


def test_headline_the_page_repeats_wins_over_its_subtitle():
    article = extract_bytes(page(
        "[     长桥今日通车 两岸往来更便捷     ]",
        "长桥今日通车两岸往来更便捷",
        "全长三公里设双向六车道",
        "2012年 01月12日",
        story=GUSHI,
    ), "p.txt")
    assert article.title == "长桥今日通车两岸往来更便捷"
    assert article.published == "2012-01-12"


def test_author_name_and_pointer_mark_are_not_the_title():
    article = extract_bytes(page("》口袋公园建成了？ 居民说：真方便！", "王小明", "2012年1月17日 12:44", story=GUSHI), "p.txt")
    assert article.title == "口袋公园建成了？ 居民说：真方便！"
    assert article.published == "2012-01-17T12:44:00+08:00"


def test_headline_line_with_a_space_between_chinese_words():
    article = extract_bytes(page("大连港料去年盈利最少跌 15%", "2012-01-12 HKT 16:53", story=GUSHI), "p.txt")
    assert article.title == "大连港料去年盈利最少跌 15%"
    assert article.published == "2012-01-12"


def test_date_line_padded_far_to_the_right():
    article = extract_bytes(page("外交部官员作客网站答网友问", "2012-01-12 16:49:03" + " " * 300 + "来源：中国日报网",
                                 story=GUSHI), "p.txt")
    assert article.title == "外交部官员作客网站答网友问"
    assert article.published == "2012-01-12T16:49:03+08:00"
    assert article.source == "中国日报网"


def test_time_of_day_after_a_headline_is_not_part_of_it():
    article = extract_bytes(page("自由電子報 > 即時新聞總覽 > 生活 2012年1月12日‧星期四", "天冷抵抗力弱齒源膿瘍患者多【16:15】",
                                 story=GUSHI), "p.txt")
    assert article.title == "天冷抵抗力弱齒源膿瘍患者多"
    assert article.published == "2012-01-12"


@pytest.mark.parametrize(
    "caption",
    [
        "Library staff carry boxes of books into the poet's birthplace, which the council bought last year, "
        "during a visit by the mayor, the architects and a dozen local historians, Tuesday, Nov. 19, 2019, in "
        "Brighton, England. (AP Photo/Jane Roe)",
        "The mayor at the poet's birthplace last week.Credit...Jane Roe/The Daily Example",
        "The poet's birthplace, seen from the garden (Credit: Example Images)",
    ],
)
def test_photo_caption_with_its_credit_between_headline_and_byline(caption):
    teasers = [f"• Council news item number {n} of the week" for n in range(1, 7)]
    article = extract_bytes(page("Library Plan Approved After Years of Debate", caption, "By Sam Writer",
                                 "November 19, 2019", "Most Popular", *teasers), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == "2019-11-19"


@pytest.mark.parametrize("stamp", ["Monday 5:30PM", "Updated Nov 19, 6:55 AM", "Published 22 hours ago"])
def test_time_stamp_without_a_year_anchors_the_head_below_a_dated_teaser(stamp):
    article = extract_bytes(page(
        "A Brief Guide to the New Library Card", "Adam Writer", "11/12/19 4:40PM",
        "Books", "Library Plan Approved After Years of Debate", "Adam Writer", stamp,
    ), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == ""


def test_headline_written_as_sentences_below_the_site_menus():
    menus = ["Sign In", "Close", "Edit Profile", "Search", "Books", "Music", "Film", "Local", "Sport", "Weather"]
    article = extract_bytes(page(
        "The Example Daily Logo", *menus,
        "Town says ‘Read. We’re on it.’ The library just might be.", "Updated Nov 19, 9:41 AM",
        "Readers at the old town library on Tuesday (AP Photo/Jane Roe)",
    ), "p.txt")
    assert article.title == "Town says ‘Read. We’re on it.’ The library just might be."


def test_long_deck_under_the_headline_is_not_the_title():
    article = extract_bytes(page(
        "Council approves library plan",
        "“We have waited long enough for this,” the mayor told a packed meeting of residents on Tuesday night",
        "November 19, 2019",
    ), "p.txt")
    assert article.title == "Council approves library plan"
    assert article.published == "2019-11-19"


def test_headline_echoed_below_it_by_an_image_text_is_taken_as_first_written():
    article = extract_bytes(page(
        "Library Plan Approved After Years of Debate", "Save",
        "Library Plan Approved After Years of Debate Ends", "Books", "November 19, 2019",
    ), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == "2019-11-19"


def test_headline_right_under_the_date_line_beats_a_line_above_the_date():
    article = extract_bytes(page(
        "Flag of Example Country", "Example Country", "Business News",
        "November 19, 2019 / 12:21 AM / Updated 14 hours ago",
        "Council approves library plan, and the work starts soon", "Sam Writer", "5 Min Read",
    ), "p.txt")
    assert article.title == "Council approves library plan, and the work starts soon"
    assert article.published == "2019-11-19"
    assert article.text.startswith(STORY[0])


def test_list_of_related_stories_between_the_head_and_the_body_is_passed_over():
    teasers = []
    for number, day in enumerate(("May 27, 2014", "July 30, 2010", "November 20, 2015", "September 12, 2016")):
        title = f"Town opens its new reading room number {number + 1}"
        teasers += [title, "TOWN NEWS", title, day]
    article = extract_bytes(page(
        "Library Plan Approved After Years of Debate", "Sam Writer", "November 20, 2019 13:42",
        "MORE STORIES LIKE THIS ONE", *teasers,
    ), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == "2019-11-20"


def test_agency_caption_opening_the_body_with_the_dated_line_under_it():
    article = extract_bytes(page(
        "Council approves the library plan", "Books",
        "In this Dec. 12, 2006, file photo, made available by the council, the mayor, left, and the town's "
        "librarian, right, walk through the poet's birthplace during a visit before its sale to the town, "
        "which took two years. (Example Council via AP, File)",
        "The Associated Press", "Published Monday, November 18, 2019 8:22AM EST",
    ), "p.txt")
    assert article.title == "Council approves the library plan"
    assert article.published == "2019-11-18"
    assert article.text.startswith(STORY[0])


def test_headline_the_page_prints_twice_wins_over_the_deck_under_the_author():
    article = extract_bytes(page(
        "Library Plan Approved After Years of Debate image", "Town News",
        "Library Plan Approved After Years of Debate", "[jane-roe]", "Jane RoeView More Articles",
        "The council's vote ends a long argument over the poet's house", "Brent Co November 20, 2019 12:32",
    ), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == "2019-11-20"


@pytest.mark.parametrize(
    ("copyright_line", "day"),
    [("© 2019 Example Daily. All rights reserved.", "2019-11-18"), ("Example Daily. All rights reserved.", "")],
)
def test_time_stamp_without_a_year_is_read_in_the_year_of_the_copyright_notice(copyright_line, day):
    article = extract_bytes(page(
        "Library Plan Approved After Years of Debate", "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
        story=[*STORY, copyright_line],
    ), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == day


def test_line_giving_the_update_first_gives_the_day_of_publication():
    article = extract_bytes(page("Library Plan Approved After Years of Debate",
                                 "Updated Nov 19, 2019 9:41 AM | Posted Nov 18, 2019 8:19 PM"), "p.txt")
    assert article.published == "2019-11-18"


def test_caption_between_the_posted_line_and_the_byline_is_not_the_title():
    article = extract_bytes(page(
        "Library plan approved after years of debate", "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
        "Readers fill the reading room", "The old town library on Tuesday.", "By Sam Writer | Example Daily",
    ), "p.txt")
    assert article.title == "Library plan approved after years of debate"


def test_kicker_above_the_posted_line_is_not_the_title():
    headline = "Star of the show eliminated from 'Dancing with the Stars' after a week of rehearsals at the studio"
    article = extract_bytes(page(
        "Dancing With the Stars", "Published 22 hours ago", headline, "By Sam Writer | Example Daily",
    ), "p.txt")
    assert article.title == headline


def test_headline_ending_on_a_preposition_of_its_own_is_kept():
    article = extract_bytes(page("The Library Plan the Town Was Waiting For", "November 19, 2019"), "p.txt")
    assert article.title == "The Library Plan the Town Was Waiting For"


def test_label_another_column_set_on_the_headline_row_is_not_part_of_it():
    article = extract_bytes(page("口袋公园走进更多社区" + " " * 60 + "论坛热帖", "2012-01-12 16:49:03", story=GUSHI),
                            "p.txt")
    assert article.title == "口袋公园走进更多社区"
    assert article.published == "2012-01-12T16:49:03+08:00"


def test_left_column_menu_item_on_the_headline_row_is_not_part_of_it():
    article = extract_bytes("\n".join([
        "我要爆料．自由徵才", "廣告刊登．訂報服務", "活動刊登．登山活動 口袋公園走進更多社區", "樂透彩券．統一發票",
        "2012-1-11", "", *GUSHI,
    ]).encode("utf-8"), "p.txt")
    assert article.title == "口袋公園走進更多社區"


def test_mark_lynx_left_before_the_headline_is_not_part_of_it():
    article = extract_bytes(page("[S::S]口袋公园走进更多社区[图]", "2012-01-12 16:49:03", story=GUSHI), "p.txt")
    assert article.title == "口袋公园走进更多社区[图]"


def test_left_column_menu_row_under_the_headline_is_not_the_title():
    article = extract_bytes("\n".join([
        "服務專區  2012-1-16", "我要爆料．自由徵才", "廣告刊登．訂報服務", "活動刊登．登山活動 口袋公園走進更多社區",
        "樂透彩券．統一發票", *GUSHI,
    ]).encode("utf-8"), "p.txt")
    assert article.title == "口袋公園走進更多社區"
    assert article.published == "2012-01-16"


def test_a_headline_under_its_date_line_beats_a_breadcrumb_above_it():
    article = extract_bytes(page(
        "• Markets", "• News",
        "You are here: HomeNewsBusinessMarkets",
        "Last Updated : Nov 20, 2019 01:41 PM IST | Source: Example Money",
        "Economy in stress and markets on a high; time to be careful?",
    ), "p.txt")
    assert article.title == "Economy in stress and markets on a high; time to be careful?"
    assert article.published.startswith("2019-11-20")


def test_the_name_after_a_lone_by_is_the_byline_not_the_headline():
    article = extract_bytes(page(
        "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry.",
        "•", "•", "•", "•", "━━━━━━━━━━━━━━━━━━━━",
        "By", "Al Root",
        "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
    ), "p.txt")
    assert article.title.startswith("Home Depot Stock Is Falling")


def test_a_comments_button_in_a_share_bar_does_not_end_the_head():
    article = extract_bytes(page(
        "Earnings", "Published 1 day ago",
        "Home Depot sales miss, shares plunge",
        "The home-improvement retailer earned $2.8 billion in the third quarter.",
        "• Facebook", "• Twitter", "Comments", "Print", "Email",
        "By Jonathan Garber",
    ), "p.txt")
    assert article.title == "Home Depot sales miss, shares plunge"


def test_a_caption_over_its_photo_credit_is_not_the_headline():
    article = extract_bytes(page(
        "Business",
        "Column: The merger sends a dismal signal about the future of local news",
        "Company headquarters building",
        "The company is merging with a rival to create the largest newspaper chain in the U.S.",
        "(Jane Roe / Associated Press)",
        "By Michael Writer",
        "Nov. 19, 2019",
    ), "p.txt")
    assert article.title == "Column: The merger sends a dismal signal about the future of local news"


def test_a_panel_of_share_buttons_does_not_hide_the_date_line_above_it():
    names = ("Email", "Facebook", "Messenger", "Twitter", "Pinterest", "WhatsApp", "LinkedIn", "Reddit", "Tumblr",
             "Telegram", "Viber", "Line")
    article = extract_bytes(page(
        "Taylor Swift is allowed to play her music at the awards after all",
        "19 November 2019",
        *[line for name in names for line in ("□", name, f"Share this with {name}")],
        "Copy this link", "These are external links and will open in a new window", "Close share panel",
    ), "p.txt")
    assert article.title == "Taylor Swift is allowed to play her music at the awards after all"
    assert article.published == "2019-11-19"


def test_a_chinese_reporter_named_after_the_dateline_is_the_byline():
    article = extract_bytes(page(
        "首页 > 新闻 > 社会",
        "城市口袋公园受居民欢迎",
        "2012-01-17 10:32 来源：示例日报",
        story=["示例网1月17日讯（王文举）" + GUSHI[0], *GUSHI[1:]],
    ), "p.txt")
    assert article.title == "城市口袋公园受居民欢迎"
    assert article.byline == "王文举"


def test_an_english_lede_names_no_byline():
    article = extract_bytes(page(
        "Library Plan Approved After Years of Debate", "November 19, 2019",
        story=["By Christmas, the council said, " + STORY[0], *STORY[1:]],
    ), "p.txt")
    assert article.byline == ""


def test_a_byline_ending_on_a_clock_time_is_a_metadata_line_and_a_repeated_caption_no_river():
    article = extract_bytes(page(
        "Library Plan Approved After Years of Debate",
        "By Louis Writer on Monday, November 18th, 2019 at 11:04 a.m.",
        "A crane stands by the old house, on Aug. 31, 2019. (AP)",
        "A crane stands by the old house, on Aug. 31, 2019. (AP)",
    ), "p.txt")
    assert article.title == "Library Plan Approved After Years of Debate"
    assert article.published == "2019-11-18"
    assert article.byline == "Louis Writer"


def test_a_date_line_ending_on_a_clock_time_is_the_head_s_date():
    article = extract_bytes(page(
        "• Home", "• News", "• Sports", "News",
        "Power Shutoff Begins Over Fire Danger",
        "JANE ROE",
        "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.",
        "Facebook Twitter Email LinkedIn Reddit Pinterest",
        "Back to Gallery",
        "Power Shutoff Begins Over Fire Danger",
        "Facebook Twitter Email LinkedIn Reddit Pinterest",
    ), "p.txt")
    assert article.title == "Power Shutoff Begins Over Fire Danger"
    assert article.published == "2019-11-20"


def test_a_chinese_headline_split_by_a_font_s_spaces_right_above_its_date_is_the_headline():
    article = extract_bytes(page("衞 生署呼籲市民停用一種口服產品 胶 囊", "2012-01-11 HKT 21:43", story=GUSHI), "p.txt")
    assert article.title == "衞 生署呼籲市民停用一種口服產品 胶 囊"
    assert article.published.startswith("2012-01-11")


def test_a_story_dated_only_where_it_signs_off_takes_that_day():
    article = extract_bytes(page(
        "udn / 即時新聞 / 生活", "城市口袋公園受居民歡迎", "【聯合報╱記者陳俐君/即時報導】",
        story=[*GUSHI, "【2012/01/12 聯合報】@ http://udn.com/", "相關新聞"],
    ), "p.txt")
    assert article.title == "城市口袋公園受居民歡迎"
    assert article.published.startswith("2012-01-12")
    assert "聯合報】@" not in article.text
