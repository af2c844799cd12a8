"""Dates as pages print them, found in a line of text and read as a calendar day.

A saved page states its publication date in the writing of its site and
language: ``2012年01月12日``, ``2012-1-11``, ``Nov. 19, 2019``, ``25. September
2018``, ``Oktober 27, 2015``, ``13.11.2019, 23:06``, ``21/06/2014``, ``On
11/13/19 at 4:00 PM``. Dates are found from their years, read forward from a year
that leads and back from one that ends: a line holds few years, and a pattern tried
at every character of every line would cost more than reading the page. Month names
come from a table of the major European languages (and Indonesian, Turkish and
Russian), checked once a word in a date's place is found.

Numbers alone do not always say which is the day: ``03/04/2019`` is 3 April in
most of the world and March 4 in the United States. A number above 12 settles
it; otherwise the date is marked ``swappable`` and :func:`day_first_on_page`
reads the page's own habit (its unambiguous dates, the order it writes month
names in, then the reading that is not after its other dates, then its
language). Dots (``13.11.2019``) and dashes (``13-11-2019``) are written day
first wherever they are used. A two-digit year is only read where a clock time
follows or a word such as "on"/"posted" precedes it: elsewhere ``1/2/19`` is as
likely a fraction or a score.

Output is ISO 8601, as :mod:`metadata` writes it: a year-first date with a
clock time keeps the time (China time, +08:00, on Chinese pages; the offset an
ISO timestamp gives); every other date is a date alone, since a clock time
without its zone does not name an instant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari",
        "styczeń", "stycznia", "января", "январь", "ocak"),
    2: ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev",
        "februari", "luty", "lutego", "февраля", "февраль", "şubat", "subat"),
    3: ("march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt", "maret", "mac",
        "marzec", "marca", "марта", "март", "mart"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "апреля", "апрель", "nisan"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "мая", "май", "mayıs", "mayis"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca", "июня", "июнь",
        "haziran"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca", "июля", "июль",
        "temmuz"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "agustus", "agu", "ogos", "augusti",
        "sierpień", "sierpnia", "августа", "август", "ağustos", "agustos"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
        "wrzesień", "września", "сентября", "сентябрь", "eylül", "eylul"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
         "październik", "października", "октября", "октябрь", "ekim"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "ноября", "ноябрь",
         "kasım", "kasim"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
         "dezembro", "desember", "des", "grudzień", "grudnia", "декабря", "декабрь", "aralık", "aralik"),
}
_MONTHS = {name.casefold(): number for number, names in _MONTH_NAMES.items() for name in names}
_WORD = r"[^\W\d_]{3,12}"  # a month's name, checked against the table above once matched

_YEAR = r"(?:19|20)\d{2}"
# Dates are found from their years: a line holds few, while a pattern tried at every
# character would cost more than the rest of the line's reading. (A pattern that begins
# with a plain character is searched for that character first, in C: the check that no
# digit stands before the year comes after it.)
# A clock time may follow the year without a space, where a page's text joined two of its
# elements ("Nov 20 20194:29 AM EST").
_YEARS = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?:(?!\d)|(?=\d{1,2}:\d\d))")
# Read from the year on: 2019-11-20T09:28:00Z; 2012年01月12日, 2012-1-11, 2012.01.12 03:15, 2019년 11월 20일.
_YEAR_FIRST = re.compile(
    rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>\d{{2}})-(?P<id>\d{{2}})T(?P<ih>\d{{2}}):(?P<imi>\d{{2}})"
    r"(?::(?P<is>\d{2}))?(?:\.\d+)?(?P<iz>Z|[+-]\d{2}:?\d{2})?)"
    rf"|(?<![A-Za-z]-)(?<!_)(?P<yy>{_YEAR})\s*[-/.年년]\s*(?P<ym>\d{{1,2}})\s*[-/.月월]\s*(?P<yd>\d{{1,2}})(?!\d)"
    r"(?![-_][A-Za-z])\s*[日일]?"
    r"(?:\s*(?:[T\s]|&nbsp;)?\s*(?P<yh>\d{1,2})\s*[:：时時시]\s*(?P<ymi>\d{2})(?:\s*[:：分분]\s*(?P<ys>\d{2}))?)?"
)
# Read back from the year, up to its end: 21/06/2014, 13.11.2019; Nov. 19, 2019, Oktober 27, 2015;
# 25. September 2018, 20 Nov, 2019, 30th of September 2019, 1er janvier 2019, 5 de março de 2019.
_YEAR_LAST = re.compile(
    rf"(?<![\d./-])(?P<na>\d{{1,2}})(?P<ns>[./-])(?P<nb>\d{{1,2}})(?P=ns)(?P<ny>{_YEAR})$"
    rf"|(?<![^\W\d_])(?P<mm>{_WORD})\.?\s*(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>{_YEAR})$"
    rf"|(?<!\d)(?P<dd>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+|of\s+)?(?P<dm>{_WORD})\.?,?\s*(?:de\s+|del\s+)?"
    rf"(?P<dy>{_YEAR})$",
    re.I,
)
_YEAR_LAST_REACH = 28  # "30th of September, " and "5 de septiembre de " fit
# 11/13/19 at 4:00 PM, on 13.11.19: two-digit years, read only with a clock time after or a cue before.
_SHORT = re.compile(
    r"(?<![\d./-])(?P<sa>\d{1,2})(?P<ss>[./-])(?P<sb>\d{1,2})(?P=ss)(?P<sy>\d{2})(?![\d./-])"
    r"(?P<sclock>,?\s*(?:at\s+|um\s+|à\s+)?\d{1,2}[:h]\d{2})?"
)
_TWO_DIGIT_CUE = re.compile(r"\b(?:on|posted|published|updated|date:?)\s+$", re.I)


@dataclass(slots=True)
class FoundDate:
    """One date in a line: where it stands, how it was written, and the calendar day it names.

    ``kind`` is the pattern that read it: "iso", "ymd" (year first), "numeric"
    (day and month in either order, then the year), "month-day" and "day-month"
    (a month name after or before the day). ``swappable`` marks a numeric date whose
    day and month could trade places (both 12 or less, and different): ``month`` and
    ``day`` hold the reading its separator suggests, :meth:`swapped` the other one.
    """

    start: int
    end: int
    year: int
    month: int
    day: int
    kind: str
    clock: tuple[int, int, int] | None = None
    offset: str = ""
    swappable: bool = False
    month_first: bool = False

    def swapped(self) -> FoundDate:
        return replace(self, month=self.day, day=self.month, month_first=not self.month_first)

    def iso(self, *, zone: str = "") -> str:
        """ISO 8601; a clock time stays, with its own offset or else the page's ``zone``."""
        if self.clock is None:
            return iso_date(self.year, self.month, self.day)
        offset = self.offset or zone
        return iso_date(self.year, self.month, self.day, *self.clock, offset=offset)


