"""The reading view shows exactly the canonical text, safely."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl

from reader.model import Article, Highlight
from reader.render import render_markdown
from reader.ui.reader_view import ReaderView

BODY = """## 第一节:开头

第一段,有中文标点。Latin words & <b>raw html</b> too.

- 列表一
- 列表二 with `code`

> 引用的一段话

| 列 | 值 |
|---|---|
| 甲 | 1 |

### 小节 😀 e\u0301

最后一段 [link](https://example.org/x) and [bad](javascript:alert(1)) ![pic](img-1.png) ![evil](file:///etc/passwd).
"""


def article() -> Article:
    rendered = render_markdown(BODY)
    return Article(title="标题", markdown=BODY, text=rendered.text, sections=rendered.sections, source="来源",
                   published="2020-06-01T00:35:00+08:00", url="https://example.org/a", language="zh")


def body_blocks(view: ReaderView) -> list[str]:
    """The document's blocks after the header (title, meta line, link)."""
    blocks, block = [], view.document().begin()
    while block.isValid():
        blocks.append(block.text())
        block = block.next()
    start = blocks.index("https://example.org/a") + 1
    return [b for b in blocks[start:] if b]


def test_the_document_holds_the_canonical_text_block_by_block(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    view.show_article(article())
    assert body_blocks(view) == article().text.split("\n")


def test_images_come_only_from_the_article_and_links_never_auto_open(qtbot):
    requested, opened = [], []

    def images(name):
        requested.append(name)
        return None

    view = ReaderView(image_source=images, open_link=lambda url: opened.append(url.toString()))
    qtbot.addWidget(view)
    view.show_article(article())
    assert set(requested) == {"img-1.png"}
    assert opened == []
    html = view.toHtml()
    assert "javascript" not in html and "/etc/passwd" not in html
    assert "<b>raw html</b>" in view.toPlainText()
    view.anchorClicked.emit(QUrl("https://example.org/x"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org/x"]


def test_document_positions_map_to_canonical_offsets_and_back(qtbot):
    from reader.annotate.utf16 import to_utf16

    view = ReaderView()
    qtbot.addWidget(view)
    view.show_article(article())
    text = article().text
    mapping = view.document_map
    for needle in ("第一段", "列表二", "甲", "小节 😀", "最后一段"):
        start = text.index(needle)
        position = mapping.to_document(start)
        cursor = view.textCursor()
        cursor.setPosition(position)
        units = to_utf16(needle, len(needle))
        cursor.setPosition(position + units, cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == needle
        assert mapping.to_text(position) == start
        assert mapping.to_text(position + units) == start + len(needle)
    assert mapping.to_text(0) is None


@given(st.lists(st.text(alphabet=st.sampled_from(list("中文字ab 😀🀄é\u0301\u200d")), min_size=1, max_size=12), min_size=1, max_size=6))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_code_point_offset_survives_the_round_trip(qapp, paragraphs):
    from reader.model import Article
    from reader.render import render_markdown

    body = "\n\n".join("p" + p.replace("\\", "") for p in paragraphs)
    rendered = render_markdown(body)
    view = ReaderView()
    view.show_article(Article(title="t", markdown=body, text=rendered.text))
    text, mapping = rendered.text, view.document_map
    for offset in range(len(text) + 1):
        position = mapping.to_document(offset)
        assert mapping.to_text(position) == offset
    cursor = view.textCursor()
    cursor.setPosition(mapping.to_document(0))
    cursor.setPosition(mapping.to_document(len(text)), cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText().replace("\u2029", "\n") == text


def long_article(paragraphs: int) -> Article:
    body = "\n\n".join(f"第{n}段。Paragraph {n} of a long report, with enough words to wrap a line or two." for n in
                       range(paragraphs))
    rendered = render_markdown(body)
    return Article(title="长文", markdown=body, text=rendered.text, sections=rendered.sections, language="zh")


def drawn_text(view: ReaderView) -> list[str]:
    return [selection.cursor.selectedText() for selection in view.extraSelections()]


def test_highlights_across_paragraphs_and_far_down_a_long_article_are_all_drawn(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    long = long_article(3000)
    view.show_article(long)
    text = long.text
    across = Highlight(article_id=1, start=text.index("第1段"), end=text.index("第3段"), exact="", color="green")
    last = text.index("第2999段")
    near_end = Highlight(article_id=1, start=last, end=last + 7, exact="", color="red")
    view.highlight_layer.set_highlights([across, near_end])
    assert not view.highlight_layer.all_placed  # the far end waits for Qt's layout to reach it

    qtbot.waitUntil(lambda: view.highlight_layer.all_placed, timeout=20000)
    drawn = drawn_text(view)
    assert drawn[:2] == [
        "第1段。Paragraph 1 of a long report, with enough words to wrap a line or two.",
        "第2段。Paragraph 2 of a long report, with enough words to wrap a line or two.",
    ]
    assert drawn[2] == "第2999段。"
    colours = [selection.format.background().color() for selection in view.extraSelections()]
    assert colours[0] == colours[1] != colours[2]


def test_a_photo_wider_than_the_column_fits_it_with_no_blank_band_below(qtbot):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    photo = QImage(2000, 500, QImage.Format.Format_RGB32)
    photo.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    photo.save(buffer, "PNG")
    body = "A first paragraph of the story.\n\n![A wide photo](img-1.png)\n\n## After the photo\n\nMore of the story.\n"
    rendered = render_markdown(body)
    view = ReaderView(image_source=lambda name: bytes(buffer.data()) if name == "img-1.png" else None)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(Article(title="Photo", markdown=body, text=rendered.text, sections=rendered.sections))
    qtbot.wait(50)
    assert view.horizontalScrollBar().maximum() == 0
    document = view.document()
    block = document.begin()
    while block.text() != "\ufffc":
        block = block.next()
    layout = document.documentLayout()
    photo_rect = layout.blockBoundingRect(block)
    # Scaled to the column's width, the photo keeps its shape: a quarter as tall as it is wide.
    assert abs(photo_rect.height() - photo_rect.width() / 4) <= 4
    # The heading comes after the photo and its own top margin (26 px), not after a reading line's leading.
    assert layout.blockBoundingRect(block.next()).top() - photo_rect.top() <= photo_rect.height() + 30
