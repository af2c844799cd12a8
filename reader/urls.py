"""The host of a web address, read one way everywhere: the library's page identity,
the site a page came from, the site names a headline is told apart from."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split_web_url(url: str) -> SplitResult | None:
    """``url`` split into its parts when it is an ``http``/``https`` address with a host, else None.

    Surrounding white space is ignored (saved pages often carry some); an address
    Python cannot split (a bad port, unbalanced brackets) is no address.
    """
    try:
        parts = urlsplit(url.strip())
        parts.port  # raises for a port that is not a number in range
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts


def url_host(url: str) -> str | None:
    """The site of an address: its host, lower case, without a leading ``www.``; None when not a web address.

    ``https://www.Example.com:8080/a`` and ``http://example.com`` are both ``example.com``.

    >>> url_host("https://WWW.news.cn/politics/2011-12/09/c_111230.htm")
    'news.cn'
    """
    parts = split_web_url(url)
    return site_host(parts) if parts is not None else None


def site_host(parts: SplitResult) -> str:
    """The host of an address :func:`split_web_url` accepted, as :func:`url_host` gives it."""
    return (parts.hostname or "").lower().removeprefix("www.")
