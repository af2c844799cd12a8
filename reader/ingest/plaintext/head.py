"""The headline: the headline-like line nearest above the metadata line the body hangs from,
passing over what stands between them on real pages (bylines, agency lines, captions and
credits, labels, section names, share buttons, print headers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.ingest.dates import has_date
from reader.ingest.metadata import looks_like_meta_line
from reader.ingest.plaintext.kinds import DATED_LINE_WORDS, NAV_BARS, classify
from reader.ingest.plaintext.lines import OTHER_WORD, Unit, count_words

# What a line next to the headline can be but the headline never is: whole classes of page
# furniture, for any site and language. Those that show in how a line begins are one pattern,
# matched at the start only; each of the others runs only where a plain substring test says
# it can match (this is asked of a few lines per page, but of every page).
_FURNITURE_START = re.compile("|".join((
    # a label and its value: a run of labelled fields ("Tested by: … RRP: …"), a taxonomy
    # ("Filed under: …", "Tags: …")
    r"(?:[^:：]{1,25}[:：]\s+[^:：]+){2,}$",
    r"(?:filed (?:to|under)|tags?|categor(?:y|ies)|topics?|posted in|labels?)\s*[:：]",
    # a breadcrumb's label ("You are here: Home › News"), as 当前位置： is in Chinese
    r"you are here\b",
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
_SLUG = re.compile(r"[a-z\d]+(?:-[a-z\d]+){2,}")  # "business-focus-strategy", an address's or an image's name


def _furniture(text: str) -> bool:
    """Whether a line is of a kind that stands next to a headline but is never one: a label
    waiting for its value ("Publish date:"), a dateline or agency fragment ("Reuters, Washington,"),
    a link or a print header ("print header logo https://…"), a byline, a time stamp, a photo's
    caption or credit, a share button, a breadcrumb's label, a dateline, an identifier or a slug."""
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
        or ("-" in text and " " not in text and bool(_SLUG.fullmatch(text)))
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
# The word of a byline alone on its line, the name on the next ("By" / "Al Root"), as where the name is a link.
_BYLINE_WORD = re.compile(r"(?:by|von|par|por|door|oleh|written by|words by|text by)\s*:?$", re.I)
_LEAD_MARKS = "》〉»›>■□●◆◇▶►・•※★☆→"
_HEAD_REACH = 24  # lines above the body searched for its metadata line
_RIVER = 3  # dated lines in a row: a list of related stories, not an article's metadata
_HEAD_BELOW = 6  # lines into the body where a headline at its top can still have its metadata line
_TITLE_REACH = 8  # weak candidates passed above the metadata line before the search gives up
_PANEL_COUNTED = 2  # lines of a run of buttons that count against _HEAD_REACH
_SKIP, _WEAK, _STRONG, _STOP = range(4)


@dataclass(slots=True)
class Head:
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
    a headline with a space in it ("大連港料去年盈利最少跌 15%"): two tokens, one of them long
    (more, only weakly and right above the metadata line)."""
    unit = units[index]
    if unit.cjk:
        tokens = unit.text.split()
        if NAV_BARS.search(unit.text) or max(map(len, tokens)) < 6:
            return _SKIP
        # Right above the metadata line, spaces that split off a character or two are a font's
        # ("衞 生署呼籲停服一種口服胰島素 胶 囊"), not a menu's.
        return _STRONG if len(tokens) <= 2 else _WEAK if index == anchor - 1 else _SKIP
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
        return _STOP if unit.strong and not _in_toolbar(units, index) else _SKIP
    if unit.kind in ("rule", "junk", "meta", "crumb", "item") or unit.bullet:
        return _SKIP
    text = unit.text
    if unit.weight > 60 or (unit.punct >= 4 and unit.weight > 30):
        return _SKIP if _credited(text) else _STOP
    if unit.weight < 2 or (unit.cjk and unit.weight <= 4) or _furniture(text) or _menu_row(units, index) \
            or (index > 0 and _BYLINE_WORD.match(units[index - 1].text)):
        return _SKIP
    verdict = _nav_verdict(units, index, anchor) if unit.kind == "nav" else _STRONG
    if verdict == _SKIP:
        return _SKIP
    if unit.punct >= 4 or _FULL_STOP.search(text[-8:]) or len(text) > 200:
        return _WEAK
    if unit.cjk and sum(map(text.count, ",，、")) >= 2:
        return _WEAK
    if (unit.punct >= 2 and _INNER_STOP.search(text)) or (not unit.cjk and unit.weight <= 3) \
            or _INITIAL_NAME.match(text) or _above_credit(units, index):
        return _WEAK
    return verdict


def _in_toolbar(units: list[Unit], index: int) -> bool:
    """Whether a line stands among buttons of a word or two ("Twitter", "Comments", "Print"): a
    toolbar's button that says "Comments" does not begin the comments."""
    return 0 < index < len(units) - 1 and all(units[k].weight <= 2 and units[k].kind in _BUTTON_KINDS
                                              for k in (index - 1, index + 1))


