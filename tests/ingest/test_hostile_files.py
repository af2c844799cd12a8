"""Files that are not what their names say: a FIFO or a device called ``page.html``, a file
that holds more than its size claims, images reached from outside the page's own folder.
Each is refused with a reason, at once; none blocks, none is read without end."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.ingest import ExtractError, extract_file
from reader.ingest import pipeline
from reader.ingest.files import TooLarge, read_regular

from .pages import article_html, tiny_png

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


def finishes(work, seconds: float = 10):
    """``work()``'s result, or a failure if it is still running after ``seconds`` (a hang guard)."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(_outcome(work)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"still running after {seconds} s"
    return box[0]


def _outcome(work):
    try:
        return work()
    except Exception as error:  # noqa: BLE001 - handed to the test to look at
        return error


def test_a_fifo_named_like_a_page_fails_at_once_with_its_reason(tmp_path):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    error = finishes(lambda: extract_file(fifo))
    assert isinstance(error, ExtractError)
    assert str(error) == "it is not a regular file (a FIFO)"


def test_a_symlink_to_dev_zero_is_refused_unread(tmp_path):
    link = tmp_path / "endless.html"
    link.symlink_to("/dev/zero")
    error = finishes(lambda: extract_file(link))
    assert isinstance(error, ExtractError)
    assert str(error) == "it is not a regular file (a character device)"


def test_a_file_holding_more_than_its_size_says_is_read_only_up_to_the_limit(monkeypatch):
    """procfs files claim a size of 0 and hold more: the limit counts bytes read, not the size."""
    maps = Path("/proc/self/maps")
    if not maps.exists() or maps.stat().st_size != 0:
        pytest.skip("needs Linux procfs")
    with pytest.raises(TooLarge):
        read_regular(maps, 100)
    monkeypatch.setattr(pipeline, "MAX_BYTES", 100)
    with pytest.raises(ExtractError, match="too large"):
        extract_file(maps)


def _page_with_images(folder: Path, *sources: str) -> Path:
    figures = "".join(f'<p>A picture: <img src="{src}" alt="picture {n}"></p>' for n, src in enumerate(sources))
    page = folder / "page.html"
    page.write_text(article_html().replace("</article>", figures + "</article>"), encoding="utf-8")
    return page


def test_images_come_only_from_the_pages_own_resources_folder(tmp_path):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    for folder in (site / "page_files", site / "other_folder", elsewhere):
        folder.mkdir(parents=True)
    photo = tiny_png()
    (tmp_path / "secret.png").write_bytes(photo + b"secret")
    (site / "other_folder" / "x.png").write_bytes(photo + b"other")
    (elsewhere / "x.png").write_bytes(photo + b"elsewhere")
    (site / "page_files" / "link.png").symlink_to(elsewhere / "x.png")
    (site / "page_files" / "zero.png").symlink_to("/dev/zero")
    (site / "page_files" / "photo.png").write_bytes(photo)
    page = _page_with_images(site, "../secret.png", "other_folder/x.png", "page_files/link.png",
                             "page_files/../../secret.png", "page_files/zero.png", "page_files/photo.png")
    article = finishes(lambda: extract_file(page))
    assert list(article.images.values()) == [photo]


def test_a_resources_folder_that_is_a_symlink_out_of_the_page_folder_is_not_read(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "photo.png").write_bytes(tiny_png())
    (tmp_path / "site" / "page_files").symlink_to(tmp_path / "elsewhere")
    page = _page_with_images(tmp_path / "site", "page_files/photo.png")
    assert extract_file(page).images == {}


@pytest.mark.parametrize("folder", ["page_files", "page-Dateien", "page_fichiers", "page.files"])
def test_browsers_names_for_the_resources_folder_are_read(tmp_path, folder):
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "photo.png").write_bytes(tiny_png())
    page = _page_with_images(tmp_path, f"{folder}/photo.png")
    assert list(extract_file(page).images.values()) == [tiny_png()]
