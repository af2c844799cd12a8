"""Dates as pages print them: every common writing of a day, in the major European languages
and in Chinese, Japanese and Korean, read as the calendar day a reader would say it names."""

from __future__ import annotations

import pytest

from reader.ingest import metadata
from reader.ingest.dates import day_first_on_page, find_date, find_dates, has_date


@pytest.mark.parametrize(
    ("line", "day"),
    [
        # year first, as Chinese, Japanese and Korean pages write it
        ("2012年01月12日", "2012-01-12"),
        ("2012年 01月12日", "2012-01-12"),
        ("2012-1-11", "2012-01-11"),
        ("日期：2012.01.12", "2012-01-12"),
        ("2019년 11월 20일", "2019-11-20"),
        # numbers only, day first (a day above 12 says so; dots are always day first)
        ("21/06/2014 Tony Carter All, Books, Kit Reviews", "2014-06-21"),
        ("Carlos Nadalim 23/08/2018 2 comentários", "2018-08-23"),
        ("13.11.2019, 23:06", "2019-11-13"),
        ("03.04.2019", "2019-04-03"),
        # numbers only, month first
        ("5:45 AM PST 11/19/2019 by Pat Writer", "2019-11-19"),
        ("By Jane Doe On 11/13/19 at 4:00 PM EST", "2019-11-13"),
        # month names, in English and other languages, either side of the day
        ("Nov. 19, 2019, 8:41 AM UTC", "2019-11-19"),
        ("Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20"),
        ("20 Nov, 2019 05:47", "2019-11-20"),
        ("19th November 2019", "2019-11-19"),
        ("Monday 30th of September, 2019", "2019-09-30"),
        ("Von Anna Muster publiziert am 25. September 2018", "2018-09-25"),
        ("Posted on Oktober 27, 2015 by Admin", "2015-10-27"),
        ("Publié le 1er janvier 2020", "2020-01-01"),
        ("5 de março de 2019", "2019-03-05"),
        ("12 dicembre 2018", "2018-12-12"),
        ("25 сентября 2018 г.", "2018-09-25"),
        # a clock time joined to the year where the page's text ran two of its elements together
        ("Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago", "2019-11-20"),
    ],
)
def test_a_date_reads_as_its_day(line, day):
    assert find_date(line) == day


def test_year_first_dates_keep_their_time_and_iso_timestamps_their_offset():
    assert find_date("2012-01-12 16:49:03   来源：中国日报网", zone="+08:00") == "2012-01-12T16:49:03+08:00"
    assert find_date("2012年01月11日15:33", zone="+08:00") == "2012-01-11T15:33:00+08:00"
    assert find_date("2019-11-20T09:28:00Z") == "2019-11-20T09:28:00+00:00"
    assert find_date("2019年11月20日 10時30分", zone="+09:00") == "2019-11-20T10:30:00+09:00"
    assert find_date("2019년 11월 20일 10시 30분", zone="+09:00") == "2019-11-20T10:30:00+09:00"
    # A clock time beside a date written otherwise names no instant without its zone: the day alone.
    assert find_date("Nov. 19, 2019 8:03 am ET") == "2019-11-19"


@pytest.mark.parametrize(
    "line",
    [
        "31/02/2019",  # no such day
        "2019-13-01",
        "score 1/2/19 today",  # a two-digit year needs a clock time after it or a cue before it
        "[Screen-Shot-2018-07-02-at-16]",  # a file's name, not a date
        "from 2012 to 2019",
        "page 5, 2019",  # a word in a month's place that is no month's name
        "Nov 20 201945 readers",  # more digits after a year are no clock time
        "",
    ],
)
def test_no_date(line):
    assert find_date(line) == ""
    assert not has_date(line)


def test_every_date_of_a_line_in_order():
    found = find_dates("Updated Nov. 19, 2019 8:21 am ET / Original 18.11.2019")
    assert [(d.year, d.month, d.day) for d in found] == [(2019, 11, 19), (2019, 11, 18)]


def test_numbers_that_could_trade_places_keep_both_readings():
    (date,) = find_dates("03/04/2019")
    assert date.swappable
    assert find_date("03/04/2019") == "2019-03-04"  # slashes: month first unless told
    assert find_date("03/04/2019", day_first=True) == "2019-04-03"
    assert find_date("03.04.2019", day_first=False) == "2019-03-04"
    assert not find_dates("05/05/2019")[0].swappable


def test_a_page_habit_decides_which_number_is_the_day():
    # its numeric dates with a day above 12
    assert day_first_on_page("Posted 21/06/2014. Updated 03/04/2015.", "en")
    assert not day_first_on_page("Posted 06/21/2014. Updated 03/04/2015.", "de")
    # else the order it writes month names in
    assert day_first_on_page("19 November 2019. Event on 03/04/2020.", "en")
    assert not day_first_on_page("November 19, 2019. Event on 03/04/2019.", "de")
    # else the reading that is not after the latest date the page states plainly
    assert day_first_on_page("Today is 2019-02-10. Posted 09/02/2019.", "en")
    # else its language: American English month first, nearly everyone else day first
    assert not day_first_on_page("Posted 03/04/2019.", "en")
    assert day_first_on_page("Publicado 03/04/2019.", "pt")


@pytest.mark.parametrize(
    "line",
    [
        "来源:市场星报 2020-06-01 00:35 https://www.yybnet.net/",
        "发布时间：2011-12-15 19:15:35  【我要纠错】",
        "2012年01月11日15:33    来源：人民网-科技频道",
        "Published June 4, 2022",
        "By Jane Porter, 4 June 2022",
        "2019-11-20T02:15:00-0600",
        "Nov 20 2019, 11:06am ist",
    ],
)
def test_reads_what_metadata_reads_the_same_way(line):
    """So that :func:`metadata.find_date` could hand its work to this module."""
    for zone in ("", "+08:00"):
        assert find_date(line, zone=zone) == metadata.find_date(line, zone=zone)
