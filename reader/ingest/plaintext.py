"""Plain text of a whole saved page (a browser's "Save as text", ``lynx -dump``)
or a text file a person wrote, turned into an article.

No library does this, and the text has no markup to lean on, so every line
is classified by how it reads: navigation (runs of short tokens), breadcrumbs
(地方网 > 安徽 > … > 正文), metadata lines (来源/作者/date/URL), end markers
(新闻推荐, 相关推荐, Related Articles, …), bullets and placeholders, and
running text. The article body is the stretch of lines with the most running
text (a maximum-sum segment over per-line scores), cut at the first end
marker. The title is the headline-like line nearest above the metadata line the
body hangs from (source, byline, date in any of the formats :mod:`dates` reads),
passing over what stands between them on real pages (bylines, agency lines,
photo captions and credits, labels, section names, share buttons, print
headers); where the date stands above the headline, the headline is the one
between the date and the body. Headings are short lines without sentence
punctuation standing between paragraphs; their levels come from :mod:`headings`.
Works line by line with precompiled patterns, each line measured once; counts
come from runs of characters (one match per run of ideographs, not per
ideograph), and costly patterns only run where a cheap test says they can
match: a page takes a few milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.ingest.blocks import Block, escape_inline, escape_line, unescape
from reader.ingest.dates import (
    FoundDate,
    copyright_year,
    day_first_on_page,
    find_dates,
    has_date,
    local_zone,
    year_less_dates,
)
from reader.ingest.headings import heading_levels, numbering
from reader.ingest.metadata import LineMeta, find_url, guess_language, looks_like_meta_line, read_meta_line

_NEWLINES = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
# What str.splitlines() breaks lines at besides those: text that holds none is split by it, faster.
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e")
_LINE_END = "\r\n\x85\u2028\u2029"


def _lines(text: str) -> list[str]:
    """The lines of ``text`` split at \\r\\n, \\r, \\n, NEL, LS and PS, as :data:`_NEWLINES` splits them
    (an empty last line after a final break included)."""
    for other in _OTHER_BREAKS:
        if other in text:
            return _NEWLINES.split(text)
    lines = text.splitlines()
    if not text or text[-1] in _LINE_END:
        lines.append("")
    return lines


_CJK_CLASS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")
_OTHER_WORD = re.compile(f"[^\\W_{_CJK_CLASS}]+")
_WORD_OR_CJK = re.compile(f"([{_CJK_CLASS}]+)|[^\\W_{_CJK_CLASS}]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
# ASCII text's bytes with each letter and digit made an "a" and all else a space: the words the
# pattern above finds are then what bytes.split() splits out, and it counts them faster.
_ASCII_WORD_BYTES = bytes.maketrans(bytes(range(128)), bytes(97 if chr(i).isalnum() else 32 for i in range(128)))
# Sentence punctuation: Chinese marks always; Latin ones before a space or the end, a
# full stop also before a closing quote, a comma also before an ideograph. One character
# class comes first so that the scan skips all other characters quickly.
_SENTENCE = re.compile(
    r"[，。！？；、,;!?.](?:(?<=[，。！？；、])|(?<=[,;!?])(?=\s|$)|(?<=\.)(?=\s|$|[\"'”’)])|(?<=,)(?=[\u3400-\u9fff]))"
)
_STOPS = "。！？!?…;；"
_CLOSERS = "\"'”’」』)）"
_BULLET = re.compile(r"^(?:[•·●○◆◇■□▪▫►▶▸※★☆◎→»\-*+]|\d{1,3}[.)](?=\s))\s+")
# The characters a bullet starts with: most lines start otherwise and need no match.
_BULLET_FIRST = frozenset("•·●○◆◇■□▪▫►▶▸※★☆◎→»-*+0123456789")
_LYNX_LIST = re.compile(r"^\d{1,3}\.\s+")
# Page furniture a whole line can be, tried in one match: what lynx leaves of forms
# and frames, a bare link, pager links.
_FURNITURE = re.compile(
    r"(?:\[[^\]]*\]\s*)+$|\(?BUTTON\)?|IFRAME:|\[?(?:INLINE|LINK)\]"
    r"|(?i:(?:https?://|www\.)\S+$)"
    r"|(?i:(?:(?:上一[页頁]|下一[页頁]|首[页頁]|尾[页頁]|末[页頁]|第\s*\d+\s*[页頁]|共\s*\d+\s*[页頁]|\d{1,3}|[<>«»‹›]|Prev(?:ious)?|Next"
    r"|Page \d+ of \d+)\s*)+$"
    r"|\d{2,}(?:上一[页頁]|下一[页頁])|\d(?:\s?\d){2,}\s*(?:下一[页頁]|上一[页頁]|next))"
)
_EMPTY_FIELD = re.compile(r"\[\s{3,}\]")
_RULE = re.compile(r"^[\W_]+$")
_BAR_HINT = re.compile(r"[|｜│¦\-–—·•/]")
_NAV_BARS = re.compile(r"[|｜│¦]|\s[-–—·•/]\s|(?<=[\u3400-\u9fff])[-·•](?=[\u3400-\u9fff])")
_NAV_SPLIT = re.compile(r"\s+|[|｜│¦]|(?<=[\u3400-\u9fff])[-·•](?=[\u3400-\u9fff])")
_CRUMB_SPLIT = re.compile(r"(?:>>|->|›|»|＞|>|→|/|＼|\\)")
_CRUMB_HINT = re.compile(r"[>›»＞→/＼\\]")
_CRUMB_END = re.compile(r"(?:正文|正文内容|内容|详情|文章|本文|Article|Story)\s*$", re.I)
_JUNK = re.compile(
    r"^\d+\s*(?:人参与|人參與|条评论|條評論|comments?|shares?|responses?|replies)\b|^(?:字号[:：]?|字体[:：]|\[?打印\]?|\[?关闭\]?|\[?收藏\]?|分享到|返回顶部|我要评论|点击查看|"
    r"share|tweet|print|email|advertisement|skip to|menu|close|caption|image \d+ of|photo:|loading)",
    re.I,
)
# A site's cookie-consent notice, in the site's own voice: it is never the story, and its
# long, well-punctuated paragraphs would otherwise outweigh a short one.
_CONSENT = re.compile(
    r"\b(?:(?:this|our) (?:web)?site uses cookies|we (?:also )?use (?:\S+ )?cookies|(?:our|the) use of cookies"
    r"|(?:accept|consent to|opt(?:ing)?[- ]out of) (?:\S+ ){0,3}cookies|(?:non-)?necessary cookies"
    r"|cookies? (?:policy|settings|preferences|statement))\b",
    re.I,
)
_END_MARKERS = (
    "新闻推荐", "相关推荐", "相关新闻", "相关阅读", "相关文章", "相关链接", "相关报道", "相关专题", "延伸阅读",
    "推荐阅读", "猜你喜欢", "你可能", "您可能", "网友评论", "评论", "发表评论", "我要评论", "热门评论", "最新评论",
    "责任编辑", "責任編輯", "编辑", "上一篇", "下一篇", "热点排行", "热点阅读", "热点推荐", "热门推荐", "热门文章",
    "频道推荐", "精彩推荐", "图文看点", "图片新闻", "排行榜", "点击排行", "版权所有", "版權所有", "免责声明",
    "分享到", "打印本页", "声明", "聲明", "版权声明", "版權聲明", "查看所有评论", "查看评论", "感谢您访问", "关闭窗口", "返回首页", "更多新闻", "今日推荐", "编辑推荐", "网友跟帖", "跟帖",
    "related articles", "related stories", "related posts", "related content", "related", "comments",
    "previous post", "next post", "previous article", "next article", "leave a comment", "leave a reply", "more from", "more stories", "read more", "recommended", "you may also like",
    "you might also like", "most popular", "most read", "trending", "share this", "about the author",
    "sign up for", "subscribe to", "copyright", "©", "all rights reserved", "advertisement",
    # The same in traditional characters (Taiwan, Hong Kong), and the "previous/next item" links they use.
    "新聞推薦", "相關推薦", "相關新聞", "相關閱讀", "相關文章", "相關連結", "相關報導", "相關專題", "延伸閱讀",
    "推薦閱讀", "猜你喜歡", "網友評論", "評論", "發表評論", "我要評論", "熱門評論", "最新評論", "編輯", "上一則",
    "下一則", "熱門推薦", "熱門文章", "精彩推薦", "圖片新聞", "點擊排行", "免責聲明", "打印本頁", "查看所有評論",
    "關閉窗口", "返回首頁", "更多新聞", "今日推薦", "編輯推薦", "網友跟帖",
    # More of the tail's labels: more related items, the latest or hottest articles, a tag list.
    "更多相关", "更多相關", "相关网页", "相關網頁", "最新文章", "最热文章", "最熱文章", "本周最新", "本週最新",
    "tags",
)
# Share buttons in a row, named by their networks ("Facebook Twitter Digg del.icio.us", "分享到：微博 QQ空间").
_SHARE_BAR = re.compile(
    r"(?:(?:share(?: on| this)?|分享到|分享)\s*[:：]?\s*)?(?:(?:facebook|twitter|digg|del\.icio\.us|delicious|plurk"
    r"|google\s?\+?|linkedin|reddit|pinterest|whatsapp|tumblr|weibo|新浪微博|腾讯微博|騰訊微博|微博|qq空间|qq空間"
    r"|人人网|人人網|开心网|開心網|豆瓣|微信|e-?mail)\s*[,|/·、]?\s*){2,}$",
    re.I,
)
_COMMENTS = re.compile(
    r"^(?:\d+|no|one|two)\s+(?:responses?|comments?|replies|thoughts?|reactions?)\b(?:\s+(?:to|on)\b.*)?$"
    r"|^(?:[\w-]+\s){0,3}(?:comments?|responses|discussion)(?:\s*\(\d+\))?:?$"
    r"|^(?:leave a (?:reply|comment)|post a comment|join the discussion|add a comment|show comments|view comments)\b"
    r"|^(?:\d+\s*)?(?:条评论|條評論|人参与|人參與|网友评论|網友評論|发表评论|發表評論)",
    re.I,
)
# A commenter's header ("Jane Doe says:"); it ends in the verb, which is cheap to check first.
_SAYS = re.compile(r"^(?:\d+\.\s+)?[\w .'\-]{1,40}\s(?:says|said|wrote):?$|^.{1,80}\s(?:says|said|wrote):$", re.I)
_SAYS_END = re.compile(r"\s(?:says|said|wrote):?$", re.I)
_END = re.compile(
    r"^[\s【\[（(]*(?:" + "|".join(re.escape(m) for m in sorted(_END_MARKERS, key=len, reverse=True)) + r")",
    re.I,
)
# The first letter of some end marker: one character class instead of a hundred alternatives.
_END_START = re.compile(r"[\s【\[（(]*[" + "".join(sorted({re.escape(m[0]) for m in _END_MARKERS})) + "]", re.I)


class _Starts(dict[str, bool]):
    """Whether a character can open a match of a pattern, which most lines' first characters cannot:
    a dictionary look-up that spares the pattern's many branches. ``pattern`` matches the characters
    the branches start with (under the same flags); each character is asked of it once."""

    def __init__(self, pattern: str) -> None:
        super().__init__()
        self.pattern = re.compile(pattern)

    def __missing__(self, char: str) -> bool:
        self[char] = value = self.pattern.fullmatch(char) is not None
        return value


# The characters _FURNITURE, _JUNK, _SHARE_BAR and _COMMENTS can start with; _COMMENTS' branch for a
# few words before "comments" can start with any word, so it is known by the characters it ends
# with (a line break among them, where "$" may match).
_FURNITURE_STARTS = _Starts(r"[\[(BIL上下首尾末第共<>«»‹›]|(?i:[hwpn])|\d")
_JUNK_STARTS = _Starts(r"[字\[打关收分返我点]|(?i:[stpeamcil])|\d")
_SHARE_BAR_STARTS = _Starts(r"[分新腾騰微人开開豆]|(?i:[sftdpglrwqe])")
_COMMENTS_STARTS = _Starts(r"[条條人网網发發]|(?i:[notlpjasv])|\d")
_COMMENTS_ENDS = _Starts(r"[):\n]|(?i:[tsn])")
_SAYS_ENDS = _Starts(r"[:\n]|(?i:[sde])")  # the characters _SAYS_END can end with
# _END's alternatives that can start with a character (the one _END_START matched last), in _END's
# order: the first of them to match is the one _END matches.
_END_BY_CHAR: dict[str, re.Pattern[str] | None] = {}


def _end_match(text: str) -> re.Match[str] | None:
    """_END.match(text), trying only the end markers that start with the character there."""
    start = _END_START.match(text)
    if not start:
        return None
    char = text[start.end() - 1]
    try:
        pattern = _END_BY_CHAR[char]
    except KeyError:
        markers = [m for m in sorted(_END_MARKERS, key=len, reverse=True)
                   if re.fullmatch(re.escape(m[0]), char, re.I)]
        pattern = _END_BY_CHAR[char] = re.compile(
            r"^[\s【\[（(]*(?:" + "|".join(re.escape(m) for m in markers) + r")", re.I) if markers else None
    return pattern.match(text) if pattern else None


_WIDE_RUN = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]+"
)


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two, which is how text dumps wrap and align them."""
    return len(text) if text.isascii() else len(text) + sum(map(len, _WIDE_RUN.findall(text)))


