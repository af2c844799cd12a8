"""Metadata a page states, in its own words or in its markup: dates, sources,
authors, links, language.

Chinese news pages print their metadata as a line of text under the title
("来源:市场星报 2020-06-01 00:35 https://…", "作者：张三 发布时间：…"), not as
markup, so plain-text and HTML extraction both read those lines here.
Dates come out as ISO 8601: a date with a time on a Chinese page is China
time (+08:00); a date alone stays a date. What HTML markup says (meta tags,
JSON-LD, <title>, bylines, htmldate's date) is read with trafilatura's own
functions, but only the fields an article shows (see :func:`markup_metadata`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.ingest import dates
from reader.scripts import HAN, HAN_BASIC, HANGUL, KANA, chars_matched
from reader.urls import url_host

if TYPE_CHECKING:
    import lxml.html

_URL = re.compile(r"https?://[^\s<>\"'，。、；）)\]】]+", re.I)

_LABEL = r"[:：]\s*"
_SOURCE = re.compile(r"(?:来源|來源|稿源|出处|出處|Source)" + _LABEL + r"([^\s　|｜/]{1,40}?)(?=\s|　|$|[|｜/]|作者|记者|記者|编辑|編輯|责任|發布|发布|时间|時間|(?:19|20)\d{2}|https?:)", re.I)
_AUTHOR = re.compile(r"(?:作者|撰文|文)" + _LABEL + r"(?:(?:本报|本報|特约|特約)?(?:记者|記者)\s*)?"
                     r"([^\s　|｜/]{1,30}?)(?=\s|　|$|[|｜/]|来源|來源|记者|编辑|发布|时间|(?:19|20)\d{2})")
# What follows 记者 in prose rather than a name ("记者获悉", "记者从…了解到", "记者日前…").
_REPORTER_PROSE = (r"(?!获悉|獲悉|了解|瞭解|日前|近日|昨日|昨天|今天|今日|采访|採訪|发现|發現|注意到|看到|调查|調查|走访|走訪"
                   r"|致电|致電|联系|聯繫|从|從|在|于|於|向|对|對|随后|隨後|第一时间|第一時間|发稿|發稿|得知|前往|来到|來到"
                   r"|赶到|趕到|随即|隨即|再次|实地|實地|现场|現場|也|还|還|又|就|都|亦|已|均)")
_REPORTER = re.compile(r"(?:本报|本報|本台|本网|新华社|中新社|中新网)?(?:特约|实习|見習|见习)?(?:记者|記者)\s*[:：]?\s*"
                       + _REPORTER_PROSE +
                       rf"([{HAN_BASIC}·]{{2,4}}(?:[ 、，,和][{HAN_BASIC}·]{{2,4}})*)"
                       rf"(?=[\s）)】\]／/╱,，、]|$|報導|报道|[{HAN_BASIC}]{{2}}(?:報導|报道))")
"""A reporter's name after 记者, ended as bylines end (a space, a bracket, a slash, 报道): so
prose such as "记者日前从国务院…获悉" names no one."""
_DATE_WORD = (r"(?i:on|at|updated|published|posted|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
              r"|publiziert|veröffentlicht|aktualisiert|publié|publicado|pubblicato)\b"
              r"|(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)")
_NOT_NAME = rf"(?!{_DATE_WORD})"
_ROLE_WORD = (r"[^,|;]*\b(?i:staff|writer|reporter|editor|correspondent|contributor|columnist|associated press"
              r"|reuters|bloomberg|afp|ap)\b")
"""A role or an agency somewhere before the next comma: "Staff Writer", "AP Auto Writer"."""
_NAME = rf"{_NOT_NAME}[A-Z][\w.'\-]*(?:\s+(?:{_NOT_NAME}[A-Z][\w.'\-]*|de|van|von|la|da|del|di|le))*"
_CREDENTIAL = r"(?:MS|MD|RD|PhD|MPH|RN|MBA|LD|CDN|Jr|Sr)\b"
_BY = re.compile(r"^\s*(?:[\d/.\-]+\s+)?(?i:(?:written|words|text|researched|reported)\s+by|by|von|par|por):?\s+"
                 rf"({_NAME}(?:(?:\s+(?:and|&|und|et|y)\s+|,\s+(?:and\s+)?(?!{_ROLE_WORD}|{_CREDENTIAL})){_NAME})*)"
                 rf"(?=\s*[,|•·;]|\s+(?:{_DATE_WORD})|\s+[-–—\d]|\s*\S*@|\s*$)")
"""An English (or German, French, Spanish) byline: capitalised names, co-authors joined by commas
or "and"; a role or a degree after a comma ("Staff Writer", "MS, RD") is no co-author; a date
may come first ("11/19/2019 by …"), a social handle or an address after ("…@handle")."""
# What a site fills an author field with when no one is named: its app, its readers, "anonymous".
_NO_ONE = frozenset({"手机版", "手機版", "客户端", "客戶端", "网友", "網友", "佚名", "匿名", "本站", "本网", "本網",
                     "小编", "小編", "管理员", "管理員", "admin"})
_REPORT_TAIL = re.compile(rf"\s+[{HAN_BASIC}]{{0,4}}(?:報導|报道)$")
# Taiwanese bylines: "石文南／台北報導", "記者鄭矞昕／綜合報導", "（張文祿報導）"; a desk ("國際中心") is no one's name.
_PLACE_REPORT = re.compile(rf"(?<![{HAN_BASIC}])(?:記者|记者)?\s*([{HAN_BASIC}]{{2,4}})\s*[／/╱]\s*[{HAN_BASIC}]{{0,4}}(?:報導|报道)")
_PAREN_REPORT = re.compile(rf"[（(]\s*([{HAN_BASIC}]{{2,4}})\s*(?:報導|报道)\s*[）)]")
# A dateline's reporter in brackets, without the word 记者: "中国网1月17日讯（王文举）", "腾讯科技讯（无忌）".
_DATELINE_REPORT = re.compile(r"(?:讯|訊|电|電)\s*[（(]\s*(?!通讯员|通訊員|实习生|實習生|编辑|編輯|记者|記者)"
                              rf"([{HAN_BASIC}·]{{2,4}}(?:[ 、][{HAN_BASIC}·]{{2,4}})*)\s*[）)]")
_DESK = re.compile(r"(?:中心|小组|小組|部|室|社|网|網|台|组|組|綜合|综合)$")
_PHOTO = re.compile(r"\s*(?:摄|攝)")
_ROLE = re.compile(r"\s*(?:通讯员|通訊員|实习生|實習生)")
"""Where a list of reporters turns to their helpers ("记者 梁静 通讯员 李静")."""


_PAIRS = {"(": ")", "（": "）", "【": "】", "[": "]", "《": "》"}


def _strip_brackets(text: str) -> str:
    """Drop brackets around a name or left unbalanced by the line ("(新华网)" → "新华网"),
    keeping balanced ones inside it ("中国证券报(广州)")."""
    text = text.strip()
    while len(text) >= 2 and _PAIRS.get(text[0]) == text[-1] and text.count(text[0]) == 1:
        text = text[1:-1].strip()
    for opening, closing in _PAIRS.items():
        if text.endswith(closing) and text.count(closing) > text.count(opening):
            text = text[:-1]
        if text.startswith(opening) and text.count(opening) > text.count(closing):
            text = text[1:]
    return text.strip()


def find_date(text: str, *, zone: str = "") -> str:
    """The first date in ``text`` as ISO 8601 ('' if none), a clock time without an offset in ``zone``.

    A machine timestamp anywhere in the line (``2019-11-20T09:28:00Z``) wins, as <meta> values
    and metadata lines give one; otherwise the first date :mod:`dates` reads."""
    found = dates.find_dates(text)
    stamp = next((date for date in found if date.kind == "iso"), None)
    if stamp is not None:
        return stamp.iso()
    return found[0].iso(zone=zone) if found else ""


def find_url(text: str) -> str:
    """The first http(s) link written out in ``text``."""
    match = _URL.search(text)
    return match.group(0).rstrip(".,;:") if match else ""


@dataclass
class LineMeta:
    """What one metadata line says; empty strings where it says nothing."""

    source: str = ""
    byline: str = ""
    published: str = ""
    url: str = ""

    def any(self) -> bool:
        return bool(self.source or self.byline or self.published)


def read_meta_line(line: str, *, zone: str = "") -> LineMeta:
    """Read source, author, date and link from a line such as
    ``来源:市场星报 2020-06-01 00:35   https://www.yybnet.net/``."""
    meta = LineMeta()
    source = _SOURCE.search(line)
    if source:
        meta.source = _strip_brackets(source.group(1))
    meta.byline = find_byline(line)
    meta.published = find_date(line, zone=zone)
    meta.url = find_url(line)
    return meta


