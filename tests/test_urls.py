"""One reading of a web address's host, for the library's page identity and a page's site."""

import pytest

from reader.urls import url_host


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Example.com/a/b?x=1#top", "example.com"),
        ("  http://news.cn:8080/politics/  ", "news.cn"),
        ("HTTP://user@WWW.huanqiu.com", "huanqiu.com"),
        ("https://www2.example.com/", "www2.example.com"),
        ("https://example.com?p=1", "example.com"),
    ],
)
def test_the_host_is_the_site_whatever_the_case_port_and_www(url, host):
    assert url_host(url) == host


@pytest.mark.parametrize("url", ["", "example.com/a", "ftp://example.com/a", "file:///home/a.html",
                                 "https:///nohost", "http://example.com:port/", "http://[::1/"])
def test_anything_but_a_web_address_has_no_host(url):
    assert url_host(url) is None
