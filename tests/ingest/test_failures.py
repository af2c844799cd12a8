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
def test_deeply_nested_html_finishes_without_a_crash_or_a_hang():
    depth = 10_000
    data = ("<html><body>" + "<div>" * depth + "<p>" + "Deep inside the page there is one sentence of text. " * 5
            + "</p>" + "</div>" * depth + "</body></html>").encode()
    try:
        article = extract_bytes(data, "deep.html")
    except ExtractError:
        pass  # refusing with a reason is acceptable; crashing or hanging is not
    else:
        assert "Deep inside the page" in article.text


def test_huge_file_is_refused_with_a_reason():
    with pytest.raises(ExtractError, match="too large"):
        extract_bytes(b"a" * (50 * 1024 * 1024 + 1), "huge.txt")


def test_error_messages_are_sentences():
    with pytest.raises(ExtractError) as info:
        extract_bytes(b"", "x.txt")
    assert str(info.value) == "the file is empty"