def find_byline(line: str) -> str:
    """Who wrote the story, as a line under a headline names them: "作者：张三", "本报记者 李四",
    "記者鄭矞昕／彰化報導", "（張文祿報導）", "中国网1月17日讯（王文举）", "By A and B"; '' if the line names no one.
    A photographer's credit ("本报记者 郭立亮 摄") is no byline."""
    author = _AUTHOR.search(line)
    if author:
        return "" if author.group(1) in _NO_ONE else author.group(1)
    for pattern in (_REPORTER, _PLACE_REPORT, _PAREN_REPORT, _DATELINE_REPORT):
        for match in pattern.finditer(line):
            name = _REPORT_TAIL.sub("", _ROLE.split(match.group(1))[0].strip())
            photo = name.endswith(("摄", "攝")) or _PHOTO.match(line, match.end())
            if not photo and not (pattern in (_PLACE_REPORT, _DATELINE_REPORT) and _DESK.search(name)):
                return name
    korean = _KOREAN_REPORTER.search(line) if "기자" in line else None
    if korean:
        return korean.group(1)
    # "By …" opens the line or one of its parts ("20.11.2019, 10:30 Uhr | Von Anna Muster").
    for part in _PARTS.split(line):
        by = _BY.search(part)
        if by:
            return _unglued(by.group(1).strip())
    named = _NAME_DASH_DATE.match(line)
    return named.group(1) if named and dates.has_date(line[named.end():]) else ""


