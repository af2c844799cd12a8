from reader.model import Article
from reader.render import article_html, canonical_text, display_date, render_markdown


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
