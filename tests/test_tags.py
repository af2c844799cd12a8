"""One rule for tags: what is kept of what the user types, and when two tags are the same."""

from reader.tags import clean_tags, tag_key


def test_tags_are_trimmed_and_case_duplicates_dropped_keeping_the_first_spelling():
    assert clean_tags(["  Anhui ", "anhui", "ANHUI", "", "  ", "开发区  协会", "Ｒeader"]) == ["Anhui", "开发区 协会", "Ｒeader"]


def test_a_tag_is_the_same_in_any_case_composed_or_not():
    assert tag_key("Straße") == tag_key("STRASSE")
    assert tag_key("Cafe\u0301") == tag_key("café")
    assert tag_key("会议") != tag_key("會議")  # simplified and traditional stay two tags
