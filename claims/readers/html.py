"""An article from a web page: its main text and metadata (trafilatura)."""

from __future__ import annotations

import re

from claims.model import ClaimsError
from claims.readers.article import (
    MAX_FILE_BYTES,
    Article,
    encode_utf8,
    lenient_date,
    make_article,
)
from claims.textio import decode_bytes

# A <script> or <style> longer than this, or a run this long without a tag in it (an
# inline data: image, a comment), is dropped before parsing a page: the HTML parser
# gives up at a text node or attribute over 10 MB and would lose the article after it.
HUGE_INLINE_CHARS = 1_000_000


def article_from_html(
    html: str | bytes, url: str | None = None, *, label: str | None = None
) -> Article:
    """Main text and metadata of a web page (trafilatura); menus, cookie banners and
    related-link blocks are left out. ClaimsError when no article text is found.

    `label` names the input in messages (default: the URL)."""
    import trafilatura  # imported here: slow to import, and worker processes never need it

    label = label or url or "The HTML page"
    if isinstance(html, bytes):
        html = decode_bytes(html, label, html=True)
    encode_utf8(html, label)
    if not html.strip():
        raise ClaimsError(f"{label} is empty: there is no HTML to read.")
    if len(html) > MAX_FILE_BYTES:
        raise ClaimsError(
            f"{label} is too large: the limit for a web page is "
            f"{MAX_FILE_BYTES / 1_048_576:g} MB (MAX_FILE_BYTES)."
        )
    try:
        document = trafilatura.bare_extraction(
            _drop_huge_inline(html),
            url=url,
            with_metadata=True,
            include_comments=False,
            # Tables flatten into runs of cells, not sentences; leave them out.
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception as exc:  # noqa: BLE001 - the parsers fail on some broken markup
        # ("</html><svg>" trips an assertion inside lxml, through htmldate).
        raise ClaimsError(
            f"{label}: the HTML is too broken to read ({type(exc).__name__})."
        ) from None
    assert not isinstance(document, dict)  # a dict only when asked with as_dict=True
    body = (document.text if document is not None else None) or ""
    if document is None or not body.strip():
        raise ClaimsError(f"{label}: no article text found in the HTML.")
    # trafilatura puts one paragraph per line; a blank line between them tells
    # the extractor's sentence splitter where paragraphs end.
    text = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    return make_article(
        text,
        label=label,
        title=document.title,
        author=document.author,
        publisher=document.sitename,
        published=lenient_date(document.date),
        url=document.url or url,
    )


_INLINE_OPEN = re.compile(r"<(script|style)\b[^<>]{0,4096}>", re.I)
_INLINE_CLOSE = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style")}


def _drop_huge_inline(html: str) -> str:
    """The page without script and style contents, or runs of characters between
    tags, longer than HUGE_INLINE_CHARS.

    Linear time: each search starts where the previous one ended."""
    if len(html) <= HUGE_INLINE_CHARS:
        return html
    html = _drop_huge_runs(html, HUGE_INLINE_CHARS)
    kept: list[str] = []
    pos = 0
    while (opening := _INLINE_OPEN.search(html, pos)) is not None:
        closing = _INLINE_CLOSE[opening.group(1).lower()].search(html, opening.end())
        end = closing.start() if closing else len(html)
        huge = end - opening.end() > HUGE_INLINE_CHARS
        kept.append(html[pos : opening.end() if huge else end])
        pos = end
        if closing is None:
            break
        kept.append(closing.group())
        pos = closing.end()
    kept.append(html[pos:])
    return "".join(kept)


def _drop_huge_runs(html: str, limit: int) -> str:
    """The text without runs of more than `limit` characters free of "<" and ">".

    Every such run holds a multiple of `limit`, so only those places are looked at.
    """
    kept: list[str] = []
    pos = 0
    for i in range(limit, len(html), limit):
        if i < pos:
            continue
        start = max(html.rfind("<", 0, i), html.rfind(">", 0, i)) + 1
        end = min((e for e in (html.find("<", i), html.find(">", i)) if e != -1), default=len(html))
        if end - start > limit:
            kept.append(html[pos:start])
            pos = end
    kept.append(html[pos:])
    return "".join(kept)
