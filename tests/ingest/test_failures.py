"""Every way an import can fail says why, as an ExtractError, quickly."""

from __future__ import annotations

import os

import pytest

from reader.ingest import ExtractError, extract_bytes, extract_file


def test_empty_file(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    with pytest.raises(ExtractError, match="empty"):
        extract_file(path)


def test_blank_file_is_empty():
    with pytest.raises(ExtractError, match="empty"):
        extract_bytes(b"  \n\n \t\n", "blank.txt")


def test_binary_file_named_html(tmp_path):
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(ExtractError, match="binary"):
        extract_file(path)


def test_random_binary_named_txt():
    with pytest.raises(ExtractError, match="binary"):
        extract_bytes(b"abc\x00\x01\x02\x03def" * 100, "data.txt")


def test_nonexistent_path(tmp_path):
    with pytest.raises(ExtractError, match="does not exist"):
        extract_file(tmp_path / "missing.html")


def test_directory_path(tmp_path):
    with pytest.raises(ExtractError, match="folder"):
        extract_file(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Some text that nobody may read.")
    path.chmod(0)
    try:
        with pytest.raises(ExtractError, match="cannot be read"):
            extract_file(path)
    finally:
        path.chmod(0o600)


def test_only_navigation(fixtures):
    with pytest.raises(ExtractError, match="no article text"):
        extract_file(fixtures / "only-navigation.txt")


def test_html_without_text():
    with pytest.raises(ExtractError, match="no article text"):
        extract_bytes(b"<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>", "x.html")


@pytest.mark.timeout(30)
def test_deeply_nested_html_is_read_whole():
    """libxml2 stops building its tree at 256 levels and drops what is deeper: the page is
    read flat instead, so the story inside is neither lost nor refused."""
    depth = 10_000
    story = "".join(f"<p>这是第{i}段，一个很深的页面里的正文段落，第{i}段说的是第{i}件事情。</p>" for i in range(1, 7))
    data = ("<html><head><title>深层页面 - 某某网</title><script>var x = '<p>不是正文</p>';</script></head><body>"
            "<p>Intro paragraph of the page, above the deep part.</p>" + "<div>" * depth
            + "<h1>深层页面的标题</h1><p>来源：新华社 2020-06-01 00:35</p>" + story
            + "</div>" * depth + "</body></html>").encode()
    article = extract_bytes(data, "deep.html")
    assert article.title == "深层页面的标题"
    assert article.published == "2020-06-01T00:35:00+08:00"
    assert article.source == "新华社"
    assert "这是第1段" in article.text and "第6段说的是第6件事情。" in article.text
    assert "不是正文" not in article.text


def test_deeply_nested_html_without_a_headline_is_named_by_its_title():
    depth = 1_000
    story = "".join(f"<p>Paragraph {i} of a page nested far too deeply, and it says something new: {i}.</p>"
                    for i in range(5))
    data = ("<html><head><title>Deep &amp; nested</title></head><body>" + "<div>" * depth + story
            + "</div>" * depth + "</body></html>").encode()
    article = extract_bytes(data, "deep.html")
    assert article.title == "Deep & nested"
    assert "Paragraph 0 of a page" in article.text and "something new: 4." in article.text


def test_huge_file_is_refused_with_a_reason():
    with pytest.raises(ExtractError, match="too large"):
        extract_bytes(b"a" * (50 * 1024 * 1024 + 1), "huge.txt")


def test_error_messages_are_sentences():
    with pytest.raises(ExtractError) as info:
        extract_bytes(b"", "x.txt")
    assert str(info.value) == "the file is empty"


def test_a_bug_met_while_extracting_is_logged_with_its_traceback_and_said_to_be_ours(monkeypatch, caplog):
    from reader.ingest import pipeline

    def broken(text: str):
        raise KeyError("a bug of ours")

    monkeypatch.setattr(pipeline, "extract_markdown", broken)
    with pytest.raises(ExtractError, match=r"KeyError: 'a bug of ours'\); this is a fault in Reader, written to its log"):
        pipeline.extract_bytes(b"# A title\n\nA paragraph.\n", "notes.md")
    [record] = [r for r in caplog.records if r.name == "reader.ingest.pipeline"]
    assert "notes.md" in record.getMessage() and record.exc_info[0] is KeyError
