"""Dates, sources and languages as pages state them in text."""

from __future__ import annotations

import pytest

from reader.ingest.metadata import find_date, guess_language, read_meta_line


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("来源:市场星报 2020-06-01 00:35", "+08:00", "2020-06-01T00:35:00+08:00"),
        ("2011年12月09日 20:29:49 新华网", "+08:00", "2011-12-09T20:29:49+08:00"),
        ("发布时间：2012年1月12日", "+08:00", "2012-01-12"),
        ("2012/01/17", "+08:00", "2012-01-17"),
        ("Published June 4, 2022", "", "2022-06-04"),
        ("Updated 1:39 am EST, Wednesday, November 20, 2019", "", "2019-11-20"),
        ("12 March 2021", "", "2021-03-12"),
        ("2019-11-19T10:30:00Z", "", "2019-11-19T10:30:00+00:00"),
        ("2019-13-45", "", ""),
        ("no date here", "", ""),
    ],
)
def test_find_date(text, zone, expected):
    assert find_date(text, zone=zone) == expected


def test_meta_line_with_source_author_date_and_link():
    meta = read_meta_line("2022-05-01 09:30　来源：城市晚报(江南版)　作者：李明　http://news.example.cn/a/1.html",
                          zone="+08:00")
    assert meta.source == "城市晚报(江南版)"
    assert meta.byline == "李明"
    assert meta.published == "2022-05-01T09:30:00+08:00"
    assert meta.url == "http://news.example.cn/a/1.html"


def test_reporter_is_the_byline():
    assert read_meta_line("本报记者 张伟 2021-03-03").byline == "张伟"


def test_english_byline():
    assert read_meta_line("By Jane Porter, Staff Writer").byline == "Jane Porter"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("安徽省开发区协会第二届第二次理事会在合肥召开", "zh"),
        ("市立図書館は今日、週末の開館時間を延長すると発表しました。", "ja"),
        ("The festival returned to the waterfront on Saturday and the crowds came back.", "en"),
        ("Die Stadt hat das neue Museum eröffnet und die Besucher sind nicht ausgeblieben.", "de"),
        ("12345 67890", ""),
    ],
)
def test_guess_language(text, language):
    assert guess_language(text) == language
