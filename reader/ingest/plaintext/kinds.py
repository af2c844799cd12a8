"""What each line of a page is: navigation, a breadcrumb, a metadata line, an end marker,
junk, a rule, a list item or running text, and the score it adds to the body search.
"""

from __future__ import annotations

import re

from reader.ingest.dates import has_date
from reader.ingest.metadata import looks_like_meta_line
from reader.ingest.plaintext.lines import Unit, clean_line, count_words, measure
from reader.scripts import HAN

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
NAV_BARS = re.compile(rf"[|｜│¦]|\s[-–—·•/]\s|(?<=[{HAN}])[-·•](?=[{HAN}])")
_NAV_SPLIT = re.compile(rf"\s+|[|｜│¦]|(?<=[{HAN}])[-·•](?=[{HAN}])")
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
    bars = len(NAV_BARS.findall(unit.text)) if barred else 0
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
    return len(items) >= 5 and all(count_words(item)[0] <= 8 for item in items) and unit.weight <= 4 * len(items)


def _is_breadcrumb(unit: Unit) -> bool:
    if unit.final or not _CRUMB_HINT.search(unit.text):
        return False
    parts = [p.strip() for p in _CRUMB_SPLIT.split(unit.text) if p.strip()]
    if len(parts) < 2 or "http" in unit.text:
        return False
    separators = len(_CRUMB_SPLIT.findall(unit.text))
    short = all(count_words(p)[0] <= 12 for p in parts[:-1])
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
DATED_LINE_WORDS = 16
_GAPS = re.compile(r"\s{2,}")


def _is_meta(unit: Unit) -> bool:
    """States where/when/who: a source or byline line, or a short line that gives a date.
    A line a text dump padded with wide gaps (date, then source far to the right) is read squeezed."""
    text = unit.text if len(unit.text) <= 160 else _GAPS.sub("  ", unit.text)
    if looks_like_meta_line(text):
        return True
    return unit.weight <= DATED_LINE_WORDS and not (unit.final and unit.punct > 1) and has_date(text)


def may_be_meta(unit: Unit) -> bool:
    """Whether the line is short enough, and reads little enough like sentences, for :func:`classify`
    to ask whether it is a metadata line."""
    return unit.weight <= 40 and not (unit.final and unit.punct > 2)


def classify(unit: Unit) -> None:
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
    elif may_be_meta(unit) and _is_meta(unit):
        unit.kind, unit.score = "meta", -3
    elif _is_breadcrumb(unit):
        unit.kind, unit.score = "crumb", -5 - weight
    elif _is_nav(unit):
        unit.kind, unit.score = "nav", -3 - weight
    else:
        unit.kind = "item" if unit.bullet else "text"
        unit.score = _running_score(unit)


def _running_score(unit: Unit) -> float:
    """The score of a list item or a line of running text, which a line is when it is nothing else."""
    weight = unit.weight
    if unit.bullet:
        sentence = unit.final and unit.punct >= 1 and weight >= 12
        return weight * 0.5 - 4 if sentence else -3 - weight * 0.3
    if unit.punct:
        return weight - 10 + (4 if unit.final else 0)
    # Long lines without any sentence punctuation are lists of headlines, not prose.
    return -3 - weight * 0.1


def score_bound(unit: Unit) -> float:
    """The highest score :func:`classify` can give the line, known without reading it: its score as
    running text or a list item, or a rule's, which scores highest of all other kinds."""
    return max(_running_score(unit), -2.0)


def line_kind(text: str) -> str:
    """What the classifier makes of one line on its own: "nav", "crumb", "junk", "rule",
    "end", "meta", "item" or "text". The HTML reader asks it about the paragraphs at the
    edges of another extractor's body, where page furniture is kept now and then."""
    unit = Unit(text=clean_line(text))
    if not unit.text:
        return "rule"
    measure(unit)
    classify(unit)
    return unit.kind
