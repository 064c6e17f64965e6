"""An article from Markdown: plain text of its blocks, metadata from YAML front matter."""

from __future__ import annotations

import re
from datetime import date

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from claims.readers.article import Article, lenient_date, make_article

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_FRONT_MATTER_KEYS = {
    "title": "title",
    "author": "author",
    "publisher": "publisher",
    "site_name": "publisher",
    "date": "published",
    "published": "published",
    "url": "url",
    "source_url": "url",
    "canonical_url": "url",
}
# CommonMark: what Markdown files are written in. Nothing here renders HTML; the
# parser's tokens say which text is prose, and markup, links' targets and images drop out.
_MARKDOWN = MarkdownIt("commonmark")
# Block tokens whose own content is text: code and raw HTML are kept as written.
_LITERAL_BLOCKS = frozenset({"fence", "code_block", "html_block"})


def article_from_markdown(markdown: str, label: str = "The Markdown text") -> Article:
    """Plain text of a Markdown article; YAML front matter and the first heading give
    metadata. Markup is removed so the extractor sees sentences, not syntax."""
    metadata: dict[str, str] = {}
    front = _FRONT_MATTER.match(markdown)
    if front:
        metadata = _front_matter_metadata(front.group(1))
        markdown = markdown[front.end() :]
    text, heading = _markdown_text(markdown)
    if heading and "title" not in metadata:
        metadata["title"] = heading
    if "published" in metadata:
        metadata["published"] = lenient_date(metadata["published"]) or ""
    return make_article(text, label=label, **metadata)


def _front_matter_metadata(front_matter: str) -> dict[str, str]:
    """The article fields that YAML front matter gives (title, date, url...); none when it
    is not a YAML mapping, since a page's own metadata is a hint, never fatal."""
    try:
        fields_ = yaml.safe_load(front_matter)
    except yaml.YAMLError:
        return {}
    if not isinstance(fields_, dict):
        return {}
    metadata: dict[str, str] = {}
    for key, value in fields_.items():
        target = _FRONT_MATTER_KEYS.get(str(key).strip().lower())
        if target is None or isinstance(value, bool):
            continue
        if isinstance(value, date):  # YAML reads 2023-04-07 as a date
            value = value.isoformat()
        if isinstance(value, str | int | float) and str(value).strip():
            metadata.setdefault(target, str(value).strip())
    return metadata


def _markdown_text(markdown: str) -> tuple[str, str | None]:
    """The text of Markdown's blocks, and its first heading.

    Blocks keep the source's layout: one that starts on the line after the previous
    one follows it on the next line (list items), any other after a blank line.
    A list item keeps its marker ("- ", "2. ").
    """
    parts: list[str] = []
    heading: str | None = None
    marker = ""
    previous_end: int | None = None
    tokens = _MARKDOWN.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            ordered = token.markup in (".", ")")
            marker = f"{token.info}{token.markup} " if ordered else f"{token.markup} "
            continue
        if token.type == "inline":
            text = _inline_text(token)
            if heading is None and tokens[index - 1].type == "heading_open":
                heading = text
        elif token.type in _LITERAL_BLOCKS:
            text = token.content.rstrip("\n")
        else:
            continue
        if not text or token.map is None:
            continue
        start, end = token.map
        if previous_end is not None:
            parts.append("\n" if start <= previous_end else "\n\n")
        parts.append(marker + text)
        marker, previous_end = "", end
    return re.sub(r"\n{3,}", "\n\n", "".join(parts)), heading


def _inline_text(token: Token) -> str:
    """An inline token's words: emphasis and links lose their markup, images go, a line
    break stays a line break."""
    words = []
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            words.append("\n")
        elif child.type != "image":
            words.append(child.content)
    return "".join(words).strip()
