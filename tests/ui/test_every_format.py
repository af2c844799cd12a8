"""Every kind of saved page, dropped on the window, reads with its section headings in the
contents pane and its images in the text: "Web page, complete", MHTML, a text dump, Markdown."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPixmap, QTextDocument, QTextImageFormat

from tests.ingest.pages import PARAGRAPHS, article_html, mhtml
from tests.ui.conftest import import_and_wait

HEADINGS = [("The crowds", 0), ("The parade", 0)]


def png(width: int, height: int, color: QColor) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(color)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def open_title(qtbot, window, title: str) -> None:
    model = window.library_model
    row = [model.index(r).data() for r in range(model.rowCount())].index(title)
    rect = window.library_view.visualRect(model.index(row))
    qtbot.mouseClick(window.library_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.toPlainText().startswith(title)


def contents(window) -> list[tuple[str, int]]:
    model, rows = window.toc_model, []
    for row in range(model.rowCount(window.toc_view.rootIndex())):
        index = model.index(row, 0, window.toc_view.rootIndex())
        rows.append((index.data(), 0))
    return rows


def shown_images(window) -> list[QImage]:
    """The images the reading view's document holds, as it draws them."""
    document = window.reader.document()
    images = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat():
                name = QTextImageFormat(fragment.charFormat()).name()
                resource = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
                images.append(resource.toImage() if isinstance(resource, QPixmap) else QImage(resource))
            iterator += 1
        block = block.next()
    return images


def test_every_format_shows_its_headings_and_its_images(qtbot, window, tmp_path):
    saved = tmp_path / "saved"
    saved.mkdir()
    photo = png(40, 30, QColor("red"))
    (saved / "complete_files").mkdir()
    (saved / "complete_files" / "boats.png").write_bytes(photo)
    (saved / "complete.html").write_text(article_html("complete_files/boats.png"), encoding="utf-8")
    single = article_html("https://example.com/img/boats.png").replace("Harbor Festival Returns", "Harbor Festival Saved Whole")
    (saved / "single.mhtml").write_bytes(mhtml(single.encode("utf-8"), image=photo))
    (saved / "dump.txt").write_text("\n\n".join([
        "Home | News | Sports", "Harbor Festival in Plain Text", "November 19, 2019 | Harbor Gazette",
        PARAGRAPHS[0], "The crowds", PARAGRAPHS[1], "The parade", PARAGRAPHS[2], "Related stories",
    ]), encoding="utf-8")
    (saved / "notes.md").write_text(
        f"---\ntitle: Harbor Festival in Markdown\n---\n\n{PARAGRAPHS[0]}\n\n## The crowds\n\n{PARAGRAPHS[1]}\n\n"
        f"## The parade\n\n{PARAGRAPHS[2]}\n", encoding="utf-8")
    report = import_and_wait(qtbot, window, [saved])
    assert report.sentence() == "4 imported, 0 already in the library, 0 failed"

    for title in ("Harbor Festival Returns", "Harbor Festival Saved Whole"):
        open_title(qtbot, window, title)
        assert contents(window) == HEADINGS
        [image] = shown_images(window)
        assert (image.width(), image.height()) == (40, 30)
        assert image.pixelColor(20, 15) == QColor("red")
    for title in ("Harbor Festival in Plain Text", "Harbor Festival in Markdown"):
        open_title(qtbot, window, title)
        assert contents(window) == HEADINGS
        assert PARAGRAPHS[2] in window.reader.toPlainText()


def test_the_open_dialog_offers_every_kind_of_page_an_import_reads():
    from reader.ingest import SUPPORTED_SUFFIXES
    from reader.ui.dialogs import PAGE_FILTER

    pages, rest = PAGE_FILTER.split(";;")
    assert pages == "Saved pages (*.html *.htm *.xhtml *.shtml *.mht *.mhtml *.txt *.text *.md *.markdown)"
    assert pages.split("(")[1].rstrip(")").split() == [f"*{suffix}" for suffix in SUPPORTED_SUFFIXES]
    assert rest == "All files (*)"