_BUTTON_KINDS = frozenset({"junk", "item", "rule", "short", "end"})


# A photo's credit on a line of its own, in brackets ("(Jacquelyn Martin / Associated Press)", "(Getty Images)").
_CREDIT_LINE = re.compile(
    r"[(（][^()（）]*(?:/|©|\b(?:photo|getty|associated press|reuters|afp|ap|epa|shutterstock)\b)[^()（）]*[)）]$",
    re.I,
)


def _above_credit(units: list[Unit], index: int) -> bool:
    """Whether a line stands right above a photo's credit: the photo's caption, or the headline
    over a lead photo shown without one."""
    return index + 1 < len(units) and bool(_CREDIT_LINE.match(units[index + 1].text))


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
    words = set(OTHER_WORD.findall(unit.text.casefold()))
    for index in range(found - 1, max(-1, found - _ECHO_REACH - 1), -1):
        other = units[index]
        if other.cjk or not _ECHO_SHARE * unit.weight <= other.weight < unit.weight \
                or _head_line(units, index) != _STRONG:
            continue
        shared = words & set(OTHER_WORD.findall(other.text.casefold()))
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
    if is_time_stamp(units[start]):
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
    reach = _HEAD_REACH
    panel = 0  # furniture lines in a row
    while index >= 0 and reach > 0:
        unit = units[index]
        if unit.kind == "short":
            # Short lines are read only near the body, and the reach can run past them.
            classify(unit)
        if unit.kind == "meta" or ((unit.bullet or unit.kind == "junk") and _dated_furniture(unit)) \
                or is_time_stamp(unit):
            top, bottom = meta_run(units, index)
            river_top = _teaser_river_top(units, top)
            if river_top >= 0:
                # A list of related stories between the head and the body: the head is above it.
                index, reach = river_top, _HEAD_REACH + 1
            elif is_river(units, top, bottom):
                index, reach = top, reach - (index - top)
            else:
                return top
        # A panel of share buttons or icons (a word each, or none) does not count against the reach:
        # past its first lines, a run of them is passed over.
        panel = panel + 1 if unit.weight <= 1 or unit.kind in ("junk", "rule") else 0
        if panel <= _PANEL_COUNTED:
            reach -= 1
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


def is_time_stamp(unit: Unit) -> bool:
    """A short line that gives the story's time without its year: the head's metadata line all
    the same, where a teaser's dated line above it would otherwise be taken for the story's."""
    return unit.weight <= DATED_LINE_WORDS and unit.kind in ("text", "short", "nav") \
        and bool(_TIME_STAMP.match(unit.text))


def meta_run(units: list[Unit], index: int) -> tuple[int, int]:
    """The first and last line of the run of metadata lines that ``index`` stands in."""
    top = bottom = index
    while top > 0 and units[top - 1].kind == "meta":
        top -= 1
    while bottom + 1 < len(units) and units[bottom + 1].kind == "meta":
        bottom += 1
    return top, bottom