# A byline without "By": a name, then a dash and the date ("Chris Davies - Nov 19, 2019, 10:31 pm CST").
_NAME_DASH_DATE = re.compile(r"\s*([A-Z][a-z'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’\-]+){1,2})\s+[-–—|·]\s+")


_PARTS = re.compile(r"\s[|•·]\s")
# A Korean reporter's name before the word for reporter ("김민수 기자", "김민수기자").
_KOREAN_REPORTER = re.compile(rf"(?<![{HANGUL}])([{HANGUL}]{{2,4}})\s?기자(?![{HANGUL}])")


# Where a page's text ran the byline into the next element: a name, then a role or an outlet
# ("Meg JamesStaff Writer", "Jonathan GarberFOXBusiness"); "McDonald" and "LeBron" stay whole.
_GLUED = re.compile(
    r"(?<=[a-z]{2})(?=(?:Staff|Writer|Reporter|Editor|Correspondent|Contributor|Columnist)\b|[A-Z]{2,})")


def _unglued(name: str) -> str:
    """A byline without what a page's text joined to it: a role or an outlet glued to the last
    name, or the whole name printed twice (a link's text and its title, "Sean Martin Sean Martin")."""
    name = _GLUED.split(name, maxsplit=1)[0]
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


# Words that say a line is metadata. Kept apart, the Chinese ones need no case folding (which
# would keep the regex engine from skipping ahead by their first characters), and the English
# ones are searched for only in lines that hold one of them at all.
_META_WORDS_CJK = re.compile(r"来源|來源|稿源|作者|记者|記者|编辑|編輯|发布时间|發布時間|发表时间|时间[:：]|時間[:：]|日期[:：]|更新")
_META_WORDS_EN = re.compile(r"\b(?:posted|published|updated|by)\b", re.I)
_BYLINE_START = re.compile(r"\s*(?i:by)\s+[A-Z]")


def _meta_words(line: str) -> bool:
    if _META_WORDS_CJK.search(line):
        return True
    lower = line.lower()
    return ("by" in lower or "posted" in lower or "published" in lower or "updated" in lower) and bool(
        _META_WORDS_EN.search(line))


def looks_like_meta_line(line: str) -> bool:
    """A short line that states where/when/who rather than telling the story."""
    if len(line) > 160:
        return False
    words = _meta_words(line)
    # Without a word that names metadata, only a date on a short line makes one.
    if not words and (len(line) >= 80 or not _DIGIT.search(line)):
        return False
    if (words or len(line) < 80) and dates.has_date(line):
        return True
    return words and bool(_SOURCE.search(line) or _AUTHOR.search(line) or _BYLINE_START.match(line))


_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[^\W\d_]+")
_KANA = re.compile(rf"[{KANA}]+")
_HAN = re.compile(rf"[{HAN}]+")
_HANGUL = re.compile(rf"[{HANGUL}]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_ARABIC = re.compile(r"[\u0600-\u06ff]+")
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "is", "in", "that", "it", "was", "for"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "zu", "den"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "que", "dans", "pour"},
    "es": {"el", "la", "los", "y", "que", "en", "una", "por", "con", "del"},
    "it": {"il", "di", "che", "e", "la", "per", "una", "sono", "non", "gli"},
    "pt": {"o", "de", "que", "e", "do", "da", "em", "um", "não", "uma"},
    "nl": {"de", "het", "een", "en", "van", "is", "niet", "dat", "op", "zijn"},
}

