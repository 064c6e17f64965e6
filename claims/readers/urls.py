"""One article from a URL, fetched by claims.fetch's rules, or from a file named instead."""

from __future__ import annotations

import os
import re
from dataclasses import replace

from claims import store
from claims.fetch import AllowPrivate, fetch
from claims.readers.article import Article, make_article
from claims.readers.files import read_article_file
from claims.readers.html import article_from_html

_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def fetch_article(url: str, *, allow_private: AllowPrivate = False) -> Article:
    """Fetch a URL (claims.fetch rules) and read it as an Article; nothing stored."""
    page = fetch(url, allow_private=allow_private)
    if page.is_html:
        article = article_from_html(page.text, url=page.url)
    else:
        article = make_article(page.text, label=page.url, url=page.url)
    return replace(article, retrieved=store.now_utc(), url=article.url or page.url, label=url)


def is_url(entry: str) -> bool:
    """True when `entry` is written as a URL (any scheme: fetch refuses all but http(s))."""
    return bool(_URL_LIKE.match(entry.strip()))


def read_article(entry: str | os.PathLike, *, allow_private: AllowPrivate = False) -> Article:
    """One article from a URL or an article file; nothing stored."""
    if isinstance(entry, str) and is_url(entry):
        return fetch_article(entry.strip(), allow_private=allow_private)
    return read_article_file(entry)
