"""The East Asian character classes every rule of the extractor takes its ranges from."""

import re

from reader.scripts import CJK_LETTERS, HAN, HAN_BASIC, HAN_RUN, chars_matched, display_width


def test_a_text_dump_aligns_chinese_and_full_width_characters_at_two_columns():
    assert display_width("abc") == 3
    assert display_width("中文ab") == 6
    assert display_width("（图）") == 6
    assert display_width("한국어") == 6
    assert display_width("𠀋") == 2  # Extension B: drawn wide, though no word rule counts it


def test_kana_hangul_and_ideographs_each_count_as_a_word():
    letters = re.compile(f"[{CJK_LETTERS}]")
    assert all(letters.match(c) for c in "中文カタカナひらがな한글\ufa6e㐀")
    assert not any(letters.match(c) for c in "a1，。　Ａ")


def test_common_chinese_leaves_out_the_rare_extension_a():
    assert re.fullmatch(f"[{HAN}]", "㐀") and not re.fullmatch(f"[{HAN_BASIC}]", "㐀")
    assert re.fullmatch(f"[{HAN_BASIC}]+", "王文举")
    assert not re.match(f"[{HAN_BASIC}]", "\u4dc0")  # ䷀, a Yijing hexagram: no name holds it


def test_chars_matched_counts_characters_not_runs():
    assert chars_matched(HAN_RUN, "新华社 Xinhua 北京电，") == 6
    assert chars_matched(HAN_RUN, "no ideographs") == 0
