"""The headless commands, run as a user or a script would run them."""

import json
from pathlib import Path


from tests.cli_run import lines, reader

ROOT = Path(__file__).resolve().parents[1]


def test_import_then_list(tmp_path, pages):
    library = str(tmp_path / "lib.sqlite3")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    first = lines(reader("--library", library, "import", "--json", str(pages), str(empty), check_status=1))
    assert [(Path(r["path"]).name, r["status"]) for r in first] == [
        ("field-notes.html", "imported"), ("library-week.txt", "imported"), ("quiet-hours.md", "imported"),
        ("empty.html", "failed"),
    ]
    assert first[-1]["id"] is None and "empty" in first[-1]["error"]
    assert all(isinstance(r["id"], int) and r["error"] is None for r in first[:3])

    again = lines(reader("--library", library, "import", "--json", str(pages / "quiet-hours.md")))
    assert again == [{"path": str(pages / "quiet-hours.md"), "id": first[2]["id"], "status": "duplicate", "error": None}]

    listed = lines(reader("--library", library, "list", "--json"))
    assert [r["title"] for r in listed] == [
        "Field notes on river restoration", "Quiet hours in the reading room", "青溪市图书馆举办第三届阅读周活动",
    ]
    chinese = listed[2]
    assert chinese["source"] == "青溪日报" and chinese["published"].startswith("2021-04-23T09:15")
    assert chinese["url"] == "https://news.example.cn/qingxi/2021/0423/reading-week.html"
    assert chinese["sections"] == 8
    assert set(chinese) == {"id", "title", "byline", "source", "published", "added", "url", "sections", "progress",
                            "opened", "state", "tags"}

    found = reader("--library", library, "search", "古籍修复").stdout
    assert "青溪市图书馆" in found and "Field notes" not in found


def test_extract_json_reports_failures_and_goes_on(tmp_path, pages):
    missing = tmp_path / "nope.txt"
    result = reader("extract", "--json", str(missing), str(pages / "quiet-hours.md"), check_status=1)
    failed, ok = lines(result)
    assert failed["path"] == str(missing) and failed["error"]
    assert ok["title"] == "Quiet hours in the reading room" and ok["format"] == "markdown"
    assert {"path", "format", "encoding", "title", "byline", "source", "published", "url", "language",
            "sections", "text", "markdown"} <= set(ok)


def test_a_newer_library_is_refused_with_a_sentence(tmp_path):
    import sqlite3

    path = tmp_path / "lib.sqlite3"
    reader("--library", str(path), "list")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    result = reader("--library", str(path), "list", check_status=2)
    assert "newer version of Reader" in result.stderr


def test_the_shared_sample_extracts_as_expected(shared_sample):
    expected = json.loads(shared_sample.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = lines(reader("extract", "--json", str(shared_sample)))[0]
    assert (got["title"], got["source"], got["url"]) == (expected["title"], expected["source"], expected["url"])
    assert got["published"].startswith("2020-06-01T00:35")
    assert [(s["title"], s["level"]) for s in got["sections"]] == [(s["title"], s["level"]) for s in expected["sections"]]
    assert expected["first_paragraph"] in got["text"] and expected["last_paragraph"] in got["text"]
    assert not [w for w in expected["must_not_contain"] if w in got["text"]]


def test_extract_json_keeps_one_object_per_line_even_with_line_separators(tmp_path):
    page = tmp_path / "breaks.md"
    page.write_text("# Breaks\n\nfirst line  \nsecond line\u2028third\n\nlast\u2029para\n", encoding="utf-8")
    result = reader("extract", "--json", str(page))
    assert len(result.stdout.splitlines()) == 1
    [record] = lines(result)
    assert "second line" in record["text"]
