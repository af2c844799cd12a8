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
match. Lines further below the body than anything after the body search reads
are never classified at all (an upper bound of their score stands in for it):
a page takes a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.ingest.blocks import Block
from reader.ingest.dates import has_date, local_zone
from reader.ingest.metadata import LineMeta, guess_language
from reader.ingest.plaintext.body import (
    ANCHOR_ABOVE,
    ANCHOR_BELOW,
    RIVER_REACH,
    anchor_bonus,
    best_segment,
    body_blocks,
    cut_river,
    may_be_anchored,
)
from reader.ingest.plaintext.head import find_head, headline_text, menu_item_shapes
from reader.ingest.plaintext.kinds import classify, line_kind, may_be_meta, score_bound
from reader.ingest.plaintext.lines import Unit, prose_weight, read_units
from reader.ingest.plaintext.meta import metadata_lines, published_date, read_metadata, sign_off_date

__all__ = ["TextArticle", "extract_plain_text", "line_kind", "prose_weight"]


@dataclass
class TextArticle:
    """What the plain-text extractor found; ``blocks`` is the body. ``language`` is set
    where the body's script names it (Chinese, Japanese, Korean), '' otherwise."""

    title: str = ""
    meta: LineMeta = field(default_factory=LineMeta)
    blocks: list[Block] = field(default_factory=list)
    language: str = ""
    head_dated: bool = False
    """Whether the article's head (its metadata lines, around the headline) gave its date: a
    found head, where a date closing the story says nothing of the head."""


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


UNREAD = "unread"
"""The kind of a line not classified yet: its score is :func:`score_bound`, the highest it can be."""


def extract_plain_text(text: str) -> TextArticle:
    """Find the article in the text of a saved page: title, metadata line and body blocks."""
    units = read_units(text)
    if not units:
        return TextArticle()
    many = len(units) > MANY_LINES
    for unit in units:
        # Short lines only matter near the body: score them roughly now, read them later.
        if unit.weight <= 5 and not unit.final and (many or not unit.bullet):
            unit.kind, unit.score = "short", -4.0
        else:
            unit.kind, unit.score = UNREAD, score_bound(unit)
    _read_anchors(units)
    anchor_bonus(units)
    start, end = _densest(units)
    if end < start:
        return TextArticle()
    for unit in units[max(0, start - 30): end + RIVER_REACH]:
        if unit.kind == "short":
            classify(unit)
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
    end = cut_river(units, start, end)
    while end > start and units[end].score < 0:
        end -= 1
    # Short sentences right before the densest stretch still belong to the story.
    while start > 0 and units[start - 1].kind == "text" and units[start - 1].final and units[start - 1].punct:
        start -= 1
    head = find_head(units, start, text)
    start = head.body
    article = TextArticle()
    if head.title >= 0:
        article.title = headline_text(units[head.title], menu_item_shapes(units, head.title))
    article.language = _cjk_language(units[start:end + 1])
    zone = local_zone(article.language)
    meta_lines = metadata_lines(units, head, start)
    meta = read_metadata(units, meta_lines, zone, start)
    meta.published = published_date(units, meta_lines, head, start, zone, text)
    article.head_dated = bool(meta.published)
    meta.published = meta.published or sign_off_date(units, end, zone, text)
    article.meta = meta
    article.blocks = body_blocks(units, start, end)
    return article


def _read_anchors(units: list[Unit]) -> None:
    """Classify the lines :func:`anchor_bonus` needs classified: every dated line that may be a
    metadata line with a line below it that may be rewarded, and around a dated metadata line, the
    lines the bonus reads. An unread line then neither gives nor takes a bonus, read or not."""
    # The nearest line below each line that may take the bonus (past the end where none does).
    below = [0] * len(units)
    nearest = len(units) + ANCHOR_BELOW
    for index in range(len(units) - 1, -1, -1):
        below[index] = nearest
        if may_be_anchored(units[index]):
            nearest = index
    for index, unit in enumerate(units):
        if unit.kind == "short" or below[index] > index + ANCHOR_BELOW or not may_be_meta(unit) \
                or not has_date(unit.text):
            continue
        if unit.kind == UNREAD:
            classify(unit)
        if unit.kind == "meta":
            for near in units[max(0, index - ANCHOR_ABOVE): index + ANCHOR_BELOW + 1]:
                if near.kind == UNREAD:
                    classify(near)


def _densest(units: list[Unit]) -> tuple[int, int]:
    """The densest stretch of running text, as :func:`best_segment` finds it over the lines' true
    scores, reading only the lines down to a little below it (most pages' long tail is never read).

    An unread line scores no less than it will once read (and neither gives nor takes the anchor
    bonus), so a stretch found with no unread line in it is the one the true scores give: reading
    can only lower the stretches elsewhere, and leaves this one's sum, start and end as they are.
    Otherwise the lines down to the stretch are read and the search is repeated. Whatever follows
    the search reads lines down to :data:`RIVER_REACH` below the stretch, or further through a run
    of metadata lines (a headline's metadata run is followed down), so those are read too."""
    read = 0  # lines above this one are read
    while True:
        start, end = best_segment(units)
        settled = all(unit.kind != UNREAD for unit in units[start:end + 1])
        bottom = end + RIVER_REACH
        while read < len(units) and (read <= bottom or units[read - 1].kind == "meta"):
            if units[read].kind == UNREAD:
                classify(units[read])
            read += 1
        if settled:
            return start, end