def _indent_width(line: str) -> int:
    """Columns of leading white space (widths add up, so only the white space is measured)."""
    return display_width(line[: len(line) - len(line.lstrip())])


@dataclass(slots=True)
class Unit:
    """One logical line (hard-wrapped lines already joined) and what it looks like."""

    text: str
    indent: bool = False
    bullet: bool = False
    ordered: bool = False
    weight: int = 0
    cjk: int = 0
    punct: int = 0
    final: bool = False
    kind: str = "text"
    score: float = 0.0
    blank_before: bool = True
    strong: bool = False  # an end marker that certainly ends the story (the comments begin)


@dataclass
class TextArticle:
    """What the plain-text extractor found; ``blocks`` is the body. ``language`` is set
    where the body's script names it (Chinese, Japanese, Korean), '' otherwise."""

    title: str = ""
    meta: LineMeta = field(default_factory=LineMeta)
    blocks: list[Block] = field(default_factory=list)
    language: str = ""


def _clean(line: str) -> str:
    line = line.replace("\t", " ").replace("\u00a0", " ")
    return line.strip(" \u3000\ufeff\u200b")


def _join(a: str, b: str) -> str:
    """Join hard-wrapped lines: no space between CJK characters, one between words."""
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and b[:1].islower():
        return a[:-1] + b
    if _CJK_CHAR.match(a[-1:]) or _CJK_CHAR.match(b[:1]) or a[-1:] in "，。！？；：、“”（）":
        return a + b
    return a + " " + b


