"""HTML, "Web page, complete" saves and Markdown files."""

from __future__ import annotations

import base64

from reader.ingest import SUPPORTED_SUFFIXES, extract_bytes, extract_file
from .pages import PARAGRAPHS, article_html, tiny_png

def test_html_article():
    article = extract_bytes(article_html().encode(), "festival.html")
    assert article.title == "Harbor Festival Returns"
    assert article.format == "html"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert [(s.title, s.level) for s in article.sections] == [("The crowds", 2), ("The parade", 2)]
    assert "tracking" not in article.text and "color: red" not in article.text
    assert "Harbor Festival Returns" not in article.markdown


def test_web_page_complete_keeps_images_from_the_sibling_folder(tmp_path):
    (tmp_path / "festival_files").mkdir()
    (tmp_path / "festival_files" / "boats.png").write_bytes(tiny_png())
    page = tmp_path / "festival.html"
    page.write_text(article_html("festival_files/boats.png"), encoding="utf-8")
    article = extract_file(page)
    assert article.path == str(page)
    assert list(article.images) == ["img-1.png"]
    assert article.images["img-1.png"] == tiny_png()
    assert "![Boats in the harbor](img-1.png)" in article.markdown


def test_images_outside_the_page_folder_or_remote_are_not_loaded(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "outside.png").write_bytes(tiny_png())
    page = tmp_path / "site" / "festival.html"
    html = article_html("../outside.png").replace(
        "</article>", "<p><img src='https://example.com/remote.png' alt='remote'></p></article>")
    page.write_text(html, encoding="utf-8")
    article = extract_file(page)
    assert article.images == {}
    assert "outside.png" not in article.markdown and "example.com" not in article.markdown


def test_data_uri_image_is_kept():
    src = "data:image/png;base64," + base64.b64encode(tiny_png()).decode()
    article = extract_bytes(article_html(src).encode(), "festival.html")
    assert list(article.images.values()) == [tiny_png()]


def test_chinese_html_metadata_line_under_the_title():
    body = "".join(f"<p>{p}</p>" for p in [
        "江边公园改造工程近日完工，新增了步道、座椅和儿童游乐设施，周边居民纷纷前来散步游玩。",
        "公园管理处表示，今后将定期维护各项设施，保持环境整洁，欢迎市民监督，共同爱护公园环境。",
        "改造期间，施工单位采取夜间不施工的办法，尽量减少对居民休息的影响，得到了居民的理解和支持。",
    ])
    html = (
        "<html><head><meta charset='utf-8'><title>江边公园改造完工_新闻中心_示例网</title></head><body>"
        "<div class='nav'><a>首页</a> <a>新闻</a></div><div class='main'><h1>江边公园改造完工</h1>"
        "<div class='info'>2022-05-01 09:30　来源：城市晚报　作者：李明</div>"
        f"<div class='content'>{body}</div></div><div>相关新闻</div></body></html>"
    )
    article = extract_bytes(html.encode("utf-8"), "park.html")
    assert article.title == "江边公园改造完工"
    assert article.published == "2022-05-01T09:30:00+08:00"
    assert article.source == "城市晚报"
    assert article.byline == "李明"
    assert article.language == "zh"
    assert "江边公园改造工程近日完工" in article.text


def test_html_named_txt_is_read_as_html():
    article = extract_bytes(article_html().encode(), "festival.txt")
    assert article.format == "html"
    assert "<p>" not in article.text


def test_markdown_with_front_matter(fixtures):
    article = extract_file(fixtures / "notes-front-matter.md")
    assert article.format == "markdown"
    assert article.title == "Notes on Tide Pools"
    assert article.published == "2021-08-15"
    assert article.url == "https://example.org/tide-pools"
    assert article.byline == "Sam Reed"
    assert [(s.title, s.level) for s in article.sections] == [("What lives there", 2), ("When to visit", 2)]
    assert "# Notes on Tide Pools" not in article.markdown
    assert "hermit crabs" in article.text


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == (
        {".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml", ".txt", ".text", ".md", ".markdown"})


def test_toolbars_breadcrumbs_and_tag_lists_at_the_edges_of_a_chinese_story_are_dropped():
    story = ["空軍向法國採購的救護直昇機今天正式亮相，它不但有完整的醫療配備，可以在空中運送過程進行急救，未來將有助於提升空軍的救災能力。",
             "空軍一共採購三架救護直昇機，預計在今年七月正式成軍，將強化空軍救護隊的醫療救援資源，也讓國軍救難能量更加完整。",
             "空軍表示，新直昇機還有自動駕駛跟防撞系統以及紅外線夜視系統，可以讓飛行員更輕鬆、更安全的執行任務。"]
    tags = " 、 ".join(["蔡英文", "民進黨", "國民黨", "馬英九", "宋楚瑜", "親民黨", "總統大選", "高雄市", "台鐵"])
    page = ("<html><head><title>公共電視台 新聞網</title></head><body><div id='main'><p>Loading</p>"
            "<p>公視新聞網 / 政治</p><h2>救護直升機 空軍正式亮相</h2>" + "".join(f"<p>{p}</p>" for p in story)
            + f"<p>{tags}</p></div></body></html>")
    article = extract_bytes(page.encode(), "pts.html")
    assert article.text.split("\n")[-3:] == story
    for furniture in ("Loading", "公視新聞網 / 政治", "蔡英文"):
        assert furniture not in article.text
