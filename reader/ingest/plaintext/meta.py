"""Source, byline, link and publication date from the metadata lines around the headline."""

from __future__ import annotations

import re

from reader.ingest.dates import (
    FoundDate,
    copyright_year,
    day_first_on_page,
    find_dates,
    year_less_dates,
)
from reader.ingest.metadata import (
    LineMeta,
    find_byline,
    find_url,
    guess_language,
    looks_like_meta_line,
    read_meta_line,
)
from reader.ingest.plaintext.head import Head, is_river, is_time_stamp, meta_run
from reader.ingest.plaintext.lines import Unit


def metadata_lines(units: list[Unit], head: Head, start: int) -> list[int]:
    """The metadata lines around the headline, in page order, the one the body hangs from first
    when it stands apart from them."""
    top = (head.title if head.title >= 0 else start) - 1
    lines = [i for i in range(max(0, top), min(len(units), start + 3))
             if (units[i].kind == "meta" and not is_river(units, *meta_run(units, i)))
             or (_meta_unclassified(units[i]) and looks_like_meta_line(units[i].text))]
    if head.meta >= 0 and head.meta not in lines:
        lines.insert(0, head.meta)
    return lines


def _meta_unclassified(unit: Unit) -> bool:
    """A line that may state metadata though the classifier did not ask: furniture (classified
    first), and lines too long or too punctuated for it to ask."""
    if unit.kind == "junk":
        return True
    return unit.kind in ("item", "text") and (unit.weight > 40 or (unit.final and unit.punct > 2))


def read_metadata(units: list[Unit], lines: list[int], zone: str, body: int) -> LineMeta:
    """Source, byline and link: the first line that states each; the byline else from the head
    of the body's first paragraph, where Chinese news names its reporter after the dateline
    ("新华网北京12月9日电(记者罗沙)…", "中国网1月17日讯（王文举）…")."""
    meta = LineMeta()
    for i in lines:
        found = read_meta_line(units[i].text, zone=zone)
        meta.source = meta.source or found.source
        meta.byline = meta.byline or found.byline
        meta.url = meta.url or found.url
    if lines and not meta.url:
        for i in range(min(lines), max(lines) + 1):
            meta.url = meta.url or find_url(units[i].text)
    for unit in units[body:body + _LEDE_LINES]:
        if meta.byline:
            break
        if unit.cjk and unit.kind == "text":
            meta.byline = find_byline(unit.text[:_LEDE_HEAD])
    return meta


_LEDE_LINES = 2  # lines at the top of the body where a dateline can stand (a standfirst may come first)
_LEDE_HEAD = 80  # characters of a paragraph in which its dateline and reporter stand


def published_date(units: list[Unit], lines: list[int], head: Head, start: int, zone: str, page: str) -> str:
    """The first date the metadata lines give; else the head's own time stamp, where it writes the
    day without its year; else the date nearest the headline in a line of page furniture (a date
    set apart in a toolbar above the headline), never one from running text."""
    for i in lines:
        if (found := _date_in(units[i].text, zone, page)):
            return found
    if head.meta >= 0 and is_time_stamp(units[head.meta]):
        return _stamp_day(units[head.meta].text, page)
    if head.title < 0:
        return ""
    near = [*range(head.title + 1, start), *range(head.title - 1, max(-1, head.title - 5), -1)]
    for i in near:
        unit = units[i]
        if unit.kind == "text" and unit.punct >= 2 or unit.kind == "meta" and is_river(units, *meta_run(units, i)):
            continue
        if found := _date_in(unit.text, zone, page):
            return found
    return ""


def sign_off_date(units: list[Unit], end: int, zone: str, page: str) -> str:
    """The date of a metadata line closing the story, as Taiwanese papers sign off ("【2012/01/12
    聯合報】"): where the head gives none, the story's day all the same."""
    for i in range(end, min(len(units), end + _SIGN_OFF_REACH + 1)):
        if units[i].kind == "meta" and not is_river(units, *meta_run(units, i)) \
                and (found := _date_in(units[i].text, zone, page)):
            return found
    return ""


_SIGN_OFF_REACH = 2  # lines past the body's last where the line closing the story can stand


def _stamp_day(text: str, page: str) -> str:
    """The day a time stamp without a year writes ("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM"),
    in the year of the page's copyright notice, the year it was served in; '' without one."""
    year = copyright_year(page)
    found = year_less_dates(text, year) if year else []
    return _posted(found, text).iso() if found else ""


# What introduces the date a story was first published, as against updated.
_POSTED = re.compile(r"(?:posted|published|发布|發布|发表|發表)[^\d]{0,14}$", re.I)


def _posted(found: list[FoundDate], text: str) -> FoundDate:
    """Of the dates a line writes, the one it says the story was posted or published on (a line
    stating the last update first: "Updated Nov 19, 2019; Posted Nov 18, 2019"), else the first."""
    if len(found) > 1:
        for date in found:
            if _POSTED.search(text, max(0, date.start - 24), date.start):
                return date
    return found[0]


def _date_in(text: str, zone: str, page: str) -> str:
    """The first date in a line as ISO 8601 (the publication date where the line gives it beside
    another); where its numbers alone do not say which is the day, the page's own habit does
    (:func:`dates.day_first_on_page`)."""
    found = find_dates(text)
    if not found:
        return ""
    date = _posted(found, text)
    if date.swappable and date.month_first == day_first_on_page(page, guess_language(page)):
        date = date.swapped()
    return date.iso(zone=zone)
