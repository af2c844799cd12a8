"""Code points ↔ Qt's UTF-16 positions, checked against Python's own UTF-16 encoder."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.annotate import Utf16Map, from_utf16, to_utf16

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
CJK_EXT_B = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)  # astral ideographs
EMOJI = st.sampled_from(["😀", "👍🏽", "👩‍👩‍👧", "🇨🇳", "🎉", "❤️", "𝄞", "🀄"])
COMBINING = st.characters(min_codepoint=0x0300, max_codepoint=0x036F)
ASTRAL_COMBINING = st.sampled_from(["\U0001d165", "\U0001d16d", "\U000e0100"])  # musical marks, a variation selector
ANY = st.characters(exclude_categories=["Cs"])  # every code point but lone surrogates

TEXT = st.lists(
    st.one_of(st.text(max_size=3), CJK, CJK_EXT_B, EMOJI, COMBINING, ASTRAL_COMBINING, ANY, st.just("\n")),
    max_size=60,
).map("".join)


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXT)
def test_to_utf16_counts_the_units_before_each_code_point(text):
    mapping = Utf16Map(text)
    for index in range(len(text) + 1):
        assert mapping.to_utf16(index) == units(text[:index]) == to_utf16(text, index)
    assert mapping.utf16_length == units(text)


@given(TEXT)
def test_round_trip_and_monotonic(text):
    mapping = Utf16Map(text)
    positions = [mapping.to_utf16(i) for i in range(len(text) + 1)]
    assert all(a < b for a, b in zip(positions, positions[1:]))
    for index, unit in enumerate(positions):
        assert mapping.from_utf16(unit) == index == from_utf16(text, unit)
        assert mapping.from_utf16(unit, round_up=True) == index


@given(TEXT)
def test_every_utf16_offset_maps_to_the_character_it_falls_in(text):
    mapping = Utf16Map(text)
    for unit in range(mapping.utf16_length + 1):
        down, up = mapping.from_utf16(unit), mapping.from_utf16(unit, round_up=True)
        assert units(text[:down]) <= unit <= units(text[:up])
        assert up - down in (0, 1)
        if up != down:  # only between the halves of a surrogate pair
            assert ord(text[down]) > 0xFFFF and units(text[:down]) + 1 == unit


@given(TEXT, st.data())
def test_spans_convert_both_ways(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    mapping = Utf16Map(text)
    u_start, u_end = mapping.to_utf16_span(start, end)
    assert text.encode("utf-16-le")[2 * u_start : 2 * u_end].decode("utf-16-le") == text[start:end]
    assert mapping.from_utf16_span(u_start, u_end) == (start, end)


def test_known_values():
    text = "a😀é\u0301中👍🏽"
    mapping = Utf16Map(text)
    assert [mapping.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6, 8, 10]
    assert mapping.from_utf16(2) == 1 and mapping.from_utf16(2, round_up=True) == 2
    with pytest.raises(IndexError):
        mapping.to_utf16(len(text) + 1)
    with pytest.raises(IndexError):
        mapping.from_utf16(-1)


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 2**16))
def test_a_megabyte_maps_correctly(seed):
    import random

    rng = random.Random(seed)
    pieces = ["中文段落，", "plain words ", "😀", "e\u0301", "\n", "𠀀"]
    text = "".join(rng.choice(pieces) for _ in range(200_000))[:1_000_000]
    mapping = Utf16Map(text)  # its speed is printed by bench/annotations.py
    for index in rng.sample(range(len(text) + 1), 200):
        unit = mapping.to_utf16(index)
        assert mapping.from_utf16(unit) == index
        assert unit == units(text[:index])
    assert mapping.utf16_length == units(text)
