"""Bold and italic text in a page stay emphasis, and escaping happens once."""

from __future__ import annotations

from reader.ingest import extract_bytes

FILLER = "Enough words follow here so that the paragraph counts as running text for every extractor."


def article(paragraph: str) -> bytes:
    return (f"<html><head><title>Europa</title></head><body><article><h1>Europa</h1><p>{paragraph} {FILLER}</p>"
            f"<p>A second paragraph of the story, also long enough to be kept. {FILLER}</p></article></body></html>"
            ).encode()


def test_bold_and_italic_are_markdown_emphasis_not_asterisks_in_the_text():
    found = extract_bytes(article("A <b>bold claim</b> in the journal<em> Nature Astronomy</em> today."), "x.html")
    assert "A **bold claim** in the journal *Nature Astronomy* today." in found.markdown
    assert "A bold claim in the journal Nature Astronomy today." in found.text


def test_characters_markdown_would_read_are_escaped_once():
    found = extract_bytes(article("Use snake_case names, a * star, [brackets] and <b>a_bold_name</b>."), "x.html")
    assert "Use snake_case names, a * star, [brackets] and a_bold_name." in found.text
    assert "\\\\" not in found.markdown


def test_code_is_shown_as_written_without_escapes():
    found = extract_bytes(article("Call <code>my_func(a_b)</code>, or <code>a `tick` *b*</code>, with care."), "x.html")
    assert "Call my_func(a_b), or a `tick` *b*, with care." in found.text
    assert "\\_" not in found.text