def iso_date(year: int, month: int, day: int, hour: int | None = None, minute: int | None = None,
             second: int | None = None, offset: str = "") -> str:
    """ISO 8601 text for a date, with the time and offset when they are known; '' if impossible."""
    if not (1 <= month <= 12 and 1 <= day <= _days_in(year, month) and 1900 <= year <= 2100):
        return ""
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if hour is None or minute is None or hour > 23 or minute > 59:
        return date
    return f"{date}T{hour:02d}:{minute:02d}:{(second or 0):02d}{offset}"


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _offset(zone: str | None) -> str:
    if not zone:
        return ""
    if zone in ("Z", "z"):
        return "+00:00"
    return zone if ":" in zone else zone[:3] + ":" + zone[3:]


def _numeric(start: int, end: int, first: int, second: int, year: int, separator: str) -> FoundDate | None:
    """An all-numbers date: a value above 12 says which is the day; else dots and dashes are day first,
    slashes month first (the way American pages write them), and the date is marked swappable."""
    if first > 12 and second <= 12:
        return FoundDate(start, end, year, second, first, "numeric")
    if second > 12 and first <= 12:
        return FoundDate(start, end, year, first, second, "numeric", month_first=True)
    if first > 12:
        return None
    swappable = first != second
    if separator == "/":
        return FoundDate(start, end, year, first, second, "numeric", swappable=swappable, month_first=True)
    return FoundDate(start, end, year, second, first, "numeric", swappable=swappable)


