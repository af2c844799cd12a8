"""Selections snap to whole words in Latin text and stay per character in CJK."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotate.words import is_edge_junk, is_word_char, snap_to_words

SENTENCE = "The council debated funding for the library’s new wing, didn't it?"


def snapped(text: str, part: str, skip: int = 0) -> str:
    start = text.index(part) + skip
    first, last = snap_to_words(text, start, start + len(part) - skip)
    return text[first:last]


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("debated f", "debated funding"),
        ("uncil deb", "council debated"),
        ("e council ", "The council"),
        (" funding ", "funding"),
        ("library", "library’s"),
        ("didn", "didn't"),
        ("wing, ", "wing"),
        ("t?", "it"),
        ("n'", "didn't"),
    ],
)
def test_latin_selections_take_whole_words_without_edge_punctuation(part, expected):
    assert snapped(SENTENCE, part) == expected


def test_cjk_selections_keep_their_characters():
    text = "古籍修复中心首次对公众开放。"
    assert snapped(text, "修复中心") == "修复中心"
    assert snapped(text, "公众开放。") == "公众开放"
    assert snapped("東京タワーは333メートル", "タワー") == "タワー"
    assert snapped("서울 도서관은 좋다", "도서") == "도서"


def test_latin_beside_cjk_stops_at_the_cjk_character():
    text = "新版iPhone将于2026年发布"
    assert snapped(text, "Pho") == "iPhone"
    assert snapped(text, "02") == "2026"
    assert snapped(text, "将于") == "将于"


def test_a_selection_of_only_punctuation_or_space_is_left_alone():
    text = "Yes — no."
    assert snap_to_words(text, 3, 6) == (3, 6)


def test_accented_and_cyrillic_words_are_words():
    assert snapped("une crème brûlée", "rème br") == "crème brûlée"
    assert snapped("Москва большая", "сква") == "Москва"


TEXTS = st.text(
    alphabet=st.sampled_from(list("abcXYZ09 ,.'’-—\n") + list("中文字ひらカナ한글") + ["é", "ß", "ж"]),
    max_size=40,
)


@st.composite
def selections(draw):
    text = draw(TEXTS)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


def _is_junk_only(text: str, start: int, end: int) -> bool:
    return all(is_edge_junk(char) for char in text[start:end])


@given(selections())
def test_snapping_twice_changes_nothing(case):
    text, start, end = case
    first, last = snap_to_words(text, start, end)
    assert snap_to_words(text, first, last) == (first, last)


@given(selections())
def test_no_word_is_cut_and_no_edge_is_a_space_or_punctuation(case):
    text, start, end = case
    first, last = snap_to_words(text, start, end)
    if _is_junk_only(text, start, end):
        assert (first, last) == (start, end)
        return
    assert not is_edge_junk(text[first]) and not is_edge_junk(text[last - 1])
    assert not (first > 0 and is_word_char(text[first - 1]) and is_word_char(text[first]))
    assert not (last < len(text) and is_word_char(text[last - 1]) and is_word_char(text[last]))


@given(selections())
def test_everything_but_edge_junk_stays_selected(case):
    text, start, end = case
    first, last = snap_to_words(text, start, end)
    kept = [i for i in range(start, end) if not is_edge_junk(text[i])]
    assert all(first <= i < last for i in kept)


@given(selections())
def test_cjk_characters_are_never_added(case):
    text, start, end = case
    first, last = snap_to_words(text, start, end)
    added = [*range(first, start), *range(end, last)]
    assert all(is_word_char(text[i]) or text[i] in "'’" for i in added)
