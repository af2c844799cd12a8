"""A small article in Chinese and English, with highlights of every colour, built in the test."""

from __future__ import annotations

import pytest

from reader.annotate import new_highlight
from reader.export import ArticleNotes
from reader.model import COLORS, Article, StoredArticle
from reader.render import render_markdown

MARKDOWN = """\
安徽省开发区协会召开理事会，会议在合肥举行。

## 会议内容

会议审议了《2021年工作报告》，并*部署*了下一阶段的重点工作。

English readers: the council met in **Hefei** on 23 April, and approved the report.

- 第一项：推动园区高质量发展
- Second item: shared services for the zones

### Details & numbers

The budget grew by 12% (see the table).

| 项目 | Amount |
|---|---|
| 招商 | 3.5 |

```
line one
  indented 二
```

## 结语

大家一致认为，开发区是经济发展的主战场。  
A line after a break, with ![会标](logo.png) inline.
"""

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082"
)

MEANINGS = {"yellow": "Key point", "green": "Agree", "red": "Disagree", "blue": "Question"}


def make_article(title: str = "安徽省开发区协会第二届第二次理事会在合肥召开", article_id: int = 7,
                 url: str = "https://news.example.cn/2021/0423/council.html") -> StoredArticle:
    rendered = render_markdown(MARKDOWN)
    article = Article(
        title=title, markdown=MARKDOWN, text=rendered.text, byline="王明 (Wang Ming)", source="安徽日报",
        published="2021-04-23T09:30:00+08:00", url=url, language="zh", sections=rendered.sections,
        format="markdown", images={"logo.png": PNG},
    )
    return StoredArticle(id=article_id, article=article, content_hash=article.content_hash, added="2021-04-24T00:00:00+00:00")


PASSAGES = [  # (passage, colour, note, tags)
    ("开发区协会召开理事会", "yellow", "", []),
    ("部署了下一阶段的重点工作", "green", "**重点**: see [the plan](https://example.org/plan) and `code`.", ["工作", "plan"]),
    ("the council met in Hefei", "blue", "Who attended?\n\n- mayor\n- 主任", ["question"]),
    ("推动园区高质量发展", "pink", "", ["园区 发展"]),
    ("budget grew by 12%", "purple", "Cost $5 — not ${template}.", []),
    ("line one\n  indented 二", "red", "A quote spanning\ntwo code lines.", ["code"]),
    ("开发区是经济发展的主战场", "yellow", "结语的笔记", ["结论"]),
]


def make_notes(stored: StoredArticle | None = None) -> ArticleNotes:
    stored = stored or make_article()
    text = stored.article.text
    highlights = []
    for number, (passage, color, note, tags) in enumerate(PASSAGES, start=1):
        start = text.index(passage)
        h = new_highlight(stored, start, start + len(passage), color=color, note=note, tags=tags)
        h.id = 100 + number
        h.created = f"2021-05-0{number}T08:00:00+00:00"
        h.modified = f"2021-05-0{number}T09:00:00+00:00"
        highlights.append(h)
    orphan = new_highlight(stored, 0, 4, color="green", note="This passage was removed.", tags=["gone"])
    orphan.exact, orphan.prefix, orphan.suffix = "一段已删除的文字", "", ""
    orphan.state, orphan.id = "orphaned", 199
    orphan.created = orphan.modified = "2021-05-20T08:00:00+00:00"
    highlights.append(orphan)
    assert {h.color for h in highlights} == set(COLORS)
    return ArticleNotes(stored=stored, highlights=highlights, note="整体笔记: a *good* summary.\n\nSecond paragraph.",
                        tags=["安徽", "meetings"])


@pytest.fixture
def notes() -> ArticleNotes:
    return make_notes()