def _two_digit_year(year: int) -> int:
    return (2000 if year < 70 else 1900) + year


def _month(name: str) -> int:
    return _MONTHS.get(name.rstrip(".").casefold(), 0)


def _year_first(match: re.Match[str]) -> FoundDate:
    group = match.group
    start, end = match.span()
    if group("iso"):
        return FoundDate(start, end, int(group("iy")), int(group("im")), int(group("id")), "iso",
                         (int(group("ih")), int(group("imi")), int(group("is") or 0)), _offset(group("iz")))
    clock = (int(group("yh")), int(group("ymi")), int(group("ys") or 0)) if group("yh") else None
    return FoundDate(start, end, int(group("yy")), int(group("ym")), int(group("yd")), "ymd", clock)


def _year_last(match: re.Match[str]) -> FoundDate | None:
    """The date a match of :data:`_YEAR_LAST` names; None where its word is no month's name."""
    group = match.group
    start, end = match.span()
    if group("na"):
        return _numeric(start, end, int(group("na")), int(group("nb")), int(group("ny")), group("ns"))
    if group("mm"):
        month = _month(group("mm"))
        return FoundDate(start, end, int(group("my")), month, int(group("md")), "month-day", month_first=True) \
            if month else None
    month = _month(group("dm"))
    return FoundDate(start, end, int(group("dy")), month, int(group("dd")), "day-month") if month else None


def _ending_at(text: str, floor: int, year_end: int) -> FoundDate | None:
    """The date written up to the year that ends at ``year_end``, starting no earlier than ``floor``."""
    position = max(floor, year_end - _YEAR_LAST_REACH)
    while (match := _YEAR_LAST.search(text, position, year_end)) is not None:
        found = _year_last(match)
        if found is not None:
            return found
        position = match.start() + 1
    return None


def _with_four_digit_years(text: str) -> list[FoundDate]:
    found: list[FoundDate] = []
    floor = 0
    for year in _YEARS.finditer(text):
        if year.start() < floor:
            continue
        match = _YEAR_FIRST.match(text, year.start())
        date = _year_first(match) if match else _ending_at(text, floor, year.end())
        if date is not None:
            found.append(date)
            floor = date.end
    return found


def _with_two_digit_years(text: str) -> list[FoundDate]:
    found = []
    for match in _SHORT.finditer(text):
        if match.group("sclock") or _TWO_DIGIT_CUE.search(text, max(0, match.start() - 12), match.start()):
            year = _two_digit_year(int(match.group("sy")))
            date = _numeric(match.start(), match.end("sy"), int(match.group("sa")), int(match.group("sb")), year,
                            match.group("ss"))
            if date is not None:
                found.append(date)
    return found


def find_dates(text: str) -> list[FoundDate]:
    """Every date ``text`` writes, in order; numbers that name no real day are passed over."""
    found = _with_four_digit_years(text)
    if _SHORT_HINT.search(text):
        found = sorted(found + _with_two_digit_years(text), key=lambda date: date.start)
    return [date for date in found if iso_date(date.year, date.month, date.day)]


_SHORT_HINT = re.compile(r"\d[./-]\d\d?[./-]\d\d(?![\d./-])")
# Every date holds four digits in a row or a digit, a separator and a digit: a line without
# either, which is most lines, is settled by one quick search.
_DATE_HINT = re.compile(r"\d(?:\d\d\d|[./-]\d)")


