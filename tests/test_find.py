"""Finding in an article's canonical text: what a reader types finds what looks the same."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.find import _Builder, _fold, _gaps, _is_continuation, find_all, fold, fold_text


def find(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in find_all(fold_text(text), query)]


def test_case_and_width_are_folded_both_ways():
    assert find("Ａｐｐｌｅ and apple, APPLE", "apple") == ["Ａｐｐｌｅ", "apple", "APPLE"]
    assert find("Apple", "ＡＰＰＬＥ") == ["Apple"]
    assert find("你好，世界, 再见", "，") == ["，", ","]
    assert find("a,b", "，") == [","]


def test_compatibility_forms_are_folded():
    assert find("a ﬁne ﬁnd", "fi") == ["ﬁ", "ﬁ"]
    assert find("Straße", "STRASSE") == ["Straße"]
    assert find("ｶﾞｲﾄﾞ", "ガイド") == ["ｶﾞｲﾄﾞ"]
    assert find("①②", "1") == ["①"]


def test_a_ligature_is_not_cut_in_half():
    """A match covers whole characters as the reader sees them: "f" alone is not inside "ﬁ"."""
    assert find("ﬁ", "f") == []
    assert find("ß", "s") == []


def test_combining_marks_compose():
    decomposed, composed = "cafe\u0301", "café"
    assert find(decomposed, composed) == [decomposed]
    assert find(composed, decomposed) == [composed]
    assert find(decomposed, "cafe") == []  # the mark belongs to the "e"


def test_whitespace_runs_match_any_whitespace_run_across_paragraphs():
    text = "the river\nbank and the river   bank, river\u3000bank"
    assert find(text, "river bank") == ["river\nbank", "river   bank", "river\u3000bank"]
    assert find(text, "river    bank") == ["river\nbank", "river   bank", "river\u3000bank"]


def test_a_whitespace_run_is_one_whatever_it_is_made_of():
    assert find_all(fold_text("\r \r"), " ") == [(0, 3)]
    assert find_all(fold_text("a  \ufe00b"), "a ") == [(0, 3)]


def test_offsets_are_code_points_of_the_original():
    text = "😀 ＡＢ ﬁ 😀ab"
    assert find_all(fold_text(text), "ab") == [(2, 4), (8, 10)]
    assert find_all(fold_text("中文的文字"), "文") == [(1, 2), (3, 4)]


def test_matches_do_not_overlap():
    assert find_all(fold_text("aaaa"), "aa") == [(0, 2), (2, 4)]


def test_an_empty_query_finds_nothing():
    assert find_all(fold_text("text"), "") == []
    assert find_all(fold_text(""), "a") == []


def test_the_simple_characters_listed_at_once_are_those_that_fold_one_to_one_alone():
    """The list is built by normalising every character in one call; check it one by one."""
    for code in range(0x10000):
        character = chr(code)
        if unicodedata.category(character) == "Cs":
            continue
        simple = code == 0x20 or (
            code != 0 and not character.isspace() and not _is_continuation(character) and len(_fold(character)) == 1
        )
        assert (_gaps().fullmatch(character) is None) == simple, hex(code)


# Properties, over characters chosen to be awkward: ligatures, case that
# changes length, full-width forms, combining marks, emoji with modifiers,
# Hangul jamo that compose, half-width kana marks, every kind of whitespace.
AWKWARD = list(
    "aAbBsSfiI ﬁﬂßẞİıΣσςǰ,，ＡａｂＢ.。e\u0301\u0308\u0327中文的字 😀👍🏽\u200d❤\ufe0f"
    "\n\t\u3000\xa0  ｶﾞｷﾟカ\u3099ᄀ\u1161\u11a8가ㄱㅏ①Ⅻ\u0b47\u0b3e"
)
texts = st.text(st.sampled_from(AWKWARD) | st.characters(exclude_categories=("Cs",)), max_size=40)
queries = st.text(st.sampled_from(AWKWARD), min_size=1, max_size=4)


def clusters(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded) of every cluster, by the general path alone."""
    builder = _Builder(text)
    builder.clusters(0, len(text))
    folded = builder.result()
    bounds = [start for _, start, _ in builder.segments] + [len(text)]
    edges = [size for size, _, _ in builder.segments] + [len(folded.text)]
    return [(bounds[i], bounds[i + 1], folded.text[edges[i]:edges[i + 1]]) for i in range(len(builder.segments))]


def brute_force(text: str, query: str) -> list[tuple[int, int]]:
    """Greedy left to right over whole clusters, with no index and no shortcuts."""
    needle, parts, found, i = fold(query), clusters(text), [], 0
    while needle and i < len(parts):
        joined, j = "", i
        while j < len(parts) and len(joined) < len(needle):
            joined += parts[j][2]
            j += 1
        if joined == needle:
            found.append((parts[i][0], parts[j - 1][1]))
            i = j
        else:
            i += 1
    return found


@settings(max_examples=400, deadline=None)
@given(texts, queries)
def test_every_match_folds_to_the_query(text, query):
    matches = find_all(fold_text(text), query)
    for start, end in matches:
        assert fold(text[start:end]) == fold(query)
    assert all(a[1] <= b[0] for a, b in zip(matches, matches[1:]))


@settings(max_examples=400, deadline=None)
@given(texts, queries)
def test_matches_are_those_a_cluster_by_cluster_search_finds(text, query):
    assert find_all(fold_text(text), query) == brute_force(text, query)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_fast_path_folds_as_the_general_path_does(text):
    fast, slow = fold_text(text), _Builder(text)
    slow.clusters(0, len(text))
    general = slow.result()
    assert fast.text == general.text
    for k in range(len(fast.text) + 1):
        assert fast.is_boundary(k) == general.is_boundary(k)
        if fast.is_boundary(k):
            assert fast.original(k) == general.original(k)