def is_river(units: list[Unit], top: int, bottom: int) -> bool:
    """Three or more dated lines in a row, all different: a list of related stories (a title and its
    day on each line), not the article's own metadata (a byline, then a photo's caption printed twice)."""
    return bottom - top + 1 >= _RIVER and \
        len({units[k].text for k in range(top, bottom + 1) if has_date(units[k].text)}) >= _RIVER


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
    return has_date(unit.text) and (unit.weight <= DATED_LINE_WORDS or looks_like_meta_line(unit.text))


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
        if _POSTED_LINE.match(units[index].text) and has_date(units[index].text) or is_time_stamp(units[index]):
            above = index - 1
            while above >= 0 and units[above].kind in ("rule", "junk"):
                above -= 1
            if above >= 0 and units[above].weight >= units[title].weight and _head_line(units, above) == _STRONG:
                return above
            return title
    return title


_ASKS = re.compile(r"[?!][\"'”’)]*$")


def _date_over_headline(units: list[Unit], meta: int, start: int) -> bool:
    """Whether the body opens with its headline right under the dated metadata line (nothing but
    furniture between): a short line that is no sentence (a comma at most) stands there only as
    the headline, where the date is set above it, and whatever headline-like line stands above
    the date then belongs to the page's furniture or to another story. Latin script only: Chinese
    pages open the body with an unpunctuated source line (中广网河南分网消息, 国际中心／综合报导)."""
    first = units[start]
    # A headline can end with a question or an exclamation; any other stop, or two marks inside, make a sentence.
    asks = first.final and bool(_ASKS.search(first.text))
    if first.cjk or (first.final and not asks) or first.punct - asks > 1 or first.weight > 30 \
            or _head_line(units, start) != _STRONG:
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


def find_head(units: list[Unit], start: int, page: str) -> Head:
    """The headline is the headline-like line nearest above the metadata line (source,
    byline, date) that the body hangs from, or above the body where there is none; where
    the date stands above the headline, the headline between the date and the body."""
    meta = _meta_anchor(units, start)
    anchor = meta if meta >= 0 else start
    if 0 <= meta < start and _date_over_headline(units, meta, start):
        return Head(title=start, meta=meta, body=_past_head_labels(units, start + 1))
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
    return Head(title=title, meta=meta, body=body)


# The time of day a page appends to a headline in a list of latest news ("…患者多【16:15】").
_TIME_TAIL = re.compile(r"\s*[【\[(（]\d{1,2}:\d{2}[】\])）]$")


# A gap as wide as a text dump leaves between a table's columns: no headline holds one.
_COLUMN_GAP = re.compile(r"[ \u3000]{6,}")


# What lynx prints for an element it cannot show ("[INS::INS]", "[S::S]"), here before the headline.
_LYNX_MARK = re.compile(r"^(?:\[[A-Z]+::[A-Z]+\]\s*)+")


def headline_text(unit: Unit, menu_shapes: frozenset[tuple[int, int, str]] = frozenset()) -> str:
    """The headline without the pointer marks some pages set before it (》, ・, ■), without a time
    of day appended to it, and without what another column of the layout set on its row: far to
    the right ("2015年陇药销售额要超100亿元          论坛热帖": the longest piece is the headline),
    or a left column's menu item of the shape the lines around it open with (``menu_shapes``), and
    without a mark lynx left before it."""
    text = unit.text
    if "      " in text or "\u3000" * 6 in text:
        text = max(_COLUMN_GAP.split(text), key=lambda piece: count_words(piece)[0])
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
    return shape is not None and shape in menu_item_shapes(units, index)


def menu_item_shapes(units: list[Unit], title: int) -> frozenset[tuple[int, int, str]]:
    """The shapes of the menu items the lines around the headline open with: a left column of the
    layout, printed row by row beside the headline, one of its items on the headline's own row."""
    shapes = set()
    for index in range(max(0, title - _MENU_NEIGHBOURS), min(len(units), title + _MENU_NEIGHBOURS + 1)):
        if index != title and (shape := _item_shape(units[index].text.partition(" ")[0])):
            shapes.add(shape)
    return frozenset(shapes)
