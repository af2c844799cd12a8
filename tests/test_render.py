import random

from reader.ingest import extract_file
from reader.model import Article
from reader.render import _render_parsed, _render_plain, article_html, canonical_text, display_date, render_markdown


def test_raw_html_is_shown_as_text_never_interpreted():
    rendered = render_markdown("<script>alert(1)</script>\n\nText with <iframe src=x></iframe> inline.")
    assert "<script>" not in rendered.html and "&lt;script&gt;" in rendered.html
    assert "<iframe" not in rendered.html
    assert rendered.text == "<script>alert(1)</script>\nText with <iframe src=x></iframe> inline."


def test_chinese_headings_get_readable_stable_anchors():
    rendered = render_markdown("## 会议盛况:十八项议程\n\ntext\n\n### 蜀山经开区\n\nmore")
    assert [(s.title, s.level, s.anchor) for s in rendered.sections] == [
        ("会议盛况:十八项议程", 2, "会议盛况十八项议程"),
        ("蜀山经开区", 3, "蜀山经开区"),
    ]
    assert 'id="会议盛况十八项议程"' in rendered.html
    assert render_markdown("## 会议盛况:十八项议程").sections == rendered.sections[:1]


def test_only_web_and_mail_links_survive_and_images_only_by_stored_name():
    rendered = render_markdown(
        "[a](https://x.org) [b](mailto:a@b.c) [c](javascript:alert(1)) [d](file:///etc/passwd) "
        "![ok](img-1.png) ![remote](https://tracker.example/pixel.gif) ![local](/etc/x.png)"
    )
    assert 'href="https://x.org"' in rendered.html and 'href="mailto:a@b.c"' in rendered.html
    assert "javascript" not in rendered.html and "file://" not in rendered.html
    assert 'src="img-1.png"' in rendered.html
    assert "tracker.example" not in rendered.html and "/etc/x.png" not in rendered.html
    assert "[remote]" in rendered.text


def test_canonical_text_is_one_line_per_block():
    html = "<h2>标题</h2>\n<p>第一段\n续行</p><ul><li>一</li><li>二</li></ul><blockquote><p>引</p></blockquote>"
    assert canonical_text(html) == "标题\n第一段 续行\n一\n二\n引"


def test_header_shows_title_source_date_and_a_safe_link():
    article = Article(title="安徽 & 合肥", markdown="body", source="市场星报",
                      published="2020-06-01T00:35:00+08:00", url="https://www.yybnet.net/")
    html = article_html(article)
    assert "安徽 &amp; 合肥" in html and "市场星报 · 2020-06-01 00:35" in html
    assert '<a href="https://www.yybnet.net/">' in html
    assert 'href="javascript' not in article_html(Article(title="t", markdown="b", url="javascript:alert(1)"))


def test_display_date():
    assert display_date("2020-06-01T00:35:00+08:00") == "2020-06-01 00:35"
    assert display_date("2020-06-01T00:00:00+08:00") == "2020-06-01"
    assert display_date("2020-06-01") == "2020-06-01"
    assert display_date("") == ""


def test_the_stored_rendering_is_used_and_the_markdown_is_the_fallback():
    article = Article(title="t", markdown="## 标题\n\n正文")
    assert '<h2 id="标题">标题</h2>' in article_html(article)
    article.html = "<p>stored rendering</p>"
    assert "stored rendering" in article_html(article) and "<h2" not in article_html(article)


# Pieces the fast path takes (words, CJK, escapes, entities, ">", white space inside a line) and
# pieces that each trip some other rule of Markdown (block openers, emphasis and code marks,
# raw HTML, control characters, digits before a stop).
_TAKEN = [
    "word", "Word", "中文", "2020年", "1.你", "&", "&amp;", "&#65;", "&#X41;", "&copy;", "&nbsp", ">",
    "\\`", "\\*", "\\_", "\\\\", "\\[", "\\]", "|", "!", "(", ")", "{", "}", ".", " ", "  ",
    "\u3000", "\xa0", "\u2028", "é", "😀", "ー", "-", "+", "=", "~",
    "*word*", "**word**", "*中文 word*", "**a.**", "*\\**", "**&amp; x**", "*", "**", "***",
]
_OTHER = [
    "12. ", "1) ", "- ", "+ ", "* ", "# ", "## ", "####### ", "> ", "===", "---", "~~~", "```", "`", "*",
    "_", "\\", "[", "]", "[TOC]", "<", "<b>", "<http://x.y>", "#", "\\#", "\t", "\r", "\x02", "\x03",
]


def _random_document(rng: random.Random) -> str:
    def text() -> str:
        return rng.choice(["", " "]).join(rng.choice(_OTHER if rng.random() < 0.03 else _TAKEN + ["word"] * 8)
                                          for _ in range(rng.randint(1, 8)))

    chunks = []
    for _ in range(rng.randint(1, 4)):
        opener = rng.choice(["", "", "", "## ", "### ", "- ", "1. "])
        lines = [opener + text() for _ in range(rng.choice([1] * 6 + [2, 3]))]
        if opener == "1. ":
            lines = [f"{n}. {line[3:]}" for n, line in enumerate(lines, 1)]
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + rng.choice(["", "\n", "\n\n"])


def test_the_fast_path_renders_exactly_what_python_markdown_renders():
    """Plain paragraphs, headings and lists, emphasis and all, skip the parser; whatever it takes, the HTML,
    text and sections must be Python-Markdown's to the byte, or highlights would move."""
    rng = random.Random(20261127)
    fast = emphasised = 0
    for _ in range(6000):
        document = _random_document(rng)
        rendered = _render_plain(document)
        if rendered is not None:
            fast += 1
            emphasised += "<em>" in rendered.html or "<strong>" in rendered.html
            assert rendered == _render_parsed(document), repr(document)
    assert fast > 600 and emphasised > 300


def test_extracted_pages_render_the_same_either_way(pages):
    fast = 0
    for path in sorted(pages.iterdir()):
        markdown_text = extract_file(path).markdown
        for chunk in markdown_text.split("\n\n"):
            rendered = _render_plain(chunk)
            if rendered is not None:
                fast += 1
                assert rendered == _render_parsed(chunk), repr(chunk)
        assert render_markdown(markdown_text) == _render_parsed(markdown_text)
    assert fast > 20