def _wrap_width(lines: list[str]) -> int:
    """The column at which the text was hard-wrapped, or 0 when lines run free."""
    # A line is at least as wide as it is long: one longer than the widest wrap column
    # measured below (200) settles it without measuring (most pages have one).
    if max(map(len, lines), default=0) > 200 and any(len(line.rstrip()) > 200 for line in lines if len(line) > 200):
        return 0
    stripped = [line for line in map(str.rstrip, lines) if line]
    if len(stripped) < 4:
        return 0
    # So does a line wider than that, as a CJK line of more than 100 characters can be: it is
    # measured before all others are.
    if any(display_width(line) > 200 for line in stripped if len(line) > 100):
        return 0
    # Only lines of some length can sit near a wrap column of 30 or more.
    widths = [display_width(line) for line in stripped if len(line) >= 8]
    if len(widths) < 4:
        return 0
    top = max(widths)
    if top > 200 or top < 30:
        return 0
    near = sum(1 for w in widths if w >= top - 12)
    long = sum(1 for w in widths if w > top // 2)
    return top if near >= 3 and near >= 0.3 * long else 0


# A wide gap between two pieces of text: three spaces, two ideographic spaces or tabs.
# Each branch starts with its gap character, so a search skips other characters quickly.
_GAP = re.compile(r"(?: (?<=\S ) {2,}|\u3000(?<=\S\u3000)\u3000+|\t(?<=\S\t)\t*)(?=\S)")


_MIN_COLUMN_ROWS = 5


def _indented_past(line: str, column: int) -> bool:
    """Text that starts at ``column`` or further right. White space is at most two columns a
    character, so most lines are settled by their length of indentation alone."""
    text = line.lstrip()
    indentation = len(line) - len(text)
    return bool(text) and 2 * indentation >= column and _indent_width(line) >= column


def _split_columns(text: str) -> list[str]:
    """The lines of ``text``, with side-by-side columns of a text dump (a table layout rendered
    by lynx or w3m) undone: the article column is read top to bottom first, then the sidebar.

    A column boundary is a display column where, on many lines, text resumes after a wide
    gap. Within the stretch of lines that use it, left parts are emitted first, then right parts.
    """
    lines = _lines(text)
    # A gap lies between two pieces of text, so indentation and trailing spaces never match
    # (and the line need not be stripped of them first).
    gapped = [i for i, line in enumerate(lines)
              if ("   " in line or "\u3000\u3000" in line or "\t" in line) and _GAP.search(line)]
    if len(gapped) < _MIN_COLUMN_ROWS:
        return lines
    starts: dict[int, int] = {}
    pieces: dict[int, list[tuple[int, str]]] = {}
    for i in gapped:
        line = lines[i].rstrip()
        columns = []
        position = column = 0
        for gap in _GAP.finditer(line):
            columns.append((column, line[position:gap.start()]))
            column += display_width(line[position:gap.end()])
            position = gap.end()
        columns.append((column, line[position:]))
        pieces[i] = columns
        for column, _ in columns[1:]:
            if column >= 30:
                starts[column] = starts.get(column, 0) + 1
    if not starts:
        return lines
    # The boundary: the most used start column, counting neighbours within two columns.
    def support(column: int) -> int:
        return sum(starts.get(column + d, 0) for d in range(-2, 3))

    best = max(starts, key=support)
    if support(best) < _MIN_COLUMN_ROWS:
        return lines
    # Sidebars often start with a bullet column: take the leftmost well-used start.
    best = min(c for c in starts if support(c) >= 0.3 * support(best))
    boundary = best - 2
    # The boundary is at column 28 or further right: a line that does not open with white space
    # does not reach it.
    rows: list[int] = []
    for i, line in enumerate(lines):
        if i in pieces:
            if any(c >= boundary for c, _ in pieces[i][1:]):
                rows.append(i)
        elif line[:1].isspace() and _indented_past(line, boundary):
            rows.append(i)
    if len(rows) < _MIN_COLUMN_ROWS:
        return lines
    first, last = rows[0], rows[-1]
    left: list[str] = []
    right: list[str] = []
    for i in range(first, last + 1):
        line = lines[i].rstrip()
        if i in pieces:
            l_parts = [t for c, t in pieces[i] if c < boundary]
            r_parts = [t for c, t in pieces[i] if c >= boundary]
            indent = " " * min(pieces[i][0][0], 8) if l_parts and pieces[i][0][0] < boundary else ""
            left.append(indent + "  ".join(l_parts) if l_parts else "")
            right.append("  ".join(r_parts))
        elif line[:1].isspace() and _indented_past(line, boundary):
            left.append("")
            right.append(line.strip())
        else:
            left.append(line)
            right.append("")
    # A line that was wrapped in the left column continues on the next row's left part.
    return lines[:first] + left + [""] + right + [""] + lines[last + 1:]


def _units(text: str) -> list[Unit]:
    raw_lines = _split_columns(text)
    wrap = _wrap_width(raw_lines)
    units: list[Unit] = []
    append = units.append
    blank = True
    previous_raw = ""
    bullet_first = _BULLET_FIRST
    for raw in raw_lines:
        line = raw.replace("\t", " ").replace("\u00a0", " ").strip(" \u3000\ufeff\u200b")  # _clean
        if not line:
            blank = True
            previous_raw = ""
            continue
        if raw[0] in " \u3000\t\u00a0":
            leading = raw[: len(raw) - len(raw.lstrip(" \u3000\t\u00a0"))]
            indent = "\u3000" in leading or len(leading.expandtabs()) >= 2
        else:
            leading = ""
            indent = False
        bullet = ordered = False
        if line[0] in bullet_first:
            match = _BULLET.match(line)
            if match and len(line) > match.end():
                bullet = True
                ordered = line[0].isdecimal() and bool(_LYNX_LIST.match(line))  # \d is str.isdecimal()
                if not ordered or leading:
                    line = line[match.end():].strip()
                else:
                    bullet = False
        if (
            wrap
            and units
            and not blank
            and not bullet
            and not (indent and "\u3000" in leading)
            and display_width(previous_raw.rstrip()) + 1 + display_width(line.split(" ")[0]) > wrap
        ):
            units[-1].text = _join(units[-1].text, line)
        else:
            append(Unit(line, indent, bullet, ordered, 0, 0, 0, False, "text", 0.0, blank))
        previous_raw = raw
        blank = False
    for unit in units:
        _measure(unit)
    return units


def _words(text: str) -> tuple[int, int]:
    """(words, CJK characters): each CJK character counts as a word, like a Latin word does."""
    if text.isascii():
        return len(text.encode().translate(_ASCII_WORD_BYTES).split()), 0
    # One pass: a run of CJK characters is the group, any other word matches with the group empty.
    runs = _WORD_OR_CJK.findall(text)
    cjk = sum(map(len, runs))
    return cjk + runs.count(""), cjk


def _measure(unit: Unit) -> None:
    text = unit.text
    unit.weight, unit.cjk = _words(text)
    unit.punct = len(_SENTENCE.findall(text))
    unit.final = _ends_sentence(text)


def _ends_sentence(text: str) -> bool:
    """Ends with a full stop, "!", "?", "…" or ";", before any closing quotes or brackets;
    a full stop right after a capital letter ends an initial ("J."), not a sentence.
    Only the last twelve characters are looked at."""
    core = text[-12:].rstrip(_CLOSERS)
    if not core:
        return False
    if core[-1] == ".":
        return len(core) < 2 or not "A" <= core[-2] <= "Z"
    return core[-1] in _STOPS


def prose_weight(text: str) -> int:
    """How much running text (lines with sentence punctuation) ``text`` holds, in words/characters."""
    total = 0
    for line in text.split("\n"):
        if _SENTENCE.search(line):
            total += _words(line)[0]
    return total


def _is_nav(unit: Unit) -> bool:
    """Several short tokens separated by spaces or bars, and no sentence punctuation; or a
    list of keywords in the enumeration comma (蔡英文 、 民進黨 、 國民黨 、 …)."""
    if unit.punct and unit.final:
        return False
    if unit.text.count("、") >= 4 and _keyword_list(unit):
        return True
    # Most lines hold no bar character at all: then tokens are plain words and,
    # with sentence punctuation, the line cannot be navigation.
    barred = bool(_BAR_HINT.search(unit.text))
    bars = len(_NAV_BARS.findall(unit.text)) if barred else 0
    if not bars and unit.punct:
        return False
    tokens = [t for t in _NAV_SPLIT.split(unit.text) if t.strip()] if barred else unit.text.split()
    if len(tokens) < 2:
        return False
    average = unit.weight / len(tokens)
    if bars >= 2 or (bars and len(tokens) >= 3):
        return average <= 8
    if unit.cjk > unit.weight / 2:
        return average <= 6 and unit.punct == 0
    # Latin: many capitalised one-or-two-word items and no sentence shape.
    return len(tokens) >= 4 and unit.punct == 0 and sum(1 for t in tokens if t[:1].isupper()) >= 0.8 * len(tokens)


def _keyword_list(unit: Unit) -> bool:
    items = [item for item in unit.text.split("、") if item.strip()]
    return len(items) >= 5 and all(_words(item)[0] <= 8 for item in items) and unit.weight <= 4 * len(items)


def _is_breadcrumb(unit: Unit) -> bool:
    if unit.final or not _CRUMB_HINT.search(unit.text):
        return False
    parts = [p.strip() for p in _CRUMB_SPLIT.split(unit.text) if p.strip()]
    if len(parts) < 2 or "http" in unit.text:
        return False
    separators = len(_CRUMB_SPLIT.findall(unit.text))
    short = all(_words(p)[0] <= 12 for p in parts[:-1])
    return short and (bool(_CRUMB_END.search(parts[-1])) or separators >= 2 and all(len(p) <= 12 for p in parts))


def _is_end(unit: Unit) -> bool:
    """A short line of its own that opens the page's tail (recommendations, comments, copyright,
    a bar of share buttons)."""
    if unit.weight > 40 or (unit.final and unit.weight > 12):
        return False
    text = unit.text
    if (_COMMENTS_STARTS[text[0]] or _COMMENTS_ENDS[text[-1]]) and _COMMENTS.match(text) \
            or (_SAYS_ENDS[text[-1]] and _SAYS_END.search(text[-7:]) and _SAYS.match(text)):
        unit.strong = True
        return True
    if unit.weight <= 12 and _SHARE_BAR_STARTS[text[0]] and _SHARE_BAR.match(text):
        return True
    match = _end_match(text)
    if not match:
        return False
    rest = unit.text[match.end():].strip()
    # "评论:(…)" or "Related Articles" or "责任编辑：张三" — but not "评论员认为…".
    if not (not rest or rest[0] in ":：(（[【|»>›-—▲▼" or unit.weight <= 8
            or match.group(0).strip().lower() in ("©", "copyright", "责任编辑", "責任編輯", "版权所有")):
        return False
    return True


# A dated line short enough to be a byline ("21/06/2014 Tony Carter", "13.11.2019, 23:06"):
# a date in any of the formats :mod:`dates` reads, and only a few other words beside it.
_DATED_LINE_WORDS = 16
_GAPS = re.compile(r"\s{2,}")


def _is_meta(unit: Unit) -> bool:
    """States where/when/who: a source or byline line, or a short line that gives a date.
    A line a text dump padded with wide gaps (date, then source far to the right) is read squeezed."""
    text = unit.text if len(unit.text) <= 160 else _GAPS.sub("  ", unit.text)
    if looks_like_meta_line(text):
        return True
    return unit.weight <= _DATED_LINE_WORDS and not (unit.final and unit.punct > 1) and has_date(text)


def _classify(unit: Unit) -> None:
    text = unit.text
    first = text[0]
    weight = unit.weight
    # A rule: only symbols. The word count mostly settles it: a line without words is one, a line
    # with Latin words is not; only symbols inside the CJK ranges (・) need the pattern, which a
    # line opening with a word character never matches (str.isalnum() is what \w means, but for "_").
    if weight == 0 or (unit.cjk > 0 and not first.isalnum() and _RULE.match(text)):
        unit.kind, unit.score = "rule", -2
    # Junk: furniture, an empty form field, a "more >>" link, a short button or counter, a cookie notice.
    elif (
        (_FURNITURE_STARTS[first] and _FURNITURE.match(text))
        or ("[" in text and _EMPTY_FIELD.search(text))
        or text.endswith((">>", "»", ">"))
        or (weight <= 6 and _JUNK_STARTS[first] and _JUNK.match(text))
        or (("ookie" in text or "OOKIE" in text) and _CONSENT.search(text))
    ):
        unit.kind, unit.score = "junk", -3
    elif _is_end(unit):
        unit.kind, unit.score = "end", -10
    elif weight <= 40 and not (unit.final and unit.punct > 2) and _is_meta(unit):
        unit.kind, unit.score = "meta", -3
    elif _is_breadcrumb(unit):
        unit.kind, unit.score = "crumb", -5 - weight
    elif _is_nav(unit):
        unit.kind, unit.score = "nav", -3 - weight
    elif unit.bullet:
        sentence = unit.final and unit.punct >= 1 and weight >= 12
        unit.kind = "item"
        unit.score = weight * 0.5 - 4 if sentence else -3 - weight * 0.3
    else:
        unit.kind = "text"
        if unit.punct:
            unit.score = weight - 10 + (4 if unit.final else 0)
        else:
            # Long lines without any sentence punctuation are lists of headlines, not prose.
            unit.score = -3 - weight * 0.1


def _cut_river(units: list[Unit], start: int, end: int) -> int:
    """A story ends where a river of teasers begins: headline, byline, date, blurb, again
    and again. Two or more dated metadata lines after the story has begun mark it; the
    story ends before the headline of the first teaser."""
    dated = [i for i in range(start + 3, min(len(units), end + 16))
             if units[i].kind in ("meta", "short") and not units[i].punct > 2 and has_date(units[i].text)]
    # Three dated lines in quick succession: a river, not a dated quote or an embedded post.
    first = next((dated[k] for k in range(len(dated) - 2)
                  if dated[k + 2] - dated[k] <= 12), None)
    if first is None or first > end:
        return end
    cut = first
    for back in range(first - 1, max(start, first - 4), -1):
        if units[back].kind in ("text", "short", "nav") and not units[back].final and units[back].weight <= 30:
            cut = back
        else:
            break
    return max(start, cut - 1)


def _anchor_bonus(units: list[Unit]) -> None:
    """The article head — a headline, then a dated metadata line — announces the body:
    the running text right after it gets a bonus, so a short story still beats a long tail."""
    for index, unit in enumerate(units):
        if unit.kind != "meta" or not has_date(unit.text):
            continue
        above = [u for u in units[max(0, index - 3): index] if u.kind in ("text", "short", "nav")]
        if not any(2 <= u.weight <= 60 and not u.final for u in above):
            continue
        for follower in units[index + 1: index + 5]:
            if follower.kind == "text" and follower.weight >= 8:
                follower.score += 25
                break


def _best_segment(units: list[Unit]) -> tuple[int, int]:
    """Maximum-sum run of unit scores (Kadane): the densest stretch of running text."""
    best, best_range = float("-inf"), (0, -1)
    total, start = 0.0, 0
    for index, unit in enumerate(units):
        if total <= 0:
            total, start = 0.0, index
        total += unit.score
        if total > best:
            best, best_range = total, (start, index)
    return best_range


# What a line next to the headline can be but the headline never is: whole classes of page
# furniture, for any site and language. Those that show in how a line begins are one pattern,
# matched at the start only; each of the others runs only where a plain substring test says
# it can match (this is asked of a few lines per page, but of every page).
_FURNITURE_START = re.compile("|".join((
    # a label and its value: a run of labelled fields ("Tested by: … RRP: …"), a taxonomy
    # ("Filed under: …", "Tags: …")
    r"(?:[^:：]{1,25}[:：]\s+[^:：]+){2,}$",
    r"(?:filed (?:to|under)|tags?|categor(?:y|ies)|topics?|posted in|labels?)\s*[:：]",
    # a byline or a time stamp ("By …", "Von …", "记者 …", "Updated …", "Today 12:01 AM")
    r"(?:by|von|par|por|door|oleh|di|av|posted by|written by|words by|text by)\s",
    r"(?:本报|本報|本台|特约|實習|实习)?(?:记者|記者|作者|编辑|編輯|撰文|文)\s*[:：/／╱]?",
    r"(?:updated|posted|published|last updated|modified)\b",
    r"(?:\S+\s+){0,2}\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\S+){0,2}$",
    # a name with a byline's role or a news agency ("Tom Davies Associated Press", "Jane Doe, Staff Writer")
    r"(?:\S+\s+){0,6}(?:associated press|reuters|afp|bloomberg|wire services?|staff(?: writer| reporter)?"
    r"|correspondent|contributor|columnist|editor|reporter|writer)$",
    # a photo's credit ("Courtesy Google", "Photo: …", "图/新华社")
    r"courtesy\b|(?:photo(?:graph)?s?|image|picture|credit|foto|bild)(?:\s+illustration)?\s*(?::|by\b|/)",
    r"(?:图|圖|图片|圖片|摄影|攝影)\s*[:：/／╱]",
    # a share button ("Share on Facebook", "0Email this to someone")
    r"\W*\d*\s*(?:share|tweet|pin|e-?mail|send)\b.*\b(?:facebook|twitter|pinterest|whatsapp|linkedin|reddit"
    r"|someone|a friend)$",
    # an image's placeholder ("[2m-4G7ws_4] …"), a toolbar of bracketed buttons ("【打印】【关闭】"),
    # a line in brackets ("(Reed Saxon / Associated Press)")
    r"\[[a-z\d]*[\d_-][\w-]*\]|(?:【[^】]*】\s*){2,}$|[(（][^()（）]*[)）]$",
)), re.I)
# How long ago ("22 hours ago", "3小时前").
_AGO = re.compile(
    r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$|\d+\s*(?:分钟|分鐘|小时|小時|天)前$"
)
# A photo's credit at the end of a caption ("…Kathrin Ziegler/Getty", "… (onmeth.com)", "（记者楊菁菁攝）").
_CREDIT = re.compile(
    r"[/|]\s*(?:getty|reuters|afp|ap|associated press|epa|xinhua|bloomberg|shutterstock|istock\w*|alamy)\b"
    r"(?:\s+\w+){0,2}\)?$|\((?:[\w-]+\.)+[a-z]{2,}\)$|(?:摄|攝)[）)]?$",
    re.I,
)
_PHOTO_BY = re.compile(r"(?:photo(?:graph)?|image|illustration)s?\s+(?:by|courtesy)\b|\(photo\b", re.I)
# A caption's credit at its end, after an agency or a label ("… (AP Photo/Jane Roe)", "…Credit...Jane Roe/The
# Times", "… (Credit: iStock)"): a caption stays one however long its text runs.
_END_CREDIT = re.compile(
    r"\((?:[\w.]+\s+){0,2}photos?\s*/[^()]*\)$|\bcredits?\s*(?::|\.{2,}|…)\s*[^.!?]*$"
    r"|\([^()]{0,40}\bvia\s+(?:ap|afp|reuters|getty images)\b[^()]{0,20}\)$",
    re.I,
)
# How news agencies begin a caption ("In this Dec. 12, 2006, file photo, …", "FILE PHOTO: …").
_CAPTION_START = re.compile(r"in this (?:\S+\s+){0,8}?(?:file )?photo\b|file photo\b", re.I)
_FILE = re.compile(r"\.(?:swf|js|php|aspx?|s?html?)\b", re.I)  # an address's file ("….swf", "….html")
_TABLE = re.compile(r"[\u2500-\u257f]")  # a table drawn in lines
# A photo's credit ("（图/新华社）"), a breadcrumb's label ("当前位置："), a news agency's dateline ("北京17日电").
_CJK_FURNITURE = re.compile(r"[（(](?:图|圖)\s*[:：/／]|位置\s*[:：]|\d{1,2}日[电電]")
_IDENTIFIER = re.compile(r"[a-z]_[a-z]", re.I)  # "chevron_left", an icon font's ligature, not words


def _furniture(text: str) -> bool:
    """Whether a line is of a kind that stands next to a headline but is never one: a label
    waiting for its value ("Publish date:"), a dateline or agency fragment ("Reuters, Washington,"),
    a link or a print header ("print header logo https://…"), a byline, a time stamp, a photo's
    caption or credit, a share button, a breadcrumb's label, a dateline, an identifier."""
    tail = text[-60:]
    lower = text.lower()
    return bool(
        text[-1] in ":：,，"
        or (text[-1] in "adefnrsy" and _OPEN_END.search(tail))
        or _credited(text)
        or "://" in text or "www." in lower or "©" in text
        or _FURNITURE_START.match(text)
        or (text[-1] in "o前" and _AGO.search(tail))
        or ((text[-1] in ")）摄攝" or "/" in tail or "|" in tail) and _CREDIT.search(tail))
        or (("photo" in lower or "image" in lower or "illustration" in lower) and _PHOTO_BY.search(text))
        or ("." in text and _FILE.search(text))
        or (not text.isascii() and (_TABLE.search(text) or _CJK_FURNITURE.search(text)))
        or ("_" in text and _IDENTIFIER.search(text))
    )


# A line that stops on a word that needs another after it ("You are signed in as", "Written by"): a label
# waiting for its value, where a headline ends on a word of its own.
_OPEN_END = re.compile(r"\s(?:a|an|the|of|and|or|as|by)$", re.I)


def _credited(text: str) -> bool:
    """A photo's caption, known by the credit it ends with or by an agency's opening words: pages
    set captions between the headline and the byline, and a long one reads like a paragraph."""
    tail = text[-80:]
    if text[:1] in "IiFf" and _CAPTION_START.match(text):
        return True
    return (text[-1] == ")" or "redit" in tail) and bool(_END_CREDIT.search(tail))


# A lone initial among capitalised words ("Sarah E. Needleman", "Bruce Y. Lee Senior Contributor"):
# a person, not a headline.
_INITIAL_NAME = re.compile(r"^(?:[A-Z][\w'’-]*\.?\s+)+[A-Z]\.\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")
# A sentence ending inside the line ("…a modern browser. Google…", "…。…"): running text, not a
# headline. A full stop after a capital or a short word is an abbreviation ("U.S. Army", "Rep. Omar").
_INNER_STOP = re.compile(r"\.(?<=[a-z]{3}\.)\s*(?=[A-Z])|。(?=.)")
# A sentence's last full stop, not an initial's ("… Jane Q.").
_FULL_STOP = re.compile(r"(?:(?<![\s.][A-Z])\.|。)[\"'”’)）」』]*$")
_MENU_BARS = re.compile(r"[|｜│¦]")
_LEAD_MARKS = "》〉»›>■□●◆◇▶►・•※★☆→"
_HEAD_REACH = 24  # lines above the body searched for its metadata line
_RIVER = 3  # dated lines in a row: a list of related stories, not an article's metadata
_HEAD_BELOW = 6  # lines into the body where a headline at its top can still have its metadata line
_TITLE_REACH = 8  # weak candidates passed above the metadata line before the search gives up
_SKIP, _WEAK, _STRONG, _STOP = range(4)


@dataclass(slots=True)
class _Head:
    """Where the article's head stands: its headline, its metadata line and the first body line."""

    title: int = -1
    meta: int = -1
    body: int = 0


def _isolated(units: list[Unit], index: int) -> bool:
    return units[index].blank_before and (index + 1 >= len(units) or units[index + 1].blank_before)


def _nav_verdict(units: list[Unit], index: int, anchor: int) -> int:
    """A line read as navigation can still be the headline: Title Case words with at most one
    bar ("Milan Design Week 2018 | …"), standing alone (menus come in runs of lines), or only
    weakly right above the metadata line (a byline of names stands there too); in CJK text,
    a headline with a space in it ("大連港料去年盈利最少跌 15%"): two tokens, one of them long."""
    unit = units[index]
    if unit.cjk:
        tokens = unit.text.split()
        headline = not _NAV_BARS.search(unit.text) and len(tokens) <= 2 and max(map(len, tokens)) >= 6
        return _STRONG if headline else _SKIP
    if len(_MENU_BARS.findall(unit.text)) > 1:
        return _SKIP
    if _isolated(units, index):
        return _STRONG
    return _WEAK if index == anchor - 1 else _SKIP


def _head_line(units: list[Unit], index: int, anchor: int = -1) -> int:
    """What a line near the metadata line at ``anchor`` is to the headline search: furniture
    to pass over (_SKIP), a headline only if nothing better is near (_WEAK), a headline
    (_STRONG), or running text that means the head has been left behind (_STOP).

    Weak are the lines that read as something else first: a sentence (a standfirst or a
    disclaimer ends with a full stop, a headline does not), a line of two or three words
    (a section's name, a person's), a name with an initial, Chinese text with commas."""
    unit = units[index]
    if unit.kind == "end":
        return _STOP if unit.strong else _SKIP
    if unit.kind in ("rule", "junk", "meta", "crumb", "item") or unit.bullet:
        return _SKIP
    text = unit.text
    if unit.weight > 60 or (unit.punct >= 4 and unit.weight > 30):
        return _SKIP if _credited(text) else _STOP
    if unit.weight < 2 or (unit.cjk and unit.weight <= 4) or _furniture(text) or _menu_row(units, index):
        return _SKIP
    verdict = _nav_verdict(units, index, anchor) if unit.kind == "nav" else _STRONG
    if verdict == _SKIP:
        return _SKIP
    if unit.punct >= 4 or _FULL_STOP.search(text[-8:]) or len(text) > 200:
        return _WEAK
    if unit.cjk and sum(map(text.count, ",，、")) >= 2:
        return _WEAK
    if (unit.punct >= 2 and _INNER_STOP.search(text)) or (not unit.cjk and unit.weight <= 3) \
            or _INITIAL_NAME.match(text):
        return _WEAK
    return verdict


def _headline_above(units: list[Unit], anchor: int, page: str) -> tuple[int, list[int]]:
    """The headline nearest above ``anchor`` (-1 if none), and the weaker candidates met on the way."""
    weak: list[int] = []
    for index in range(anchor - 1, max(-1, anchor - 4 * _TITLE_REACH), -1):
        verdict = _head_line(units, index, anchor)
        if verdict == _STOP:
            break
        if verdict == _STRONG:
            if weak and _far_above(units, index, weak[0]):
                return weak[0], weak
            return _repeated_above(units, _echoed(units, _of_stacked(units, index, page)), page), weak
        if verdict == _WEAK:
            weak.append(index)
            if len(weak) >= _TITLE_REACH:
                break
    return -1, weak


def _far_above(units: list[Unit], strong: int, weak: int) -> bool:
    """Whether a headline-like line stands too far above a sentence-like one that stands nearer the
    metadata line to be its headline: a headline and its standfirst stand together, while a line
    a dozen lines of menus above is the site's furniture and the sentence the headline itself
    (if it is as short as headlines are: a photo's caption runs longer, with more commas)."""
    sentence = units[weak]
    return 8 <= sentence.weight <= 20 and sentence.punct <= 3 and weak - strong > _TITLE_REACH


def _of_stacked(units: list[Unit], lower: int, page: str) -> int:
    """The headline, where another headline-like line is stacked right above the one found
    (only rules or furniture between): the lower one, unless the upper one is twice as long
    (the lower is then a byline or a credit: a head's longest line is its headline) or, as
    kicker and headline or headline and subtitle, only the upper one is printed again
    elsewhere on the page (pages repeat their headline, in a window title or a form field)."""
    upper = lower - 1
    while upper >= 0 and units[upper].kind in ("rule", "junk"):
        upper -= 1
    if upper < 0 or _head_line(units, upper) != _STRONG:
        return lower
    if 2 * units[lower].weight <= units[upper].weight or _deck(units[upper], units[lower]):
        return upper
    squeezed = _squeezed(page)
    return upper if _repeated(squeezed, units[upper]) and not _repeated(squeezed, units[lower]) else lower


_ECHO_REACH = 6  # lines above a headline where the headline it echoes can stand
_ECHO_SHARE = 0.8  # the share of the longer line's length the shorter one has, and of its words they share


def _echoed(units: list[Unit], found: int) -> int:
    """The headline that ``found`` echoes a few lines below it, if any: a lead image's alt text or a
    share title repeats the headline with a word or two added, and the headline comes first. (A
    longer line above that holds the same words is a breadcrumb or a teaser that ends in them.)"""
    unit = units[found]
    if unit.cjk:
        return found
    words = set(_OTHER_WORD.findall(unit.text.casefold()))
    for index in range(found - 1, max(-1, found - _ECHO_REACH - 1), -1):
        other = units[index]
        if other.cjk or not _ECHO_SHARE * unit.weight <= other.weight < unit.weight \
                or _head_line(units, index) != _STRONG:
            continue
        shared = words & set(_OTHER_WORD.findall(other.text.casefold()))
        if len(shared) >= _ECHO_SHARE * min(len(words), other.weight):
            return index
    return found


_REPEAT_REACH = 4  # lines above a line taken for the headline where the repeated headline can stand


def _repeated_above(units: list[Unit], found: int, page: str) -> int:
    """The headline a few lines above ``found`` that the page prints twice (once more as an image's
    text or in a window title) where ``found`` is printed once: a deck under the headline, past an
    author's line, is not repeated. ``found`` where there is none. Latin script only: Chinese pages
    print their site's and columns' names again and again, right above the headline."""
    if units[found].cjk:
        return found
    squeezed = ""
    for index in range(found - 2, max(-1, found - _REPEAT_REACH - 1), -1):
        if units[index].weight >= 4 and not units[index].cjk and _head_line(units, index) == _STRONG:
            squeezed = squeezed or _squeezed(page)
            if _repeated(squeezed, units[index]) and not _repeated(squeezed, units[found]):
                return index
    return found


def _deck(upper: Unit, lower: Unit) -> bool:
    """Whether ``lower`` is the deck under the headline ``upper``: in Latin script a deck is a long
    line, twice the headline's length, where a headline under its kicker is the longer of the two
    but seldom by that much (a kicker of four words or more is rare; Chinese ones run long)."""
    return not upper.cjk and not lower.cjk and lower.weight >= 15 and lower.weight >= 2 * upper.weight


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _repeated(page: str, unit: Unit) -> bool:
    """Whether the page (``page``: its text without white space) prints this line twice: once
    in its place, once elsewhere (a window title, a form field holding it, a breadcrumb's last
    part, a share text). Pages repeat their headline, not its kicker or its subtitle."""
    return page.count(_squeezed(unit.text)) >= 2


def _meta_anchor(units: list[Unit], start: int) -> int:
    """The metadata line the body hangs from: the nearest one above the body start (above a list
    of related stories standing between), or one just inside the body when the body begins with
    the headline itself, with the sentence under a headline (a standfirst) or with a photo's caption;
    the body's first line itself when it is a time stamp (its commas make it read as a sentence)."""
    if _time_stamp(units[start]):
        return start
    if _head_line(units, start) == _STRONG or (start > 0 and _head_line(units, start - 1) == _STRONG
                                               and units[start].weight <= 30) or _credited(units[start].text):
        for index in range(start + 1, min(len(units), start + _HEAD_BELOW + 1)):
            unit = units[index]
            if unit.kind == "meta":
                return index
            if unit.weight > 30 and unit.kind == "text":
                break
    index = start - 1
    floor = start - _HEAD_REACH - 1
    while index > max(-1, floor):
        unit = units[index]
        if unit.kind == "meta" or ((unit.bullet or unit.kind == "junk") and _dated_furniture(unit)) \
                or _time_stamp(unit):
            top, bottom = _meta_run(units, index)
            river_top = _teaser_river_top(units, top)
            if river_top >= 0:
                # A list of related stories between the head and the body: the head is above it.
                top, floor = river_top, river_top - _HEAD_REACH - 1
            elif not _river(units, top, bottom):
                return top
            index = top
        index -= 1
    return -1


# A time stamp without a year, which the date reader leaves alone ("Updated Nov 19, 6:55 AM", "Monday 5:30PM",
# "Published 22 hours ago"): sites write a story's time so while it is new.
_TIME_STAMP = re.compile(
    r"(?:last\s+)?(?:updated|posted|published)\b.{0,40}?(?:\d{1,2}:\d{2}|\bago$|\b[a-z]{3,9}\.?\s+\d{1,2}\b)"
    r"|(?:today|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s+[a-z]{2,4})?$"
    r"|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
    re.I,
)


def _time_stamp(unit: Unit) -> bool:
    """A short line that gives the story's time without its year: the head's metadata line all
    the same, where a teaser's dated line above it would otherwise be taken for the story's."""
    return unit.weight <= _DATED_LINE_WORDS and unit.kind in ("text", "short", "nav") \
        and bool(_TIME_STAMP.match(unit.text))


def _meta_run(units: list[Unit], index: int) -> tuple[int, int]:
    """The first and last line of the run of metadata lines that ``index`` stands in."""
    top = bottom = index
    while top > 0 and units[top - 1].kind == "meta":
        top -= 1
    while bottom + 1 < len(units) and units[bottom + 1].kind == "meta":
        bottom += 1
    return top, bottom


def _river(units: list[Unit], top: int, bottom: int) -> bool:
    """Three or more dated lines in a row: a list of related stories (a title and its day on
    each line), not the article's own metadata."""
    return bottom - top + 1 >= _RIVER and sum(1 for k in range(top, bottom + 1) if has_date(units[k].text)) >= _RIVER


_TEASER_GAP = 6  # lines from one story's date to the next in a list of related stories


def _teaser_river_top(units: list[Unit], bottom: int) -> int:
    """The first dated line of a list of related stories that ends with the dated line at ``bottom``
    (a title, a label, a date, again and again, so the dates stand at equal steps), or -1 where
    fewer than three dated lines stand so. The story's own dated line above such a list stands
    apart from it."""
    if not has_date(units[bottom].text):
        return -1
    rows = [bottom]
    index = bottom - 1
    while index >= 0 and rows[-1] - index <= _TEASER_GAP:
        if units[index].kind == "meta" and has_date(units[index].text):
            if len(rows) >= 2 and rows[-1] - index != rows[0] - rows[1]:
                break
            rows.append(index)
        index -= 1
    return rows[-1] if len(rows) >= 3 else -1


def _dated_furniture(unit: Unit) -> bool:
    """A list item or a toolbar line that holds the date ("• 13.11.2019", "时间：2012-01-17 发表评论>>")."""
    return has_date(unit.text) and (unit.weight <= _DATED_LINE_WORDS or looks_like_meta_line(unit.text))


def _headline_below(units: list[Unit], meta: int, start: int) -> int:
    """Where the date stands above the headline: the headline-like line nearest above the
    body, or the body's first line when it is one (short, without any punctuation)."""
    first = units[start]
    if first.punct == 0 and first.weight <= 30 and _head_line(units, start) == _STRONG:
        return start
    return next((k for k in range(start - 1, meta, -1) if _head_line(units, k) == _STRONG), -1)


_POSTED_LINE = re.compile(r"(?:last\s+)?(?:updated|posted|published)\b", re.I)
_POSTED_REACH = 3  # lines above a headline-like line where the line saying when the story was posted can stand


def _above_posted_line(units: list[Unit], title: int) -> int:
    """The headline right above the line saying when the story was posted or updated, where the
    line taken stands below that one: such a line follows its headline, and a shorter headline-like
    line under it, before the byline, is a photo's caption (a longer one is the headline, under a
    kicker and the time stamp)."""
    for index in range(title - 1, max(-1, title - _POSTED_REACH - 1), -1):
        if _POSTED_LINE.match(units[index].text) and has_date(units[index].text) or _time_stamp(units[index]):
            above = index - 1
            while above >= 0 and units[above].kind in ("rule", "junk"):
                above -= 1
            if above >= 0 and units[above].weight >= units[title].weight and _head_line(units, above) == _STRONG:
                return above
            return title
    return title


def _date_over_headline(units: list[Unit], meta: int, start: int) -> bool:
    """Whether the body opens with its headline right under the dated metadata line (nothing but
    furniture between): a short line that is no sentence (a comma at most) stands there only as
    the headline, where the date is set above it, and whatever headline-like line stands above
    the date then belongs to the page's furniture or to another story. Latin script only: Chinese
    pages open the body with an unpunctuated source line (中广网河南分网消息, 国际中心／综合报导)."""
    first = units[start]
    if first.cjk or first.final or first.punct > 1 or first.weight > 30 or _head_line(units, start) != _STRONG:
        return False
    return has_date(units[meta].text) and all(_head_line(units, k) == _SKIP for k in range(meta + 1, start))


_HEAD_LABELS = 3  # short lines under a headline that can still belong to its head


def _past_head_labels(units: list[Unit], body: int) -> int:
    """The first line of running text under a headline: the short lines before it (an author's
    name, a reading time such as "5 Min Read") are the head's labels, not the story."""
    for index in range(body, min(len(units) - 1, body + _HEAD_LABELS)):
        if units[index].punct or units[index].weight > 5:
            return index
    return body


def _best_weak(weak: list[int], anchor: int, units: list[Unit]) -> int:
    """Among lines that are only weakly headlines, the longest one near the anchor."""
    if not weak:
        return -1
    return max(weak, key=lambda index: (units[index].weight - 2 * (anchor - index), index))


def _find_head(units: list[Unit], start: int, page: str) -> _Head:
    """The headline is the headline-like line nearest above the metadata line (source,
    byline, date) that the body hangs from, or above the body where there is none; where
    the date stands above the headline, the headline between the date and the body."""
    meta = _meta_anchor(units, start)
    anchor = meta if meta >= 0 else start
    if 0 <= meta < start and _date_over_headline(units, meta, start):
        return _Head(title=start, meta=meta, body=_past_head_labels(units, start + 1))
    title, weak = _headline_above(units, anchor, page)
    if title > 0:
        title = _above_posted_line(units, title)
    if title < 0 and 0 <= meta < start:
        title = _headline_below(units, meta, start)
    if title < 0:
        title = _best_weak(weak, anchor, units)
    body = start
    if meta >= start:
        body = meta + 1
    if title >= body:
        body = title + 1
    return _Head(title=title, meta=meta, body=body)


# The time of day a page appends to a headline in a list of latest news ("…患者多【16:15】").
_TIME_TAIL = re.compile(r"\s*[【\[(（]\d{1,2}:\d{2}[】\])）]$")


# A gap as wide as a text dump leaves between a table's columns: no headline holds one.
_COLUMN_GAP = re.compile(r"[ \u3000]{6,}")


# What lynx prints for an element it cannot show ("[INS::INS]", "[S::S]"), here before the headline.
_LYNX_MARK = re.compile(r"^(?:\[[A-Z]+::[A-Z]+\]\s*)+")


def _title_text(unit: Unit, menu_shapes: frozenset[tuple[int, int, str]] = frozenset()) -> str:
    """The headline without the pointer marks some pages set before it (》, ・, ■), without a time
    of day appended to it, and without what another column of the layout set on its row: far to
    the right ("2015年陇药销售额要超100亿元          论坛热帖": the longest piece is the headline),
    or a left column's menu item of the shape the lines around it open with (``menu_shapes``), and
    without a mark lynx left before it."""
    text = unit.text
    if "      " in text or "\u3000" * 6 in text:
        text = max(_COLUMN_GAP.split(text), key=lambda piece: _words(piece)[0])
    first, _, rest = text.partition(" ")
    if rest and menu_shapes and _item_shape(first) in menu_shapes:
        text = rest
    if text.startswith("["):
        text = _LYNX_MARK.sub("", text)
    return _TIME_TAIL.sub("", text.lstrip(_LEAD_MARKS + " \u3000")) or text


# Two menu items joined by a mark ("我要爆料．自由徵才", "Jobs | Ads"), as a left column lists them.
_MENU_ITEM = re.compile(r"(\S{2,8})([．.·・|/])(\S{2,8})$")
_MENU_NEIGHBOURS = 3  # lines above and below the headline looked at for the left column's items


def _item_shape(token: str) -> tuple[int, int, str] | None:
    """The lengths of a pair of joined menu items and the mark joining them; None for other tokens."""
    match = _MENU_ITEM.match(token)
    return (len(match.group(1)), len(match.group(3)), match.group(2)) if match else None


def _menu_row(units: list[Unit], index: int) -> bool:
    """A line that is only a pair of joined menu items, as the lines around it open with: a row
    of the layout's left column, not a headline."""
    shape = _item_shape(units[index].text) if " " not in units[index].text else None
    return shape is not None and shape in _menu_item_shapes(units, index)


def _menu_item_shapes(units: list[Unit], title: int) -> frozenset[tuple[int, int, str]]:
    """The shapes of the menu items the lines around the headline open with: a left column of the
    layout, printed row by row beside the headline, one of its items on the headline's own row."""
    shapes = set()
    for index in range(max(0, title - _MENU_NEIGHBOURS), min(len(units), title + _MENU_NEIGHBOURS + 1)):
        if index != title and (shape := _item_shape(units[index].text.partition(" ")[0])):
            shapes.add(shape)
    return frozenset(shapes)


def _heading_candidate(units: list[Unit], index: int, end: int) -> bool:
    unit = units[index]
    if unit.kind != "text" or unit.bullet:
        return False
    if unit.weight == 0 or unit.weight > (40 if unit.cjk > unit.weight / 2 else 16):
        return False
    if unit.final or _STOP_INSIDE.search(unit.text[:-1]) or unit.text.endswith((",", "，", "、", "-", "—")):
        return False
    if unit.text.endswith((":", "：")) and not numbering(unit.text):
        return False
    following = next((units[k] for k in range(index + 1, end + 1) if units[k].kind in ("text", "item")), None)
    return following is not None and (following.weight > unit.weight and following.punct > 0)


_STOP_INSIDE = re.compile(r"[。！？!?]")
_REPEAT_TAIL = re.compile(r"(?:\s*(?:less|more|\.\.\.|…))+\s*$", re.I)
# Last letters of those words (ſ is an s to a case-blind pattern): most lines end otherwise.
_REPEAT_TAIL_ENDS = "sSſeE.…"


def _repeat_key(text: str) -> str:
    """A line without the "… more"/"less" a gallery caption carries, for spotting repeats."""
    tail = text[-20:]
    if tail.rstrip()[-1:] not in _REPEAT_TAIL_ENDS:
        return text[:120]
    return (text[:-20] + _REPEAT_TAIL.sub("", tail))[:120]


def _repeated_lines(units: list[Unit]) -> dict[str, int]:
    """Longer lines a page prints more than once. Three or more copies close together are
    furniture (a photo caption in a gallery with its "less"/"more" variants): value 3.
    Otherwise (a page printing the story twice, a recipe repeating a line per plan) the
    first copy is kept: value 2."""
    first: dict[str, int] = {}  # where each line is first printed
    places: dict[str, list[int]] = {}  # where the repeated ones are printed
    for index, unit in enumerate(units):
        if len(unit.text) >= 40:
            key = _repeat_key(unit.text)
            if (at := first.setdefault(key, index)) != index:
                places.setdefault(key, [at]).append(index)
    return {key: 3 if len(at) >= 3 and at[-1] - at[0] <= 40 else 2 for key, at in places.items()}


def _body_blocks(units: list[Unit], start: int, end: int) -> list[Block]:
    blocks: list[Block] = []
    heading_at: list[int] = []
    pending_list: list[str] = []
    pending_ordered = False

    def flush_list() -> None:
        nonlocal pending_list
        if pending_list:
            blocks.append(Block("list", items=pending_list, ordered=pending_ordered))
            pending_list = []

    repeated = _repeated_lines(units)
    emitted: set[str] = set()
    for index in range(start, end + 1):
        unit = units[index]
        if unit.kind in ("junk", "rule", "crumb", "end"):
            continue
        key = _repeat_key(unit.text) if repeated else ""
        if key in repeated:
            if repeated[key] >= 3 or key in emitted:
                continue
            emitted.add(key)
        if unit.kind == "nav" and unit.weight <= 12:
            continue
        if unit.kind == "meta" and index < start + 3:
            continue
        if unit.kind == "item":
            if unit.final or unit.weight >= 6:
                pending_ordered = unit.ordered
                pending_list.append(escape_inline(unit.text))
            continue
        flush_list()
        if _heading_candidate(units, index, end):
            heading_at.append(len(blocks))
            blocks.append(Block("heading", text=escape_inline(unit.text), level=2))
        else:
            if blocks and blocks[-1].kind == "paragraph" and not unit.blank_before and not unit.indent \
                    and not blocks[-1].text.endswith(("。", "！", "？", ".", "!", "?", "”", "\"")):
                blocks[-1].text = _join(blocks[-1].text, escape_inline(unit.text))
                continue
            blocks.append(Block("paragraph", text=escape_line(unit.text)))
    flush_list()
    levels = heading_levels([unescape(blocks[i].text) for i in heading_at])
    for i, level in zip(heading_at, levels):
        blocks[i].level = level
    return blocks


def _meta_lines(units: list[Unit], head: _Head, start: int) -> list[int]:
    """The metadata lines around the headline, in page order, the one the body hangs from first
    when it stands apart from them."""
    top = (head.title if head.title >= 0 else start) - 1
    lines = [i for i in range(max(0, top), min(len(units), start + 3))
             if (units[i].kind == "meta" and not _river(units, *_meta_run(units, i)))
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


def _read_meta(units: list[Unit], lines: list[int], zone: str) -> LineMeta:
    """Source, byline and link: the first line that states each."""
    meta = LineMeta()
    for i in lines:
        found = read_meta_line(units[i].text, zone=zone)
        meta.source = meta.source or found.source
        meta.byline = meta.byline or found.byline
        meta.url = meta.url or found.url
    if lines and not meta.url:
        for i in range(min(lines), max(lines) + 1):
            meta.url = meta.url or find_url(units[i].text)
    return meta


def _published(units: list[Unit], lines: list[int], head: _Head, start: int, zone: str, page: str) -> str:
    """The first date the metadata lines give; else the head's own time stamp, where it writes the
    day without its year; else the date nearest the headline in a line of page furniture (a date
    set apart in a toolbar above the headline), never one from running text."""
    for i in lines:
        if (found := _date_in(units[i].text, zone, page)):
            return found
    if head.meta >= 0 and _time_stamp(units[head.meta]):
        return _stamp_day(units[head.meta].text, page)
    if head.title < 0:
        return ""
    near = [*range(head.title + 1, start), *range(head.title - 1, max(-1, head.title - 5), -1)]
    for i in near:
        unit = units[i]
        if unit.kind == "text" and unit.punct >= 2 or unit.kind == "meta" and _river(units, *_meta_run(units, i)):
            continue
        if found := _date_in(unit.text, zone, page):
            return found
    return ""


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


def _cjk_language(body: list[Unit]) -> str:
    """The language of a CJK story ('zh', 'ja' or 'ko'), whose clock times are its country's; '' elsewhere."""
    if sum(u.cjk for u in body) <= 0.3 * max(1, sum(u.weight for u in body)):
        return ""
    language = guess_language("\n".join(u.text for u in body[:40]))
    return language if local_zone(language) else ""


MANY_LINES = 20_000
"""Beyond this many lines (a site map, a page of nothing but links) short list items are
scored roughly, as other short lines are, and read only near the body: a line costs tens
of microseconds to classify, and 100,000 of them took seconds."""


def extract_plain_text(text: str) -> TextArticle:
    """Find the article in the text of a saved page: title, metadata line and body blocks."""
    units = _units(text)
    many = len(units) > MANY_LINES
    for unit in units:
        # Short lines only matter near the body: score them roughly now, read them later.
        if unit.weight <= 5 and not unit.final and (many or not unit.bullet):
            unit.kind, unit.score = "short", -4.0
        else:
            _classify(unit)
    if not units:
        return TextArticle()
    _anchor_bonus(units)
    start, end = _best_segment(units)
    if end < start:
        return TextArticle()
    for unit in units[max(0, start - 30): end + 16]:
        if unit.kind == "short":
            _classify(unit)
    # The tail starts at the first end marker once the body has begun, unless more of
    # the story follows it than came before it (text dumps put sidebars such as "Most
    # Popular" in the middle of the story). The start of the comments always ends it.
    before = 0.0
    story = sum(u.score for u in units[start:end + 1] if u.score > 0)
    for index in range(start, end + 1):
        unit = units[index]
        if unit.kind == "end" and index > start:
            # End markers score below zero, so what follows is the story less what came before.
            after = story - before
            if unit.strong or after < before:
                end = index - 1
                break
        elif unit.score > 0:
            before += unit.score
    end = _cut_river(units, start, end)
    while end > start and units[end].score < 0:
        end -= 1
    # Short sentences right before the densest stretch still belong to the story.
    while start > 0 and units[start - 1].kind == "text" and units[start - 1].final and units[start - 1].punct:
        start -= 1
    head = _find_head(units, start, text)
    start = head.body
    article = TextArticle()
    if head.title >= 0:
        article.title = _title_text(units[head.title], _menu_item_shapes(units, head.title))
    article.language = _cjk_language(units[start:end + 1])
    zone = local_zone(article.language)
    meta_lines = _meta_lines(units, head, start)
    meta = _read_meta(units, meta_lines, zone)
    meta.published = _published(units, meta_lines, head, start, zone, text)
    article.meta = meta
    article.blocks = _body_blocks(units, start, end)
    return article


def line_kind(text: str) -> str:
    """What the classifier makes of one line on its own: "nav", "crumb", "junk", "rule",
    "end", "meta", "item" or "text". The HTML reader asks it about the paragraphs at the
    edges of another extractor's body, where page furniture is kept now and then."""
    unit = Unit(text=_clean(text))
    if not unit.text:
        return "rule"
    _measure(unit)
    _classify(unit)
    return unit.kind