def has_date(text: str) -> bool:
    """Whether ``text`` writes a date at all."""
    return bool(_DATE_HINT.search(text)) and bool(find_dates(text))


def find_date(text: str, *, zone: str = "", day_first: bool | None = None) -> str:
    """The first date in ``text`` as ISO 8601 ('' if none), a clock time without an offset in ``zone``;
    ``day_first`` settles a swappable date (None keeps the reading its separator suggests)."""
    for date in find_dates(text):
        if date.swappable and day_first is not None and date.month_first == day_first:
            date = date.swapped()
        return date.iso(zone=zone)
    return ""


# A month's name and a day without a year ("Nov 19", "November 19th", "19 Nov"), which a site
# writes for a date in its current year; the day must not run on into a year or a longer number.
_YEAR_LESS = re.compile(
    rf"(?<![^\W\d_])(?P<mm>{_WORD})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?!,?\s*(?:19|20)\d\d)"
    rf"|(?<![\d.:])(?P<dd>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?P<dm>{_WORD})\b(?!\.?,?\s*(?:19|20)\d\d)"
)
# A copyright notice's year, the latest when it gives a span ("© 2019", "Copyright 2008-2019").
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)\b", re.I)


def year_less_dates(text: str, year: int) -> list[FoundDate]:
    """The dates ``text`` writes as a month's name and a day without a year, read in ``year``."""
    found = []
    position = 0
    while (match := _YEAR_LESS.search(text, position)) is not None:
        name, day = (match.group("mm"), match.group("md")) if match.group("mm") else (match.group("dm"),
                                                                                     match.group("dd"))
        month = _month(name)
        if month and iso_date(year, month, int(day)):
            found.append(FoundDate(match.start(), match.end(), year, month, int(day), "year-less"))
            position = match.end()
        else:
            # A word that is no month's name ("Posted 19 Nov"): the day may open the next reading.
            position = match.start() + 1
    return found


def copyright_year(page: str) -> int | None:
    """The year a page's copyright notice names (the latest, if several): the year the page was
    served in, and so the year of the dates it writes without one."""
    years = [int(match.group(1)) for match in _COPYRIGHT.finditer(page)]
    return max(years) if years else None


# Pages in these languages write clock times in their country's time without saying so:
# China (Taiwan and Hong Kong alike), Japan, Korea.
_LOCAL_ZONES = {"zh": "+08:00", "ja": "+09:00", "ko": "+09:00"}


def local_zone(language: str) -> str:
    """The UTC offset of clock times a page in ``language`` writes without one ('' if not known)."""
    return _LOCAL_ZONES.get(language, "")


def day_first_on_page(page: str, language: str = "") -> bool:
    """Whether the page writes numbers day first, for dates whose numbers do not say.

    Asked only when a swappable date matters. The page's own habit decides: its
    numeric dates with a day above 12, else the order it writes month names in
    (``19 November`` or ``November 19``); else the reading of its swappable dates
    that never falls after the latest date it states plainly; else its language
    (American English writes month first, nearly everyone else day first).
    """
    dates = find_dates(page)
    plain = [d for d in dates if not d.swappable]
    votes = [d.month_first for d in plain if d.kind == "numeric" and d.day > 12] or \
        [d.month_first for d in plain if d.kind in ("month-day", "day-month")]
    month_first = sum(votes)
    if month_first * 2 != len(votes):
        return month_first * 2 < len(votes)
    swappable = [d for d in dates if d.swappable]
    if plain and swappable:
        latest = max((d.year, d.month, d.day) for d in plain)
        as_read = all((d.year, d.month, d.day) <= latest for d in swappable)
        as_swapped = all((d.year, d.day, d.month) <= latest for d in swappable)
        if as_read != as_swapped:
            return as_read != swappable[0].month_first
    return language != "en"