_LONGEST_STOPWORD = max(len(word) for words in _STOPWORDS.values() for word in words)


def guess_language(text: str) -> str:
    """A cheap language guess from scripts and common words: 'zh', 'ja', 'ko', 'en', … or ''."""
    sample = text[:6000]
    words = _WORDS.findall(sample)
    letters = sum(map(len, words))
    if not letters:
        return ""
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if non_ascii > 0.05 * letters and (script := _script(sample, letters)):
        return script
    counts = Counter(word.lower() for word in words if len(word) <= _LONGEST_STOPWORD)
    scores = {lang: sum(counts[word] for word in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 2 else "en"


def _script(sample: str, letters: int) -> str:
    """The language a script names by itself, if one holds enough of the letters; asked
    only when enough characters are not ASCII for any of these thresholds to be reached."""
    if chars_matched(_KANA, sample) > 0.05 * letters:
        return "ja"
    if chars_matched(_HANGUL, sample) > 0.2 * letters:
        return "ko"
    if chars_matched(_HAN, sample) > 0.2 * letters:
        return "zh"
    if chars_matched(_CYRILLIC, sample) > 0.3 * letters:
        return "ru"
    if chars_matched(_ARABIC, sample) > 0.3 * letters:
        return "ar"
    return ""


@dataclass
class MarkupMeta:
    """What a page's markup says about it; empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    published: str = ""
    sitename: str = ""
    url: str = ""


def markup_metadata(root: lxml.html.HtmlElement, url: str | None, *, want_author: bool = True,
                    want_date: bool = True) -> MarkupMeta:
    """trafilatura's ``extract_metadata`` for the fields an article shows, at a fraction of its cost.

    Its categories, tags and licence are never shown. Its search for an author in
    the page's elements is the costliest step by far, so it runs only when the
    caller has no byline yet (``want_author``) and some element could name one at
    all (:func:`_may_name_author`); htmldate's search for a date only when the
    caller has no better one (``want_date``). Dates come from markup only:
    htmldate's free-text search runs dateparser over every locale and costs more
    than the extraction itself. The tree is only read, never changed.
    """
    from htmldate import find_date as markup_date
    from trafilatura import metadata as found

    document = found.examine_meta(root)
    if document.author and " " not in document.author:
        document.author = None
    try:
        document = found.extract_meta_json(root, document)
    except Exception:  # noqa: BLE001 - trafilatura guards its JSON-LD reader the same way
        pass
    document.title = document.title or found.extract_title(root)
    if not document.author and want_author and _may_name_author(root):
        document.author = found.extract_author(root)
    document.url = document.url or found.extract_url(root, url)
    if want_date:
        document.date = markup_date(root, extensive_search=False, original_date=True, url=document.url)
    document.sitename = _sitename(document.sitename or found.extract_sitename(root), document.url)
    document.clean_and_trim()
    return MarkupMeta(title=document.title or "", author=document.author or "", published=document.date or "",
                      sitename=document.sitename or "", url=document.url or "")


_AUTHOR_ATTRIBUTES = ("class", "id", "rel", "itemprop", "data-testid", "data-component")
_AUTHOR_WORDS = re.compile(
    "author|Author|byl|Byline|BBL|username|screenname|writer|zuozhe|bianji|xiaobian|channel-name|"
    "submitted-by|posted-by|journalist-name"
)


def _may_name_author(root: lxml.html.HtmlElement) -> bool:
    """False when no element can match trafilatura's author XPaths.

    Those test the attributes above for these words (and look for <author> and
    <rel> elements) with regular expressions that lxml calls back into Python for,
    element by element: several milliseconds a page. Pruning the page first, as
    trafilatura does, only removes elements, so when no attribute value holds any
    of the words, trafilatura finds no author either, and one search over the
    joined values answers that in a fraction of the time.
    """
    if next(root.iter("author", "rel"), None) is not None:
        return True
    return any(_AUTHOR_WORDS.search("\n".join(root.xpath(f"//@{name}"))) for name in _AUTHOR_ATTRIBUTES)


def _sitename(name: str | None, url: str | None) -> str | None:
    """trafilatura's tidying of a site's name: no Twitter "@", capitalised; else the URL's host,
    read as every host is (``reader.urls``)."""
    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name
    return url_host(url) if url else None
