"""Outline levels for headings found in plain text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ingest import extract_bytes
from reader.ingest.headings import _common, heading_levels, numbering


def test_numbering_schemes_nest_in_their_usual_order():
    titles = ["一、总体要求", "（一）指导思想", "（二）基本原则", "1.坚持统筹", "2.坚持创新", "二、主要任务", "（一）扩大开放"]
    assert heading_levels(titles) == [2, 3, 3, 4, 4, 2, 3]


def test_parallel_run_nests_under_the_heading_before_it():
    titles = [
        "会议概况:三项议程顺利完成",
        "各方反响:企业代表积极发言",
        "东区:发展离不开园区的精心服务",
        "西区:发展离不开园区的精准对接",
        "北区:发展离不开园区的耐心指导",
    ]
    assert heading_levels(titles) == [2, 2, 3, 3, 3]


def test_parallel_headings_from_the_start_stay_at_the_top():
    titles = ["第一站:北京的冬天", "第二站:上海的冬天", "第三站:广州的冬天"]
    assert heading_levels(titles) == [2, 2, 2]


def test_english_headings_without_a_shared_structure_stay_flat():
    assert heading_levels(["Boats on parade", "Food and music", "What comes next"]) == [2, 2, 2]


def test_numbering_recognised():
    assert numbering("第三章 总则") == "chapter"
    assert numbering("二、主要任务") == "cn"
    assert numbering("（三）保障措施") == "cn-paren"
    assert numbering("2. Results") == "num"
    assert numbering("Results") == ""


def test_numbered_headings_in_a_plain_text_page():
    paragraph = "这是一段足够长的正文内容，用来说明这一部分的具体安排和要求，确保读者能够理解其中的意思。"
    text = "\n\n".join([
        "关于加强社区服务的通知",
        "来源：示例日报 2022-03-01",
        paragraph,
        "一、工作目标",
        paragraph,
        "（一）近期目标",
        paragraph,
        "（二）长期目标",
        paragraph,
        "二、保障措施",
        paragraph,
    ])
    article = extract_bytes(text.encode("utf-8"), "notice.txt")
    assert [(s.title, s.level) for s in article.sections] == [
        ("一、工作目标", 2), ("（一）近期目标", 3), ("（二）长期目标", 3), ("二、保障措施", 2)]


def _longest_common_by_definition(a: str, b: str) -> str:
    """Every substring of ``a``, longest first, then leftmost: the first one inside ``b``."""
    for length in range(min(len(a), len(b)), 0, -1):
        for start in range(len(a) - length + 1):
            if a[start:start + length] in b:
                return a[start:start + length]
    return ""


@given(st.text(alphabet="经开区发展离不开的服务ab:", max_size=24), st.text(alphabet="经开区发展离不开的服务ab:", max_size=24))
def test_common_part_is_the_longest_and_leftmost(a, b):
    assert _common(a, b) == _longest_common_by_definition(a, b)
